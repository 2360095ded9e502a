/**
 * What a cell's number format (Range.numberFormat) says about its number: a date format on a
 * number cell means a date was pasted; a percent format decides what the official sees ("0.0%"
 * shows 85 as 8500,0%), which is what messages describe.
 */
import { INPUT_FORMATS } from '../layout/rules';

/** The format the templates give percent cells: what a percent cell shows unless someone changed it. */
export const PERCENT_INPUT_FORMAT = INPUT_FORMATS.percent;

const dateFormatCache = new Map<string, boolean>();

/**
 * Drops what is not a format token: quoted text, escaped characters, [colour]/[$-locale] sections.
 * One pass, no regular expression: a format comes from a file anyone can write ("[" five thousand
 * times once cost ten seconds), so the work stays linear in its length. A quote or bracket that is
 * never closed is kept as a character, and once one is known unclosed no later one is searched for.
 */
function tokens(format: string): string {
  let out = '';
  let quoteMayClose = true;
  let bracketMayClose = true;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '"' && quoteMayClose) {
      const end = format.indexOf('"', i + 1);
      if (end >= 0) {
        i = end;
        continue;
      }
      quoteMayClose = false;
    } else if (c === '[' && bracketMayClose) {
      const end = format.indexOf(']', i + 1);
      if (end >= 0) {
        i = end;
        continue;
      }
      bracketMayClose = false;
    } else if (c === '\\' && i + 1 < format.length) {
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** True for a number format that shows a date or time ('d/m/yyyy', 'mmm-yy', 'dd.mm.yyyy hh:mm'). */
export function isDateFormat(format: string): boolean {
  const cached = dateFormatCache.get(format);
  if (cached !== undefined) return cached;
  let result = false;
  if (format !== '' && format.toLowerCase() !== 'general' && format !== '@') {
    // The padding/fill markers _x and *x are no tokens either.
    result = /[dmy]/i.test(tokens(format).replace(/[_*]./g, ''));
  }
  if (dateFormatCache.size < 1000) dateFormatCache.set(format, result);
  return result;
}

/** True for a number format that shows a percent ('0%', '0.0%'), not counting a quoted or escaped '%'. */
export function isPercentFormat(format: string): boolean {
  return /%/.test(tokens(format));
}

/** The decimals a number format shows: at least `min` (its '0's), at most `max` (with its '#'s): '0.0#%' → 1, 2. */
export function formatDecimals(format: string): { min: number; max: number } {
  const first = tokens(format).split(';')[0];
  const m = /\.([0#?]*)/.exec(first);
  if (!m) return { min: 0, max: 0 };
  let zeros = m[1].length;
  while (zeros > 0 && (m[1][zeros - 1] === '#' || m[1][zeros - 1] === '?')) zeros--;
  return { min: zeros, max: m[1].length };
}
