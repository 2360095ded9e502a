/**
 * Reading numbers typed or pasted as text, Vietnamese first. No messages here: problems.ts says
 * what was read and why.
 *
 * - ',' is the decimal separator and '.' the thousands separator ("1.234,5" = 1234.5);
 * - a lone '.' or ',' followed by exactly three digits ("1.234", "1,234") is ambiguous in general; it is
 *   resolved only when one reading is impossible in the field:
 *   - whole-number field (count, flag): "1.234" → 1234 (Vietnamese thousands dot); "1,234" stays
 *     ambiguous (1.234 by the Vietnamese decimal comma, 1234 by the English thousands comma) → no fix;
 *   - PAR score: the thousands reading exceeds the criterion's maximum (≤ 16), so it is a decimal;
 *   - percent: the thousands reading exceeds 100 %, so it is a decimal;
 * - a lone separator followed by any other number of digits is a decimal separator ("0.5", "12,75");
 * - several separators of one kind are thousands separators ("1.234.567", "1,234,567");
 * - spaces between groups of three digits are thousands separators ("1 234").
 */
import type { CellKind } from './parse';
import { isSpaceChar, trimSpaces } from './text';

type Sep = '.' | ',' | ' ';

/** How a numeric text was read. */
export interface Reading {
  raw: string;
  /** Leading/trailing spaces (incl. U+00A0, U+202F) were removed. */
  spaces: boolean;
  /** Signed number as written, before a percent sign is applied. */
  value: number;
  percentSign: boolean;
  decimalSep: '.' | ',' | null;
  groupSep: Sep | null;
  /** Why an ambiguous "d.ddd"/"d,ddd" was read the way it was. */
  resolvedBy: 'wholeNumber' | 'overMax' | 'overHundredPercent' | null;
  /** For resolvedBy: the reading that was rejected. */
  rejected?: number;
}

/** What a text in a number cell is: a number (with how it was read), an ambiguous one, a date, or no number. */
export type NumericText =
  | { type: 'number'; reading: Reading }
  | { type: 'ambiguous'; asDecimal: number; asThousands: number; sep: '.' | ',' }
  | { type: 'date' }
  | { type: 'none' };

type BodyResult =
  | {
      type: 'number';
      value: number;
      decimalSep: '.' | ',' | null;
      groupSep: Sep | null;
      resolvedBy: Reading['resolvedBy'];
      rejected?: number;
    }
  | { type: 'ambiguous'; asDecimal: number; asThousands: number; sep: '.' | ',' }
  | null;

/** Reads a text typed into a number cell of this kind (the maximum settles "1.234" in a PAR score). */
export function readNumericText(raw: string, kind: CellKind, max: number | undefined): NumericText {
  const { text, spaces } = trimSpaces(raw);
  if (looksLikeDate(text)) return { type: 'date' };
  let body = text;
  let percentSign = false;
  if (body.endsWith('%') || body.endsWith('\uFF05')) {
    percentSign = true;
    body = trimSpaces(body.slice(0, -1)).text;
  }
  let negative = false;
  const c0 = body.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 0x2212 /* − */ || c0 === 0x2013 /* – */) {
    negative = true;
    body = trimSpaces(body.slice(1)).text;
  } else if (c0 === 43 /* + */) {
    body = trimSpaces(body.slice(1)).text;
  }

  const parsed = parseBody(body, kind, max);
  if (parsed === null) return { type: 'none' };
  if (parsed.type === 'ambiguous') {
    return {
      type: 'ambiguous',
      asDecimal: negative ? -parsed.asDecimal : parsed.asDecimal,
      asThousands: negative ? -parsed.asThousands : parsed.asThousands,
      sep: parsed.sep,
    };
  }
  return {
    type: 'number',
    reading: {
      raw,
      spaces,
      value: negative ? -parsed.value : parsed.value,
      percentSign,
      decimalSep: parsed.decimalSep,
      groupSep: parsed.groupSep,
      resolvedBy: parsed.resolvedBy,
      rejected: parsed.rejected,
    },
  };
}

