/**
 * The PAR sheet of a year's list: the year's subtotals from the leaves, the published column of the
 * previous year, evidence, and the rows below their target. Messages name the years of the
 * sheet's list (ParTree.list), never a year of their own.
 *
 * A leaf counts as scored only when its G cell holds a valid number as stored, exactly as the
 * sheet's parent formulas (=IF(COUNT(…)=n,SUM(…),"")) see it, so the summary and the sheet agree; a
 * score typed as text ("0,9") is reported with its fix and counts once fixed.
 * Sums are kept in integer thousandths, the engine's one numeric model (sums.ts).
 */
import { columnLetter } from '../layout/a1';
import type { ParRow, UnitId } from '../catalog/types';
import { numberStyle } from './format';
import type { NumberStyle } from './format';
import { isExcelError, numberIsValid, parseCellInput } from './parse';
import { isBlank } from './text';
import { finding, sheetContext } from './sheet';
import { ProblemCache } from './memo';
import type { InputProblem } from './parse';
import type { SheetContext } from './sheet';
import { exceeds, fromMilli, toMilli, withinRounding } from './sums';
import { tableOf } from './tables';
import type { ParTree } from './tables';
import type { Bilingual, CellValue, Finding, LeadGroup, ParRowResult, ParSummary, SheetSnapshot } from './types';

export function summarizePar(snapshot: SheetSnapshot): ParSummary {
  if (snapshot.templateId !== 'PAR')
    throw new RangeError(`summarizePar needs the PAR sheet, not ${snapshot.templateId}`);
  return buildSummary(parCore(sheetContext(snapshot, tableOf(snapshot))));
}

/** The sums of a PAR sheet in thousandths, indexed like its list's rows: all a summary is built from. */
export interface ParCore {
  tree: ParTree;
  sheet: string;
  row0: number;
  partial: Float64Array;
  missing: Int32Array;
  /** Index into the snapshot's values of each row, -1 when absent. */
  at: Int32Array;
  /** Rows (not the total) below target, largest shortfall first. */
  below: number[];
  /** Leaves whose score cell is filled but not a valid score, in sheet order, with what they hold. */
  excluded: { index: number; value: unknown }[];
}

export function parCore(ctx: SheetContext): ParCore {
  const tree = ctx.table.par;
  if (!tree) throw new RangeError(`Template ${ctx.table.templateId} has no PAR columns`);
  const n = tree.rows.length;
  const gIdx = tree.cols.score - ctx.col0;
  const partial = new Float64Array(n);
  const missing = new Int32Array(n);
  const at = new Int32Array(n);
  const excluded: { index: number; value: unknown }[] = [];

  // Children before parents: each parent adds up its children's thousandths.
  for (const i of tree.postOrder) {
    const spec = tree.spec[i];
    const r = spec < 0 ? -1 : ctx.first[spec];
    at[i] = r;
    const kids = tree.children[i];
    if (kids.length === 0) {
      const v: unknown = r < 0 || gIdx < 0 ? undefined : ctx.values[r][gIdx];
      if (typeof v === 'number' && numberIsValid(v, 'parScore', tree.rows[i].max)) partial[i] = toMilli(v);
      else {
        missing[i] = 1;
        if (!isBlank(v)) excluded.push({ index: i, value: v });
      }
    } else {
      let p = 0;
      let m = 0;
      for (const c of kids) {
        p += partial[c];
        m += missing[c];
      }
      partial[i] = p;
      missing[i] = m;
    }
  }

  // The total is reported on its own (`total`); the lists name the rows someone can act on.
  const below: number[] = [];
  for (let i = 0; i < n; i++)
    if (i !== tree.totalIndex && missing[i] === 0 && partial[i] < tree.targetMilli[i]) below.push(i);
  // Largest shortfall first; catalog order among equals (the sort is stable).
  below.sort((a, b) => partial[a] - tree.targetMilli[a] - (partial[b] - tree.targetMilli[b]));
  excluded.sort((a, b) => at[a.index] - at[b.index]);
  return { tree, sheet: ctx.snapshot.name, row0: ctx.row0, partial, missing, at, below, excluded };
}

/** A parent's computed score: the sum when complete, null while a leaf is missing. */
export function parentScore(core: ParCore, id: string): number | null | undefined {
  const i = core.tree.rows.findIndex((r) => r.id === id);
  if (i < 0) return undefined;
  return core.missing[i] === 0 ? fromMilli(core.partial[i]) : null;
}

