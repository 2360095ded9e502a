/**
 * Numbers as this Excel writes them. Excel's own number settings (ExcelApi 1.11's
 * Application.cultureInfo, read by the entry points) win over the pane's language: an official
 * with a Vietnamese pane on an Excel set to "1.5" must read 1.5 in the pane too. Pure.
 */
import type { DecimalSeparator } from '../layout/types';

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

/** An Intl locale that writes this separator (and the matching thousands separator). */
export function localeFor(settings: NumberSettings | null | undefined, fallback: string): string {
  if (!settings) return fallback;
  return settings.decimalSeparator === '.' ? 'en-US' : 'vi-VN';
}
