import { PAR_ROWS, parRow } from '../../src/catalog';
import type { ParRow } from '../../src/catalog/types';
import { summarizePar, validateSheet } from '../../src/engine';
import type { CellValue, Finding, ParRowResult } from '../../src/engine/types';
import { gapFormula, parentScoreFormula } from '../../src/layout';
import { cellOf, makeSnapshot, permuteRows, planOf, rowPlan } from './snapshot';
import type { Fill } from './snapshot';

const leaves = PAR_ROWS.filter((r) => r.children.length === 0);
const parents = PAR_ROWS.filter((r) => r.children.length > 0);

/** Every leaf scored by `score` (undefined leaves it empty), with evidence. */
function scored(score: (r: ParRow) => CellValue | undefined): Fill {
  const fill: Fill = {};
  for (const r of leaves) {
    const v = score(r);
    if (v !== undefined) fill[r.id] = { score: v, evidence: 'Báo cáo số 12/BC-SNV' };
  }
  return fill;
}

const row = (rows: ParRowResult[], id: string): ParRowResult => {
  const x = rows.find((r) => r.id === id);
  if (!x) throw new Error(`no row ${id}`);
  return x;
};

const brief = (fs: Finding[]): Array<[string, string, string, string, string | null]> =>
  fs.map((f) => [f.severity, f.code, f.cell, f.rowKey, f.column]);

/** Sum in thousandths, as a check independent of the engine's own arithmetic. */
const sum3 = (xs: number[]): number => xs.reduce((a, x) => a + Math.round(x * 1000), 0) / 1000;
const leafIds = (id: string): string[] => {
  const r = parRow(id) as ParRow;
  return r.children.length === 0 ? [id] : r.children.flatMap(leafIds);
};

describe('summarizePar: subtotals from the leaves', () => {
  it('an empty sheet: nothing complete, every leaf missing', () => {
    const s = summarizePar(makeSnapshot('PAR'));
    expect(s.total.complete).toBe(false);
    expect(s.total.missing).toBe(76);
    expect(s.total.partialSum).toBe(0);
    expect(s.total.score).toBeNull();
    expect(s.total.gap).toBeNull();
    expect(s.total.cell).toBe(cellOf('PAR', 'total', 'score'));
    expect(s.rows.map((r) => r.id)).toEqual(PAR_ROWS.map((r) => r.id));
    expect(s.belowTarget).toEqual([]);
    expect(s.byLead).toEqual([]);
  });

  it('every leaf at its maximum: the total is 100, complete, not below target', () => {
    const s = summarizePar(makeSnapshot('PAR', { values: scored((r) => r.max) }));
    expect(s.total).toMatchObject({
      score: 100,
      complete: true,
      missing: 0,
      belowTarget: false,
      gap: 7.582,
      achievable: 0,
    });
    for (const p of parents) expect(row(s.rows, p.id).score).toBe(p.max);
  });

  it('every leaf at its 2020 score: each parent is the sum of its own leaves', () => {
    const s = summarizePar(makeSnapshot('PAR', { values: scored((r) => r.previousScore) }));
    for (const p of parents) {
      const expected = sum3(leafIds(p.id).map((id) => (parRow(id) as ParRow).previousScore));
      expect([p.id, row(s.rows, p.id).score]).toEqual([p.id, expected]);
    }
    // 6.1's leaves add up to 1.857, not the published 1.858.
    expect(row(s.rows, '6.1').score).toBe(1.857);
  });

  it('a parent with missing leaves: incomplete, with the count missing and its partial sum', () => {
    const s = summarizePar(makeSnapshot('PAR', { values: { '1.1': { score: 1.5 }, '1.2': { score: 0.5 } } }));
    expect(row(s.rows, '1')).toMatchObject({
      complete: false,
      missing: 4,
      partialSum: 2,
      score: null,
      belowTarget: null,
    });
    expect(row(s.rows, '1.1')).toMatchObject({ complete: true, missing: 0, score: 1.5, isLeaf: true });
    expect(row(s.rows, '1.3')).toMatchObject({ complete: false, missing: 1, partialSum: 0, score: null });
    expect(s.total.missing).toBe(74);
  });

  it('sums without binary noise: 0.1 + 0.2 is 0.3', () => {
    const s = summarizePar(makeSnapshot('PAR', { values: { '5.5.1': { score: 0.1 }, '5.5.2': { score: 0.2 } } }));
    expect(row(s.rows, '5.5').score).toBe(0.3);
  });

  it('a leaf holding text or an invalid score does not count, as the sheet’s COUNT would not', () => {
    const s = summarizePar(
      makeSnapshot('PAR', {
        values: { '5.5.1': { score: '0,25' }, '5.5.2': { score: 0.5 }, '5.8.1': { score: 5 } },
      }),
    );
    expect(row(s.rows, '5.5')).toMatchObject({ complete: false, missing: 1, partialSum: 0.5 });
    expect(row(s.rows, '5.8.1')).toMatchObject({ complete: false, score: null });
  });

  it('the synthetic 7.2.other is a leaf of 7.2', () => {
    const s = summarizePar(makeSnapshot('PAR', { values: { '7.2.1': { score: 0.4 }, '7.2.other': { score: 1 } } }));
    expect(row(s.rows, '7.2')).toMatchObject({ complete: true, score: 1.4, belowTarget: false });
  });

  it('moving rows changes cells only', () => {
    const snapshot = makeSnapshot('PAR', { values: scored((r) => (r.id.startsWith('6') ? undefined : r.target)) });
    const first = planOf('PAR').headerRows[1] + 1;
    const body = snapshot.values.length - first + 1;
    const order = Array.from({ length: body }, (_, i) => (i * 37) % body);
    expect(new Set(order).size).toBe(body);
    const a = summarizePar(snapshot);
    const b = summarizePar(permuteRows(snapshot, first, order));
    const strip = (rows: ParRowResult[]): Omit<ParRowResult, 'cell'>[] => rows.map(({ cell: _cell, ...rest }) => rest);
    expect(strip(b.rows)).toEqual(strip(a.rows));
    expect(row(b.rows, '1.1').cell).toBe(`G${first + order.indexOf(rowPlan('PAR', '1.1').row - first)}`);
  });

  it('refuses a sheet that is not the PAR list', () => {
    expect(() => summarizePar(makeSnapshot('I'))).toThrow(RangeError);
  });
});

