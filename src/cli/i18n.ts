import type { Bilingual, DecimalSeparator } from '../engine/types';
import type { Lang } from './args';
import type { UnitId } from '../catalog/types';
import { unitById } from '../catalog';

export function t(text: Bilingual, lang: Lang): string {
  return text[lang];
}

export function unitName(id: UnitId | null, lang: Lang): string {
  if (id === null) return lang === 'vi' ? 'Nhiều đơn vị' : 'Several units';
  const unit = unitById(id);
  return lang === 'vi' ? unit.name : unit.nameEn;
}

/**
 * The locale that writes numbers as the reader's Excel does: its decimal separator when given
 * (--decimal), else the language's own (Vietnamese 1,5; English 1.5).
 */
function localeOf(lang: Lang, decimal: DecimalSeparator | null): string {
  const separator = decimal ?? (lang === 'vi' ? ',' : '.');
  return separator === ',' ? 'vi-VN' : 'en-US';
}

/** Numbers as officials read them: Vietnamese uses a decimal comma, unless their Excel uses a point. */
export function formatNumber(n: number, lang: Lang, maxDecimals = 3, decimal: DecimalSeparator | null = null): string {
  const rounded = Math.round(n * 10 ** maxDecimals) / 10 ** maxDecimals;
  return rounded.toLocaleString(localeOf(lang, decimal), { maximumFractionDigits: maxDecimals });
}

/** A number as one would type it into a cell: no thousands separators (1234, 0,5 in Vietnamese). */
export function formatPlain(n: number, lang: Lang, decimal: DecimalSeparator | null = null): string {
  return n.toLocaleString(localeOf(lang, decimal), { maximumFractionDigits: 12, useGrouping: false });
}

export function formatPercent(ratio: number, lang: Lang, decimal: DecimalSeparator | null = null): string {
  return `${formatNumber(ratio * 100, lang, 1, decimal)}%`;
}
