/**
 * Applies a layout plan to an ExcelJS workbook: the .xlsx twin of the add-in's "Chèn biểu mẫu".
 * The same plan drives the Office.js adapter, so a workbook written here has the same cells,
 * formulas, rules and formats as one the add-in injected, and keeps validating and totalling
 * itself in Excel or LibreOffice for units that do not have the add-in.
 */
import { Workbook } from 'exceljs';
import type { Alignment, Borders, DataValidation, Fill, Font, Style, Worksheet } from 'exceljs';
import type {
  CellStyle,
  ConditionalFormatPlan,
  ConditionalPurpose,
  SheetPlan,
  StyleId,
  ValidationPlan,
  WorkbookPlan,
} from '../layout/types';
import { cellAddress } from '../layout/a1';
import { EMPTY_FLAGS, FLAGS_NAME } from '../layout/flagsName';
import { RULES_NAME, rulesNameFormula } from '../layout/ruleRecord';
import { CONDITIONAL_PURPOSES } from '../layout/types';
import { MARKER_NAME, markerNameFormula } from '../layout/marker';
import { packageWorkbook, type DefinedNameExtra } from './package';

/** The template version as a workbook-level defined name and a custom document property. */
export const VERSION_NAME = 'CCHC_TEMPLATE_VERSION';

export interface ApplyOptions {
  /** Write the plan's data validation (off for a consolidated workbook, whose figures are totals). */
  validations?: boolean;
  /** Conditional formats to write; all by default. */
  conditionalPurposes?: readonly ConditionalPurpose[];
  /** Replaces the A1 marker (a consolidated workbook is not a unit's return). */
  marker?: string;
}

const EXCELJS_DEFAULT_WIDTH = 9;

/** '#RRGGBB' → ExcelJS ARGB. */
export function argb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!m) throw new RangeError(`Bad colour ${hex}`);
  return `FF${m[1].toUpperCase()}`;
}

const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A plan style as an ExcelJS style (fresh objects: ExcelJS shares style objects by reference). */
export function excelStyle(style: CellStyle, numberFormat?: string): Partial<Style> {
  const out: Partial<Style> = {};
  const font: Partial<Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  if (Object.keys(font).length) out.font = font;
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } } as Fill;
  const alignment: Partial<Alignment> = {};
  if (style.wrap) alignment.wrapText = true;
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign === 'center' ? 'middle' : style.vAlign;
  if (style.indent) alignment.indent = style.indent;
  if (Object.keys(alignment).length) out.alignment = alignment;
  if (style.border) out.border = { ...THIN };
  if (numberFormat) out.numFmt = numberFormat;
  return out;
}

function stripEquals(formula: string): string {
  return toFileFormula(formula.startsWith('=') ? formula.slice(1) : formula);
}

/**
 * Functions added after Excel 2007 are stored in .xlsx with the `_xlfn.` prefix; without it Excel
 * reads the name as unknown (#NAME?). Office.js and the plan use the bare name.
 */
const NEWER_FUNCTIONS = /(?<![A-Za-z0-9_.])(ISFORMULA)\(/g;
export function toFileFormula(formula: string): string {
  return formula.replace(NEWER_FUNCTIONS, '_xlfn.$1(');
}

function boundFormula(bound: number | string): number | string {
  return typeof bound === 'number' ? bound : stripEquals(bound);
}

/** A validation plan as the ExcelJS model (formulae without '=', list as a quoted literal). */
export function excelValidation(v: ValidationPlan): DataValidation {
  const base = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: v.prompt.title,
    prompt: v.prompt.message,
    showErrorMessage: true,
    errorStyle: v.error.style,
    errorTitle: v.error.title,
    error: v.error.message,
  };
  switch (v.type) {
    case 'list':
      return { ...base, type: 'list', formulae: [`"${(v.list ?? []).join(',')}"`] };
    case 'custom':
      if (!v.formula) throw new Error(`Custom validation on ${v.range} has no formula`);
      return { ...base, type: 'custom', formulae: [stripEquals(v.formula)] };
    case 'wholeNumber':
    case 'decimal': {
      const type = v.type === 'wholeNumber' ? 'whole' : 'decimal';
      if (v.operator === 'greaterThanOrEqualTo' || v.max === undefined)
        return { ...base, type, operator: 'greaterThanOrEqual', formulae: [boundFormula(v.min ?? 0)] };
      return { ...base, type, operator: 'between', formulae: [boundFormula(v.min ?? 0), boundFormula(v.max)] };
    }
  }
}

function conditionalStyle(format: ConditionalFormatPlan['format']): Partial<Style> {
  const style: Partial<Style> = {};
  // A differential (dxf) solid fill takes its colour from bgColor, unlike a cell fill.
  if (format.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(format.fill) } } as Fill;
  const font: Partial<Font> = {};
  if (format.fontColor) font.color = { argb: argb(format.fontColor) };
  if (format.bold) font.bold = true;
  if (Object.keys(font).length) style.font = font;
  return style;
}

