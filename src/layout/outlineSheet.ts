/**
 * The report outline sheet "Đề cương báo cáo" (Appendix 2 of Plan 28/KH-UBND): one row per heading
 * (the seed's guidance bullets are in the Word report, not here), and under each leaf heading a wide input cell for the unit's text
 * beside the Appendix 1 figures to cite there.
 *
 *   row 1 document line · row 2 title · row 3 how to use · row 4 Cơ quan, đơn vị báo cáo · row 6 header
 *   then per heading: heading row (key = outline id) · for a leaf, the text row
 *   (key '<id>.text', the input merged down over its figure rows) and one figure row per related
 *   Appendix 1 row (key '<id>@<row id>').
 *
 * Figures are live formulas that look the row up by its key in column A of the Appendix 1 sheet,
 * so a moved or sorted row is still found; IFERROR makes them blank when the sheet or the row is
 * absent, and the IF keeps an unfilled figure blank instead of 0. VLOOKUP on a range starting at
 * column A is used rather than INDEX/MATCH: the three hosts (Excel, LibreOffice, the in-memory
 * workbook's evaluator) agree on it across sheets.
 */
import { APPENDIX1, OUTLINE, appendix1Row } from '../catalog';
import type { OutlineRow } from '../catalog/outline';
import type { Appendix1TemplateId } from '../catalog/types';
import { cellAddress, columnLetter, quoteSheet } from './a1';
import { buildAppendix1Sheet } from './appendix1Sheet';
import { columnPlan, rect, SheetBuilder } from './builder';
import {
  addFlaggedRule,
  KEY_WIDTH,
  printPlan,
  REPORTER_LABEL,
  writeKey,
  writeLine,
  writeMarker,
  writeReporterLine,
} from './common';
import { KEY_COL } from './keyColumn';
import { lineWidth, textHeight } from './measure';
import { conditionalFormat, INPUT_FORMATS, invalidFormula } from './rules';
import type { ColumnPlan, SheetPlan } from './types';

export const OUTLINE_TEXT_COLUMN = 'text';
/** Year columns of the figures: the last full year and the partial one ("tính đến 31/3"). */
export const OUTLINE_YEARS = ['2019', '2020'] as const;
const COL = { number: 2, text: 3, figure: 4, y2019: 5, y2020: 6 } as const;
const LAST_COL = COL.y2020;
const HEADER_ROW = 6;
/** Rows looked up on an Appendix 1 sheet: every template has far fewer. */
const LOOKUP_ROWS = 300;
/** Height of a text cell: room for about six lines before the official resizes it. */
const TEXT_POINTS = 90;
const TEXT_WIDTH = 80;

const DOCUMENT_LINE =
  'Phụ lục 2: Đề cương báo cáo (Kèm theo Kế hoạch số 28/KH-UBND ngày 11/02/2020 của UBND thành phố Hà Nội)';
const TITLE = 'ĐỀ CƯƠNG BÁO CÁO';
const HOW_TO =
  'Nhập nội dung báo cáo vào ô màu vàng dưới mỗi mục. Các số liệu bên phải được lấy trực tiếp từ các trang Phụ lục 1 ' +
  '(theo mã dòng), để trích dẫn trong báo cáo cho khớp với biểu thống kê.';

const COLUMNS: ColumnPlan[] = [
  columnPlan(KEY_COL, KEY_WIDTH, 'key', true),
  // Wide enough for the reporter line's label (bold, one line): the input beside it stops any spill.
  columnPlan(COL.number, Math.max(7, lineWidth(REPORTER_LABEL, { bold: true })), 'number'),
  columnPlan(COL.text, TEXT_WIDTH, OUTLINE_TEXT_COLUMN),
  columnPlan(COL.figure, 42, 'figure'),
  columnPlan(COL.y2019, 12, '2019'),
  columnPlan(COL.y2020, 12, '2020'),
];

/** Key of a heading's text row and of one of its figure rows. */
export function outlineTextKey(id: string): string {
  return `${id}.text`;
}
export function outlineFigureKey(id: string, rowId: string): string {
  return `${id}@${rowId}`;
}

/** Where each Appendix 1 row's year cells are on its sheet: column numbers from the sheet plans. */
function yearColumns(): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const t of APPENDIX1) {
    const plan = buildAppendix1Sheet(t, t.sheet, '0.0.0');
    for (const r of plan.rows) {
      const cols: Record<string, number> = {};
      for (const y of OUTLINE_YEARS) if (r.inputs[y]) cols[y] = columnNumberOf(r.inputs[y]);
      out.set(r.key, cols);
    }
  }
  return out;
}

