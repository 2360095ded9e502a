import { collectData, placeCarried } from '../../src/engine/carriedValues';
import { SnapshotReader } from '../../src/engine/snapshotReader';
import { layoutMatches } from '../../src/engine/templateDiff';
import { buildSheetPlan } from '../../src/layout';
import { columnNumber } from '../../src/layout/a1';
import { planGrid } from '../../src/layout/planGrid';
import type { SheetPlan } from '../../src/layout/types';
import { setCell, snapshotOf } from './planSnapshot';

const par = buildSheetPlan('PAR');
const rowOf = (plan: SheetPlan, key: string) => plan.rows.find((r) => r.key === key)!;

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
