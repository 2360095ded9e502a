/**
 * Reads .xlsx bytes (Node or browser: no file system here) into the engine's SheetSnapshot[]: the sheets carrying a template marker
 * in their CCHC_TEMPLATE name or in A1 (layout/marker.ts), with values as Excel's Range.values gives them (cached formula results, '#REF!'
 * strings for errors, flattened rich text, dates as serial numbers with their date format kept
 * in numberFormats), so the engine judges a cell read here exactly as one read by the add-in.
 * Every file first goes through guard.ts (limits, encryption, renamed formats, unsafe XML).
 * The CLI reads files from disk with src/cli/xlsx/readSnapshots.ts; the pane reads picked files.
 */
import { Workbook, ValueType } from 'exceljs';
import type { Cell, CellFormulaValue, CellValue as ExcelCellValue, Row, Worksheet } from 'exceljs';
import type { TemplateId } from '../catalog/types';
import type { CellValue, SheetSnapshot } from '../engine/types';
import { buildSheetPlan, MARKER_NAME, parseMarker, parseMarkerFormula } from '../layout';
import { columnNumber } from '../layout/a1';
import { InputError } from './errors';
import { xmlUnescape } from './xmlText';
import { guardPackage } from './guard';
import type { Limits } from './limits';

export const REPORTER_KEY = 'meta.reporter';
/** A1 of a sheet written by `cchc consolidate`: looks like the form, but is a city total, not a return. */
export const CONSOLIDATED_PREFIX = 'cchc-consolidated:';

/**
 * Parts of a sheet the snapshot does not need: skipping them makes `check` parse about a fifth
 * faster. Without 'mergeCells' a covered cell reads as its own (empty) content, as in Excel.
 */
const SKIPPED_FOR_VALUES = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'mergeCells',
  'sheetViews',
  'sheetFormatPr',
  'sheetPr',
  'cols',
  'pageMargins',
  'pageSetup',
  'printOptions',
  'hyperlinks',
  'drawing',
  'legacyDrawing',
  'picture',
  'autoFilter',
  'tableParts',
  'dimension',
  'sheetProtection',
];

export interface TemplateWorkbook {
  file: string;
  snapshots: SheetSnapshot[];
  /** The "Cơ quan, đơn vị báo cáo" entry (first filled one), or null. */
  reporter: string | null;
  /** Sheets with no template marker (the unit's own sheets), by name. */
  otherSheets: string[];
  /** Milliseconds spent unzipping and parsing the file. */
  parseMs: number;
}

function excelSerial(date: Date, date1904: boolean): number {
  // ExcelJS turns date-formatted numbers into UTC Date objects; this is its inverse.
  const serial = date.getTime() / 86_400_000 + (date1904 ? 24_107 : 25_569);
  return Math.round(serial * 1e9) / 1e9;
}

function richText(value: { richText: { text: string }[] }): string {
  return value.richText.map((r) => r.text).join('');
}

type FormulaResult = CellFormulaValue['result'] | null;

/** A formula's cached result as Range.values gives it ('' when the file holds none). */
export function formulaResult(result: FormulaResult, date1904: boolean): CellValue {
  if (result === undefined || result === null) return '';
  if (result instanceof Date) return excelSerial(result, date1904);
  if (typeof result === 'object') return 'error' in result ? result.error : '';
  return result;
}

/** A cell value as Excel's Range.values would return it. */
export function excelValue(value: ExcelCellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return excelSerial(value, date1904);
  if ('error' in value) return value.error;
  if ('richText' in value) return richText(value);
  if ('formula' in value || 'sharedFormula' in value) return formulaResult(value.result, date1904);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (typeof text === 'string') return text;
    if (text && typeof text === 'object' && 'richText' in text)
      return richText(text as { richText: { text: string }[] });
    return '';
  }
  return '';
}

function formulaOf(cell: Cell): string | null {
  if (cell.type !== ValueType.Formula) return null;
  // `formula` translates a shared formula to this cell, as Range.formulas does.
  const f = cell.formula;
  return f ? `=${f}` : null;
}

