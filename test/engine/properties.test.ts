import fc from 'fast-check';
import { PAR_ROWS, TEMPLATE_IDS } from '../../src/catalog';
import type { ParRow, TemplateId } from '../../src/catalog/types';
import { parseCellInput, summarizePar, validateSheet, validateWorkbook } from '../../src/engine';
import type { CellKind } from '../../src/engine';
import type { CellValue, Finding, SheetSnapshot } from '../../src/engine/types';
import { inputsOf, makeSnapshot, permuteRows, planOf } from './snapshot';
import type { Fill } from './snapshot';

/** What officials type or paste, plus what no spreadsheet holds. */
const tricky = fc.constantFrom<CellValue>(
  '12',
  '1.234',
  '1,234',
  '1.234,5',
  '1 234',
  '85%',
  '85,5 %',
  ' 12 ',
  '12\u00A0',
  '\u202F7',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#N/A',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  'Đạt',
  'Không đạt',
  'dat',
  ' Không  đạt',
  'khong dat',
  '15/4/2020',
  '=SUM(A1)',
  '😀',
  'NaN',
  '-3',
  '0,5',
  ' ',
  'có',
  'không',
  85,
  -1,
  0.8555,
  43936,
);
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  tricky,
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
);
const kinds: CellKind[] = ['count', 'percent', 'flag', 'passfail', 'text', 'group', 'parScore'];

const base = new Map<TemplateId, SheetSnapshot>(TEMPLATE_IDS.map((id) => [id, makeSnapshot(id)]));
function clone(s: SheetSnapshot): SheetSnapshot {
  return {
    ...s,
    values: s.values.map((r) => r.slice()),
    formulas: s.formulas?.map((r) => r.slice()),
    numberFormats: s.numberFormats?.map((r) => r.slice()),
  };
}

const templateArb = fc.constantFrom(...TEMPLATE_IDS);

