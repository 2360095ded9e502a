import { reporterOf, rowsByKey, sheetRowsByKey } from '../../src/engine';
import type { SheetSnapshot } from '../../src/engine/types';
import { columnNumber } from '../../src/layout/a1';
import { buildSheetPlan, REPORTER_KEY } from '../../src/layout';

const snapshot = (values: SheetSnapshot['values'], origin = 'A1'): SheetSnapshot => ({
  name: 'II',
  templateId: 'II',
  version: '1',
  origin,
  values,
});

describe('rowsByKey: finding a row by its key', () => {
  test('trimmed text and a key Excel turned into a number; the first of two copies', () => {
    const rows = rowsByKey([['cchc-template:II'], [' II.1 '], [1], ['II.1'], [''], [null], [true]]);
    expect([...rows]).toEqual([
      ['cchc-template:II', 0],
      ['II.1', 1],
      ['1', 2],
    ]);
  });

  test('key column and first row number: sheet rows of a range starting at A1', () => {
    expect(
      rowsByKey(
        [
          ['x', 'II.1'],
          ['y', 'II.2'],
        ],
        1,
        1,
      ).get('II.2'),
    ).toBe(2);
  });

  test('sheetRowsByKey: sheet rows of a snapshot, nothing when column A is not in it', () => {
    expect(sheetRowsByKey(snapshot([['II.1'], ['II.2']], 'A5')).get('II.2')).toBe(6);
    expect(sheetRowsByKey(snapshot([['II.1'], ['II.2']], 'B1')).size).toBe(0);
  });
});

describe('reporterOf: the reporting unit, its row found by key like any row', () => {
  const plan = buildSheetPlan('II');
  const reporter = plan.rows.find((r) => r.key === REPORTER_KEY)!;
  const col = columnNumber(reporter.inputs.reporter) - 1;
  const row = (key: unknown, unit: string) => {
    const cells: SheetSnapshot['values'][number] = Array.from({ length: col + 1 }, () => '');
    cells[0] = key as string;
    cells[col] = unit;
    return cells;
  };

  test('a key with spaces around it is still the reporter row (the reader once compared it untrimmed)', () => {
    expect(reporterOf([snapshot([['cchc-template:II'], row(` ${REPORTER_KEY}\u00a0`, '  Sở Tư pháp ')])])).toBe(
      'Sở Tư pháp',
    );
  });

  test('the first sheet with one filled; null when none is', () => {
    const empty = snapshot([row(REPORTER_KEY, ' ')]);
    expect(reporterOf([empty, snapshot([row(REPORTER_KEY, 'Sở Y tế')])])).toBe('Sở Y tế');
    expect(reporterOf([empty])).toBeNull();
  });
});
