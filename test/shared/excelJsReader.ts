/**
 * The reader as it was before src/xlsx read packages itself: ExcelJS loads the whole workbook
 * and its cells become snapshots. Kept for the differential test only (ExcelJS is no longer
 * used for reading): the new reader must give what this one gives, inside the read window,
 * or refuse the file for a reason the test names.
 */
import JSZip from 'jszip';
import { Workbook, ValueType } from 'exceljs';
import type { Cell, CellFormulaValue, CellValue as ExcelCellValue, Row, Worksheet } from 'exceljs';
import type { CellValue, SheetSnapshot } from '../../src/engine/types';
import { MARKER_NAME, parseMarker, parseMarkerFormula } from '../../src/layout';
import { READ_WINDOW_COLUMNS, READ_WINDOW_ROWS } from '../../src/layout/readWindow';
import { xmlUnescape } from '../../src/xlsx/xmlText';

/** What ExcelJS skips when only values are wanted (the old reader's list). */
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

function excelSerial(date: Date, date1904: boolean): number {
  const serial = date.getTime() / 86_400_000 + (date1904 ? 24_107 : 25_569);
  return Math.round(serial * 1e9) / 1e9;
}

function richText(value: { richText: { text: string }[] }): string {
  return value.richText.map((r) => r.text).join('');
}

type FormulaResult = CellFormulaValue['result'] | null;

function formulaResult(result: FormulaResult, date1904: boolean): CellValue {
  if (result === undefined || result === null) return '';
  if (result instanceof Date) return excelSerial(result, date1904);
  if (typeof result === 'object') return 'error' in result ? result.error : '';
  return result;
}

function excelValue(value: ExcelCellValue, date1904: boolean): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return excelSerial(value, date1904);
  if ('error' in value) return value.error;
  if ('richText' in value) return richText(value);
  if ('formula' in value || 'sharedFormula' in value) return formulaResult(value.result, date1904);
  return '';
}

function sheetSnapshot(sheet: Worksheet, marker: { templateId: string; version: string }, date1904: boolean) {
  const cells: Cell[] = [];
  let lastRow = 0;
  let lastCol = 0;
  const rows = (sheet as unknown as { _rows: (Row | undefined)[] })._rows;
  for (const row of rows) {
    if (!row) continue;
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ValueType.Null && !cell.numFmt) return;
      if (Number(cell.row) > READ_WINDOW_ROWS || Number(cell.col) > READ_WINDOW_COLUMNS) return;
      cells.push(cell);
      lastRow = Math.max(lastRow, Number(cell.row));
      lastCol = Math.max(lastCol, Number(cell.col));
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
    if (cell.type === ValueType.Merge) continue;
    const value =
      cell.type === ValueType.Formula
        ? formulaResult(cell.result as FormulaResult, date1904)
        : excelValue(cell.value, date1904);
    values[r][c] = value;
    const f = cell.type === ValueType.Formula ? cell.formula : null;
    formulas[r][c] = f ? `=${f}` : value;
  }
  return {
    name: sheet.name,
    templateId: marker.templateId,
    version: marker.version,
    origin: 'A1',
    values,
    formulas,
    numberFormats,
  } as SheetSnapshot;
}

async function markersOf(bytes: Uint8Array): Promise<Map<string, { templateId: string; version: string }>> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const names = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => xmlUnescape(m[1]));
  const out = new Map<string, { templateId: string; version: string }>();
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    if (xmlUnescape(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? '') !== MARKER_NAME) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(m[1])?.[1];
    const sheet = local === undefined ? undefined : names[Number(local)];
    const marker = parseMarkerFormula(xmlUnescape(m[2]));
    if (sheet !== undefined && marker) out.set(sheet, marker);
  }
  return out;
}

/** The template sheets ExcelJS reads, or the error it throws. */
export async function readWithExcelJs(
  bytes: Uint8Array,
): Promise<{ snapshots: SheetSnapshot[]; otherSheets: string[] } | { error: string }> {
  try {
    const markers = await markersOf(bytes);
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0], {
      ignoreNodes: SKIPPED_FOR_VALUES,
    });
    const date1904 = Boolean(workbook.properties?.date1904);
    const snapshots: SheetSnapshot[] = [];
    const otherSheets: string[] = [];
    for (const sheet of workbook.worksheets) {
      const a1 = excelValue(sheet.getCell('A1').value, false);
      const marker = markers.get(sheet.name) ?? parseMarker(typeof a1 === 'string' ? a1.trim() : null);
      if (marker) snapshots.push(sheetSnapshot(sheet, marker, date1904));
      else otherSheets.push(sheet.name);
    }
    return { snapshots, otherSheets };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
