/**
 * Plain snapshots of the workbook for the playground grid and for tests (not Excel API): a cell
 * as it is shown (CellView) and the layout facts needed to draw a sheet (SheetView). Kept apart
 * from index.ts because reading the model for display is a concern of its own, separate from
 * MemoryWorkbook's sessions, events and user actions.
 */
import { a1Rect } from './address';
import type { ClientView } from './coauthoring';
import type { SheetModel } from './model';
import { formatText, shownWith } from './numberFormat';
import { numberFormatAt, styleAt } from './rangeOps';
import { STANDARD_HEIGHT, STANDARD_WIDTH, type BorderStyle } from './styles';
import { apiValue, valueType, type ApiValueType } from './values';
import type { WorkbookModel } from './workbookModel';

export interface CellView {
  address: string;
  /** As Range.values reads it: '' for blank, errors as text. */
  value: number | string | boolean;
  /** The formula, or undefined for a constant. */
  formula?: string;
  numberFormat: string;
  text: string;
  valueType: ApiValueType;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  borders?: { top?: BorderStyle; bottom?: BorderStyle; left?: BorderStyle; right?: BorderStyle };
  /** The merged area containing the cell, e.g. 'B2:D2'. */
  mergedArea?: string;
  hasValidation: boolean;
}

export interface SheetView {
  name: string;
  id: string;
  visibility: string;
  /** Extent of cells holding anything (0 when empty). */
  rowCount: number;
  columnCount: number;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  standardWidth: number;
  standardHeight: number;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  merges: string[];
  freeze: { rows: number; columns: number } | null;
  active: boolean;
  /** The selection on this sheet, e.g. 'D7'. */
  selection: string | null;
}

/** A cell as Range.values/text/format read it now (formulas recalculated first). */
export function cellView(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  decimalSeparator: ',' | '.' = '.',
): CellView {
  model.engine.recalc();
  const cell = sheet.get(row, col);
  const v = cell?.value ?? null;
  const fmt = numberFormatAt(sheet, row, col);
  const style = styleAt(sheet, row, col);
  const merge = sheet.mergeAt(row, col);
  const view: CellView = {
    address: a1Rect({ top: row, left: col, bottom: row, right: col }),
    value: apiValue(v),
    numberFormat: fmt,
    text: shownWith(formatText(v, fmt), v, decimalSeparator),
    valueType: valueType(v),
    hasValidation: !!cell?.dv?.entry.rule,
  };
  if (cell?.formula) view.formula = cell.formula;
  if (style?.fill) view.fill = style.fill;
  if (style?.fontColor) view.fontColor = style.fontColor;
  if (style?.bold !== undefined) view.bold = style.bold;
  if (style?.italic !== undefined) view.italic = style.italic;
  if (style?.fontSize !== undefined) view.fontSize = style.fontSize;
  if (style?.hAlign) view.horizontalAlignment = style.hAlign;
  if (style?.vAlign) view.verticalAlignment = style.vAlign;
  if (style?.wrap !== undefined) view.wrapText = style.wrap;
  if (style?.indent !== undefined) view.indentLevel = style.indent;
  if (style?.top || style?.bottom || style?.left || style?.right)
    view.borders = {
      ...(style.top ? { top: style.top } : {}),
      ...(style.bottom ? { bottom: style.bottom } : {}),
      ...(style.left ? { left: style.left } : {}),
      ...(style.right ? { right: style.right } : {}),
    };
  if (merge) view.mergedArea = a1Rect(merge);
  return view;
}

/** Layout facts the playground grid needs to draw a sheet, with this person's selection and active sheet. */
export function sheetView(s: SheetModel, view: ClientView): SheetView {
  const ext = s.usedRect(false);
  const sel = view.selection;
  return {
    name: s.name,
    id: s.id,
    visibility: s.visibility,
    rowCount: ext ? ext.bottom + 1 : 0,
    columnCount: ext ? ext.right + 1 : 0,
    columnWidths: new Map(s.colWidths),
    rowHeights: new Map(s.rowHeights),
    standardWidth: STANDARD_WIDTH,
    standardHeight: STANDARD_HEIGHT,
    hiddenRows: new Set(s.hiddenRows),
    hiddenColumns: new Set(s.hiddenCols),
    merges: s.merges.map(a1Rect),
    freeze: s.freeze ? { rows: s.freeze.rows, columns: s.freeze.cols } : null,
    active: view.activeSheet === s,
    selection: sel && sel.sheet === s ? a1Rect(sel.rect) : null,
  };
}
