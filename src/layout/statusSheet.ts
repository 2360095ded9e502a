/**
 * The status sheet: one row per template sheet in the plan, with live counts of the input cells
 * filled on that sheet and, for the PAR list, the live total of its year beside its target.
 *
 *   row 1 title · row 2 explanation · row 3 blank · row 4 header · row 5… one row per template
 *
 * Columns A key (template id) · B template · C reporting unit(s) / lead units · D cells filled
 * (COUNTA over the template's input cells) · E cells to fill · F % filled · G PAR total ·
 * H target · I gap.
 *
 * What counts as "to fill": every numeric and Đạt/Không đạt input; on the PAR list each leaf's
 * score and evidence. Optional text rows ("… khác (nếu có)") and the reporter line are left out,
 * so that 100 % is reachable.
 */
import { APPENDIX1, latestParList, parList, unitById } from '../catalog';
import type { UnitId } from '../catalog/types';
import { cellAddress, columnLetter, parseCell, quoteSheet, rangeAddress } from './a1';
import { rectAddress, SheetBuilder } from './builder';
import {
  addFlaggedRule,
  buildUnderHeaderRow,
  columnNumbers,
  KEY_WIDTH,
  listedColumnPlans,
  writeHeaderRow,
  writeKey,
  writeLine,
  writeMarker,
} from './common';
import { textHeight } from './measure';
import { belowTargetFormula, conditionalFormat, SCORE_FORMAT } from './rules';
import type { ColumnPlan, RowPlan, SheetPlan } from './types';

export const STATUS_COLUMNS = [
  { id: 'key', width: KEY_WIDTH, header: '' },
  { id: 'template', width: 40, header: 'Biểu mẫu' },
  { id: 'units', width: 40, header: 'Đơn vị báo cáo / chủ trì tham mưu' },
  { id: 'filled', width: 11, header: 'Số ô đã nhập' },
  { id: 'toFill', width: 11, header: 'Số ô cần nhập' },
  { id: 'percentFilled', width: 11, header: 'Tỷ lệ đã nhập' },
  { id: 'score', width: 12, header: 'Tổng điểm tự chấm' },
  { id: 'target', width: 11, header: 'Mục tiêu' },
  { id: 'gap', width: 11, header: 'Chênh lệch so với mục tiêu' },
] as const;

type StatusColumnId = (typeof STATUS_COLUMNS)[number]['id'];
const COL: Record<StatusColumnId, number> = columnNumbers(STATUS_COLUMNS);
const LAST_COL = STATUS_COLUMNS.length;
export const STATUS_HEADER_ROW = 4;

const TITLE = 'TÌNH TRẠNG NHẬP SỐ LIỆU CÁC BIỂU MẪU CCHC';
const NOTE =
  'Số ô đã nhập được tính trực tiếp từ các trang biểu mẫu. Không tính dòng "Cơ quan, đơn vị báo cáo" và các ô ghi chú "(nếu có)".';
/** Excel allows at most 255 arguments to a function. */
const MAX_ARGUMENTS = 255;

/** The input ranges of a sheet that count towards "cells to fill", as A1 ranges of that sheet. */
export function countedInputRanges(plan: SheetPlan): string[] {
  const counted = plan.rows.filter((r) => r.kind !== 'meta' && r.kind !== 'text');
  // Group cells by column, then join vertically adjacent cells into ranges, then side-by-side
  // ranges of equal height, so a table of years becomes one rectangle.
  const byColumn = new Map<number, number[]>();
  for (const r of counted)
    for (const letter of Object.values(r.inputs)) {
      const col = parseCell(`${letter}1`).col;
      byColumn.set(col, [...(byColumn.get(col) ?? []), r.row]);
    }
  const spans: Array<{ top: number; bottom: number; left: number; right: number }> = [];
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = [...new Set(byColumn.get(col))].sort((a, b) => a - b);
    let top = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] === rows[i - 1] + 1) continue;
      const bottom = rows[i - 1];
      const left = spans.find((s) => s.top === top && s.bottom === bottom && s.right === col - 1);
      if (left) left.right = col;
      else spans.push({ top, bottom, left: col, right: col });
      top = rows[i];
    }
  }
  return spans.sort((a, b) => a.top - b.top || a.left - b.left).map(rangeAddress);
}

export function cellCount(ranges: readonly string[]): number {
  return ranges.reduce((n, r) => {
    const [a, b = a] = r.split(':');
    const p = parseCell(a);
    const q = parseCell(b);
    return n + (q.row - p.row + 1) * (q.col - p.col + 1);
  }, 0);
}

/** The status columns with the PAR list's year in the score and target headers. */
function statusColumns(year: number): ReadonlyArray<{ id: StatusColumnId; width: number; header: string }> {
  const header: Partial<Record<StatusColumnId, string>> = {
    score: `Tổng điểm tự chấm năm ${year}`,
    target: `Mục tiêu năm ${year}`,
  };
  return STATUS_COLUMNS.map((c) => ({ ...c, header: header[c.id] ?? c.header }));
}

/** The PAR list of a PAR sheet's plan. */
function listOfPlan(plan: SheetPlan) {
  return plan.year === undefined ? latestParList() : parList(plan.year);
}

