/**
 * One sheet per Appendix 1 section (Plan 28/KH-UBND), laid out as the printed form:
 *
 *   row 1  Phụ lục 1 … (document line)          row 2  "I. Lĩnh vực …" (section title)
 *   row 3  (Đơn vị thống kê, báo cáo: …)         row 4  Cơ quan, đơn vị báo cáo: [input]
 *   row 5  blank                                 row 6… the table(s): header row(s), then data rows
 *
 * Columns: A key (hidden) · B STT · label (C; II splits it into C "Chia theo tên loại VBQPPL" and
 * D as the seed does) · the unit column where the table has one · one input column per year
 * (or per IV column, or VIII's assessment).
 * Section IV stacks its three tables, each as: caption row (the table's heading row, keyed
 * 'IV.1'…), header row(s), period rows, with a blank row between tables.
 */
import type { Appendix1Row, Appendix1Table, Appendix1Template } from '../catalog/types';
import { unitById } from '../catalog';
import { cellAddress, columnLetter, columnNumber } from './a1';
import { columnPlan, rect, rectAddress, SheetBuilder } from './builder';
import {
  addFlaggedRule,
  KEY_WIDTH,
  printPlan,
  spanWidth,
  sumMismatchFormula,
  writeKey,
  writeLine,
  writeMarker,
  writeReporterLine,
} from './common';
import { KEY_COL } from './keyColumn';
import { textHeight } from './measure';
import { conditionalFormat, groupValueFormula, INPUT_FORMATS, invalidFormula, validationFor } from './rules';
import type { ColumnPlan, RowPlan, SheetPlan, StyleId } from './types';

const STT_COL = 2;
const FIRST_LABEL_COL = 3;
const DOCUMENT_LINE =
  'Phụ lục 1: Thống kê các chỉ tiêu, nhiệm vụ về cải cách hành chính của thành phố Hà Nội qua các năm (2015-2019) ' +
  '(Kèm theo Kế hoạch số 28/KH-UBND ngày 11/02/2020 của UBND thành phố Hà Nội)';
const TITLE_ROW = 2;
const UNITS_ROW = 3;
const REPORTER_ROW = 4;
const FIRST_TABLE_ROW = 6;

/** Where each kind of column sits on this sheet. */
interface Geometry {
  /** Column of the II-style sub-label ("Chia theo tên loại VBQPPL"), if any table has one. */
  groupLabelCol?: number;
  labelCol: number;
  unitCol?: number;
  dataStart: number;
  lastCol: number;
  columns: ColumnPlan[];
}

function geometry(template: Appendix1Template): Geometry {
  const hasGroupLabel = template.tables.some((t) => t.rows.some((r) => r.groupLabel));
  const hasUnit = template.tables.some((t) => t.unitHeader !== undefined);
  const dataCount = Math.max(...template.tables.map((t) => t.columns.length));
  const stacked = template.tables.length > 1;
  const longLabels = template.tables.some((t) => t.rows.some((r) => r.label.length > 300));

  const columns: ColumnPlan[] = [columnPlan(KEY_COL, KEY_WIDTH, 'key', true), columnPlan(STT_COL, 6, 'stt')];
  let col = FIRST_LABEL_COL;
  let groupLabelCol: number | undefined;
  if (hasGroupLabel) {
    groupLabelCol = col;
    columns.push(columnPlan(col++, 16, 'groupLabel'));
  }
  const labelCol = col;
  columns.push(columnPlan(col++, longLabels ? 75 : stacked ? 42 : hasGroupLabel ? 46 : 55, 'label'));
  let unitCol: number | undefined;
  if (hasUnit) {
    unitCol = col;
    columns.push(columnPlan(col++, 20, 'unit'));
  }
  const dataStart = col;
  for (let i = 0; i < dataCount; i++) {
    // Section IV's tables give one sheet column different meanings: RowPlan.inputs names them.
    const id = stacked ? undefined : template.tables[0].columns[i].id;
    const width = id === 'assessment' ? 22 : stacked ? 11 : 12;
    columns.push(columnPlan(col++, width, id));
  }
  return { groupLabelCol, labelCol, unitCol, dataStart, lastCol: col - 1, columns };
}

