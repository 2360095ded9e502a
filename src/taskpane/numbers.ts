/**
 * Numbers as this Excel writes them. Excel's own number settings (ExcelApi 1.11, read by the
 * entry points through src/excel/numberSettings.ts) win over the pane's language: an official
 * with a Vietnamese pane on an Excel set to "1.5" must read 1.5 in the pane too. Where Excel
 * cannot say (before ExcelApi 1.11), the pane asks the official once and remembers the answer
 * for the workbook; it never guesses from the display language. Pure.
 */
import { numberWriter } from '../engine/format';
import type { DecimalSeparator } from '../layout/types';
import type { Language } from './i18n/messages';
import type { PaneSettings } from './settings';

export interface NumberSettings {
  decimalSeparator: DecimalSeparator;
  /** Where the setting came from: Excel itself, or the official's answer for this workbook. */
  source: 'excel' | 'official';
}

export function isDecimalSeparator(value: unknown): value is DecimalSeparator {
  return value === '.' || value === ',';
}

/**
 * The key under which the official's answer is remembered: per workbook (its URL), so a
 * workbook from a colleague with the other setting is asked about again. Null for a workbook
 * that has no URL yet (new, unsaved): the answer then holds for this session only.
 */
function decimalKey(workbookUrl: string | null | undefined): string | null {
  const url = (workbookUrl ?? '').trim();
  return url ? `decimal:${url}` : null;
}

/** The separator the official gave for this workbook earlier, if any. */
export function rememberedDecimal(
  settings: PaneSettings,
  workbookUrl: string | null | undefined,
): NumberSettings | null {
  const key = decimalKey(workbookUrl);
  const value = key ? settings.get(key) : null;
  return isDecimalSeparator(value) ? { decimalSeparator: value, source: 'official' } : null;
}

/** Remembers the official's answer for this workbook (nothing is written to the workbook itself). */
export function rememberDecimal(
  settings: PaneSettings,
  workbookUrl: string | null | undefined,
  separator: DecimalSeparator,
): void | Promise<void> {
  const key = decimalKey(workbookUrl);
  if (key) return settings.set(key, separator);
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
