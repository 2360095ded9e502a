/**
 * Helpers that only queue Office.js commands on a worksheet; none of them syncs (the caller
 * does, once). Enum values are written as the string literals Office.js accepts, so this runs
 * against the in-memory workbook too, where no `Excel` namespace exists.
 */
import { columnLetter, rangeAddress, type RangeRef } from '../layout/a1';
import { MARKER_NAME } from '../layout/marker';
import type { CellStyle, ConditionalFormatPlan, PrintPlan, SheetPlan, ValidationPlan } from '../layout/types';
import { EMPTY_FLAGS, FLAGS_NAME } from '../layout/flagsName';
import type { PlanGrid, WriteCell } from '../layout/planGrid';
import { actionBytes, getRangeBytes, jsonBytes, pathBytes, rangePathBytes, type Segment } from './session';

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

/** One property set (or `clear()`) a style makes, on the range's format or one of its parts. */
interface StyleSet {
  on: 'format' | 'font' | 'fill' | (typeof EDGES)[number] | 'InsideVertical' | 'InsideHorizontal';
  member: string;
  value?: unknown;
}

/**
 * What applying a plan style to a range sets (the whole range, merged areas included). With
 * `reset`, what the style leaves unset goes back to Excel's default (a refresh undoing someone's
 * fill). One list serves both the payload estimate and the queuing, so they cannot disagree.
 */
export function styleSets(style: CellStyle, r: RangeRef, features: Features, reset = false): StyleSet[] {
  const sets: StyleSet[] = [];
  if (reset) {
    if (style.fill === undefined) sets.push({ on: 'fill', member: 'clear' });
    if (style.bold === undefined) sets.push({ on: 'font', member: 'bold', value: false });
    if (style.italic === undefined) sets.push({ on: 'font', member: 'italic', value: false });
  }
  if (style.bold !== undefined) sets.push({ on: 'font', member: 'bold', value: style.bold });
  if (style.italic !== undefined) sets.push({ on: 'font', member: 'italic', value: style.italic });
  if (style.fontSize !== undefined) sets.push({ on: 'font', member: 'size', value: style.fontSize });
  if (style.fontColor !== undefined) sets.push({ on: 'font', member: 'color', value: style.fontColor });
  if (style.fill !== undefined) sets.push({ on: 'fill', member: 'color', value: style.fill });
  if (style.wrap !== undefined) sets.push({ on: 'format', member: 'wrapText', value: style.wrap });
  if (style.hAlign) sets.push({ on: 'format', member: 'horizontalAlignment', value: H_ALIGN[style.hAlign] });
  if (style.vAlign) sets.push({ on: 'format', member: 'verticalAlignment', value: V_ALIGN[style.vAlign] });
  if (style.indent !== undefined && features.indent)
    sets.push({ on: 'format', member: 'indentLevel', value: style.indent });
  if (style.border) {
    const edges: StyleSet['on'][] = [...EDGES];
    if (r.right > r.left) edges.push('InsideVertical');
    if (r.bottom > r.top) edges.push('InsideHorizontal');
    for (const on of edges)
      sets.push(
        { on, member: 'style', value: 'Continuous' },
        { on, member: 'weight', value: 'Thin' },
        { on, member: 'color', value: '#000000' },
      );
  }
  return sets;
}

/** Request bytes of a style's sets on a range at `rangePath` bytes: format › font/fill/borders.getItem(edge). */
export function styleBytes(rangePath: number, sets: StyleSet[]): number {
  let n = 0;
  for (const s of sets) {
    const tail: Segment[] =
      s.on === 'format' ? [] : s.on === 'font' || s.on === 'fill' ? [s.on] : ['borders', ['getItem', s.on]];
    const path = rangePath + pathBytes('format', ...tail);
    n += s.value === undefined ? actionBytes(path, s.member) : actionBytes(path, s.member, s.value);
    // borders.getItem(edge) is called again for every set on an edge.
    if (tail.length === 2) n += actionBytes(rangePath + pathBytes('format', 'borders'), 'getItem', s.on);
  }
  return n;
}

/** Queues a style's sets on a range. */
export function queueStyleSets(range: Excel.Range, sets: StyleSet[]): void {
  const f = range.format;
  for (const s of sets) {
    if (s.on === 'fill' && s.member === 'clear') f.fill.clear();
    else {
      const target =
        s.on === 'format'
          ? f
          : s.on === 'font'
            ? f.font
            : s.on === 'fill'
              ? f.fill
              : f.borders.getItem(s.on as Excel.BorderIndex);
      (target as unknown as Record<string, unknown>)[s.member] = s.value;
    }
  }
}