export function buildSummary(core: ParCore): ParSummary {
  const { tree, partial, missing } = core;
  const n = tree.rows.length;
  const rows: ParRowResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = tree.rows[i];
    const complete = missing[i] === 0;
    rows[i] = {
      id: row.id,
      cell: cellOf(core, i),
      max: row.max,
      previousScore: row.previousScore,
      target: row.target,
      score: complete ? fromMilli(partial[i]) : null,
      partialSum: fromMilli(partial[i]),
      missing: missing[i],
      complete,
      belowTarget: complete ? partial[i] < tree.targetMilli[i] : null,
      gap: complete ? fromMilli(partial[i] - tree.targetMilli[i]) : null,
      achievable: complete ? fromMilli(tree.maxMilli[i] - partial[i]) : null,
      lead: row.lead,
      isLeaf: tree.children[i].length === 0,
    };
  }
  const below2020: ParRowResult[] = [];
  for (let i = 0; i < n; i++)
    if (i !== tree.totalIndex && tree.score2020Milli[i] < tree.targetMilli[i]) below2020.push(rows[i]);
  const belowTarget = core.below.map((i) => rows[i]);
  return {
    sheet: core.sheet,
    year: tree.list.year,
    previousYear: tree.list.previousYear,
    rows,
    total: rows[tree.totalIndex],
    belowTarget,
    byLead: groupByLead(belowTarget.filter((x) => x.isLeaf)),
    below2020,
    excluded: core.excluded.map(({ index, value }) => ({
      id: tree.rows[index].id,
      cell: cellOf(core, index),
      value: value as CellValue,
      reason: excludedReason(value, tree.rows[index].max),
    })),
  };
}

/** Why a filled score cell is not counted, in both languages (numbers each in its own style). */
function excludedReason(v: unknown, max: number): Bilingual {
  const s = numberStyle();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { vi: 'không phải một số', en: 'not a number' };
    if (v < 0) return { vi: 'điểm âm', en: 'a negative score' };
    if (exceeds(v, max))
      return {
        vi: `vượt điểm tối đa ${s.vi.num(max)}`,
        en: `above the maximum of ${s.en.num(max)}`,
      };
    return { vi: 'quá ba chữ số thập phân', en: 'more than three decimals' };
  }
  if (typeof v === 'string' && isExcelError(v)) return { vi: `lỗi Excel ${v}`, en: `the Excel error ${v}` };
  if (typeof v === 'string') {
    const parsed = parseCellInput(v, 'parScore', { max });
    if (parsed.status === 'fixable' && typeof parsed.value === 'number')
      return {
        vi: `số lưu dạng văn bản: sửa thành ${s.vi.num(parsed.value)} để được tính`,
        en: `a number stored as text: fix it to ${s.en.num(parsed.value)} to count it`,
      };
    return { vi: 'văn bản, không phải điểm', en: 'text, not a score' };
  }
  return { vi: 'không phải điểm', en: 'not a score' };
}

/** G cell of row i: the plan's own string while the row has not moved (most sheets are never re-sorted). */
function cellOf(core: ParCore, i: number): string {
  const r = core.at[i];
  if (r < 0) return '';
  const row = core.row0 + r;
  return row === core.tree.planRow[i] ? core.tree.planCell[i] : `${core.tree.scoreLetter}${row}`;
}

const problems = new ProblemCache();

/** The PAR sheet's findings: previous year's column, evidence, rows below target; numbers in messages written in `s`. */
export function parFindings(ctx: SheetContext, core: ParCore, s: NumberStyle, out: Finding[]): void {
  const tree = core.tree;
  for (let i = 0; i < tree.rows.length; i++) {
    const r = core.at[i];
    if (r < 0) continue;
    if (tree.children[i].length > 0) check2020(ctx, i, r, s, out);
    else checkEvidence(ctx, tree.rows[i], r, s, out);
  }
  for (const i of core.below) {
    const id = tree.rows[i].id;
    // Cached messages are keyed by style too: each writes its numbers in one.
    const p = problems.get(`below|${s.id}|${tree.list.year}|${i}|${core.partial[i]}`, () =>
      belowTargetProblem(core, i, s),
    );
    out.push(finding(ctx, p as InputProblem, id, 'score', cellOf(core, i)));
  }
}

function belowTargetProblem(core: ParCore, i: number, s: NumberStyle): InputProblem {
  const row = core.tree.rows[i];
  const score = fromMilli(core.partial[i]);
  const short = fromMilli(core.tree.targetMilli[i] - core.partial[i]);
  const achievable = fromMilli(core.tree.maxMilli[i] - core.partial[i]);
  return {
    severity: 'info',
    code: 'below-target',
    message: {
      vi: `Điểm ${core.tree.list.year} của ${row.id} là ${s.vi.num(score)}, thấp hơn mục tiêu ${s.vi.num(row.target)} (thiếu ${s.vi.num(short)} điểm; còn có thể đạt thêm ${s.vi.num(achievable)} điểm).`,
      en: `The ${core.tree.list.year} score of ${row.id} is ${s.en.num(score)}, below the target of ${s.en.num(row.target)} (${s.en.num(short)} points short; ${s.en.num(achievable)} points still achievable).`,
    },
  };
}

