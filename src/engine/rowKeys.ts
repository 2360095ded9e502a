/**
 * Finding a row by its key in column A: the one rule (keyOfCell) and the one loop over a key
 * column, used by the engine (sheet.ts) and by every host. Never by position. Light on purpose:
 * the pane's start-up code finds rows without loading the sheet builders.
 */
import { parseCell, stripSheet } from '../layout/a1';
import type { SheetSnapshot } from './types';

/**
 * The row key a column-A cell holds, or '' for none: the one rule for finding a row by its key,
 * used by the engine and by every host. Text is trimmed; a key Excel turned into a number (an
 * official re-typed '1') is read back as its text.
 */
export function keyOfCell(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/**
 * Calls visit(key, r) for each row of `values` whose key cell (at keyIndex) holds a key, in order.
 * The one loop over a key column: sheetContext and rowsByKey are built on it.
 */
export function forEachKey(
  values: readonly (readonly unknown[] | undefined)[],
  keyIndex: number,
  visit: (key: string, r: number) => void,
): void {
  if (keyIndex < 0) return;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!Array.isArray(row)) continue;
    const key = keyOfCell(row[keyIndex]);
    if (key) visit(key, r);
  }
}

/**
 * Where each key is: key → firstRow + the index into `values` of the first row holding it (a key
 * copied onto a second row is found at the first). Every host finds rows this way; a key absent
 * from the map is a missing row, never looked for at its planned position.
 * - values: rows of cells (a snapshot's values, or the values of a key column read alone);
 * - keyIndex: the key column's index in each row (0 when values start at column A);
 * - firstRow: what values[0] is numbered (0 for indices; the sheet row of values[0] for sheet rows).
 */
export function rowsByKey(
  values: readonly (readonly unknown[] | undefined)[],
  keyIndex = 0,
  firstRow = 0,
): Map<string, number> {
  const map = new Map<string, number>();
  forEachKey(values, keyIndex, (key, r) => {
    if (!map.has(key)) map.set(key, firstRow + r);
  });
  return map;
}

/** Sheet row (1-based) of each key in column A of a snapshot, by rowsByKey; empty when column A is not in it. */
export function sheetRowsByKey(snapshot: SheetSnapshot): Map<string, number> {
  const origin = parseCell(stripSheet(snapshot.origin || 'A1'));
  const values = Array.isArray(snapshot.values) ? snapshot.values : [];
  return rowsByKey(values, 1 - origin.col, origin.row);
}