describe('targets', () => {
  // Every leaf at its target except 1.6 (1.0 of 1.3) and 6.1.2 (0.5 of 1).
  const snapshot = makeSnapshot('PAR', {
    values: scored((r) => (r.id === '1.6' ? 1 : r.id === '6.1.2' ? 0.5 : r.target)),
  });
  const s = summarizePar(snapshot);

  it('lists leaves and complete parents below target, largest shortfall first', () => {
    expect(s.belowTarget.map((r) => [r.id, r.gap])).toEqual([
      ['6', -0.5],
      ['6.1', -0.5],
      ['6.1.2', -0.5],
      ['1', -0.3],
      ['1.6', -0.3],
    ]);
    expect(row(s.rows, '1.6')).toMatchObject({ belowTarget: true, gap: -0.3, achievable: 0.5, lead: 'VPUB' });
    expect(row(s.rows, '1.1')).toMatchObject({ belowTarget: false, gap: 0 });
    // The total is below too, reported on its own.
    expect(s.total).toMatchObject({ belowTarget: true, gap: -0.8, score: 91.618 });
  });

  it('groups the leaves below target by lead unit, largest debt first', () => {
    expect(s.byLead.map((g) => [g.lead, g.pointsOwed, g.rows.map((r) => r.id)])).toEqual([
      ['STC', 0.5, ['6.1.2']],
      ['VPUB', 0.3, ['1.6']],
    ]);
  });

  it('adds up a unit’s shortfalls', () => {
    const two = summarizePar(
      makeSnapshot('PAR', { values: scored((r) => (r.id === '1.6' ? 1 : r.id === '3.3' ? 2.5 : r.target)) }),
    );
    expect(parRow('3.3')?.lead).toBe('VPUB');
    expect(two.byLead.map((g) => [g.lead, g.pointsOwed, g.rows.map((r) => r.id)])).toEqual([
      ['VPUB', 0.8, ['3.3', '1.6']],
    ]);
  });

  it('validateSheet reports each row below target as info at its score cell', () => {
    const result = validateSheet(snapshot);
    expect(result.par).toEqual(s);
    expect(brief(result.findings.filter((f) => f.code === 'below-target'))).toEqual(
      ['6', '6.1', '6.1.2', '1', '1.6'].map((id) => ['info', 'below-target', cellOf('PAR', id, 'score'), id, 'score']),
    );
    const f = result.findings.find((x) => x.rowKey === '1.6' && x.code === 'below-target') as Finding;
    expect(f.message.vi).toContain('thiếu 0,3 điểm');
    expect(f.message.en).toContain('0.3 points short');
  });

  it('rows already below the 2021 target in 2020: 60 of the 95 rows of the list', () => {
    // The seed lists 95 rows (areas, criteria, sub-criteria); the catalog adds the total and the
    // synthetic 7.2.other, which is at its target (1 of 1).
    const seedRows = PAR_ROWS.filter((r) => r.id !== 'total' && !r.synthetic);
    expect(seedRows).toHaveLength(95);
    const below = s.below2020.map((r) => r.id);
    expect(below).toHaveLength(60);
    expect(below).toEqual(seedRows.filter((r) => r.previousScore < r.target).map((r) => r.id));
    expect(below).not.toContain('total');
    expect(below).toContain('6.1.2');
    expect(below).not.toContain('1.1');
    // The total was below as well (86.07 < 92.418): the 61st, reported through `total`.
    expect(s.total.previousScore).toBeLessThan(s.total.target);
  });
});