function looksLikeDate(text: string): boolean {
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[2]) >= 1 && Number(m[2]) <= 31;
  m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31;
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** "1", "12", "123" then groups of exactly three digits. */
function validGroups(groups: string[]): boolean {
  if (groups.length < 2) return false;
  if (!allDigits(groups[0]) || groups[0].length > 3) return false;
  for (let i = 1; i < groups.length; i++) if (groups[i].length !== 3 || !allDigits(groups[i])) return false;
  return true;
}

function parseBody(body: string, kind: CellKind, max: number | undefined): BodyResult {
  if (body.length === 0 || body.length > 40) return null;
  let dots = 0;
  let commas = 0;
  let spaces = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (isDigit(c)) continue;
    if (c === 46) dots++;
    else if (c === 44) commas++;
    else if (isSpaceChar(c)) spaces++;
    else return null;
  }

  if (spaces > 0) {
    const groups = body.split(/[\s\u00A0\u202F\u2007\u2009]+/);
    const last = groups[groups.length - 1];
    let decimalSep: '.' | ',' | null = null;
    let frac = '';
    if (dots + commas > 1) return null;
    if (dots + commas === 1) {
      if (!(last.includes('.') || last.includes(','))) return null;
      decimalSep = last.includes('.') ? '.' : ',';
      const [intPart, fracPart] = last.split(decimalSep);
      if (!allDigits(fracPart)) return null;
      groups[groups.length - 1] = intPart;
      frac = fracPart;
    }
    if (!validGroups(groups)) return null;
    return {
      type: 'number',
      value: Number(groups.join('') + (frac ? `.${frac}` : '')),
      decimalSep,
      groupSep: ' ',
      resolvedBy: null,
    };
  }

  if (dots === 0 && commas === 0)
    return { type: 'number', value: Number(body), decimalSep: null, groupSep: null, resolvedBy: null };

  if (dots > 0 && commas > 0) {
    const decimalSep: '.' | ',' = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const groupSep: '.' | ',' = decimalSep === '.' ? ',' : '.';
    if ((decimalSep === '.' ? dots : commas) !== 1) return null;
    const [intPart, frac] = body.split(decimalSep);
    if (!allDigits(frac) || !validGroups(intPart.split(groupSep))) return null;
    return {
      type: 'number',
      value: Number(`${intPart.split(groupSep).join('')}.${frac}`),
      decimalSep,
      groupSep,
      resolvedBy: null,
    };
  }

  const sep: '.' | ',' = dots > 0 ? '.' : ',';
  const n = dots + commas;
  if (n > 1) {
    const groups = body.split(sep);
    if (!validGroups(groups)) return null;
    return { type: 'number', value: Number(groups.join('')), decimalSep: null, groupSep: sep, resolvedBy: null };
  }
  const [intPart, frac] = body.split(sep);
  if (intPart !== '' && !allDigits(intPart)) return null;
  if (frac !== '' && !allDigits(frac)) return null;
  if (intPart === '' && frac === '') return null;
  const asDecimal = Number(`${intPart || '0'}.${frac || '0'}`);
  const threeAfter = frac.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart.charCodeAt(0) !== 48;
  if (!threeAfter) return { type: 'number', value: asDecimal, decimalSep: sep, groupSep: null, resolvedBy: null };

  const asThousands = Number(intPart + frac);
  switch (kind) {
    case 'count':
    case 'flag':
      if (sep === '.')
        return {
          type: 'number',
          value: asThousands,
          decimalSep: null,
          groupSep: '.',
          resolvedBy: 'wholeNumber',
          rejected: asDecimal,
        };
      return { type: 'ambiguous', asDecimal, asThousands, sep };
    case 'parScore': {
      // PAR maxima are at most 16 points; without a max, the whole index (100) still bounds a score.
      const limit = max ?? 100;
      if (asThousands > limit)
        return {
          type: 'number',
          value: asDecimal,
          decimalSep: sep,
          groupSep: null,
          resolvedBy: 'overMax',
          rejected: asThousands,
        };
      return { type: 'ambiguous', asDecimal, asThousands, sep };
    }
    case 'percent':
      // 1 000 or more can be neither a ratio nor a percentage.
      return {
        type: 'number',
        value: asDecimal,
        decimalSep: sep,
        groupSep: null,
        resolvedBy: 'overHundredPercent',
        rejected: asThousands,
      };
    default:
      return { type: 'number', value: asDecimal, decimalSep: sep, groupSep: null, resolvedBy: null };
  }
}
