/**
 * Helpers that only queue Office.js commands on a worksheet; none of them syncs (the caller
 * does, once). Enum values are written as the string literals Office.js accepts, so this runs
 * against the in-memory workbook too, where no `Excel` namespace exists.
 */
import { columnLetter, rangeAddress, type RangeRef } from '../layout/a1';
import type { CellStyle, ConditionalFormatPlan, PrintPlan, SheetPlan, StyleId, ValidationPlan } from '../layout/types';
import { EMPTY_FLAGS, FLAGS_NAME } from './flags';
import type { PlanGrid, WriteCell } from './grid';
import { BYTES_PER_COMMAND, jsonBytes } from './session';

/** What the host supports beyond the ExcelApi 1.8 minimum, decided once from requirement sets. */
export interface Features {
  /** Range.dataValidation (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Worksheet.pageLayout (ExcelApi 1.9). */
  pageLayout: boolean;
  /** RangeFormat.indentLevel (ExcelApi 1.9). */
  indent: boolean;
  /** Workbook custom properties (ExcelApi 1.7). */
  customProperties: boolean;
  /** Worksheet onChanged/onActivated (ExcelApi 1.7). */
  events: boolean;
}

/** Excel's column width unit (characters of the default font) to points, as Excel itself converts. */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/**
 * Applies a plan style to a range (the whole of it, merged areas included). With `reset`, what
 * the style leaves unset goes back to Excel's default (a refresh undoing someone's fill).
 */
export function queueStyle(
  range: Excel.Range,
  style: CellStyle,
  r: RangeRef,
  features: Features,
  reset = false,
): number {
  const f = range.format;
  let commands = 0;
  if (reset) {
    if (style.fill === undefined) f.fill.clear();
    if (style.bold === undefined) f.font.bold = false;
    if (style.italic === undefined) f.font.italic = false;
    commands += 3;
  }
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.hAlign) f.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign) f.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.indent !== undefined && features.indent) f.indentLevel = style.indent;
  commands += Object.keys(style).length;
  if (style.border) {
    const edges: string[] = [...EDGES];
    if (r.right > r.left) edges.push('InsideVertical');
    if (r.bottom > r.top) edges.push('InsideHorizontal');
    for (const edge of edges) {
      const b = f.borders.getItem(edge as Excel.BorderIndex);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#000000';
      commands += 3;
    }
  }
  return commands;
}

/** Columns: widths, hidden key column. */
export function queueColumns(sheet: Excel.Worksheet, plan: SheetPlan): number {
  for (const c of plan.columns) {
    const range = sheet.getRange(`${c.letter}:${c.letter}`);
    range.format.columnWidth = widthToPoints(c.width);
    if (c.hidden) range.columnHidden = true;
  }
  return plan.columns.length * 2;
}

export function queueRowHeights(sheet: Excel.Worksheet, plan: SheetPlan, rows?: Map<number, number>): number {
  let n = 0;
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    const at = rows?.get(Number(row)) ?? Number(row);
    sheet.getRange(`${at}:${at}`).format.rowHeight = height;
    n++;
  }
  return n;
}

/**
 * Excel reads text written through the API as if typed: "- Tham mưu…" becomes a formula, "12" a
 * number, "1/2" a date. Such text gets Excel's apostrophe prefix (not part of the value), except
 * in '@' cells, which keep whatever they are given. Text starting with '=' is taken for a formula.
 */
