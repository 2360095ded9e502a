/**
 * Server-side work on a rectangle of a sheet: 2-D reads and writes with Excel's shape rules,
 * uniform format reads (null when cells differ), format writes, clearing and merging.
 */
import { colsOf, isEntireColumns, isEntireRows, rowsOf, subtract, intersect, type Rect } from './address';
import { invalidArgument, ExcelApiError } from './errors';
import type { Cell, SheetModel } from './model';
import { withStyle, type CellStyle } from './styles';
import type { WorkbookModel } from './workbookModel';

export interface RangeModel {
  sheet: SheetModel;
  rect: Rect;
}

/** Above this many cells a 2-D read is refused. Guess: Excel's 5 MB response limit (web). */
export const MAX_READ_CELLS = 1_000_000;
/** Above this many cells a write touches existing cells plus row/column formats only. */
const HUGE = 200_000;

export function cellCount(r: Rect): number {
  return rowsOf(r) * colsOf(r);
}

function assertReadable(rm: RangeModel, location: string): void {
  if (cellCount(rm.rect) > MAX_READ_CELLS)
    throw new ExcelApiError('ResponsePayloadSizeLimitExceeded', undefined, location);
}

/** Reads a 2-D grid of per-cell values (absent cells get their row/column formats). */
export function readGrid<T>(
  rm: RangeModel,
  location: string,
  read: (cell: Cell | undefined, row: number, col: number) => T,
): T[][] {
  assertReadable(rm, location);
  const { sheet, rect } = rm;
  const out: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: T[] = [];
    const row = sheet.rows[r];
    for (let c = rect.left; c <= rect.right; c++) line.push(read(row?.[c], r, c));
    out.push(line);
  }
  return out;
}

/**
 * Writes a value given for a range: a 2-D array of exactly the range's shape, or a single value
 * (not an array) applied to every cell, as Excel documents. Any other shape (including [[x]] for
 * a larger range — Guess) is InvalidArgument. null elements leave their cell alone.
 */