export function buildAppendix1Sheet(template: Appendix1Template, name: string, version: string): SheetPlan {
  const g = geometry(template);
  const b = new SheetBuilder();

  writeMarker(b, template.id, version);
  writeLine(b, g.columns, 1, STT_COL, g.lastCol, DOCUMENT_LINE, 'subtitle');
  writeLine(b, g.columns, TITLE_ROW, STT_COL, g.lastCol, `${template.id}. ${template.title}`, 'title');
  const units = template.units.map((u) => unitById(u).name).join(', ');
  writeLine(b, g.columns, UNITS_ROW, STT_COL, g.lastCol, `(Đơn vị thống kê, báo cáo: ${units})`, 'subtitle');
  writeReporterLine(b, REPORTER_ROW, STT_COL, g.labelCol, g.lastCol);

  let row = FIRST_TABLE_ROW;
  let firstHeader: [number, number] | undefined;
  template.tables.forEach((table, index) => {
    if (index > 0) row++; // a blank row between stacked tables
    const placed = placeTable(b, g, table, row);
    firstHeader ??= placed.header;
    row = placed.nextRow;
  });
  const lastRow = row - 1;
  addFlaggedRule(b, REPORTER_ROW, STT_COL, lastRow, g.lastCol);
  addSumRules(b, template);

  const header = firstHeader as [number, number];
  const stacked = template.tables.length > 1;
  return b.build({
    templateId: template.id,
    name,
    version,
    headerRows: header,
    columns: g.columns,
    // Stacked tables have different headers: freezing the first one's would mislabel the others.
    freeze: { rows: stacked ? 0 : header[1], columns: g.labelCol },
    print: printPlan(g.columns, stacked ? undefined : header),
  });
}

/** Places one table from `top`; returns its header rows and the row after its last row. */
function placeTable(
  b: SheetBuilder,
  g: Geometry,
  table: Appendix1Table,
  top: number,
): { header: [number, number]; nextRow: number } {
  let row = top;
  const tableLast = g.dataStart + table.columns.length - 1;
  const captionRow = table.caption ? table.rows.find((r) => r.id === table.id && r.kind === 'group') : undefined;
  if (table.caption) {
    placeCaption(b, g, table, captionRow, row, tableLast);
    row++;
  }
  const header = placeHeader(b, g, table, row);
  row = header[1] + 1;
  const body = table.rows.filter((r) => r !== captionRow);
  const firstBodyRow = row;
  const unitCovered = new Set<number>();
  for (let i = 0; i < body.length; i++, row++) placeRow(b, g, table, body, i, row, unitCovered);
  addRules(b, g, table, body, firstBodyRow);
  return { header, nextRow: row };
}

function placeCaption(
  b: SheetBuilder,
  g: Geometry,
  table: Appendix1Table,
  captionRow: Appendix1Row | undefined,
  row: number,
  tableLast: number,
): void {
  const text = captionRow?.label ?? (table.caption as string);
  const left = g.groupLabelCol ?? g.labelCol;
  if (captionRow) {
    writeKey(b, row, captionRow.id);
    b.set(row, STT_COL, { value: captionRow.stt || undefined, numberFormat: '@', style: 'labelStrong' });
    b.addRow({ key: captionRow.id, row, kind: captionRow.kind, inputs: {}, formulas: {} });
  }
  b.merge(rect(row, captionRow ? left : STT_COL, row, tableLast), { value: text, style: 'labelStrong' });
  b.needHeight(row, textHeight(text, spanWidth(g.columns, left, tableLast), { bold: true }));
}

function placeHeader(b: SheetBuilder, g: Geometry, table: Appendix1Table, top: number): [number, number] {
  const twoRows = table.columns.some((c) => c.group !== undefined);
  const bottom = twoRows ? top + 1 : top;
  const rows = bottom - top + 1;
  const cell = (left: number, right: number, text: string | undefined, vertical = true): void => {
    b.merge(rect(top, left, vertical ? bottom : top, right), { value: text, style: 'header' });
    if (text)
      b.needHeight(top, textHeight(text, spanWidth(g.columns, left, right), { bold: true }) / (vertical ? rows : 1));
  };
  // Tables with a caption (section IV) print no STT column header.
  cell(STT_COL, STT_COL, table.caption ? undefined : 'STT');
  cell(g.groupLabelCol ?? g.labelCol, g.labelCol, table.labelHeader);
  if (g.unitCol !== undefined) cell(g.unitCol, g.unitCol, table.unitHeader);
  table.columns.forEach((column, i) => {
    const col = g.dataStart + i;
    if (!twoRows || column.group === undefined) return cell(col, col, column.label);
    if (i === 0 || table.columns[i - 1].group !== column.group) {
      let span = 1;
      while (table.columns[i + span]?.group === column.group) span++;
      cell(col, col + span - 1, column.group, false);
    }
    b.set(bottom, col, { value: column.label, style: 'header' });
    b.needHeight(bottom, textHeight(column.label, spanWidth(g.columns, col, col), { bold: true }));
  });
  return [top, bottom];
}

function labelStyle(row: Appendix1Row): StyleId {
  if (row.kind === 'group') return 'labelStrong';
  return row.parent ? 'labelSub' : 'label';
}

