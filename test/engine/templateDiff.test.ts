import { SnapshotReader } from '../../src/engine/snapshotReader';
import { diffTemplate, layoutMatches, runs } from '../../src/engine/templateDiff';
import { buildSheetPlan } from '../../src/layout';
import { planGrid } from '../../src/layout/planGrid';
import type { SheetPlan } from '../../src/layout/types';
import { setCell, snapshotOf } from './planSnapshot';

const par = buildSheetPlan('PAR');
const rowOf = (plan: SheetPlan, key: string) => plan.rows.find((r) => r.key === key)!;

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
