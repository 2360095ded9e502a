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
