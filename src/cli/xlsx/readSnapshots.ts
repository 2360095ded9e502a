/**
 * Reads an .xlsx file into the engine's SheetSnapshot[]: the sheets carrying a template marker
 * in A1, with values as Excel's Range.values gives them (cached formula results, '#REF!'
 * strings for errors, flattened rich text, dates as serial numbers with their date format kept
 * in numberFormats), so the engine judges a cell read here exactly as one read by the add-in.
 */
import { promises as fs } from 'node:fs';
import { Workbook, ValueType } from 'exceljs';
import type { Cell, CellFormulaValue, CellValue as ExcelCellValue, Row, Worksheet } from 'exceljs';
import type { TemplateId } from '../../catalog/types';
import type { CellValue, SheetSnapshot } from '../../engine/types';
import { buildSheetPlan, parseMarker } from '../../layout';
import { columnNumber } from '../../layout/a1';
import { InputError } from '../errors';

export const REPORTER_KEY = 'meta.reporter';
/** A1 of a sheet written by `cchc consolidate`: looks like the form, but is a city total, not a return. */
export const CONSOLIDATED_PREFIX = 'cchc-consolidated:';

/** First bytes of an OLE compound file: what Excel writes for a password-protected (encrypted) .xlsx, and old .xls. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

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

/** The template sheets of a loaded workbook, in tab order. */
export function workbookSnapshots(workbook: Workbook): { snapshots: SheetSnapshot[]; otherSheets: string[] } {
  const date1904 = Boolean(workbook.properties?.date1904);
  const snapshots: SheetSnapshot[] = [];
  const otherSheets: string[] = [];
  for (const sheet of workbook.worksheets) {
    const text = a1Text(sheet);
    const marker = text ? parseMarker(text) : null;
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

async function readBytes(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory())
      throw new InputError(file, 'directory', {
        vi: 'đây là một thư mục, không phải tệp .xlsx.',
        en: 'this is a folder, not an .xlsx file.',
      });
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, 'missing', { vi: 'không tìm thấy tệp.', en: 'file not found.' });
    throw new InputError(file, 'unreadable', {
      vi: `không đọc được tệp (${code ?? (e as Error).message}).`,
      en: `cannot read the file (${code ?? (e as Error).message}).`,
    });
  }
}

/** Loads .xlsx bytes, telling apart the ways a file can fail to be a workbook. */
export async function loadWorkbook(
  file: string,
  bytes: Buffer,
  options: { valuesOnly?: boolean } = {},
): Promise<Workbook> {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_MAGIC))
    throw new InputError(file, 'encrypted', {
      vi: 'tệp được đặt mật khẩu (mã hóa) hoặc là tệp .xls cũ. Hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) và lưu lại dạng .xlsx.',
      en: 'the file is password-protected (encrypted) or an old .xls file. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it as .xlsx.',
    });
  if (bytes.length < 4 || !bytes.subarray(0, 4).equals(ZIP_MAGIC))
    throw new InputError(file, 'not-xlsx', {
      vi: 'không phải tệp Excel .xlsx.',
      en: 'not an Excel .xlsx file.',
    });
  const workbook = new Workbook();
  try {
    // ExcelJS declares its own empty `Buffer` interface; a Node Buffer is what it reads.
    const data = bytes as unknown as Parameters<typeof workbook.xlsx.load>[0];
    await workbook.xlsx.load(data, options.valuesOnly ? { ignoreNodes: SKIPPED_FOR_VALUES } : {});
  } catch (e) {
    throw new InputError(file, 'corrupt', {
      vi: `tệp .xlsx bị hỏng, không đọc được (${(e as Error).message}).`,
      en: `the .xlsx file is damaged and cannot be read (${(e as Error).message}).`,
    });
  }
  return workbook;
}

/** Reads a unit's workbook: its template sheets as snapshots. Throws InputError if it is not one. */
export async function readTemplateWorkbook(file: string): Promise<TemplateWorkbook> {
  const bytes = await readBytes(file);
  const started = performance.now();
  const workbook = await loadWorkbook(file, bytes, { valuesOnly: true });
  if (workbook.worksheets.length === 0)
    throw new InputError(file, 'corrupt', {
      vi: 'tệp nén này không chứa sổ làm việc Excel nào.',
      en: 'this zip file holds no Excel workbook.',
    });
  const { snapshots, otherSheets } = workbookSnapshots(workbook);
  const parseMs = performance.now() - started;
  if (snapshots.length === 0 && workbook.worksheets.some((ws) => a1Text(ws)?.startsWith(CONSOLIDATED_PREFIX)))
    throw new InputError(file, 'no-templates', {
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
