/**
 * A year's PAR list (the 2021 one: Document 3541/UBND-SNV) on one sheet, its year in its name,
 * title, headers, prompts and marker, so that two years' sheets can stand side by side:
 *
 *   row 1  title · row 2 source · row 3 "Cơ quan, đơn vị báo cáo:" [input] · row 4 blank
 *   row 5  header · row 6… areas, criteria and sub-criteria in the seed's order · last row TỔNG ĐIỂM
 *
 * Columns A key · B STT · C criterion · D max · E previous year's score · F target · G score (input on
 * leaves, live formula on parents) · H gap · I lead unit · J tasks · K deadline · L evidence.
 *
 * TỔNG ĐIỂM is the last row, where the seed prints it, so the printed sheet reads like the
 * official list; the live total is also on the status sheet beside the total's target, so nobody
 * has to scroll to see it.
 *
 * Tasks and deadlines are merged down over runs of consecutive rows that share them, as in the
 * seed; the lead unit is written on every row so that filtering by unit shows each of its rows.
 */
import { latestParList, unitById, type ParList } from '../catalog';
import type { ParRow } from '../catalog/types';
import { cellAddress, columnLetter } from './a1';
import { rect, rectAddress, SheetBuilder } from './builder';
import {
  addFlaggedRule,
  buildUnderHeaderRow,
  columnNumbers,
  KEY_WIDTH,
  listedColumnPlans,
  spanWidth,
  writeHeaderRow,
  writeKey,
  writeLine,
  writeMarker,
  writeReporterLine,
} from './common';
import { textHeight } from './measure';
import {
  belowTargetFormula,
  conditionalFormat,
  evidenceMissingFormula,
  formulaOverwrittenFormula,
  INPUT_FORMATS,
  invalidFormula,
  parScoreInvalidFormula,
  parScoreValidation,
  SCORE_FORMAT,
} from './rules';
import type { ColumnPlan, DecimalSeparator, SheetPlan, StyleId } from './types';

/** The PAR sheet's columns, in order from A; ids are part of the contract (see the brief). Headers: parHeaders. */
export const PAR_COLUMNS = [
  { id: 'key', width: KEY_WIDTH, header: '' },
  { id: 'stt', width: 7, header: 'STT' },
  { id: 'label', width: 45, header: 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần' },
  { id: 'max', width: 8, header: 'Điểm tối đa' },
  { id: 'previousScore', width: 9, header: 'Điểm năm trước' },
  { id: 'target', width: 9, header: 'Mục tiêu' },
  { id: 'score', width: 11, header: 'Điểm tự chấm' },
  { id: 'gap', width: 10, header: 'Chênh lệch so với mục tiêu' },
  { id: 'lead', width: 22, header: 'Chủ trì tham mưu' },
  { id: 'tasks', width: 55, header: 'Nhiệm vụ' },
  { id: 'deadline', width: 16, header: 'Thời gian hoàn thành' },
  { id: 'evidence', width: 32, header: 'Tài liệu kiểm chứng (đường dẫn, số văn bản hoặc giải trình)' },
] as const;

export type ParColumnId = (typeof PAR_COLUMNS)[number]['id'];

/** Column number (A = 1) of each PAR column id. */
export const PAR_COL: Record<ParColumnId, number> = columnNumbers(PAR_COLUMNS);

/** The columns with their headers for a year's list ("Điểm năm 2020", "Mục tiêu năm 2021"…). */
export function parColumns(
  list: Pick<ParList, 'year' | 'previousYear'>,
): ReadonlyArray<{ id: ParColumnId; width: number; header: string }> {
  const header: Partial<Record<ParColumnId, string>> = {
    previousScore: `Điểm năm ${list.previousYear}`,
    target: `Mục tiêu năm ${list.year}`,
    score: `Điểm tự chấm năm ${list.year}`,
  };
  return PAR_COLUMNS.map((c) => ({ ...c, header: header[c.id] ?? c.header }));
}

/** The title line: the list's own title, in capitals as the document prints it. */
export function parTitle(list: ParList): string {
  return list.source.title.toLocaleUpperCase('vi');
}

/** The source line: "(Kèm theo Công văn số 3541/UBND-SNV ngày 05/8/2021 của UBND thành phố Hà Nội)". */
export function parSourceLine(list: ParList): string {
  const [y, m, d] = list.source.issued.split('-');
  return `(Kèm theo Công văn số ${list.source.number} ngày ${d}/${Number(m)}/${y} của UBND thành phố Hà Nội)`;
}

const REPORTER_ROW = 3;
export const PAR_HEADER_ROW = 5;
const LAST_COL = PAR_COLUMNS.length;

/** The PAR rows in sheet order: every area depth-first as the seed lists them, the total last. */
export function parSheetOrder(rows: readonly ParRow[] = latestParList().rows): ParRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const roots = rows.filter((r) => r.parent === null);
  const out: ParRow[] = [];
  const visit = (r: ParRow): void => {
    out.push(r);
    for (const c of r.children) {
      const child = byId.get(c);
      if (!child) throw new Error(`PAR row ${r.id} lists unknown child ${c}`);
      visit(child);
    }
  };
  for (const root of roots) {
    for (const c of root.children) visit(byId.get(c) as ParRow);
    out.push(root);
  }
  return out;
}