function placeRow(
  b: SheetBuilder,
  g: Geometry,
  table: Appendix1Table,
  body: Appendix1Row[],
  index: number,
  row: number,
  unitCovered: Set<number>,
): void {
  const r = body[index];
  writeKey(b, row, r.id);
  b.set(row, STT_COL, { value: r.stt || undefined, numberFormat: '@', style: 'stt' });

  const labelWidth = spanWidth(g.columns, g.labelCol, g.labelCol);
  if (g.groupLabelCol === undefined) {
    b.set(row, g.labelCol, { value: r.label, style: labelStyle(r) });
    b.needHeight(row, textHeight(r.label, labelWidth, { bold: r.kind === 'group' }));
  } else if (r.groupLabel) {
    if (index === 0 || body[index - 1].groupLabel !== r.groupLabel) {
      let span = 1;
      while (body[index + span]?.groupLabel === r.groupLabel) span++;
      b.merge(rect(row, g.groupLabelCol, row + span - 1, g.groupLabelCol), { value: r.groupLabel, style: 'label' });
    }
    b.set(row, g.labelCol, { value: r.label, style: labelStyle(r) });
    b.needHeight(row, textHeight(r.label, labelWidth, { bold: r.kind === 'group' }));
  } else {
    b.merge(rect(row, g.groupLabelCol, row, g.labelCol), { value: r.label, style: labelStyle(r) });
    const width = spanWidth(g.columns, g.groupLabelCol, g.labelCol);
    b.needHeight(row, textHeight(r.label, width, { bold: r.kind === 'group' }));
  }

  if (g.unitCol !== undefined && !unitCovered.has(row)) {
    // The seed merges a heading's unit cell down over its "-" sub-rows.
    let subs = 0;
    while (body[index + subs + 1]?.parent === r.id) subs++;
    for (let k = 1; k <= subs; k++) unitCovered.add(row + k);
    const text = table.unitHeader ? r.unitText : undefined;
    b.merge(rect(row, g.unitCol, row + subs, g.unitCol), { value: text, style: 'label' });
    if (text) b.needHeight(row, textHeight(text, spanWidth(g.columns, g.unitCol, g.unitCol)) / (subs + 1));
  }

  const inputs: RowPlan['inputs'] = {};
  table.columns.forEach((column, i) => {
    const col = g.dataStart + i;
    if (r.kind === 'group') {
      b.set(row, col, { style: 'header' });
      return;
    }
    b.set(row, col, { style: 'input', numberFormat: INPUT_FORMATS[r.kind] });
    inputs[column.id] = columnLetter(col);
  });
  b.addRow({ key: r.id, row, kind: r.kind, inputs, formulas: {} });
}

/** One validation and one 'invalid' rule per run of consecutive rows of the same kind. */
function addRules(b: SheetBuilder, g: Geometry, table: Appendix1Table, body: Appendix1Row[], firstRow: number): void {
  const right = g.dataStart + table.columns.length - 1;
  let start = 0;
  for (let i = 1; i <= body.length; i++) {
    if (i < body.length && body[i].kind === body[start].kind) continue;
    const kind = body[start].kind;
    const top = firstRow + start;
    const range = rectAddress(top, g.dataStart, firstRow + i - 1, right);
    const x = cellAddress(top, g.dataStart);
    if (kind === 'group') {
      b.addConditionalFormat(conditionalFormat('invalid', range, groupValueFormula(x)));
    } else {
      const validation = validationFor(kind, range);
      if (validation) b.addValidation(validation);
      b.addConditionalFormat(conditionalFormat('invalid', range, invalidFormula(kind, x)));
    }
    start = i;
  }
}

/**
 * A 'sumMismatch' rule per sum relation of the section (a stated total against its parts), over
 * the total's cells: one rule over each run of adjacent columns that total and parts share (the
 * formula's references are relative, so it shifts along the run), one per column otherwise.
 */
function addSumRules(b: SheetBuilder, template: Appendix1Template): void {
  const rows = new Map(b.rows.map((r) => [r.key, r]));
  for (const rel of template.relations) {
    if (rel.kind !== 'sum') continue;
    const total = rows.get(rel.total);
    const parts = rel.parts.map((k) => rows.get(k));
    if (!total || parts.some((p) => p === undefined)) continue;
    const cells = Object.entries(total.inputs).flatMap(([columnId, letter]) => {
      const letters = parts.map((p) => p!.inputs[columnId]);
      if (letters.some((l) => l === undefined)) return [];
      return [{ col: columnNumber(letter), same: letters.every((l) => l === letter), letters }];
    });
    cells.sort((x, y) => x.col - y.col);
    let i = 0;
    while (i < cells.length) {
      let j = i;
      if (cells[i].same) while (j + 1 < cells.length && cells[j + 1].same && cells[j + 1].col === cells[j].col + 1) j++;
      const first = cells[i];
      const formula = sumMismatchFormula(
        cellAddress(total.row, first.col),
        first.letters.map((l, k) => `${l}${parts[k]!.row}`),
      );
      b.addConditionalFormat(
        conditionalFormat('sumMismatch', rectAddress(total.row, first.col, total.row, cells[j].col), formula),
      );
      i = j + 1;
    }
  }
}
