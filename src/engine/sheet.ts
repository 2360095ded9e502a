/**
 * Reading a snapshot: where its origin is, which keyed rows it holds and where, and how to build a
 * finding at a cell. Rows are found by their key in column A only, never by position.
 */
import { parseCell, stripSheet } from '../layout/a1';
import type { CellValue, Finding, SheetSnapshot } from './types';
import type { InputProblem } from './parse';
import type { RowSpec, TemplateTable } from './tables';

export interface SheetContext {
  snapshot: SheetSnapshot;
  table: TemplateTable;
  values: readonly (readonly CellValue[])[];
  /** Sheet row / column of values[0][0]. */
  row0: number;
  col0: number;
  /** Every keyed row found, in sheet order (a key copied onto two rows appears twice)… */
  specs: RowSpec[];
  /** …and its index into values. */
  at: number[];
  /** By RowSpec.index: the first row index holding that key, -1 when absent. Relations, PAR and formulas use it. */
  first: Int32Array;
  /** The snapshot covers the key column: a key not found in it is really absent. */
  keyed: boolean;
}

const NO_CELLS: readonly CellValue[] = Object.freeze([]);

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

export function sheetContext(snapshot: SheetSnapshot, table: TemplateTable): SheetContext {
  const origin = parseCell(stripSheet(snapshot.origin || 'A1'));
  const values = Array.isArray(snapshot.values) ? snapshot.values : [];
  const specs: RowSpec[] = [];
  const at: number[] = [];
  const first = new Int32Array(table.rowList.length).fill(-1);
  const keyIdx = table.keyCol - origin.col;
  if (keyIdx >= 0) {
    const rows = table.rows;
    for (let r = 0; r < values.length; r++) {
      const row = values[r];
      if (!Array.isArray(row)) continue;
      const k: unknown = row[keyIdx];
      let spec: RowSpec | undefined;
      // The common case first (an exact key), without building a string.
      if (typeof k === 'string') spec = rows.get(k);
      if (spec === undefined) {
        const key = keyOfCell(k);
        if (key) spec = rows.get(key);
      }
      if (spec === undefined) continue;
      specs.push(spec);
      at.push(r);
      if (first[spec.index] < 0) first[spec.index] = r;
    }
  }
  return { snapshot, table, values, row0: origin.row, col0: origin.col, specs, at, first, keyed: keyIdx >= 0 };
}

/** grid[r] (an empty row for a hole in a ragged array). */
export function rowAt<T>(grid: readonly (readonly T[] | undefined)[] | undefined, r: number): readonly T[] {
  const row = grid?.[r];
  return Array.isArray(row) ? row : (NO_CELLS as readonly T[]);
}

export function finding(
  ctx: SheetContext,
  p: InputProblem,
  rowKey: string,
  column: string | null,
  cell: string,
): Finding {
  const f: Finding = {
    severity: p.severity,
    code: p.code,
    sheet: ctx.snapshot.name,
    cell,
    rowKey,
    column,
    message: p.message,
  };
  if (p.fix) f.fix = p.fix;
  if (p.suggestion) f.suggestion = p.suggestion;
  return f;
}
