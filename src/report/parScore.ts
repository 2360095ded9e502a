/**
 * The PAR self-score section of the report: by area the maximum, the 2020 score, the 2021 target,
 * the unit's self-score and its gap to the target; the total against the 2021 target (92,418); the
 * criteria below target grouped by lead unit. All of it from summarizePar, the engine function the
 * pane's "Tổng điểm" view shows, so the document and the pane give the same numbers.
 */
import { parRow, unitById } from '../catalog';
import { summarizePar } from '../engine/par';
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
  areas: ParLine[];
  total: ParLine;
  /** The total's verdict against the 2021 target, as a sentence. */
  verdict: string;
  byLead: ParLeadGroup[];
}

function signed(v: number): string {
  const s = score(v);
  return v > 0 ? `+${s}` : s;
}

function line(row: ParRowResult): ParLine {
  const catalog = parRow(row.id);
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

export function verdictOf(total: ParRowResult): string {
  const target = score(total.target);
  if (total.score === null)
    return `Tổng điểm tự chấm năm 2021: chưa đủ — còn ${total.missing} tiêu chí chưa chấm; điểm đã chấm ${score(total.partialSum)}/${score(total.max)}, mục tiêu ${target} điểm.`;
  const gap = total.gap ?? 0;
  const against =
    gap >= 0
      ? `đạt mục tiêu ${target} điểm (vượt ${score(gap)} điểm)`
      : `thấp hơn mục tiêu ${target} điểm ${score(-gap)} điểm`;
  return `Tổng điểm tự chấm năm 2021: ${score(total.score)}/${score(total.max)} điểm, ${against}; năm 2020 đạt ${score(total.previousScore)} điểm.`;
}

/** The section, or null when the workbook has no PAR sheet. */
export function parSection(snapshots: readonly SheetSnapshot[]): ParSection | null {
  const snapshot = snapshots.find((s) => s.templateId === 'PAR');
  if (!snapshot) return null;
  const summary = summarizePar(snapshot);
  const byId = new Map(summary.rows.map((r) => [r.id, r]));
  const areas = (parRow(summary.total.id)?.children ?? []).flatMap((id) => {
    const r = byId.get(id);
    return r ? [line(r)] : [];
  });
  return {
    sheet: summary.sheet,
    areas,
    total: { ...line(summary.total), label: 'TỔNG ĐIỂM' },
    verdict: verdictOf(summary.total),
    byLead: summary.byLead.map((g) => ({
      lead: g.lead ? unitById(g.lead).name : 'Nhiều đơn vị cùng chủ trì',
      pointsOwed: score(g.pointsOwed),
      rows: g.rows.map(line),
    })),
  };
}