/** Columns: widths, hidden key column. */
export function queueColumns(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const c of plan.columns) {
    const range = sheet.getRange(`${c.letter}:${c.letter}`);
    range.format.columnWidth = widthToPoints(c.width);
    if (c.hidden) range.columnHidden = true;
  }
}

export function columnsBytes(sheetPath: number, plan: SheetPlan): number {
  let n = 0;
  for (const c of plan.columns) {
    const range = rangePathBytes(sheetPath, `${c.letter}:${c.letter}`);
    n += getRangeBytes(sheetPath, `${c.letter}:${c.letter}`);
    n += actionBytes(range + pathBytes('format'), 'columnWidth', widthToPoints(c.width));
    if (c.hidden) n += actionBytes(range, 'columnHidden', true);
  }
  return n;
}

export function queueRowHeights(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
    sheet.getRange(`${row}:${row}`).format.rowHeight = height;
}

export function rowHeightsBytes(sheetPath: number, plan: SheetPlan): number {
  let n = 0;
  for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
    n +=
      getRangeBytes(sheetPath, `${row}:${row}`) +
      actionBytes(rangePathBytes(sheetPath, `${row}:${row}`) + pathBytes('format'), 'rowHeight', height);
  return n;
}

/**
 * The one rule for every value written from text (inject, fixes, consolidation). Excel reads text
 * written through the API as if typed: "- Tham mưu…" or "=1+1" becomes a formula (Range.values:
 * a value starting with "+", "-" or "=" is interpreted as a formula; "@" too, a guess), "12" a
 * number, "1/2" a date. Such text gets Excel's apostrophe prefix (not part of the value), except
 * in '@' cells, which keep whatever they are given. A formula is written as one by protectRows.
 */
