/**
 * Writing numbers for officials, in messages and everywhere else (the pane, the command line, the
 * notes of a consolidation): one writer per language and decimal separator. Without the user's Excel settings, Vietnamese text writes
 * decimals with a comma (0,5) and English text with a point (0.5). When the host knows the
 * decimal separator of the user's Excel, messages in both languages write it instead: an official
 * reading Vietnamese on an Excel set to "1.5" types 1.5, and a message saying 1,5 would send them
 * to type what that Excel refuses.
 * No thousands separators in any style: messages about "1.234" must show 1234 and 1,234 (vi) /
 * 1.234 (en) without a grouping mark that could be misread as the other separator.
 * Only called when a finding is built, never on the hot path.
 */
import type { Bilingual } from './types';
import type { DecimalSeparator } from '../layout/types';

/** Up to `digits` decimals (six unless told), shortest form, no grouping: 0.855, 1234.5, -3. */
function plain(n: number, digits: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  // Intl.NumberFormat would do, at ten times the cost: messages are built for every finding.
  return String(digits === 6 ? Math.round(n * 1e6) / 1e6 : round(n, digits));
}

/** 1234.5 → '1234,5'. */
export function numVi(n: number, digits = 6): string {
  const s = plain(n, digits);
  return s.includes('.') && !s.includes('e') ? s.replace('.', ',') : s;
}

/** 1234.5 → '1234.5'. */
export function numEn(n: number, digits = 6): string {
  return plain(n, digits);
}

/** Numbers of one language's messages, with one decimal separator. */
export interface NumberWriter {
  readonly separator: DecimalSeparator;
  /** Shortest form, up to `digits` decimals (six unless told): 1234.5 → '1234,5'. */
  num(n: number, digits?: number): string;
  /** A ratio as a percentage, up to `digits` decimals (six unless told): 0.855 → '85,5%'. */
  pct(ratio: number, digits?: number): string;
  /**
   * As a number format shows it: rounded to `max` decimals, at least `min` kept ('0.0#' is 1, 2):
   * (8500, 1) → '8500,0', (0.855, 1, 2) → '0,86'.
   */
  fixed(n: number, min: number, max?: number): string;
}

function writer(separator: DecimalSeparator): NumberWriter {
  const num = separator === ',' ? numVi : numEn;
  return {
    separator,
    num,
    pct: (ratio, digits = 6) => `${num(round(ratio * 100, digits), digits)}%`,
    fixed: (n, min, max = min) => {
      if (!Number.isFinite(n)) return String(n);
      // round() first: toFixed alone rounds 1.005 down (binary noise).
      let s = round(n, max).toFixed(max);
      // Optional decimals ('#') show only when they are not zero.
      for (let drop = max - min; drop > 0 && s.endsWith('0'); drop--) s = s.slice(0, -1);
      if (s.endsWith('.')) s = s.slice(0, -1);
      return separator === ',' ? s.replace('.', ',') : s;
    },
  };
}

const POINT = writer('.');
const COMMA = writer(',');

/**
 * How a message writes numbers, in both languages at once. Built by numberStyle(); there are
 * three, so caches of built messages keep one entry per style (`id`).
 */
export interface NumberStyle {
  /** 0: each language its own; 1: '.' everywhere; 2: ',' everywhere. */
  readonly id: 0 | 1 | 2;
  /** The decimal separator of the user's Excel, null when the host did not say. */
  readonly excel: DecimalSeparator | null;
  readonly vi: NumberWriter;
  readonly en: NumberWriter;
}

/** How many styles there are (ids 0 … STYLE_COUNT − 1). */
export const STYLE_COUNT = 3;

const STYLES: readonly NumberStyle[] = [
  { id: 0, excel: null, vi: COMMA, en: POINT },
  { id: 1, excel: '.', vi: POINT, en: POINT },
  { id: 2, excel: ',', vi: COMMA, en: COMMA },
];

/** The style of the user's Excel (its decimal separator), or each language's own when it is unknown. */
export function numberStyle(excel?: DecimalSeparator | null): NumberStyle {
  return excel === '.' ? STYLES[1] : excel === ',' ? STYLES[2] : STYLES[0];
}

/**
 * How one language writes numbers for a user whose Excel uses `separator` (null or absent: the
 * language's own, Vietnamese 1,5 and English 1.5). The pane, the command line and the
 * consolidation's notes write numbers with it, as the engine's messages do.
 */
export function numberWriter(lang: keyof Bilingual, separator?: DecimalSeparator | null): NumberWriter {
  return numberStyle(separator)[lang];
}

/** Rounds to `digits` decimals half away from zero, without the binary noise of 1.0005 × 1000 = 1000.4999…. */
export function round(n: number, digits: number): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  const x = Math.abs(n) * f;
  const r = Math.round(x);
  if (Math.abs(Math.abs(x - r) - 0.5) > 1e-6) return n < 0 ? -r / f : r / f;
  // Near a half: decide on the decimal text, where 1.0005 is exact.
  const s = String(Math.abs(n));
  const shifted = s.includes('e') ? x : Number(`${s}e${digits}`);
  const h = Number(`${Math.round(shifted)}e-${digits}`);
  return n < 0 ? -h : h;
}

/** Quotes a raw cell value for a message, showing otherwise invisible characters. */
export function quote(raw: unknown): string {
  const s = typeof raw === 'string' ? raw : String(raw);
  const shown = s
    .replace(/\u00A0/g, '⍽')
    .replace(/\u202F/g, '⍽')
    .replace(/\t/g, '→');
  return `"${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}"`;
}

/** An Excel 1900-system serial as a date: 43936 → '15/4/2020' (day first, as Vietnam writes dates). */
export function serialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  // Excel's day 0 is 1899-12-30 once its fictitious 29/2/1900 is accounted for.
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86400000;
  const d = new Date(ms);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}
