/**
 * The one numeric model for sums of parts and their checks, wherever they are made (engine, adapter,
 * pane, consolidation): figures are added and compared in integer thousandths.
 *
 * - A PAR score has three decimals at most, so its sums are exact in thousandths: 0.1 + 0.2 is 300
 *   thousandths, not 0.30000000000000004.
 * - A stated total agrees with its parts when the difference rounds to zero thousandths, as the
 *   sheet's own rules test it (ROUND(total − parts, 3) = 0, layout/common.ts sumMismatchFormula).
 * - A published total (the previous year's PAR scores) rounds each part: it may differ from its
 *   parts' sum by half a thousandth per part and still be right.
 * - A figure that is only shown, never compared (a consolidated mean), is cleaned of binary noise
 *   (clean()), not rounded to thousandths: 0.6775 stays 0.6775.
 * - Binary noise is anything below a billionth (NOISE): 0.897 × 1000 is 897.0000000000001, a score
 *   of 16.000000000000004 is not above a maximum of 16, and 0.8975 has more than three decimals.
 */
import type { ParRow } from '../catalog/types';
import { round } from './format';

/** Thousandths in one. */
export const MILLI = 1000;

/** Differences below this are binary noise, not differences. */
export const NOISE = 1e-9;

/** 0.897 → true, 0.8975 → false: a whole number of thousandths, binary noise allowed. */
export function hasAtMostThreeDecimals(v: number): boolean {
  const scaled = v * MILLI;
  return Math.abs(scaled - Math.round(scaled)) < NOISE * MILLI;
}

/** Whether v is above limit by more than binary noise. */
export function exceeds(v: number, limit: number): boolean {
  return v > limit + NOISE;
}

/** n in integer thousandths, half away from zero as Excel's ROUND(n, 3) (1.0005 → 1001). */
export function toMilli(n: number): number {
  return Math.round(round(n, 3) * MILLI);
}

export function fromMilli(m: number): number {
  return m / MILLI;
}

/** The sum of some figures, in thousandths. */
export function sumMilli(values: Iterable<number>): number {
  let m = 0;
  for (const v of values) m += toMilli(v);
  return m;
}

/** A stated total against the sum of its parts: equal when their difference rounds to zero thousandths. */
export function agrees(total: number, parts: number): boolean {
  return toMilli(total - parts) === 0;
}

/** A published total may differ from its parts' sum by half a thousandth per part (each part was rounded). */
export const ROUNDING_PER_PART = 0.0005;

/** Whether a published total `diffMilli` thousandths away from the sum of its `parts` parts is within their rounding. */
export function withinRounding(diffMilli: number, parts: number): boolean {
  return Math.abs(diffMilli) <= ROUNDING_PER_PART * MILLI * parts;
}

/**
 * The parents of a PAR list whose published previous-year score is not the sum of their children's
 * (the source rounds each part), with that sum: a fact of the list, the same for every workbook.
 */
export function roundedPreviousScores(rows: readonly ParRow[]): { row: ParRow; sum: number }[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: { row: ParRow; sum: number }[] = [];
  for (const row of rows) {
    if (row.children.length === 0) continue;
    const sum = sumMilli(row.children.map((id) => byId.get(id)?.previousScore ?? 0));
    if (sum !== toMilli(row.previousScore)) out.push({ row, sum: fromMilli(sum) });
  }
  return out;
}

/** Rounds away binary noise (8.299999999 → 8.3) without hiding a real fourth decimal: for figures only shown. */
export function clean(n: number): number {
  // In whole billionths (NOISE), divided back by an exact power of ten.
  return Math.round(n * 1e9) / 1e9;
}