/** The values, formulas and number formats of a sheet, from A1 to its last used cell. */
export function sheetSnapshot(
  sheet: Worksheet,
  marker: { templateId: TemplateId; version: string },
  date1904: boolean,
): SheetSnapshot {
  let lastRow = 0;
  let lastCol = 0;
  const cells: Cell[] = [];
  // Empty cells too (and rows holding only empty cells): an empty input still has its number
  // format ('@', '0.0%'), as in Excel. `_rows` is sparse; eachRow would skip rows without values.
  const rows = (sheet as unknown as { _rows: (Row | undefined)[] })._rows;
  for (const row of rows) {
    if (!row) continue;
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ValueType.Null && !cell.numFmt) return;
      cells.push(cell);
      if (Number(cell.row) > lastRow) lastRow = Number(cell.row);
      if (Number(cell.col) > lastCol) lastCol = Number(cell.col);
    });
  }
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < lastRow; r++) {
    values.push(new Array<CellValue>(lastCol).fill(''));
    formulas.push(new Array<CellValue>(lastCol).fill(''));
    numberFormats.push(new Array<string>(lastCol).fill('General'));
  }
  for (const cell of cells) {
    const r = Number(cell.row) - 1;
    const c = Number(cell.col) - 1;
    if (cell.numFmt) numberFormats[r][c] = cell.numFmt;
    // A cell covered by a merge reads as empty in Excel; ExcelJS would give the master's value.
    if (cell.type === ValueType.Merge) continue;
    // Formula results are taken from `cell.result`: ExcelJS's `value` of a formula cell drops
    // falsy results (0, FALSE), which would turn a computed 0 into an empty cell.
    const value =
      cell.type === ValueType.Formula
        ? formulaResult(cell.result as FormulaResult, date1904)
        : excelValue(cell.value, date1904);
    values[r][c] = value;
    formulas[r][c] = formulaOf(cell) ?? value;
  }
  return {
    name: sheet.name,
    templateId: marker.templateId,
    version: marker.version,
    origin: 'A1',
    values,
    formulas,
    numberFormats,
  };
}

function a1Text(sheet: Worksheet): string | null {
  const value = excelValue(sheet.getCell('A1').value, false);
  return typeof value === 'string' ? value.trim() : null;
}

type SheetMarker = NonNullable<ReturnType<typeof parseMarker>>;

/**
 * Sheet name → marker, from the sheet-scoped CCHC_TEMPLATE names of workbook.xml. ExcelJS 4
 * drops defined names that hold constants, so the part is read here. localSheetId is the
 * 0-based position of the sheet in <sheets> (ECMA-376 Part 1, 18.2.5), resolved to its name.
 */
export function markersOfWorkbookXml(xml: string): Map<string, SheetMarker> {
  const names = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => xmlUnescape(m[1]));
  const out = new Map<string, SheetMarker>();
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attrs = m[1];
    if (xmlUnescape(/\bname="([^"]*)"/.exec(attrs)?.[1] ?? '') !== MARKER_NAME) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(attrs)?.[1];
    const sheet = local === undefined ? undefined : names[Number(local)];
    const marker = parseMarkerFormula(xmlUnescape(m[2]));
    if (sheet !== undefined && marker) out.set(sheet, marker);
  }
  return out;
}

/**
 * The template sheets of a loaded workbook, in tab order: a sheet is one when its CCHC_TEMPLATE
 * name (`byName`, from markersOfWorkbookXml) or its A1 holds a marker; the name wins, as in the
 * add-in, since A1 can be typed over.
 */
