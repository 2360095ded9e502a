import { buildSheetPlan } from '../../src/layout';
import type { SheetPlan } from '../../src/layout/types';
import type { CellValue, SheetSnapshot } from '../../src/engine/types';
import {
  collectData,
  diffTemplate,
  layoutMatches,
  placeCarried,
  planArea,
  planGrid,
  remapFormula,
  runs,
  SnapshotReader,
  styleRects,
} from '../../src/excel/grid';
import { columnNumber, parseCell, parseRange } from '../../src/layout/a1';

/** A snapshot of a sheet exactly as the plan writes it (what Excel would read back). */
function snapshotOf(plan: SheetPlan): SheetSnapshot {
  const grid = planGrid(plan);
  const values: CellValue[][] = grid.formulas.map((row) =>
    row.map((v) => (typeof v === 'string' && v.startsWith('=') ? '' : v)),
  );
  return {
    name: plan.name,
    templateId: plan.templateId,
    version: plan.version,
    origin: 'A1',
    values,
    formulas: grid.formulas.map((r) => [...r]),
    numberFormats: grid.numberFormat.map((r) => [...r]),
  };
}

function setCell(s: SheetSnapshot, address: string, v: CellValue): void {
  const { row, col } = parseCell(address);
  s.values[row - 1][col - 1] = v;
  s.formulas![row - 1][col - 1] = v;
}

const par = buildSheetPlan('PAR');
const rowOf = (plan: SheetPlan, key: string) => plan.rows.find((r) => r.key === key)!;

