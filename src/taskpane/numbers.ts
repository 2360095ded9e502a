/**
 * Numbers as this Excel writes them. Excel's own number settings (ExcelApi 1.11's
 * Application.cultureInfo, read by the entry points) win over the pane's language: an official
 * with a Vietnamese pane on an Excel set to "1.5" must read 1.5 in the pane too. Pure.
 */
import { numberWriter } from '../engine/format';
import type { DecimalSeparator } from '../layout/types';
import type { Language } from './i18n/messages';

export type { DecimalSeparator };

export interface NumberSettings {
  decimalSeparator: DecimalSeparator;
  /** Where the setting came from: Excel itself, or a guess from Office's display language. */
  source: 'excel' | 'displayLanguage';
}

export function isDecimalSeparator(value: unknown): value is DecimalSeparator {
  return value === '.' || value === ',';
}

/** The guess when Excel cannot say (before ExcelApi 1.11): English Office writes 1.5, the rest 1,5. */
export function settingsFromDisplayLanguage(displayLanguage: string | null | undefined): NumberSettings {
  const english = /^en(-|_|$)/i.test((displayLanguage ?? '').trim());
  return { decimalSeparator: english ? '.' : ',', source: 'displayLanguage' };
}

/**
 * How the pane writes numbers: the engine's writer (engine/format.ts) for the pane's language and
 * this Excel's separator, as the findings' messages write them; up to three decimals unless told
 * (the PAR's), no grouping.
 */
export function paneNumbers(
  lang: Language,
  settings: NumberSettings | null | undefined,
): (value: number, maxFractionDigits?: number) => string {
  const writer = numberWriter(lang, settings?.decimalSeparator);
  return (value, maxFractionDigits = 3) => writer.num(value, maxFractionDigits);
}