export function workbookSnapshots(
  workbook: Workbook,
  byName: Map<string, SheetMarker> = new Map(),
): { snapshots: SheetSnapshot[]; otherSheets: string[] } {
  const date1904 = Boolean(workbook.properties?.date1904);
  const snapshots: SheetSnapshot[] = [];
  const otherSheets: string[] = [];
  for (const sheet of workbook.worksheets) {
    const text = a1Text(sheet);
    const marker = byName.get(sheet.name) ?? (text ? parseMarker(text) : null);
    if (marker) snapshots.push(sheetSnapshot(sheet, marker, date1904));
    else otherSheets.push(sheet.name);
  }
  return { snapshots, otherSheets };
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

/** The reporting unit typed on the 'meta.reporter' row (found by its key in column A). */
export function reporterOf(snapshots: SheetSnapshot[]): string | null {
  for (const snapshot of snapshots) {
    const row = snapshot.values.find((r) => r[0] === REPORTER_KEY);
    if (!row) continue;
    for (const col of reporterColumnsOf(snapshot.templateId)) {
      const v = row[col];
      if (v !== undefined && v !== null && String(v).trim() !== '') return String(v).trim();
    }
  }
  return null;
}

/** Loads .xlsx bytes, telling apart the ways a file can fail to be a workbook. */
export async function loadWorkbook(
  file: string,
  bytes: Uint8Array,
  options: { valuesOnly?: boolean; limits?: Limits } = {},
): Promise<Workbook> {
  return (await loadPackage(file, bytes, options)).workbook;
}

/** loadWorkbook, with the template markers held in sheet-scoped names (markersOfWorkbookXml). */
async function loadPackage(
  file: string,
  bytes: Uint8Array,
  options: { valuesOnly?: boolean; limits?: Limits },
): Promise<{ workbook: Workbook; markers: Map<string, SheetMarker> }> {
  const zip = await guardPackage(file, bytes, options.limits);
  const workbookXml = zip.file('xl/workbook.xml');
  const markers = workbookXml
    ? markersOfWorkbookXml(await workbookXml.async('string'))
    : new Map<string, SheetMarker>();
  const workbook = new Workbook();
  try {
    // ExcelJS declares its own empty `Buffer` interface; it hands the bytes to JSZip, which takes a Uint8Array.
    const data = bytes as unknown as Parameters<typeof workbook.xlsx.load>[0];
    await workbook.xlsx.load(data, options.valuesOnly ? { ignoreNodes: SKIPPED_FOR_VALUES } : {});
  } catch (e) {
    throw new InputError(file, 'corrupt', {
      vi: `tệp .xlsx bị hỏng, không đọc được (${(e as Error).message}).`,
      en: `the .xlsx file is damaged and cannot be read (${(e as Error).message}).`,
    });
  }
  return { workbook, markers };
}

/** Reads a unit's workbook from its bytes: its template sheets as snapshots. Throws InputError if it is not one. */
export async function readTemplateBytes(
  file: string,
  bytes: Uint8Array,
  options: { limits?: Limits } = {},
): Promise<TemplateWorkbook> {
  const started = performance.now();
  const { workbook, markers } = await loadPackage(file, bytes, { valuesOnly: true, limits: options.limits });
  if (workbook.worksheets.length === 0)
    throw new InputError(file, 'corrupt', {
      vi: 'tệp nén này không chứa sổ làm việc Excel nào.',
      en: 'this zip file holds no Excel workbook.',
    });
  const { snapshots, otherSheets } = workbookSnapshots(workbook, markers);
  const parseMs = performance.now() - started;
  if (snapshots.length === 0 && workbook.worksheets.some((ws) => a1Text(ws)?.startsWith(CONSOLIDATED_PREFIX)))
    throw new InputError(file, 'consolidated', {
      vi: 'đây là bảng tổng hợp do "cchc consolidate" tạo ra, không phải tệp báo cáo của một đơn vị.',
      en: 'this is a consolidation made by "cchc consolidate", not a unit’s return.',
    });
  if (snapshots.length === 0)
    throw new InputError(file, 'no-templates', {
      vi: 'sổ làm việc không có trang biểu mẫu CCHC nào (ô A1 không có dấu "cchc-template:…"). Hãy dùng tệp tạo bằng "cchc template" hoặc bằng add-in.',
      en: 'the workbook has no CCHC template sheet (no "cchc-template:…" marker in A1). Use a file made by "cchc template" or by the add-in.',
    });
  return { file, snapshots, reporter: reporterOf(snapshots), otherSheets, parseMs };
}