export function writeGrid(
  rm: RangeModel,
  value: unknown,
  location: string,
  write: (row: number, col: number, v: unknown) => void,
): void {
  const { rect } = rm;
  const rows = rowsOf(rect);
  const cols = colsOf(rect);
  if (!Array.isArray(value)) {
    if (cellCount(rect) > HUGE)
      throw invalidArgument(location, 'single value for a huge range is not supported by memoryExcel');
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) write(r, c, value);
    return;
  }
  if (value.length !== rows || value.some((line) => !Array.isArray(line) || line.length !== cols))
    throw invalidArgument(
      location,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols} expected)`,
    );
  for (let i = 0; i < rows; i++) {
    const line = value[i] as unknown[];
    for (let j = 0; j < cols; j++) write(rect.top + i, rect.left + j, line[j]);
  }
}

/** Effective format of a cell (absent cells: row/column formats). */
export function styleAt(sheet: SheetModel, row: number, col: number): CellStyle | undefined {
  const cell = sheet.get(row, col);
  return cell ? cell.style : sheet.defaultsAt(row, col).style;
}

export function numberFormatAt(sheet: SheetModel, row: number, col: number): string {
  const cell = sheet.get(row, col);
  return (cell ? cell.numberFormat : sheet.defaultsAt(row, col).numberFormat) ?? 'General';
}

/** The common value of `get` over the range, or null when cells differ (as Excel reads formats). */
export function uniform<T>(rm: RangeModel, get: (sheet: SheetModel, row: number, col: number) => T): T | null {
  const { sheet, rect } = rm;
  let first = true;
  let value: T | null = null;
  const visit = (r: number, c: number): boolean => {
    const v = get(sheet, r, c);
    if (first) {
      value = v;
      first = false;
      return true;
    }
    return v === value;
  };
  if (cellCount(rect) <= HUGE) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) if (!visit(r, c)) return null;
    return value;
  }
  // Huge ranges (whole rows/columns): existing cells plus one absent cell per row/column format.
  if (!visit(rect.top, rect.left)) return null;
  let same = true;
  sheet.forEachExisting(rect, (_cell, r, c) => {
    if (same && !visit(r, c)) same = false;
  });
  return same ? value : null;
}

/** Applies a style patch to every cell of the range (whole rows/columns: their formats too). */
export function applyStyle(rm: RangeModel, patch: Partial<CellStyle>): void {
  const { sheet, rect } = rm;
  if (cellCount(rect) <= HUGE) {
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.ensure(r, c);
        cell.style = withStyle(cell.style, patch);
        sheet.prune(r, c);
      }
    return;
  }
  updateDefaults(rm, (d) => ({ ...d, style: withStyle(d.style, patch) }));
  sheet.forEachExisting(rect, (cell) => {
    cell.style = withStyle(cell.style, patch);
  });
}

export function applyNumberFormat(sheet: SheetModel, row: number, col: number, fmt: string): void {
  const cell = sheet.ensure(row, col);
  cell.numberFormat = fmt === 'General' ? undefined : fmt;
  sheet.prune(row, col);
}

function updateDefaults(
  rm: RangeModel,
  f: (d: { numberFormat?: string; style?: CellStyle }) => { numberFormat?: string; style?: CellStyle },
): void {
  const { sheet, rect } = rm;
  if (isEntireColumns(rect))
    for (let c = rect.left; c <= rect.right; c++) sheet.colDefaults.set(c, f(sheet.colDefaults.get(c) ?? {}));
  else if (isEntireRows(rect))
    for (let r = rect.top; r <= rect.bottom; r++) sheet.rowDefaults.set(r, f(sheet.rowDefaults.get(r) ?? {}));
}

/** Number format for a huge range given one value: row/column formats plus existing cells. */
export function applyNumberFormatHuge(rm: RangeModel, fmt: string): void {
  updateDefaults(rm, (d) => ({ ...d, numberFormat: fmt === 'General' ? undefined : fmt }));
  rm.sheet.forEachExisting(rm.rect, (cell) => {
    cell.numberFormat = fmt === 'General' ? undefined : fmt;
  });
}

export function isHuge(r: Rect): boolean {
  return cellCount(r) > HUGE;
}

/** Removes conditional formats from a rectangle (a format partly inside keeps the rest). */
export function removeConditionalFormats(sheet: SheetModel, rect: Rect): void {
  for (const cf of sheet.cfs) cf.rects = cf.rects.flatMap((r) => subtract(r, rect));
  sheet.cfs = sheet.cfs.filter((cf) => cf.rects.length > 0);
}

export function clearContents(model: WorkbookModel, rm: RangeModel): void {
  const { sheet, rect } = rm;
  sheet.forEachExisting(rect, (cell, r, c) => {
    if (cell.value === null && !cell.formula) return;
    model.applyInput(sheet, r, c, { kind: 'blank' }, 'Range.clear');
  });
}

export function clearFormats(rm: RangeModel): void {
  const { sheet, rect } = rm;
  sheet.forEachExisting(rect, (cell, r, c) => {
    cell.style = undefined;
    cell.numberFormat = undefined;
    sheet.prune(r, c);
  });
  if (isEntireColumns(rect)) for (let c = rect.left; c <= rect.right; c++) sheet.colDefaults.delete(c);
  if (isEntireRows(rect)) for (let r = rect.top; r <= rect.bottom; r++) sheet.rowDefaults.delete(r);
  sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
  removeConditionalFormats(sheet, rect);
}

export function clearValidation(rm: RangeModel): void {
  const { sheet, rect } = rm;
  sheet.forEachExisting(rect, (cell, r, c) => {
    if (cell.dv) {
      cell.dv = undefined;
      sheet.prune(r, c);
    }
  });
}