/**
 * A PAR parent's score: the sum of its children's scores once every child counts, which is
 * when every child's gap cell holds a number (a leaf's gap is blank for a score the total does
 * not count: see gapFormula). So 0.8 typed where the maximum is 0.5 keeps the parent blank, as
 * the pane's total leaves it out, instead of adding it in.
 */
export function parentScoreFormula(childScoreCells: readonly string[], childGapCells: readonly string[]): string {
  const gaps = childGapCells.join(',');
  return `=IF(COUNT(${gaps})=${childGapCells.length},SUM(${childScoreCells.join(',')}),"")`;
}

/**
 * The "Chênh lệch" cell: score − target. A leaf's score counts (as in the engine's numberIsValid)
 * only when it is a number from 0 to its maximum with at most three decimals; otherwise the cell
 * is blank, as the pane leaves the score out of its total.
 */
export function gapFormula(row: number, leaf: boolean): string {
  const g = cellAddress(row, PAR_COL.score);
  const f = cellAddress(row, PAR_COL.target);
  if (!leaf) return `=IF(ISNUMBER(${g}),${g}-${f},"")`;
  const max = cellAddress(row, PAR_COL.max);
  return `=IF(ISNUMBER(${g}),IF(AND(${g}>=0,${g}<=${max},ROUND(${g},3)=${g}),${g}-${f},""),"")`;
}

export function tasksText(tasks: readonly string[]): string {
  return tasks.map((t) => `- ${t}`).join('\n');
}

export function deadlineText(deadlines: readonly string[]): string {
  if (deadlines.length === 0) return '';
  if (deadlines.every((d) => d === deadlines[0])) return deadlines[0];
  return deadlines.map((d) => `- ${d}`).join('\n');
}

function labelStyle(r: ParRow): StyleId {
  if (r.level <= 1) return 'labelStrong';
  return r.level === 3 ? 'labelSub' : 'label';
}

/**
 * The sheet of a year's list (default the newest). `separator`: how the score prompts write the
 * maxima (parScoreValidation); nothing else depends on it.
 */