describe('plan grid', () => {
  test('covers every planned cell, puts keys as text and formulas where planned', () => {
    const area = planArea(par);
    const grid = planGrid(par);
    expect(grid.rows).toBe(area.rows);
    expect(grid.cols).toBe(12);
    expect(grid.formulas[0][0]).toMatch(/^cchc-template:PAR@/);
    const leaf = rowOf(par, '1.1');
    expect(grid.formulas[leaf.row - 1][0]).toBe('1.1');
    expect(grid.numberFormat[leaf.row - 1][0]).toBe('@');
    const parent = rowOf(par, '1');
    expect(String(grid.formulas[parent.row - 1][columnNumber('G') - 1])).toMatch(/^=IF\(COUNT\(/);
    expect(grid.input[leaf.row - 1][columnNumber('G') - 1]).toBe(true);
    expect(grid.template[leaf.row - 1][columnNumber('G') - 1]).toBe(false);
  });

  test('style rectangles cover each styled cell exactly once', () => {
    const rects = styleRects(par);
    const seen = new Map<string, string>();
    for (const [style, list] of rects)
      for (const r of list)
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            const k = `${row}:${col}`;
            expect(seen.has(k)).toBe(false);
            seen.set(k, style);
          }
    const styled = par.cells.filter((c) => c.style);
    expect(seen.size).toBe(styled.length);
    for (const c of styled) {
      const { row, col } = parseCell(c.address);
      expect(seen.get(`${row}:${col}`)).toBe(c.style);
    }
    // Far fewer ranges than cells: that is the point.
    const count = [...rects.values()].reduce((n, l) => n + l.length, 0);
    expect(count).toBeLessThan(styled.length / 4);
  });
});

describe('refresh diff', () => {
  test('a sheet as planned differs in nothing', () => {
    const reader = new SnapshotReader(snapshotOf(par));
    expect(layoutMatches(par, reader)).toBe(true);
    const diff = diffTemplate(planGrid(par), reader);
    expect(diff).toEqual({ content: [], numberFormat: [], overwritten: [] });
  });

  test('a changed label is rewritten, an input value never, a typed-over formula is reported', () => {
    const snap = snapshotOf(par);
    const leaf = rowOf(par, '1.1');
    const parent = rowOf(par, '1');
    setCell(snap, `C${leaf.row}`, 'edited label');
    setCell(snap, `G${leaf.row}`, 1.2);
    setCell(snap, `G${parent.row}`, 8.3);
    const diff = diffTemplate(planGrid(par), new SnapshotReader(snap));
    expect(diff.content).toEqual([{ row: leaf.row, col: 3 }]);
    expect(diff.overwritten).toEqual([{ row: parent.row, col: 7, found: 8.3 }]);
  });

  test('runs join adjacent cells of a row', () => {
    expect(
      runs([
        { row: 2, col: 3 },
        { row: 2, col: 4 },
        { row: 2, col: 6 },
        { row: 5, col: 1 },
      ]),
    ).toEqual([
      { top: 2, left: 3, bottom: 2, right: 4 },
      { top: 2, left: 6, bottom: 2, right: 6 },
      { top: 5, left: 1, bottom: 5, right: 1 },
    ]);
  });
});

describe('values by key', () => {
  test('moved rows: values follow their keys into the planned rows', () => {
    const snap = snapshotOf(par);
    const a = rowOf(par, '1.1');
    const b = rowOf(par, '1.2');
    setCell(snap, `G${a.row}`, 1.4);
    setCell(snap, `L${a.row}`, 'QĐ 12/2021');
    setCell(snap, `G${b.row}`, 0.5);
    // A user swaps the two rows (sorts them): keys and values move together.
    [snap.values[a.row - 1], snap.values[b.row - 1]] = [snap.values[b.row - 1], snap.values[a.row - 1]];
    [snap.formulas![a.row - 1], snap.formulas![b.row - 1]] = [snap.formulas![b.row - 1], snap.formulas![a.row - 1]];
    const reader = new SnapshotReader(snap);
    expect(layoutMatches(par, reader)).toBe(false);
    const data = collectData(par.name, reader, par, par);
    expect(data.unplaced).toEqual([]);
    const grid = planGrid(par);
    expect(placeCarried(grid, par, data.carried)).toBe(3);
    expect(grid.formulas[a.row - 1][columnNumber('G') - 1]).toBe(1.4);
    expect(grid.formulas[a.row - 1][columnNumber('L') - 1]).toBe('QĐ 12/2021');
    expect(grid.formulas[b.row - 1][columnNumber('G') - 1]).toBe(0.5);
  });

  test('a key the new layout lacks and a stray note are unplaced, not dropped', () => {
    const snap = snapshotOf(par);
    const a = rowOf(par, '1.1');
    setCell(snap, `G${a.row}`, 1.5);
    setCell(snap, `A${a.row}`, '1.1.retired');
    // A note typed in a row added under the table.
    const width = snap.values[0].length;
    snap.values.push(new Array(width).fill(''));
    snap.formulas!.push(new Array(width).fill(''));
    const last = snap.values.length;
    setCell(snap, `E${last}`, 'ghi chú của cán bộ');
    const data = collectData(par.name, new SnapshotReader(snap), null, par);
    expect(data.unplaced).toEqual(
      expect.arrayContaining([
        { sheet: par.name, rowKey: '1.1.retired', column: 'score', value: 1.5 },
        { sheet: par.name, rowKey: '', column: `E${last}`, value: 'ghi chú của cán bộ' },
      ]),
    );
    expect(data.carried.find((c) => c.key === '1.1')).toBeUndefined();
  });

  test('without the old plan, columns are found by their header text', () => {
    const plan = buildSheetPlan('I');
    const snap = snapshotOf(plan);
    const row = plan.rows.find((r) => r.inputs['2019'])!;
    const col2019 = columnNumber(row.inputs['2019']);
    const col2018 = columnNumber(row.inputs['2018']);
    // The old layout had 2018 and 2019 the other way round (headers and values swapped).
    for (const r of [...snap.values, ...snap.formulas!])
      [r[col2018 - 1], r[col2019 - 1]] = [r[col2019 - 1], r[col2018 - 1]];
    snap.values[row.row - 1][col2018 - 1] = 19;
    snap.formulas![row.row - 1][col2018 - 1] = 19;
    const data = collectData(plan.name, new SnapshotReader(snap), null, plan);
    expect(data.carried).toEqual([
      { key: row.key, columnId: '2019', content: 19, from: `${row.inputs['2018']}${row.row}` },
    ]);
  });
});

test('remapFormula moves row references, leaves text alone', () => {
  const rows = new Map([
    [8, 12],
    [9, 13],
  ]);
  expect(remapFormula('=IF(COUNT(G8,G9)=2,SUM(G8,G9),"G8")', rows)).toBe('=IF(COUNT(G12,G13)=2,SUM(G12,G13),"G8")');
  expect(remapFormula('=$D$8+LOG10(G7)', rows)).toBe('=$D$12+LOG10(G7)');
});

test('parseRange sanity for plan ranges', () => {
  for (const v of par.validations) expect(() => parseRange(v.range)).not.toThrow();
});
