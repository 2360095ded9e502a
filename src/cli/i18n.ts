import type { Bilingual } from '../engine/types';
import type { DecimalSeparator } from '../layout/types';
import type { Lang } from './args';
import type { UnitId } from '../catalog/types';
import { unitById } from '../catalog';
import { numberWriter } from '../engine/format';

export function t(text: Bilingual, lang: Lang): string {
  return text[lang];
}

export function unitName(id: UnitId | null, lang: Lang): string {
  if (id === null) return lang === 'vi' ? 'Nhiều đơn vị' : 'Several units';
  const unit = unitById(id);
  return lang === 'vi' ? unit.name : unit.nameEn;
}

/*
 * Numbers are written by the engine's writer (engine/format.ts), as the pane and the findings'
 * messages write them: the reader's Excel separator when given (--decimal), else the language's
 * own (Vietnamese 1,5; English 1.5); no grouping.
 */

/** Up to `maxDecimals` decimals (the PAR's three unless told). */
export function formatNumber(n: number, lang: Lang, maxDecimals = 3, decimal: DecimalSeparator | null = null): string {
  return numberWriter(lang, decimal).num(n, maxDecimals);
}

/** A number as one would type it into a cell (1234, 0,5 in Vietnamese), every decimal kept. */
export function formatPlain(n: number, lang: Lang, decimal: DecimalSeparator | null = null): string {
  return numberWriter(lang, decimal).num(n, 12);
}
