/**
 * Reading a snapshot: where its origin is, which keyed rows it holds and where, and how to build a
 * finding at a cell. Rows are found by their key in column A only, never by position.
 */
import { columnNumber, parseCell, stripSheet } from '../layout/a1';
import { forEachKey, rowsByKey } from './rowKeys';
import { REPORTER_KEY } from '../layout/keyColumn';
import { buildSheetPlan } from '../layout';
import type { TemplateId } from '../catalog/types';
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

export function sheetContext(snapshot: SheetSnapshot, table: TemplateTable): SheetContext {
  const origin = parseCell(stripSheet(snapshot.origin || 'A1'));
  const values = Array.isArray(snapshot.values) ? snapshot.values : [];
  const specs: RowSpec[] = [];
  const at: number[] = [];
  const first = new Int32Array(table.rowList.length).fill(-1);
  const keyIdx = table.keyCol - origin.col;
  const rows = table.rows;
  forEachKey(values, keyIdx, (key, r) => {
    const spec = rows.get(key);
    if (spec === undefined) return;
    specs.push(spec);
    at.push(r);
    if (first[spec.index] < 0) first[spec.index] = r;
  });
  return { snapshot, table, values, row0: origin.row, col0: origin.col, specs, at, first, keyed: keyIdx >= 0 };
}

const reporterColumns = new Map<TemplateId, number[]>();

/** Columns (0-based) of the reporter input in a template's plan. */
function reporterColumnsOf(templateId: TemplateId): number[] {
  let cols = reporterColumns.get(templateId);
  if (!cols) {
    const row = buildSheetPlan(templateId).rows.find((r) => r.key === REPORTER_KEY);
    cols = row ? Object.values(row.inputs).map((letter) => columnNumber(letter) - 1) : [];
    reporterColumns.set(templateId, cols);
  }
  return cols;
}

/**
 * The reporting unit ("Cơ quan, đơn vị báo cáo") typed on the reporter row of the first sheet that
 * has one filled, found by its key like any row; snapshots start at A1 (as the file reader gives them).
 */
export function reporterOf(snapshots: readonly SheetSnapshot[]): string | null {
  for (const snapshot of snapshots) {
    const r = rowsByKey(snapshot.values).get(REPORTER_KEY);
    if (r === undefined) continue;
    const row = snapshot.values[r];
    for (const col of reporterColumnsOf(snapshot.templateId)) {
      const v = row[col];
      if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
    }
  }
  return null;
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