describe('PAR findings', () => {
  it('the published 2020 column: 6.1 and 7.1 differ from their children by rounding (info)', () => {
    const fs = validateSheet(makeSnapshot('PAR')).findings;
    expect(brief(fs)).toEqual([
      ['info', 'par-previous-rounding', cellOf('PAR', '6.1', 'previousScore'), '6.1', 'previousScore'],
      ['info', 'par-previous-rounding', cellOf('PAR', '7.1', 'previousScore'), '7.1', 'previousScore'],
    ]);
    expect(fs[0].message.en).toContain('1.858');
    expect(fs[0].message.en).toContain('1.857');
    expect(fs[1].message.vi).toContain('4,937');
    expect(fs[1].message.vi).toContain('4,935');
  });

  it('a 2020 figure beyond rounding is a warning', () => {
    const fs = validateSheet(makeSnapshot('PAR', { values: { '1.6': { previousScore: 1.2 } } })).findings;
    expect(brief(fs.filter((f) => f.rowKey === '1'))).toEqual([
      ['warning', 'par-previous-mismatch', cellOf('PAR', '1', 'previousScore'), '1', 'previousScore'],
    ]);
  });

  it('a parent score formula overwritten by a different number: warning, fix restores the formula', () => {
    const fs = validateSheet(makeSnapshot('PAR', { values: { '1': { score: 8 } } })).findings;
    const f = fs.find((x) => x.code === 'formula-overwritten') as Finding;
    expect(brief([f])).toEqual([['warning', 'formula-overwritten', 'G6', '1', 'score']]);
    expect(f.fix).toBeUndefined();
    expect(f.suggestion?.formula).toBe(
      parentScoreFormula(['G7', 'G8', 'G9', 'G10', 'G11', 'G12'], ['H7', 'H8', 'H9', 'H10', 'H11', 'H12']),
    );
    expect(f.message.en).toContain('should be blank');
  });

  it('overwritten with the very sum: still a warning, saying the value is right for now', () => {
    const values = scored((r) => (r.parent === '1' ? r.max : undefined));
    values['1'] = { score: 8.5 };
    const fs = validateSheet(makeSnapshot('PAR', { values })).findings;
    const f = fs.find((x) => x.code === 'formula-overwritten') as Finding;
    expect(brief([f])).toEqual([['warning', 'formula-overwritten', 'G6', '1', 'score']]);
    expect(f.message.en).toContain('currently right');
    expect(f.message.vi).toContain('hiện vẫn đúng');
  });

  it('a parent formula deleted, and a gap formula overwritten', () => {
    const fs = validateSheet(makeSnapshot('PAR', { values: { '6.1': { score: '' }, '1.1': { gap: 0 } } })).findings;
    expect(brief(fs.filter((f) => f.code === 'formula-overwritten'))).toEqual([
      ['warning', 'formula-overwritten', 'H7', '1.1', 'gap'],
      ['warning', 'formula-overwritten', 'G55', '6.1', 'score'],
    ]);
    const gap = fs.find((f) => f.cell === 'H7') as Finding;
    expect(gap.suggestion?.formula).toBe(gapFormula(7, true));
  });

  it('after rows moved, the restored formula points at where the children are now', () => {
    const snapshot = makeSnapshot('PAR', { values: { '6.1': { score: 2 } } });
    const first = planOf('PAR').headerRows[1] + 1;
    const body = snapshot.values.length - first + 1;
    const order = Array.from({ length: body }, (_, i) => body - 1 - i);
    const fs = validateSheet(permuteRows(snapshot, first, order)).findings;
    const f = fs.find((x) => x.code === 'formula-overwritten') as Finding;
    const at = (id: string): number => first + order.indexOf(rowPlan('PAR', id).row - first);
    expect(f.cell).toBe(`G${at('6.1')}`);
    expect(f.suggestion?.formula).toBe(
      parentScoreFormula(
        ['6.1.1', '6.1.2', '6.1.3'].map((id) => `G${at(id)}`),
        ['6.1.1', '6.1.2', '6.1.3'].map((id) => `H${at(id)}`),
      ),
    );
  });

  it('a leaf scored above 0 without evidence', () => {
    const fs = validateSheet(
      makeSnapshot('PAR', {
        values: {
          '1.1': { score: 1.5 },
          '1.2': { score: 0 },
          '1.3': { score: 2, evidence: 'QĐ 5/QĐ-UBND' },
          '1.4': { score: '0,5' },
        },
      }),
    ).findings.filter((f) => f.code !== 'par-previous-rounding' && f.code !== 'below-target');
    expect(brief(fs)).toEqual([
      ['warning', 'decimal-comma', 'G10', '1.4', 'score'],
      ['warning', 'evidence-missing', 'L7', '1.1', 'evidence'],
      ['warning', 'evidence-missing', 'L10', '1.4', 'evidence'],
    ]);
    expect(fs[1].message.vi).toContain('tài liệu kiểm chứng');
  });

  it('evidence of spaces only counts as missing', () => {
    const fs = validateSheet(makeSnapshot('PAR', { values: { '1.1': { score: 1.5, evidence: ' \u00A0' } } })).findings;
    expect(brief(fs.filter((f) => f.rowKey === '1.1'))).toEqual([
      ['warning', 'stray-spaces', 'L7', '1.1', 'evidence'],
      ['warning', 'evidence-missing', 'L7', '1.1', 'evidence'],
    ]);
  });
});
