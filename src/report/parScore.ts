/**
 * The PAR self-score section of the report: by area the maximum, the previous year's score, the
 * target, the unit's self-score and its gap to the target; the total against its target; the
 * criteria below target grouped by lead unit. All of it from summarizePar, the engine function the
 * pane's "Tổng điểm" view shows, so the document and the pane give the same numbers.
 */
import { parList, unitById, type ParList } from '../catalog';
import { summarizePar } from '../engine/par';
import { newestParSnapshot } from '../engine/parYears';
import type { ParRowResult, SheetSnapshot } from '../engine/types';
import { score } from './format';

export interface ParLine {
  stt: string;
  label: string;
  max: string;
  previousScore: string;
  target: string;
  /** The self-score; '' while a criterion under it is not scored. */
  score: string;
  /** Self-score minus target ('+0,5', '-1,2'); '' while incomplete. */
  gap: string;
  /** Criteria under the row not yet scored. */
  missing: number;
}

export interface ParLeadGroup {
  /** The lead unit's name ('Sở Nội vụ'), or a phrase for rows several units share. */
  lead: string;
  pointsOwed: string;
  rows: ParLine[];
}

export interface ParSection {
  sheet: string;
  /** The list the sheet follows: its year, previous year and issuing document. */
  list: ParList;
  areas: ParLine[];
  total: ParLine;
  /** The total's verdict against the year's target, as a sentence. */
  verdict: string;
  byLead: ParLeadGroup[];
}

function signed(v: number): string {
  const s = score(v);
  return v > 0 ? `+${s}` : s;
}

function lineOf(list: ParList, row: ParRowResult): ParLine {
  const catalog = list.rows.find((r) => r.id === row.id);
  return {
    stt: catalog?.stt ?? '',
    label: catalog?.label ?? row.id,
    max: score(row.max),
    previousScore: score(row.previousScore),
    target: score(row.target),
    score: row.score === null ? '' : score(row.score),
    gap: row.gap === null ? '' : signed(row.gap),
    missing: row.missing,
  };
}

export function verdictOf(total: ParRowResult, list: Pick<ParList, 'year' | 'previousYear'>): string {
  const target = score(total.target);
  if (total.score === null)
    return `Tổng điểm tự chấm năm ${list.year}: chưa đủ — còn ${total.missing} tiêu chí chưa chấm; điểm đã chấm ${score(total.partialSum)}/${score(total.max)}, mục tiêu ${target} điểm.`;
  const gap = total.gap ?? 0;
  const against =
    gap >= 0
      ? `đạt mục tiêu ${target} điểm (vượt ${score(gap)} điểm)`
      : `thấp hơn mục tiêu ${target} điểm ${score(-gap)} điểm`;
  return `Tổng điểm tự chấm năm ${list.year}: ${score(total.score)}/${score(total.max)} điểm, ${against}; năm ${list.previousYear} đạt ${score(total.previousScore)} điểm.`;
}

/** The section, or null when the workbook has no PAR sheet; with two years' sheets, the newest year's. */
export function parSection(snapshots: readonly SheetSnapshot[]): ParSection | null {
  const snapshot = newestParSnapshot(snapshots);
  if (!snapshot) return null;
  const summary = summarizePar(snapshot);
  const list = parList(summary.year);
  const line = (row: ParRowResult) => lineOf(list, row);
  const byId = new Map(summary.rows.map((r) => [r.id, r]));
  const areas = (list.rows.find((r) => r.id === summary.total.id)?.children ?? []).flatMap((id) => {
    const r = byId.get(id);
    return r ? [line(r)] : [];
  });
  return {
    sheet: summary.sheet,
    list,
    areas,
    total: { ...line(summary.total), label: 'TỔNG ĐIỂM' },
    verdict: verdictOf(summary.total, list),
    byLead: summary.byLead.map((g) => ({
      lead: g.lead ? unitById(g.lead).name : 'Nhiều đơn vị cùng chủ trì',
      pointsOwed: score(g.pointsOwed),
      rows: g.rows.map(line),
    })),
  };
}