function groupByLead(leaves: ParRowResult[]): LeadGroup[] {
  const groups = new Map<UnitId | null, { rows: ParRowResult[]; owed: number; order: number }>();
  for (const x of leaves) {
    let g = groups.get(x.lead);
    if (!g) {
      g = { rows: [], owed: 0, order: groups.size };
      groups.set(x.lead, g);
    }
    g.rows.push(x);
    g.owed -= toMilli(x.gap as number);
  }
  return [...groups.entries()]
    .sort((a, b) => b[1].owed - a[1].owed || a[1].order - b[1].order)
    .map(([lead, g]) => ({ lead, rows: g.rows, pointsOwed: fromMilli(g.owed) }));
}

/** The previous year's score as the sheet states it; a cell cleared or typed over with text falls back to the published figure. */
function stated2020(ctx: SheetContext, i: number): number {
  const tree = ctx.table.par as ParTree;
  const spec = tree.spec[i];
  const r = spec < 0 ? -1 : ctx.first[spec];
  const ci = tree.cols.previousScore - ctx.col0;
  const v: unknown = r < 0 || ci < 0 ? undefined : ctx.values[r][ci];
  return typeof v === 'number' && Number.isFinite(v) ? toMilli(v) : tree.score2020Milli[i];
}

/** A parent's published previous year's score against its children's, as the sheet states them. */
function check2020(ctx: SheetContext, i: number, r: number, s: NumberStyle, out: Finding[]): void {
  const tree = ctx.table.par as ParTree;
  const row = tree.rows[i];
  const kids = tree.children[i];
  const parent = stated2020(ctx, i);
  let sum = 0;
  for (const c of kids) sum += stated2020(ctx, c);
  if (parent === sum) return;
  const year = tree.list.previousYear;
  const p = problems.get(`previous|${s.id}|${year}|${i}|${parent}|${sum}`, () =>
    problem2020(row.id, year, kids.length, parent, sum, s),
  );
  out.push(
    finding(ctx, p as InputProblem, row.id, 'previousScore', `${columnLetter(tree.cols.previousScore)}${ctx.row0 + r}`),
  );
}

function problem2020(
  id: string,
  year: number,
  children: number,
  parentMilli: number,
  sumMilli: number,
  style: NumberStyle,
): InputProblem {
  const diff = parentMilli - sumMilli;
  const within = withinRounding(diff, children);
  const p = fromMilli(parentMilli);
  const sum = fromMilli(sumMilli);
  const d = fromMilli(diff);
  return within
    ? {
        severity: 'info',
        code: 'par-previous-rounding',
        message: {
          vi: `Điểm ${year} công bố của ${id} là ${style.vi.num(p)}, tổng ${children} tiêu chí con là ${style.vi.num(sum)} (chênh ${style.vi.num(d)}): trong phạm vi làm tròn, giữ nguyên số công bố.`,
          en: `The published ${year} score of ${id} is ${style.en.num(p)}; its ${children} sub-criteria add up to ${style.en.num(sum)} (difference ${style.en.num(d)}): within rounding, the published figure is kept.`,
        },
      }
    : {
        severity: 'warning',
        code: 'par-previous-mismatch',
        message: {
          vi: `Điểm ${year} của ${id} là ${style.vi.num(p)} nhưng tổng ${children} tiêu chí con là ${style.vi.num(sum)} (chênh ${style.vi.num(d)}), vượt mức sai số làm tròn. Đối chiếu lại với văn bản công bố.`,
          en: `The ${year} score of ${id} is ${style.en.num(p)} but its ${children} sub-criteria add up to ${style.en.num(sum)} (difference ${style.en.num(d)}), more than rounding explains. Check against the published document.`,
        },
      };
}

/** A leaf scored above 0 needs its evidence (tài liệu kiểm chứng). */
function checkEvidence(ctx: SheetContext, row: ParRow, r: number, s: NumberStyle, out: Finding[]): void {
  const tree = ctx.table.par as ParTree;
  const cells = ctx.values[r];
  const g: unknown = cells[tree.cols.score - ctx.col0];
  let score = 0;
  if (typeof g === 'number') {
    if (!numberIsValid(g, 'parScore', row.max)) return;
    score = g;
  } else if (typeof g === 'string') {
    const parsed = parseCellInput(g, 'parScore', { max: row.max });
    if (parsed.status !== 'fixable' || typeof parsed.value !== 'number') return;
    score = parsed.value;
  }
  if (score <= 0) return;
  if (!isBlank(cells[tree.cols.evidence - ctx.col0])) return;
  const p = problems.get(`evidence|${s.id}|${row.id}|${score}`, () => ({
    severity: 'warning',
    code: 'evidence-missing',
    message: {
      vi: `Tiêu chí ${row.id} đã chấm ${s.vi.num(score)} điểm nhưng chưa có tài liệu kiểm chứng: ghi tên, số hiệu văn bản hoặc đường dẫn tài liệu vào ô này.`,
      en: `Criterion ${row.id} is scored ${s.en.num(score)} but has no evidence: enter the document's title, number or link in this cell.`,
    },
  }));
  out.push(finding(ctx, p as InputProblem, row.id, 'evidence', `${columnLetter(tree.cols.evidence)}${ctx.row0 + r}`));
}