export function buildParSheet(
  name: string,
  version: string,
  separator: DecimalSeparator = ',',
  list: ParList = latestParList(),
): SheetPlan {
  const headed = parColumns(list);
  const columns = listedColumnPlans(headed);
  const b = new SheetBuilder();
  writeMarker(b, 'PAR', version, list.year);
  writeLine(b, columns, 1, PAR_COL.stt, LAST_COL, parTitle(list), 'title');
  writeLine(b, columns, 2, PAR_COL.stt, LAST_COL, parSourceLine(list), 'subtitle');
  writeReporterLine(b, REPORTER_ROW, PAR_COL.stt, PAR_COL.label, LAST_COL);

  writeHeaderRow(b, PAR_HEADER_ROW, headed);

  const order = parSheetOrder(list.rows);
  const first = PAR_HEADER_ROW + 1;
  const rowOf = new Map(order.map((r, i) => [r.id, first + i]));
  order.forEach((r, i) => placeParRow(b, columns, r, first + i, rowOf));
  mergeTaskRuns(b, columns, order, first);

  const last = first + order.length - 1;
  addParRules(b, order, first, separator, list.year);
  b.addConditionalFormat(
    conditionalFormat(
      'belowTarget',
      rectAddress(first, PAR_COL.stt, last, LAST_COL),
      belowTargetFormula(`$${cellAddress(first, PAR_COL.score)}`, `$${cellAddress(first, PAR_COL.target)}`),
    ),
  );
  addFlaggedRule(b, REPORTER_ROW, PAR_COL.stt, last, LAST_COL);

  const plan = buildUnderHeaderRow(b, { templateId: 'PAR', name, version, columns }, PAR_HEADER_ROW, PAR_COL.label);
  return { ...plan, year: list.year };
}

function placeParRow(b: SheetBuilder, columns: ColumnPlan[], r: ParRow, row: number, rowOf: Map<string, number>): void {
  const leaf = r.children.length === 0;
  const at = (id: ParColumnId): string => columnLetter(PAR_COL[id]);
  writeKey(b, row, r.id);
  if (r.level === 0) {
    // The seed prints TỔNG ĐIỂM across the STT and criterion columns.
    b.merge(rect(row, PAR_COL.stt, row, PAR_COL.label), { value: r.label, style: 'labelStrong' });
  } else {
    b.set(row, PAR_COL.stt, { value: r.stt, numberFormat: '@', style: r.level === 1 ? 'labelStrong' : 'stt' });
    b.set(row, PAR_COL.label, { value: r.label, style: labelStyle(r) });
    b.needHeight(row, textHeight(r.label, spanWidth(columns, PAR_COL.label, PAR_COL.label), { bold: r.level <= 1 }));
  }
  b.set(row, PAR_COL.max, { value: r.max, numberFormat: SCORE_FORMAT, style: 'readonly' });
  b.set(row, PAR_COL.previousScore, { value: r.previousScore, numberFormat: SCORE_FORMAT, style: 'readonly' });
  b.set(row, PAR_COL.target, { value: r.target, numberFormat: SCORE_FORMAT, style: 'readonly' });
  if (leaf) {
    b.set(row, PAR_COL.score, { numberFormat: SCORE_FORMAT, style: 'input' });
  } else {
    const children = r.children.map((c) => cellAddress(rowOf.get(c) as number, PAR_COL.score));
    const gaps = r.children.map((c) => cellAddress(rowOf.get(c) as number, PAR_COL.gap));
    b.set(row, PAR_COL.score, {
      formula: parentScoreFormula(children, gaps),
      numberFormat: SCORE_FORMAT,
      style: 'formula',
    });
  }
  b.set(row, PAR_COL.gap, { formula: gapFormula(row, leaf), numberFormat: SCORE_FORMAT, style: 'formula' });
  const lead = r.lead ? unitById(r.lead).name : (r.leadText ?? undefined);
  b.set(row, PAR_COL.lead, { value: lead, style: 'text' });
  if (lead) b.needHeight(row, textHeight(lead, spanWidth(columns, PAR_COL.lead, PAR_COL.lead)));
  if (leaf) b.set(row, PAR_COL.evidence, { numberFormat: INPUT_FORMATS.text, style: 'input' });
  else b.set(row, PAR_COL.evidence, { style: 'readonly' });

  b.addRow(
    leaf
      ? {
          key: r.id,
          row,
          kind: 'par-leaf',
          inputs: { score: at('score'), evidence: at('evidence') },
          formulas: { gap: at('gap') },
        }
      : { key: r.id, row, kind: 'par-parent', inputs: {}, formulas: { score: at('score'), gap: at('gap') } },
  );
}