export function protectText(v: WriteCell, numberFormat: string | undefined): WriteCell {
  if (typeof v !== 'string' || v === '' || numberFormat === '@') return v;
  // A leading '=' is a formula (planned, or typed by an official and carried): written as such.
  if (/^[+\-'@#]/.test(v)) return `'${v}`;
  const t = v.trim();
  if (/^[+-]?(\d[\d.,]*|[.,]\d+)(e[+-]?\d+)?\s*%?$/i.test(t)) return `'${v}`;
  if (/^(true|false)$/i.test(t) || /^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(t) || /^\d{1,2}:\d{2}/.test(t))
    return `'${v}`;
  return v;
}

function protectRows(rows: WriteCell[][], formats: string[][]): WriteCell[][] {
  return rows.map((row, i) => row.map((v, j) => protectText(v, formats[i]?.[j])));
}

/** Estimated request bytes of writing rows top…bottom of a grid. */
export function gridBytes(grid: PlanGrid, top: number, bottom: number): number {
  return (
    jsonBytes(grid.formulas.slice(top - 1, bottom)) +
    jsonBytes(grid.numberFormat.slice(top - 1, bottom)) +
    2 * BYTES_PER_COMMAND
  );
}

/**
 * Splits a grid's rows into blocks of at most `maxBytes` each (at least one row a block), so the
 * caller can reserve payload per block.
 */
export function gridBlocks(grid: PlanGrid, maxBytes: number): [number, number][] {
  const blocks: [number, number][] = [];
  let top = 1;
  let bytes = 0;
  for (let r = 1; r <= grid.rows; r++) {
    const row = gridBytes(grid, r, r);
    if (r > top && bytes + row > maxBytes) {
      blocks.push([top, r - 1]);
      top = r;
      bytes = 0;
    }
    bytes += row;
  }
  blocks.push([top, grid.rows]);
  return blocks;
}

/** Writes rows top…bottom of a grid: number formats first, so '@' keeps keys like '1.6' as text. */
export function queueGridBlock(sheet: Excel.Worksheet, grid: PlanGrid, top: number, bottom: number): void {
  const address = `A${top}:${columnLetter(grid.cols)}${bottom}`;
  const range = sheet.getRange(address);
  range.numberFormat = grid.numberFormat.slice(top - 1, bottom);
  const formats = grid.numberFormat.slice(top - 1, bottom);
  range.formulas = protectRows(grid.formulas.slice(top - 1, bottom), formats) as unknown[][] as string[][];
}

/** Writes a few cells of a grid as horizontal runs (a refresh's diff). */
export function queueGridRuns(
  sheet: Excel.Worksheet,
  grid: PlanGrid,
  runs: RangeRef[],
  what: 'formulas' | 'numberFormat',
): number {
  let bytes = 0;
  for (const r of runs) {
    const range = sheet.getRange(rangeAddress(r));
    const rowCells = <T>(a: T[][]) => [a[r.top - 1].slice(r.left - 1, r.right)];
    if (what === 'formulas') {
      const data: WriteCell[][] = protectRows(rowCells(grid.formulas), rowCells(grid.numberFormat));
      range.formulas = data as unknown[][] as string[][];
      bytes += jsonBytes(data) + BYTES_PER_COMMAND;
    } else {
      const data = rowCells(grid.numberFormat);
      range.numberFormat = data;
      bytes += jsonBytes(data) + BYTES_PER_COMMAND;
    }
  }
  return bytes;
}

export function queueStyles(
  sheet: Excel.Worksheet,
  rects: Map<StyleId, RangeRef[]>,
  styles: Record<StyleId, CellStyle>,
  features: Features,
  only?: (r: RangeRef) => boolean,
): number {
  let commands = 0;
  for (const [id, list] of rects) {
    const style = styles[id];
    if (!style) continue;
    for (const r of list) {
      if (only && !only(r)) continue;
      commands += queueStyle(sheet.getRange(rangeAddress(r)), style, r, features);
    }
  }
  return commands;
}

export function queueMerges(sheet: Excel.Worksheet, merges: string[]): number {
  for (const m of merges) sheet.getRange(m).merge(false);
  return merges.length;
}

const OPERATORS = { between: 'Between', greaterThanOrEqualTo: 'GreaterThanOrEqualTo' } as const;
const ALERT_STYLES = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;

export function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  switch (v.type) {
    case 'wholeNumber':
    case 'decimal': {
      const basic: Excel.BasicDataValidation = {
        formula1: v.min ?? 0,
        operator: OPERATORS[v.operator ?? 'between'],
        ...(v.max !== undefined && (v.operator ?? 'between') === 'between' ? { formula2: v.max } : {}),
      };
      return v.type === 'wholeNumber' ? { wholeNumber: basic } : { decimal: basic };
    }
    case 'list':
      return { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } };
    case 'custom':
      return { custom: { formula: v.formula ?? '=TRUE' } };
  }
}

/** Excel's DataValidation.type for a plan type, as read back. */
export const VALIDATION_TYPE: Record<ValidationPlan['type'], string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  custom: 'Custom',
};

export function queueValidation(sheet: Excel.Worksheet, v: ValidationPlan, address = v.range): void {
  const dv = sheet.getRange(address).dataValidation;
  dv.clear();
  dv.rule = validationRule(v);
  dv.ignoreBlanks = true;
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  dv.errorAlert = {
    showAlert: true,
    title: v.error.title,
    message: v.error.message,
    style: ALERT_STYLES[v.error.style],
  };
}

export function queueConditionalFormat(sheet: Excel.Worksheet, cf: ConditionalFormatPlan, address = cf.range): void {
  const added = sheet.getRange(address).conditionalFormats.add('Custom');
  added.custom.rule.formula = cf.formula;
  if (cf.format.fill) added.custom.format.fill.color = cf.format.fill;
  if (cf.format.fontColor) added.custom.format.font.color = cf.format.fontColor;
  if (cf.format.bold !== undefined) added.custom.format.font.bold = cf.format.bold;
}

export function queueFreeze(sheet: Excel.Worksheet, freeze: SheetPlan['freeze']): void {
  const panes = sheet.freezePanes;
  panes.unfreeze();
  if (freeze.rows > 0 && freeze.columns > 0)
    panes.freezeAt(sheet.getRange(`A1:${columnLetter(freeze.columns)}${freeze.rows}`));
  else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
  else if (freeze.columns > 0) panes.freezeColumns(freeze.columns);
}

/** Print setup (ExcelApi 1.9): the caller checks the requirement set. */
export function queuePrint(sheet: Excel.Worksheet, print: PrintPlan): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  // Only the width is fixed: the height runs to as many pages as the rows need.
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
  if (print.titleRows) layout.setPrintTitleRows(print.titleRows);
}

/** Adds the sheet's CCHC_FLAGS name (empty) where it is missing. */
export function queueAddFlagsName(sheet: Excel.Worksheet, formula = EMPTY_FLAGS): void {
  sheet.names.add(FLAGS_NAME, formula, 'Ô được tiện ích CCHC đánh dấu khi kiểm tra (CCHC add-in flagged cells)');
}

/** Clears an area before a new layout is written over it: contents, formats, merges, rules. */
export function queueClearArea(sheet: Excel.Worksheet, address: string, features: Features): void {
  const range = sheet.getRange(address);
  range.conditionalFormats.clearAll();
  if (features.dataValidation) range.dataValidation.clear();
  range.unmerge();
  range.clear('All');
}
