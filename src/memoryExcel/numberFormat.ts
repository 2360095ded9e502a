/**
 * Range.text (values shown through their number format) and Excel's reading of typed text.
 * Number formats are rendered by SSF (SheetJS's Excel format engine, bundled with
 * fast-formula-parser).
 */
import FormulaParser from 'fast-formula-parser';
import { CellError, isErrorCode, type CellValue } from './values';

export function isTextFormat(fmt: string | undefined): boolean {
  return fmt === '@';
}

export function isPercentFormat(fmt: string | undefined): boolean {
  return !!fmt && /%/.test(fmt.split(';')[0].replace(/"[^"]*"/g, ''));
}

/** The text Excel shows for a value in a format (independent of column width, as the API's `text` is). */
export function formatText(v: CellValue, fmt: string | undefined): string {
  if (v === null) return '';
  if (v instanceof CellError) return v.code;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const f = fmt ?? 'General';
  if (typeof v === 'string') {
    if (f === 'General' || f === '@') return v;
    // A text section ('@' in the 4th section) is rare in the templates; SSF handles it.
    try {
      return FormulaParser.SSF.format(f, v);
    } catch {
      return v;
    }
  }
  try {
    return FormulaParser.SSF.format(f, v);
  } catch {
    // Guess: a format SSF cannot read shows the number as General would.
    return FormulaParser.SSF.format('General', v);
  }
}

export interface ParsedInput {
  kind: 'blank' | 'formula' | 'value';
  value?: CellValue;
  formula?: string;
  /** A number format Excel applies as a side effect (typing 85% into a General cell). */
  numberFormat?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

function parseNumber(s: string): number | null {
  const t = s.trim();
  if (!t || !/\d/.test(t)) return null;
  if (!NUMBER.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/**
 * Text an official types or pastes, as an Excel whose decimal separator is '.' reads it: the
 * imitation parses in that notation (parseInput), so an Excel set to ',' (Vietnamese number
 * settings: "1.234,5") has its text brought to it first. Microsoft documents that typed numbers
 * follow the regional (or Excel's own) separators (Excel › Options › Advanced › "Use system
 * separators"); how a text in the other notation is read is not documented. Guess, stricter than
 * Excel could be: with ',' a number is digits with optional '.' groups of three and an optional
 * ",decimals" (and "%"); anything else with a '.' or ',' between digits stays text, as "0.5"
 * typed on a Vietnamese Excel does not become a number there.
 */
export function inDotNotation(raw: string, decimalSeparator: ',' | '.'): string {
  if (decimalSeparator === '.' || raw.startsWith('=') || raw.startsWith("'")) return raw;
  const t = raw.trim();
  const m = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(\s*%)?$/.exec(t);
  if (m) return `${m[1]}${m[2].replace(/\./g, '')}${m[3] ? `.${m[3]}` : ''}${m[4] ?? ''}`;
  return /\d[.,]\d/.test(t) ? `'${raw}` : raw;
}

/** A number's shown text with the decimal and group separators of an Excel set to ',' (see inDotNotation). */
export function shownWith(text: string, value: unknown, decimalSeparator: ',' | '.'): string {
  if (decimalSeparator === '.' || typeof value !== 'number') return text;
  return text.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

/**
 * How Excel reads text written into a cell. `source`:
 * - 'api': Range.values / Range.formulas set from the API;
 * - 'typed': an official typing into the cell;
 * - 'paste': plain text pasted.
 *
 * Guesses (en-US input locale; Vietnamese Excel reads "1,5" as 1.5, this does not):
 * - a leading '=' makes a formula; via the API also a leading '+' or '-' when the rest is not a
 *   number (the API documents this);
 * - a leading apostrophe makes text (the apostrophe is not part of the value);
 * - in a cell formatted '@' everything stays text, formulas included;
 * - numbers with thousands separators ("1,234.5"), exponents, TRUE/FALSE (any case) and error
 *   literals (#N/A) are read as such; dates are NOT recognised (stay text);
 * - "85%" → 0.85, and a General cell gets the format '0%' ('0.00%' when decimals were typed);
 * - typing into a percent-formatted cell (Excel's default "automatic percent entry"): a number
 *   ≥ 1 in magnitude is divided by 100 (typing 85 gives 85%), a smaller one is kept (0.5 → 50%).
 *   Not applied to API writes or pastes.
 */
export function parseInput(
  raw: string,
  numberFormat: string | undefined,
  source: 'api' | 'typed' | 'paste',
): ParsedInput {
  if (raw === '') return { kind: 'blank' };
  if (isTextFormat(numberFormat)) return { kind: 'value', value: raw };
  if (raw.startsWith("'")) return { kind: 'value', value: raw.slice(1) };
  if (raw.startsWith('=') && raw.length > 1) return { kind: 'formula', formula: raw };
  const trimmed = raw.trim();
  const pct = /^([+-]?[\d.,]+(?:[eE][+-]?\d+)?)\s*%$/.exec(trimmed);
  if (pct) {
    const n = parseNumber(pct[1]);
    if (n !== null) {
      const general = !numberFormat || numberFormat === 'General';
      const value = n / 100;
      return {
        kind: 'value',
        value,
        numberFormat: general ? (pct[1].includes('.') ? '0.00%' : '0%') : undefined,
      };
    }
  }
  const n = parseNumber(trimmed);
  if (n !== null) {
    if (source === 'typed' && isPercentFormat(numberFormat) && Math.abs(n) >= 1)
      return { kind: 'value', value: n / 100 };
    return { kind: 'value', value: n };
  }
  if (/^true$/i.test(trimmed)) return { kind: 'value', value: true };
  if (/^false$/i.test(trimmed)) return { kind: 'value', value: false };
  if (isErrorCode(trimmed))
    return { kind: 'value', value: CellError.of(trimmed.toUpperCase() as Parameters<typeof CellError.of>[0]) };
  if (source === 'api' && (raw.startsWith('+') || raw.startsWith('-')) && raw.length > 1)
    return { kind: 'formula', formula: `=${raw}` };
  return { kind: 'value', value: raw };
}
