/**
 * A sheet snapshot read by 1-based sheet coordinates, whatever its origin: values, formulas,
 * number formats, and the row keys of column A (the one rule for a key: keyOfCell).
 */
import { parseCell } from '../layout/a1';
import { keyOfCell, rowsByKey } from './rowKeys';
import type { CellValue, SheetSnapshot } from './types';

/** Reads a snapshot cell by 1-based sheet coordinates ('' outside the snapshot). */
export class SnapshotReader {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;

  constructor(readonly snapshot: SheetSnapshot) {
    const o = parseCell(snapshot.origin);
    this.top = o.row;
    this.left = o.col;
    this.bottom = o.row + snapshot.values.length - 1;
    this.right = o.col + (snapshot.values[0]?.length ?? 0) - 1;
  }

  value(row: number, col: number): CellValue {
    return this.snapshot.values[row - this.top]?.[col - this.left] ?? '';
  }

  /** The formula where the cell holds one, else its constant. */
  formula(row: number, col: number): CellValue {
    const f = this.snapshot.formulas?.[row - this.top]?.[col - this.left];
    return f === undefined ? this.value(row, col) : f;
  }

  numberFormat(row: number, col: number): string | undefined {
    return this.snapshot.numberFormats?.[row - this.top]?.[col - this.left];
  }

  isFormula(row: number, col: number): boolean {
    const f = this.formula(row, col);
    return typeof f === 'string' && f.startsWith('=');
  }

  /** Row key in column A (text; a key Excel turned into a number is read back as its text). */
  key(row: number): string {
    if (this.left !== 1) return '';
    return keyOfCell(this.value(row, 1));
  }

  /** Every keyed row: key → sheet row (first occurrence), by rowsByKey; row 1 holds the marker, not a key. */
  keyRows(): Map<string, number> {
    if (this.left !== 1) return new Map();
    const skip = Math.max(0, 2 - this.top);
    return rowsByKey(this.snapshot.values.slice(skip), 0, this.top + skip);
  }
}
