/**
 * Checks of the report outline sheet (Appendix 2) against the rest of the workbook:
 * - outline-empty (info): a heading the unit has not written yet;
 * - outline-figure-mismatch (warning): the text cites a number next to the label (or the key) of an
 *   Appendix 1 row related to that heading, and the number is none of that row's figures.
 *
 * Finding the cited number is best effort: the label is recognised by its first words (at least four,
 * the longest run of its first words that the text holds, diacritics and case ignored) or by its key ("VII.1"), and the number is the first one within a
 * short distance after it. A number matching any year of the row is accepted: a writer may compare
 * years.
 */
import { OUTLINE } from '../catalog';
import { outlineTextKey, OUTLINE_TEXT_COLUMN } from '../layout/outlineSheet';
import { workbookReader, type Figure, type WorkbookReader } from './figures';
import { numberStyle, round } from './format';
import type { NumberWriter } from './format';
import { readNumericText } from './numberText';
import { NOISE } from './sums';
import type { CellKind } from './parse';
import { foldVietnamese } from './text';
import type { Finding, MessageOptions, SheetSnapshot } from './types';

/** Characters after a label within which a cited number is looked for. */
const NUMBER_WINDOW = 60;
const MIN_LABEL_WORDS = 4;
/** Half a percentage point: a writer rounds 72,4 % to 72 %. */
const PERCENT_TOLERANCE = 0.005 + NOISE;

export interface CitedNumber {
  /** The number as written ('72%', '1.234'). */
  text: string;
  /** Its value: a fraction when written with % or for a percent row. */
  value: number;
}

/** Folded, with punctuation between words (not a decimal comma) turned into spaces, spaces collapsed. */
function normalise(text: string): string {
  return foldVietnamese(text)
    .replace(/,(?!\d)|[();:]/g, ' ')
    .replace(/ +/g, ' ');
}

/** Where the text names a figure: the index just after its key or label, or -1. */
function labelEnd(folded: string, figure: Figure): number {
  const key = figure.rowId.toLowerCase();
  const keyMatch = new RegExp(`(^|[^a-z0-9.])${key.replace(/\./g, '\\.')}(?![0-9])`).exec(folded);
  if (keyMatch) return keyMatch.index + keyMatch[0].length;
  const words = normalise(figure.label).split(' ').filter(Boolean);
  for (let n = words.length; n >= Math.min(MIN_LABEL_WORDS, words.length); n--) {
    const phrase = words.slice(0, n).join(' ');
    const at = folded.indexOf(phrase);
    if (at >= 0) return at + phrase.length;
  }
  return -1;
}

/**
 * The value of a number cited in the text, read as a typed number is (numberText.ts) for the
 * figure's kind: '72,5', '1.234' (a thousands dot in a count), '1 234', '1.234,5', '85%'. A
 * number that reading calls ambiguous ('1,234' in a count: 1.234 or 1234) is no citation: null,
 * never a guess. A percent row's number is a percentage ('72' is 0.72), as is one written with %.
 */
export function parseCited(text: string, kind: CellKind): number | null {
  const read = readNumericText(text, kind, undefined);
  if (read.type !== 'number') return null;
  const { value, percentSign } = read.reading;
  return percentSign || kind === 'percent' ? value / 100 : value;
}

/**
 * A number in running text: groups of three after '.', ',' or a space ('1.234', '1 234'), then a
 * decimal part ('1.234,5'), or digits with a decimal part ('72,5'); a percent sign may follow.
 */
const CITED = /(?:\d{1,3}(?:[., \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?:\s*%)?/;

/** The number cited right after a figure's label or key in the text, or null. */
export function citedNumber(text: string, figure: Figure): CitedNumber | null {
  const folded = normalise(text);
  const end = labelEnd(folded, figure);
  if (end < 0) return null;
  // The number is read from the normalised text: digits, '.', ',' and '%' survive normalising.
  const window = folded.slice(end, end + NUMBER_WINDOW);
  const m = CITED.exec(window);
  if (!m) return null;
  const value = parseCited(m[0], figure.kind);
  return value === null ? null : { text: m[0].trim(), value };
}

function matches(value: number, figure: Figure): boolean {
  return Object.values(figure.values).some((v) =>
    figure.kind === 'percent' ? Math.abs(v - value) <= PERCENT_TOLERANCE : Math.abs(v - value) < NOISE,
  );
}

function shown(v: number, percent: boolean, w: NumberWriter): string {
  const s = w.num(percent ? round(v * 100, 2) : v);
  return percent ? `${s} %` : s;
}

/** The outline's findings; `options` say how messages write numbers (the user's Excel). */
export function outlineFindings(
  snapshots: readonly SheetSnapshot[] | WorkbookReader,
  options: MessageOptions = {},
): Finding[] {
  const reader = Array.isArray(snapshots) ? workbookReader(snapshots) : (snapshots as WorkbookReader);
  const style = numberStyle(options.decimalSeparator);
  if (!reader.snapshot('OUTLINE')) return [];
  const out: Finding[] = [];
  for (const heading of OUTLINE) {
    if (!heading.leaf) continue;
    const text = reader.text('OUTLINE', outlineTextKey(heading.id), OUTLINE_TEXT_COLUMN);
    if (!text) continue; // the row is gone: the structure check reports it
    const base = {
      sheet: text.sheet,
      cell: text.cell,
      rowKey: outlineTextKey(heading.id),
      column: OUTLINE_TEXT_COLUMN,
    };
    const full = `${heading.number} ${heading.label}`.trim();
    const title = full.length > 70 ? `${full.slice(0, 69)}…` : full;
    if (text.value.trim() === '') {
      out.push({
        ...base,
        severity: 'info',
        code: 'outline-empty',
        message: { vi: `Mục "${title}" chưa có nội dung.`, en: `Heading "${title}" has no text yet.` },
      });
      continue;
    }
    for (const rowId of heading.related) {
      const figure = reader.figure(rowId);
      if (!figure || Object.keys(figure.values).length === 0) continue;
      const cited = citedNumber(text.value, figure);
      if (!cited || matches(cited.value, figure)) continue;
      const percent = figure.kind === 'percent';
      const years = Object.entries(figure.values).sort(([a], [b]) => Number(b) - Number(a));
      const [year, value] = years[0];
      out.push({
        ...base,
        severity: 'warning',
        code: 'outline-figure-mismatch',
        message: {
          vi: `Mục "${title}" ghi ${cited.text} cho "${figure.label}", nhưng ${rowId} ở Phụ lục 1 là ${shown(value, percent, style.vi)} (năm ${year}, ô ${figure.cells[year]}).`,
          en: `Heading "${title}" cites ${cited.text} for "${figure.label}", but ${rowId} in Appendix 1 is ${shown(value, percent, style.en)} (${year}, cell ${figure.cells[year]}).`,
        },
      });
    }
  }
  return out;
}