function templateLabel(plan: SheetPlan): string {
  const id = plan.templateId;
  if (id === 'PAR') return `Chỉ số CCHC năm ${listOfPlan(plan).year} (PAR INDEX): điểm tự chấm`;
  const t = APPENDIX1.find((x) => x.id === id);
  return t ? `Phụ lục 1 – ${t.id}. ${t.title}` : id;
}

function unitsText(plan: SheetPlan): string {
  if (plan.templateId !== 'PAR') {
    const t = APPENDIX1.find((x) => x.id === plan.templateId);
    return t ? t.units.map((u) => unitById(u).name).join(', ') : '';
  }
  const leads: UnitId[] = [];
  const rows = new Map(listOfPlan(plan).rows.map((r) => [r.id, r]));
  for (const r of plan.rows) {
    const lead = r.kind === 'par-leaf' ? rows.get(r.key)?.lead : null;
    if (lead && !leads.includes(lead)) leads.push(lead);
  }
  return leads.map((u) => unitById(u).name).join(', ');
}

/** Builds the status sheet over the template sheets it reports on (never itself). */
export function buildStatusSheet(sheets: readonly SheetPlan[], name: string, version: string): SheetPlan {
  const par = sheets.find((s) => s.templateId === 'PAR');
  const headed = statusColumns((par ? listOfPlan(par) : latestParList()).year);
  const columns = listedColumnPlans(headed);
  const b = new SheetBuilder();
  writeMarker(b, 'STATUS', version);
  writeLine(b, columns, 1, COL.template, LAST_COL, TITLE, 'title');
  writeLine(b, columns, 2, COL.template, LAST_COL, NOTE, 'subtitle');
  writeHeaderRow(b, STATUS_HEADER_ROW, headed);

  // The report outline holds free text only: it has no cells "to fill" to count.
  const reported = sheets.filter((s) => s.templateId !== 'STATUS' && s.templateId !== 'OUTLINE');
  reported.forEach((sheet, i) => placeStatusRow(b, columns, sheet, STATUS_HEADER_ROW + 1 + i));
  const first = STATUS_HEADER_ROW + 1;
  const last = Math.max(first, STATUS_HEADER_ROW + reported.length);
  addFlaggedRule(b, first, COL.template, last, LAST_COL);

  return buildUnderHeaderRow(b, { templateId: 'STATUS', name, version, columns }, STATUS_HEADER_ROW, COL.template);
}

function placeStatusRow(b: SheetBuilder, columns: ColumnPlan[], sheet: SheetPlan, row: number): void {
  const at = (id: StatusColumnId): string => cellAddress(row, COL[id]);
  const prefix = `${quoteSheet(sheet.name)}!`;
  const ranges = countedInputRanges(sheet);
  if (ranges.length > MAX_ARGUMENTS)
    throw new Error(`${sheet.name}: ${ranges.length} ranges exceed COUNTA's arguments`);

  writeKey(b, row, sheet.templateId);
  const label = templateLabel(sheet);
  const units = unitsText(sheet);
  b.set(row, COL.template, { value: label, style: 'label' });
  b.set(row, COL.units, { value: units || undefined, style: 'label' });
  b.needHeight(
    row,
    Math.max(textHeight(label, columns[COL.template - 1].width), textHeight(units, columns[COL.units - 1].width)),
  );
  b.set(row, COL.filled, {
    formula: ranges.length ? `=COUNTA(${ranges.map((r) => prefix + r).join(',')})` : '=0',
    numberFormat: '0',
    style: 'formula',
  });
  b.set(row, COL.toFill, { value: cellCount(ranges), numberFormat: '0', style: 'readonly' });
  b.set(row, COL.percentFilled, {
    formula: `=IF(${at('toFill')}>0,${at('filled')}/${at('toFill')},"")`,
    numberFormat: '0.0%',
    style: 'formula',
  });
  const formulas: RowPlan['formulas'] = {
    filled: columnLetter(COL.filled),
    percentFilled: columnLetter(COL.percentFilled),
  };

  const total = sheet.templateId === 'PAR' ? sheet.rows.find((r) => r.key === 'total') : undefined;
  const target = total ? listOfPlan(sheet).rows.find((r) => r.id === 'total')?.target : undefined;
  if (total && target !== undefined) {
    const source = prefix + total.formulas.score + total.row;
    b.set(row, COL.score, {
      formula: `=IF(ISNUMBER(${source}),${source},"")`,
      numberFormat: SCORE_FORMAT,
      style: 'formula',
    });
    b.set(row, COL.target, { value: target, numberFormat: SCORE_FORMAT, style: 'readonly' });
    b.set(row, COL.gap, {
      formula: `=IF(ISNUMBER(${at('score')}),${at('score')}-${at('target')},"")`,
      numberFormat: SCORE_FORMAT,
      style: 'formula',
    });
    formulas.score = columnLetter(COL.score);
    formulas.gap = columnLetter(COL.gap);
    b.addConditionalFormat(
      conditionalFormat(
        'belowTarget',
        rectAddress(row, COL.template, row, LAST_COL),
        belowTargetFormula(`$${at('score')}`, `$${at('target')}`),
      ),
    );
  } else {
    for (const id of ['score', 'target', 'gap'] as const) b.set(row, COL[id], { style: 'readonly' });
  }
  // 'group': a row that takes no input (RowPlan.kind has no status kind yet; see the report).
  b.addRow({ key: sheet.templateId, row, kind: 'group', inputs: {}, formulas });
}
