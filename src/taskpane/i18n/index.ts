import type { Language, Messages } from './messages';
import { vi } from './vi';

export type { Language, Messages } from './messages';

/**
 * Vietnamese ships in the start-up bundle; English is a separate chunk fetched when needed,
 * so most officials never download it.
 */
const loaded: Partial<Record<Language, Messages>> = { vi };

export function loadedMessages(lang: Language): Messages | undefined {
  return loaded[lang];
}

export async function loadMessages(lang: Language): Promise<Messages> {
  const ready = loaded[lang];
  if (ready) return ready;
  const { en } = await import(/* webpackChunkName: "i18n-en" */ './en');
  loaded.en = en;
  return en;
}

/**
 * Vietnamese unless Office runs in English: the officials using this are Vietnamese, and a
 * French or Japanese Office is far more likely a borrowed machine than a wish to read English.
 */
export function languageFromDisplay(displayLanguage: string | null | undefined): Language {
  return /^en(-|_|$)/i.test((displayLanguage ?? '').trim()) ? 'en' : 'vi';
}

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

const formats = new Map<string, Intl.NumberFormat>();

/** Numbers as each language writes them (92,418 in Vietnamese, 92.418 in English); up to 3 decimals like the PAR scores. */
export function formatNumber(t: Messages, value: number, maxFractionDigits = 3, locale = t.locale): string {
  // Small whole numbers read the same in every locale; skipping Intl for them keeps its locale
  // data (tens of milliseconds to load) off the pane's start-up path.
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  const key = `${locale}/${maxFractionDigits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: maxFractionDigits })));
  return format.format(value);
}
