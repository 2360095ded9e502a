/**
 * The words that explain a consolidated figure: how a row was consolidated (the method column)
 * and which unit gave what (the cell's note). Shared by the CLI's file and the pane's sheets.
 */
import { appendix1Row } from '../catalog';
import { numberWriter } from '../engine/format';
import { FAIL, PASS } from './aggregate';
import type { Aggregate, Consolidation, Lang, ValueKind } from './types';

export function methodLabel(
  kind: ValueKind,
  weightBy: string | undefined,
  unweighted: string | undefined,
  lang: Lang,
): string {
  const vi = lang === 'vi';
  switch (kind) {
    case 'count':
      return vi ? 'Tổng cộng số liệu các đơn vị' : 'Sum over the units';
    case 'flag':
      return vi ? 'Số đơn vị trả lời Có (= 1), không phải tổng' : 'Number of units answering yes (= 1), not a sum';
    case 'percent':
      return weightBy
        ? vi
          ? `Bình quân gia quyền theo ${weightBy} (${appendix1Row(weightBy)?.row.label ?? ''}) của các đơn vị có số liệu, không phải tổng`
          : `Mean weighted by ${weightBy} (${appendix1Row(weightBy)?.row.label ?? ''}) over the units that reported, not a sum`
        : unweighted
          ? vi
            ? `Trung bình cộng của các đơn vị có số liệu, không phải tổng (không đơn vị nào có số liệu trọng số ${unweighted})`
            : `Mean of the units that reported, not a sum (no unit reported the weight ${unweighted})`
          : vi
            ? 'Trung bình cộng của các đơn vị có số liệu, không phải tổng'
            : 'Mean of the units that reported, not a sum';
    case 'passfail':
      return vi ? `Số đơn vị đánh giá "${PASS}" / "${FAIL}"` : `Number of units assessing "${PASS}" / "${FAIL}"`;
    case 'text':
      return vi ? 'Nội dung các đơn vị, ghép lại' : 'The units’ texts, joined';
  }
}

/** The note on a consolidated cell: each unit's figure, written with the consolidation's separator. */
export function noteFor(agg: Aggregate, consolidation: Consolidation, lang: Lang): string {
  const vi = lang === 'vi';
  const writer = numberWriter(lang, consolidation.decimalSeparator);
  // Percentages to one decimal (85,5%), other figures to the PAR's three.
  const shown = (v: number | string) =>
    typeof v === 'string' ? v : agg.kind === 'percent' ? writer.pct(v, 1) : writer.num(v, 3);
  const head =
    agg.method === 'weighted'
      ? vi
        ? `Bình quân gia quyền (trọng số ${agg.weightBy}) của ${agg.units} đơn vị:`
        : `Weighted mean (weight ${agg.weightBy}) of ${agg.units} units:`
      : agg.method === 'mean'
        ? vi
          ? `Trung bình cộng của ${agg.units} đơn vị:`
          : `Mean of ${agg.units} units:`
        : agg.method === 'countYes'
          ? vi
            ? `${agg.yes}/${agg.units} đơn vị trả lời Có:`
            : `${agg.yes} of ${agg.units} units answered yes:`
          : agg.method === 'countPass'
            ? vi
              ? `${agg.yes} Đạt, ${agg.no} Không đạt trên ${agg.units} đơn vị:`
              : `${agg.yes} achieved, ${agg.no} not achieved, of ${agg.units} units:`
            : vi
              ? `Tổng của ${agg.units} đơn vị:`
              : `Sum of ${agg.units} units:`;
  const MAX_LINES = 25;
  const lines = agg.contributions
    .slice(0, MAX_LINES)
    .map((c) => `${consolidation.sources[c.source].unit}: ${shown(c.value)}`);
  if (agg.contributions.length > MAX_LINES)
    lines.push(
      vi
        ? `… và ${agg.contributions.length - MAX_LINES} đơn vị khác`
        : `… and ${agg.contributions.length - MAX_LINES} more units`,
    );
  return [head, ...lines].join('\n');
}

/** The reporting-unit cell of a consolidated sheet: whose returns it totals (CLI and pane alike). */
export function consolidatedReporter(units: readonly string[], lang: Lang): string {
  return lang === 'vi'
    ? `Bảng tổng hợp của ${units.length} đơn vị: ${units.join('; ')}`
    : `Consolidation of ${units.length} units: ${units.join('; ')}`;
}