/** Adds one sheet built from its plan. */
export function addPlannedSheet(
  workbook: Workbook,
  plan: SheetPlan,
  styles: Record<StyleId, CellStyle>,
  options: ApplyOptions = {},
): Worksheet {
  const { rows, columns } = plan.freeze;
  const sheet = workbook.addWorksheet(plan.name, {
    views:
      rows > 0 || columns > 0
        ? [{ state: 'frozen', xSplit: columns, ySplit: rows, topLeftCell: cellAddress(rows + 1, columns + 1) }]
        : [{ state: 'normal' }],
    pageSetup: {
      paperSize: 9, // A4 in the OOXML paper-size table
      orientation: plan.print.orientation,
      fitToPage: plan.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0, // 0 = as many pages tall as needed
      ...(plan.print.titleRows ? { printTitlesRow: plan.print.titleRows.replace(/\$/g, '') } : {}),
    },
  });

  for (const column of plan.columns) {
    const col = sheet.getColumn(column.letter);
    // ExcelJS treats a width of exactly 9 as its default and drops it from the file, while
    // Excel's default is 8.43: nudge it so the planned width is written.
    col.width = column.width === EXCELJS_DEFAULT_WIDTH ? column.width + 1e-6 : column.width;
    if (column.hidden) col.hidden = true;
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) sheet.getRow(Number(row)).height = height;

  for (const cellPlan of plan.cells) {
    const cell = sheet.getCell(cellPlan.address);
    if (cellPlan.formula !== undefined) cell.value = { formula: stripEquals(cellPlan.formula) };
    else if (cellPlan.value !== undefined) cell.value = cellPlan.value;
    const style = cellPlan.style ? styles[cellPlan.style] : undefined;
    if (style) cell.style = excelStyle(style, cellPlan.numberFormat);
    else if (cellPlan.numberFormat) cell.numFmt = cellPlan.numberFormat;
  }
  if (options.marker !== undefined) sheet.getCell('A1').value = options.marker;

  // Merging after the cells are written: ExcelJS copies the master's style to the covered
  // cells, so borders run around the whole merged area.
  for (const range of plan.merges) sheet.mergeCells(range);

  if (options.validations !== false) {
    // ExcelJS 4 has worksheet.dataValidations (range addresses, written as one sqref) but its
    // typings only declare the per-cell API.
    const validations = (sheet as Worksheet & { dataValidations: { add(address: string, v: DataValidation): void } })
      .dataValidations;
    for (const v of plan.validations) validations.add(v.range, excelValidation(v));
  }

  const purposes = options.conditionalPurposes ?? CONDITIONAL_PURPOSES;
  let priority = 1;
  for (const cf of plan.conditionalFormats) {
    if (!purposes.includes(cf.purpose)) continue;
    sheet.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: priority++,
          formulae: [stripEquals(cf.formula)],
          style: conditionalStyle(cf.format),
        },
      ],
    });
  }
  return sheet;
}

export interface BuiltWorkbook {
  workbook: Workbook;
  /** Defined names ExcelJS cannot write (constants): added to the package afterwards. */
  names: DefinedNameExtra[];
  properties: Record<string, string>;
}

/** A workbook holding every sheet of the plan, as the add-in injects them. */
export function workbookFromPlan(plan: WorkbookPlan, options: ApplyOptions = {}): BuiltWorkbook {
  const workbook = new Workbook();
  workbook.creator = 'cchc';
  workbook.created = new Date();
  workbook.title = 'Biểu mẫu báo cáo CCHC Thành phố Hà Nội';
  workbook.keywords = `cchc-template ${plan.version}`;
  // No cached results are written for formulas: make Excel compute them when the file opens.
  workbook.calcProperties.fullCalcOnLoad = true;
  const names: DefinedNameExtra[] = [{ name: VERSION_NAME, formula: `"${plan.version}"` }];
  const purposes = options.conditionalPurposes ?? CONDITIONAL_PURPOSES;
  plan.sheets.forEach((sheetPlan, index) => {
    addPlannedSheet(workbook, sheetPlan, plan.styles, options);
    const flagged = sheetPlan.conditionalFormats.some((cf) => cf.purpose === 'flagged');
    // The 'flagged' rule refers to this name; without it the rule would evaluate to #NAME?.
    if (flagged && (purposes.includes('flagged') || purposes.includes('flaggedWarning')))
      // The file stores a name's formula without its '='.
      names.push({ name: FLAGS_NAME, localSheetId: index, formula: EMPTY_FLAGS.slice(1) });
    // The record of the rules the sheet was given, as the add-in writes it (layout/ruleRecord.ts):
    // only when every purpose was, or the add-in would take a partial set for its own.
    if (CONDITIONAL_PURPOSES.every((p) => purposes.includes(p)))
      names.push({
        name: RULES_NAME,
        localSheetId: index,
        formula: rulesNameFormula(sheetPlan.conditionalFormats).slice(1),
      });
    // The sheet's identity beside its A1 marker, as the add-in writes it (layout/marker.ts).
    names.push({
      name: MARKER_NAME,
      localSheetId: index,
      formula: markerNameFormula(sheetPlan.templateId, sheetPlan.version, sheetPlan.year).slice(1),
    });
  });
  return { workbook, names, properties: { [VERSION_NAME]: plan.version } };
}

/** The .xlsx bytes of a built workbook, with the names and properties ExcelJS cannot write. */
export async function workbookBytes(built: BuiltWorkbook): Promise<Uint8Array> {
  const raw = await built.workbook.xlsx.writeBuffer();
  return packageWorkbook(new Uint8Array(raw as ArrayBuffer), { names: built.names, properties: built.properties });
}