export function protectText(v: WriteCell, numberFormat: string | undefined): WriteCell {
  if (typeof v !== 'string' || v === '' || numberFormat === '@') return v;
  if (/^[=+\-'@#]/.test(v)) return `'${v}`;
  const t = v.trim();
  if (/^[+-]?(\d[\d.,]*|[.,]\d+)(e[+-]?\d+)?\s*%?$/i.test(t)) return `'${v}`;
  if (/^(true|false)$/i.test(t) || /^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(t) || /^\d{1,2}:\d{2}/.test(t))
    return `'${v}`;
  return v;
}

/** A grid's cells: a formula (planned, or typed by an official and carried) as such, every other text protected. */
function protectRows(rows: WriteCell[][], formats: string[][]): WriteCell[][] {
  return rows.map((row, i) =>
    row.map((v, j) => (typeof v === 'string' && v.startsWith('=') ? v : protectText(v, formats[i]?.[j]))),
  );
}

/** Request bytes of writing rows top…bottom of a grid on a sheet at `sheetPath` bytes (queueGridBlock). */
export function gridBytes(grid: PlanGrid, top: number, bottom: number, sheetPath = 0): number {
  const address = `A${top}:${columnLetter(grid.cols)}${bottom}`;
  const range = rangePathBytes(sheetPath, address);
  return (
    getRangeBytes(sheetPath, address) +
    actionBytes(range, 'numberFormat') +
    jsonBytes(grid.numberFormat.slice(top - 1, bottom)) +
    actionBytes(range, 'formulas') +
    jsonBytes(grid.formulas.slice(top - 1, bottom))
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

/** A few cells of a grid as horizontal runs (a refresh's diff), with their request bytes. */
export function gridRuns(
  grid: PlanGrid,
  runs: RangeRef[],
  what: 'formulas' | 'numberFormat',
  sheetPath: number,
): { bytes: number; queue: (sheet: Excel.Worksheet) => void } {
  const writes = runs.map((r) => {
    const rowCells = <T>(a: T[][]) => [a[r.top - 1].slice(r.left - 1, r.right)];
    const data: WriteCell[][] =
      what === 'formulas'
        ? protectRows(rowCells(grid.formulas), rowCells(grid.numberFormat))
        : rowCells(grid.numberFormat);
    return { address: rangeAddress(r), data };
  });
  let bytes = 0;
  for (const w of writes)
    bytes += getRangeBytes(sheetPath, w.address) + actionBytes(rangePathBytes(sheetPath, w.address), what, w.data);
  return {
    bytes,
    queue: (sheet) => {
      for (const w of writes) {
        const range = sheet.getRange(w.address);
        if (what === 'formulas') range.formulas = w.data as unknown[][] as string[][];
        else range.numberFormat = w.data as string[][];
      }
    },
  };
}

export function queueMerges(sheet: Excel.Worksheet, merges: string[]): void {
  for (const m of merges) sheet.getRange(m).merge(false);
}

export function mergesBytes(sheetPath: number, merges: string[]): number {
  let n = 0;
  for (const m of merges) n += getRangeBytes(sheetPath, m) + actionBytes(rangePathBytes(sheetPath, m), 'merge', false);
  return n;
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

/** What queueValidation sets, in order: one list for the payload estimate and the queuing. */
function validationSets(v: ValidationPlan): [string, unknown][] {
  return [
    ['rule', validationRule(v)],
    ['ignoreBlanks', true],
    ['prompt', { showPrompt: true, title: v.prompt.title, message: v.prompt.message }],
    [
      'errorAlert',
      { showAlert: true, title: v.error.title, message: v.error.message, style: ALERT_STYLES[v.error.style] },
    ],
  ];
}

export function queueValidation(sheet: Excel.Worksheet, v: ValidationPlan, address = v.range): void {
  const dv = sheet.getRange(address).dataValidation;
  dv.clear();
  for (const [member, value] of validationSets(v)) (dv as unknown as Record<string, unknown>)[member] = value;
}

export function validationBytes(sheetPath: number, v: ValidationPlan, address = v.range): number {
  const dv = rangePathBytes(sheetPath, address) + pathBytes('dataValidation');
  let n = getRangeBytes(sheetPath, address) + actionBytes(dv, 'clear');
  for (const [member, value] of validationSets(v)) n += actionBytes(dv, member, value);
  return n;
}

/** What queueConditionalFormat sets on the added rule: [custom part, member, value]. */
function ruleSets(cf: ConditionalFormatPlan): [Segment[], string, unknown][] {
  const sets: [Segment[], string, unknown][] = [[['custom', 'rule'], 'formula', cf.formula]];
  if (cf.format.fill) sets.push([['custom', 'format', 'fill'], 'color', cf.format.fill]);
  if (cf.format.fontColor) sets.push([['custom', 'format', 'font'], 'color', cf.format.fontColor]);
  if (cf.format.bold !== undefined) sets.push([['custom', 'format', 'font'], 'bold', cf.format.bold]);
  return sets;
}

export function queueConditionalFormat(sheet: Excel.Worksheet, cf: ConditionalFormatPlan, address = cf.range): void {
  const added = sheet.getRange(address).conditionalFormats.add('Custom');
  added.custom.rule.formula = cf.formula;
  if (cf.format.fill) added.custom.format.fill.color = cf.format.fill;
  if (cf.format.fontColor) added.custom.format.font.color = cf.format.fontColor;
  if (cf.format.bold !== undefined) added.custom.format.font.bold = cf.format.bold;
}

export function conditionalFormatBytes(sheetPath: number, cf: ConditionalFormatPlan, address = cf.range): number {
  const collection = rangePathBytes(sheetPath, address) + pathBytes('conditionalFormats');
  const added = collection + pathBytes(['add', 'Custom']);
  let n = getRangeBytes(sheetPath, address) + actionBytes(collection, 'add', 'Custom');
  for (const [path, member, value] of ruleSets(cf)) n += actionBytes(added + pathBytes(...path), member, value);
  return n;
}

export function queueFreeze(sheet: Excel.Worksheet, freeze: SheetPlan['freeze']): void {
  const panes = sheet.freezePanes;
  panes.unfreeze();
  if (freeze.rows > 0 && freeze.columns > 0)
    panes.freezeAt(sheet.getRange(`A1:${columnLetter(freeze.columns)}${freeze.rows}`));
  else if (freeze.rows > 0) panes.freezeRows(freeze.rows);
  else if (freeze.columns > 0) panes.freezeColumns(freeze.columns);
}

export function freezeBytes(sheetPath: number): number {
  const panes = sheetPath + pathBytes('freezePanes');
  // unfreeze, then one freeze call (freezeAt's range argument is a path of its own).
  return (
    actionBytes(panes, 'unfreeze') +
    actionBytes(panes, 'freezeAt', 'reference') +
    getRangeBytes(sheetPath, 'A1:ZZ9999') +
    rangePathBytes(sheetPath, 'A1:ZZ9999')
  );
}

/**
 * Fitting the width to one page. office-js #1860: `zoom = { horizontalFitToPages: 1 }` alone
 * "does not get set" unless the Page Layout tab happens to be open (`{ scale: … }` is). Excel
 * applies fit-to-pages as the pair Page Setup › "Fit to: 1 page wide by [ ] tall" stores
 * (ECMA-376 Part 1, §18.3.1.64 pageSetup: fitToWidth/fitToHeight, 0 = automatic: as many pages
 * as needed), so both directions are given: 1 wide, 0 (automatic) tall. The in-memory workbook
 * applies the pair and ignores the half (src/memoryExcel/worksheet.ts, PageLayout.zoom).
 */
export const FIT_WIDTH_ZOOM: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1, verticalFitToPages: 0 };

/** Print setup (ExcelApi 1.9): the caller checks the requirement set. */
export function queuePrint(sheet: Excel.Worksheet, print: PrintPlan): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  // Only the width is fixed: the height runs to as many pages as the rows need.
  if (print.fitToWidth) layout.zoom = FIT_WIDTH_ZOOM;
  if (print.titleRows) layout.setPrintTitleRows(print.titleRows);
}

export function printBytes(sheetPath: number, print: PrintPlan): number {
  const layout = sheetPath + pathBytes('pageLayout');
  let n = actionBytes(layout, 'orientation', 'Landscape') + actionBytes(layout, 'paperSize', 'A4');
  if (print.fitToWidth) n += actionBytes(layout, 'zoom', FIT_WIDTH_ZOOM);
  if (print.titleRows) n += actionBytes(layout, 'setPrintTitleRows', print.titleRows);
  return n;
}

const FLAGS_COMMENT = 'Ô được tiện ích CCHC đánh dấu khi kiểm tra (CCHC add-in flagged cells)';

/** Adds the sheet's CCHC_FLAGS name (empty) where it is missing. */
export function queueAddFlagsName(sheet: Excel.Worksheet, formula = EMPTY_FLAGS): void {
  sheet.names.add(FLAGS_NAME, formula, FLAGS_COMMENT);
}

export function flagsNameBytes(sheetPath: number, formula = EMPTY_FLAGS): number {
  return actionBytes(sheetPath + pathBytes('names'), 'add', FLAGS_NAME, formula, FLAGS_COMMENT);
}

const MARKER_COMMENT = 'Dấu nhận biết biểu mẫu CCHC, như ô A1 (CCHC template marker, as in A1)';

/**
 * Writes the sheet's CCHC_TEMPLATE name (layout/marker.ts): added where missing, its formula set
 * where it holds another marker (an upgrade). NamedItem.formula is writable from ExcelApi 1.7.
 */
export function queueMarkerName(sheet: Excel.Worksheet, formula: string, exists: boolean): void {
  if (exists) sheet.names.getItem(MARKER_NAME).formula = formula;
  else sheet.names.add(MARKER_NAME, formula, MARKER_COMMENT);
}

export function markerNameBytes(sheetPath: number, formula: string): number {
  return (
    actionBytes(sheetPath + pathBytes('names'), 'add', MARKER_NAME, formula, MARKER_COMMENT) +
    actionBytes(sheetPath + pathBytes('names', ['getItem', MARKER_NAME]), 'formula', formula)
  );
}

/** Clears an area before a new layout is written over it: contents, formats, merges, rules. */
export function queueClearArea(sheet: Excel.Worksheet, address: string, features: Features): void {
  const range = sheet.getRange(address);
  range.conditionalFormats.clearAll();
  if (features.dataValidation) range.dataValidation.clear();
  range.unmerge();
  range.clear('All');
}

export function clearAreaBytes(sheetPath: number, address: string): number {
  const range = rangePathBytes(sheetPath, address);
  return (
    getRangeBytes(sheetPath, address) +
    actionBytes(range + pathBytes('conditionalFormats'), 'clearAll') +
    actionBytes(range + pathBytes('dataValidation'), 'clear') +
    actionBytes(range, 'unmerge') +
    actionBytes(range, 'clear', 'All')
  );
}