function columnNumberOf(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The live figure of one Appendix 1 row and year: blank when unfilled, when the sheet or the row is absent. */
export function figureFormula(sheet: string, rowId: string, column: number): string {
  const lookup = `VLOOKUP("${rowId}",${quoteSheet(sheet)}!$A$1:$${columnLetter(column)}$${LOOKUP_ROWS},${column},FALSE)`;
  return `=IFERROR(IF(${lookup}="","",${lookup}),"")`;
}

export function buildOutlineSheet(
  name: string,
  version: string,
  sheetNames: Partial<Record<Appendix1TemplateId, string>> = {},
): SheetPlan {
  const b = new SheetBuilder();
  const years = yearColumns();
  writeMarker(b, 'OUTLINE', version);
  writeLine(b, COLUMNS, 1, COL.number, LAST_COL, DOCUMENT_LINE, 'subtitle');
  writeLine(b, COLUMNS, 2, COL.number, LAST_COL, TITLE, 'title');
  writeLine(b, COLUMNS, 3, COL.number, LAST_COL, HOW_TO, 'subtitle');
  writeReporterLine(b, 4, COL.number, COL.number, LAST_COL);
  const headers = ['Mục', 'Nội dung báo cáo', 'Số liệu liên quan (Phụ lục 1)', 'Năm 2019', 'Năm 2020 (đến 31/3)'];
  headers.forEach((h, i) => {
    b.set(HEADER_ROW, COL.number + i, { value: h, style: 'header' });
    b.needHeight(HEADER_ROW, textHeight(h, COLUMNS[COL.number + i - 1].width, { bold: true }));
  });

  let row = HEADER_ROW + 1;
  for (const heading of OUTLINE) row = placeHeading(b, heading, row, years, sheetNames);
  const lastRow = row - 1;
  // One 'invalid' rule down the whole text column rather than one per input: text is invalid only as an
  // error value (#REF! pasted), which headings never hold, and each rule costs the adapter a request.
  const top = cellAddress(HEADER_ROW + 1, COL.text);
  b.addConditionalFormat(
    conditionalFormat('invalid', `${top}:${columnLetter(COL.text)}${lastRow}`, invalidFormula('text', top)),
  );
  addFlaggedRule(b, 4, COL.number, lastRow, LAST_COL);
  return b.build({
    templateId: 'OUTLINE',
    name,
    version,
    headerRows: [HEADER_ROW, HEADER_ROW],
    columns: COLUMNS,
    freeze: { rows: HEADER_ROW, columns: COL.number },
    print: printPlan(COLUMNS, [HEADER_ROW, HEADER_ROW]),
  });
}

/**
 * The same styles down columns B and D–F on every row, so that the adapter formats each column as one
 * rectangle rather than one range per row (each range is a dozen commands in Excel).
 */
function band(b: SheetBuilder, row: number, options: { number?: boolean } = {}): void {
  if (options.number !== false) b.set(row, COL.number, { style: 'stt' });
  b.set(row, COL.figure, { style: 'label' });
  b.set(row, COL.y2019, { style: 'formula' });
  b.set(row, COL.y2020, { style: 'formula' });
}

function placeHeading(
  b: SheetBuilder,
  heading: OutlineRow,
  top: number,
  years: Map<string, Record<string, number>>,
  sheetNames: Partial<Record<Appendix1TemplateId, string>>,
): number {
  let row = top;
  writeKey(b, row, heading.id);
  b.set(row, COL.number, { value: heading.number || undefined, numberFormat: '@', style: 'stt' });
  const style = heading.level <= 2 ? 'labelStrong' : 'label';
  // One cell, not a merge across the figure columns: merges cost the adapter a command each.
  b.set(row, COL.text, { value: heading.label, style });
  b.needHeight(row, textHeight(heading.label, TEXT_WIDTH, { bold: style === 'labelStrong' }));
  b.addRow({ key: heading.id, row, kind: 'group', inputs: {}, formulas: {} });
  band(b, row, { number: false });
  row++;
  if (!heading.leaf) return row;

  const figures = heading.related.filter((id) => appendix1Row(id) && years.get(id));
  const span = Math.max(1, figures.length);
  const textKey = outlineTextKey(heading.id);
  writeKey(b, row, textKey);
  b.merge(rect(row, COL.text, row + span - 1, COL.text), { numberFormat: INPUT_FORMATS.text, style: 'input' });
  b.addRow({ key: textKey, row, kind: 'text', inputs: { [OUTLINE_TEXT_COLUMN]: 'C' }, formulas: {} });
  if (figures.length === 0) {
    b.set(row, COL.figure, { value: 'Không có số liệu Phụ lục 1 cho mục này', style: 'label' });
    b.set(row, COL.y2019, { style: 'formula' });
    b.set(row, COL.y2020, { style: 'formula' });
    b.set(row, COL.number, { style: 'stt' });
    b.needHeight(row, TEXT_POINTS);
    return row + 1;
  }
  figures.forEach((id, i) => {
    const r = row + i;
    const found = appendix1Row(id);
    if (!found) return;
    const key = outlineFigureKey(heading.id, id);
    if (i > 0) writeKey(b, r, key);
    const label = `${id}. ${found.row.label}`;
    b.set(r, COL.figure, { value: label, style: 'label' });
    b.set(r, COL.number, { style: 'stt' });
    b.needHeight(r, Math.max(textHeight(label, 42), Math.ceil(TEXT_POINTS / span)));
    const sheet = sheetNames[found.template.id] ?? found.template.sheet;
    const cols = years.get(id) ?? {};
    const formulas: Record<string, string> = {};
    for (const [y, col] of [
      ['2019', COL.y2019],
      ['2020', COL.y2020],
    ] as const) {
      const source = cols[y];
      if (source === undefined) {
        b.set(r, col, { style: 'formula' });
        continue;
      }
      b.set(r, col, {
        formula: figureFormula(sheet, id, source),
        numberFormat: found.row.kind === 'percent' ? INPUT_FORMATS.percent : INPUT_FORMATS.count,
        style: 'formula',
      });
      formulas[y] = columnLetter(col);
    }
    // The first figure shares the text row (its key is the text key); its formulas are recorded there.
    if (i === 0) {
      const textRow = b.rows.find((p) => p.key === textKey);
      if (textRow) textRow.formulas = formulas;
    } else b.addRow({ key, row: r, kind: 'group', inputs: {}, formulas });
  });
  return row + span;
}