/** Tasks and deadline cells, merged down over runs of rows that share both; rows grown to fit. */
function mergeTaskRuns(b: SheetBuilder, columns: ColumnPlan[], order: ParRow[], first: number): void {
  const runKey = (r: ParRow): string | null => (r.tasks.length ? JSON.stringify([r.tasks, r.deadline]) : null);
  const widthJ = spanWidth(columns, PAR_COL.tasks, PAR_COL.tasks);
  const widthK = spanWidth(columns, PAR_COL.deadline, PAR_COL.deadline);
  let i = 0;
  while (i < order.length) {
    const key = runKey(order[i]);
    let span = 1;
    while (key !== null && i + span < order.length && runKey(order[i + span]) === key) span++;
    const top = first + i;
    const bottom = top + span - 1;
    const tasks = tasksText(order[i].tasks);
    const deadline = deadlineText(order[i].deadline);
    b.merge(rect(top, PAR_COL.tasks, bottom, PAR_COL.tasks), { value: tasks || undefined, style: 'text' });
    b.merge(rect(top, PAR_COL.deadline, bottom, PAR_COL.deadline), { value: deadline || undefined, style: 'text' });
    const need = Math.max(tasks ? textHeight(tasks, widthJ) : 0, deadline ? textHeight(deadline, widthK) : 0);
    let have = 0;
    for (let r = top; r <= bottom; r++) have += b.heightOf(r);
    if (need > have) {
      const extra = Math.ceil((need - have) / span);
      for (let r = top; r <= bottom; r++) b.needHeight(r, b.heightOf(r) + extra);
    }
    i += span;
  }
}

/** Validation and conditional formats over runs of consecutive leaf (or parent) rows. */
function addParRules(b: SheetBuilder, order: ParRow[], first: number, separator: DecimalSeparator, year: number): void {
  const isLeaf = (r: ParRow): boolean => r.children.length === 0;
  forRuns(
    order,
    (r) => `${isLeaf(r)}`,
    (start, end) => {
      const top = first + start;
      const bottom = first + end;
      const g = cellAddress(top, PAR_COL.score);
      const gRange = rectAddress(top, PAR_COL.score, bottom, PAR_COL.score);
      if (!isLeaf(order[start])) {
        b.addConditionalFormat(conditionalFormat('formulaOverwritten', gRange, formulaOverwrittenFormula(g)));
        return;
      }
      b.addConditionalFormat(conditionalFormat('invalid', gRange, parScoreInvalidFormula(g, top)));
      const l = cellAddress(top, PAR_COL.evidence);
      const lRange = rectAddress(top, PAR_COL.evidence, bottom, PAR_COL.evidence);
      b.addConditionalFormat(conditionalFormat('invalid', lRange, invalidFormula('text', l)));
      b.addConditionalFormat(conditionalFormat('evidenceMissing', lRange, evidenceMissingFormula(`$${g}`, l, top)));
    },
  );
  // Validation bounds are constants, so one rule covers a run of leaves only if they share a maximum.
  forRuns(
    order,
    (r) => (isLeaf(r) ? `leaf:${r.max}` : 'parent'),
    (start, end) => {
      if (!isLeaf(order[start])) return;
      const range = rectAddress(first + start, PAR_COL.score, first + end, PAR_COL.score);
      b.addValidation(parScoreValidation(range, order[start].max, separator, year));
    },
  );
}

/** Calls `each(start, end)` (inclusive indexes) for every run of consecutive items with one key. */
function forRuns<T>(items: readonly T[], key: (item: T) => string, each: (start: number, end: number) => void): void {
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i < items.length && key(items[i]) === key(items[start])) continue;
    each(start, i - 1);
    start = i;
  }
}