describe('properties', () => {
  it('parseCellInput never throws, and a fix it proposes is accepted as it stands', () => {
    fc.assert(
      fc.property(
        anyCell,
        fc.constantFrom(...kinds),
        fc.double({ min: 0.25, max: 16, noNaN: true }),
        (raw, kind, max) => {
          const r = parseCellInput(raw, kind, { max });
          if (r.status === 'fixable') {
            const again = parseCellInput(r.value, kind, { max });
            expect([r.value, again.status]).toEqual([r.value, r.value === null ? 'empty' : 'ok']);
          }
          if (r.status === 'invalid') expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a sheet judges a cell exactly as parseCellInput does (the fast path agrees with the rules)', () => {
    const cells: Array<[TemplateId, string, string, CellKind, number | undefined]> = [
      ['I', 'I.2', '2019', 'count', undefined],
      ['I', 'I.6.c', '2019', 'percent', undefined],
      ['I', 'I.3.a', '2019', 'flag', undefined],
      ['I', 'I.3.e', '2019', 'text', undefined],
      ['VIII', 'VIII.2', 'assessment', 'passfail', undefined],
      ['PAR', '2.4.3', 'score', 'parScore', 1.5],
    ];
    const numbers = fc.oneof(
      fc.double(),
      fc.integer({ min: -5, max: 5 }),
      fc.integer().map((n) => n / 1000),
    );
    fc.assert(
      fc.property(fc.constantFrom(...cells), fc.oneof(numbers, anyCell), ([id, key, columnId, kind, max], raw) => {
        const sheet = validateSheet(makeSnapshot(id, { values: { [key]: { [columnId]: raw } } }));
        const got = sheet.findings
          .filter((f) => f.rowKey === key && f.column === columnId && f.code !== 'below-target')
          .map((f) => [f.severity, f.code, f.fix?.value]);
        // The helper writes a constant into Range.formulas too, as Excel reports it.
        const expected = parseCellInput(raw, kind, { max, formula: raw }).problems.map((p) => [
          p.severity,
          p.code,
          p.fix?.value,
        ]);
        expect(got).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });

  it('validation never throws for any content in any cell, formula or number format', () => {
    fc.assert(
      fc.property(
        templateArb,
        fc.array(fc.tuple(fc.nat(), fc.nat(), anyCell, fc.option(anyCell), fc.option(fc.string({ maxLength: 12 }))), {
          maxLength: 60,
        }),
        (id, edits) => {
          const s = clone(base.get(id) as SheetSnapshot);
          for (const [r, c, v, f, nf] of edits) {
            const row = r % s.values.length;
            const col = c % s.values[row].length;
            s.values[row][col] = v;
            if (f !== null) (s.formulas as CellValue[][])[row][col] = f;
            if (nf !== null) (s.numberFormats as string[][])[row][col] = nf;
          }
          const result = validateSheet(s);
          for (const f of result.findings) expect(f.sheet).toBe(s.name);
        },
      ),
      { numRuns: 300 },
    );
  });

  const validValue = (kind: string, columnId: string, key: string): fc.Arbitrary<CellValue> => {
    switch (kind) {
      case 'count':
        return fc.nat({ max: 1_000_000 });
      case 'percent':
        return fc.double({ min: 0, max: 1, noNaN: true });
      case 'flag':
        return fc.constantFrom(0, 1);
      case 'passfail':
        return fc.constantFrom('Đạt', 'Không đạt');
      case 'par-leaf': {
        if (columnId !== 'score')
          return fc.string({ maxLength: 30 }).filter((x) => !x.startsWith('#') && x.trim() !== '');
        const max = (PAR_ROWS.find((r) => r.id === key) as ParRow).max;
        return fc.integer({ min: 0, max: Math.round(max * 1000) }).map((m) => m / 1000);
      }
      default:
        return fc.string({ maxLength: 30 }).filter((x) => !x.startsWith('#') && x.trim() !== '');
    }
  };

  /** Values for every input of a template, each filled or left empty. */
  const fillArb = (
    id: TemplateId,
    value: (kind: string, columnId: string, key: string) => fc.Arbitrary<CellValue>,
  ): fc.Arbitrary<Fill> =>
    fc.tuple(...inputsOf(id).map((i) => fc.option(value(i.kind, i.columnId, i.key), { freq: 4 }))).map((vs) => {
      const fill: Fill = {};
      inputsOf(id).forEach((i, n) => {
        if (vs[n] !== null) (fill[i.key] ??= {})[i.columnId] = vs[n];
      });
      return fill;
    });

  it('a workbook of valid values has no errors', () => {
    const ids = TEMPLATE_IDS.filter((id) => inputsOf(id).length > 0);
    fc.assert(
      fc.property(fc.tuple(...ids.map((id) => fillArb(id, validValue))), (fills) => {
        const result = validateWorkbook(ids.map((id, i) => makeSnapshot(id, { values: fills[i] })));
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(result.counts.error).toBe(0);
      }),
      { numRuns: 40 },
    );
  });

  const signature = (fs: Finding[]): string[] =>
    fs.map((f) => `${f.severity}|${f.code}|${f.rowKey}|${f.column}`).sort();

  it('moving a sheet’s rows changes only the findings’ addresses', () => {
    const ids = TEMPLATE_IDS.filter((id) => inputsOf(id).length > 0);
    const arb = fc.constantFrom(...ids).chain((id) => {
      const first = planOf(id).headerRows[1] + 1;
      const body = (base.get(id) as SheetSnapshot).values.length - first + 1;
      const indexes = Array.from({ length: body }, (_, i) => i);
      return fc.tuple(
        fc.constant(id),
        fc.constant(first),
        fillArb(id, () => anyCell),
        fc.shuffledSubarray(indexes, { minLength: body, maxLength: body }),
      );
    });
    fc.assert(
      fc.property(arb, ([id, first, fill, order]) => {
        const snapshot = makeSnapshot(id, { values: fill });
        const before = validateSheet(snapshot);
        const after = validateSheet(permuteRows(snapshot, first, order));
        expect(signature(after.findings)).toEqual(signature(before.findings));
        expect(after.cellsChecked).toBe(before.cellsChecked);
        expect(after.cellsFilled).toBe(before.cellsFilled);
      }),
      { numRuns: 150 },
    );
  });

  it('PAR subtotals equal the sum of their filled leaves, complete only when all are filled', () => {
    const leaves = PAR_ROWS.filter((r) => r.children.length === 0);
    const leafArb = fc.tuple(
      ...leaves.map((r) => fc.option(fc.integer({ min: 0, max: Math.round(r.max * 1000) }), { freq: 3 })),
    );
    const byId = new Map(PAR_ROWS.map((r) => [r.id, r]));
    const leafIds = (id: string): string[] => {
      const r = byId.get(id) as ParRow;
      return r.children.length === 0 ? [id] : r.children.flatMap(leafIds);
    };
    fc.assert(
      fc.property(leafArb, (milli) => {
        const scoreMilli = new Map(leaves.map((r, i) => [r.id, milli[i]]));
        const fill: Fill = {};
        for (const [id, m] of scoreMilli) if (m !== null) fill[id] = { score: m / 1000 };
        const s = summarizePar(makeSnapshot('PAR', { values: fill }));
        for (const x of s.rows) {
          const ls = leafIds(x.id).map((id) => scoreMilli.get(id) ?? null);
          const filled = ls.filter((m): m is number => m !== null);
          const sum = filled.reduce((a, b) => a + b, 0) / 1000;
          expect([x.id, x.partialSum, x.missing, x.complete]).toEqual([
            x.id,
            sum,
            ls.length - filled.length,
            filled.length === ls.length,
          ]);
          expect(x.score).toBe(x.complete ? sum : null);
          if (x.complete) expect(x.gap).toBe((Math.round(sum * 1000) - Math.round(x.target * 1000)) / 1000);
        }
      }),
      { numRuns: 200 },
    );
  });
});
