/**
 * Number formatting for messages: Vietnamese text writes decimals with a comma (0,5), English text
 * with a point (0.5). No thousands separators in either: messages about "1.234" must show 1234 and
 * 1,234 (vi) / 1.234 (en) without a grouping mark that could be misread as the other separator.
 * Only called when a finding is built, never on the hot path.
 */

/** Up to six decimals, shortest form, no grouping: 0.855, 1234.5, -3. */
function plain(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  // Intl.NumberFormat would do, at ten times the cost: messages are built for every finding.
  return String(Math.round(n * 1e6) / 1e6);
}

/** 1234.5 → '1234,5'. */
export function numVi(n: number): string {
  const s = plain(n);
  return s.includes('.') && !s.includes('e') ? s.replace('.', ',') : s;
}

/** 1234.5 → '1234.5'. */
export function numEn(n: number): string {
  return plain(n);
}

/** A ratio as a percentage: 0.855 → '85,5%' / '85.5%'. */
export function pctVi(ratio: number): string {
  return `${numVi(round(ratio * 100, 6))}%`;
}

export function pctEn(ratio: number): string {
  return `${numEn(round(ratio * 100, 6))}%`;
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
