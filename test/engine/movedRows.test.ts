import { moveFormulaRows, rowMap } from '../../src/engine/movedRows';
import { SnapshotReader } from '../../src/engine/snapshotReader';
import type { SheetPlan } from '../../src/layout/types';

const rows = new Map<number, number | null>([
  [8, 12],
  [9, 13],
  [10, null],
]);
const where = (p: number) => rows.get(p);

test('moves row references by key, leaves text, other sheets and unkeyed rows alone', () => {
  expect(moveFormulaRows('=IF(COUNT(G8,G9)=2,SUM(G8,G9),"G8")', where)).toBe('=IF(COUNT(G12,G13)=2,SUM(G12,G13),"G8")');
  expect(moveFormulaRows("=$D$8+LOG10(G7)+'Tình trạng'!G8", where)).toBe("=$D$12+LOG10(G7)+'Tình trạng'!G8");
});

test('a formula that refers to a keyed row which is gone is not moved to a guess', () => {
  expect(moveFormulaRows('=SUM(G8,G10)', where)).toBeNull();
});

test('where plan rows are now: by key only, null for a key no row holds (never the planned row)', () => {
  const plan = {
    rows: [
      { key: '1.1', row: 8 },
      { key: '1.2', row: 9 },
    ],
  } as unknown as SheetPlan;
  const reader = new SnapshotReader({
    origin: 'A1',
    values: [['CCHC marker'], [''], ['1.1'], ['']],
  } as never);
  expect([...rowMap(plan, reader)]).toEqual([
    [8, 3],
    [9, null],
  ]);
});
