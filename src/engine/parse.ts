/**
 * Value rules for a single input cell: what officials type or paste, and how it is read.
 *
 * `parseCellInput` is the public entry (the adapter's live validation and the CLI call it per cell).
 * The sheet validator in validate.ts does its own allocation-free checks for the common case (a plain
 * number or an exact "Đạt") and only comes here for everything else, so this file may allocate.
 *
 * Here: which rule a cell breaks. How a number typed as text is read: numberText.ts. What the
 * engine says about it (messages, fix labels): numberProblems.ts and problems.ts. Number formats:
 * cellFormats.ts.
 */
import { isDateFormat, isPercentFormat } from './cellFormats';
import { numberStyle, round } from './format';
import type { NumberStyle } from './format';
import { readNumericText } from './numberText';
import { exceeds, hasAtMostThreeDecimals } from './sums';
import {
  ambiguousProblem,
  dateInNumber,
  notANumber,
  percentInPoints,
  percentSignOutside,
  percentTextOutOfRange,
  rangeProblem,
  textFix,
} from './numberProblems';
import {
  asSuggestion,
  dateText,
  excelError,
  excelErrorProblem,
  flagLogical,
  flagWordProblem,
  formulaProblem,
  passFailInvalid,
  passFailVariant,
  problem,
  spacesOnly,
  valueInGroup,
} from './problems';
import { FAIL, foldVietnamese, isBlankText, isEmpty, PASS } from './text';
import type { Bilingual, CellValue, FindingCode, Fix, Severity } from './types';
import type { DecimalSeparator } from '../layout/types';

/** What an input cell holds, from its row kind and column: Appendix 1 kinds plus the PAR score. */
export type CellKind = 'count' | 'percent' | 'flag' | 'passfail' | 'text' | 'group' | 'parScore';

export interface ParseOptions {
  /** PAR score: the criterion's maximum (the sheet's D column). Without it only ≥ 0 is checked. */
  max?: number;
  /** Range.numberFormat of the cell: a date format on a number cell means a date was pasted. */
  numberFormat?: string;
  /** Range.formulas of the cell: a string starting with '=' means a formula was typed into an input. */
  formula?: CellValue;
  /** The decimal separator of the user's Excel, for the numbers in messages (MessageOptions). */
  decimalSeparator?: DecimalSeparator | null;
}

/**
 * One thing wrong with a cell. Warnings carry a fix (a rewrite of how the value is written) or a
 * suggestion (a value the official did not type: a person applies it); errors carry one only where
 * it is unambiguous.
 */
export interface InputProblem {
  severity: Severity;
  code: FindingCode;
  message: Bilingual;
  fix?: Fix;
  suggestion?: Fix;
}

/** The value a problem proposes, written mechanically or suggested: what the engine compares and totals with. */
export function proposedValue(p: InputProblem): string | number | null {
  return (p.fix ?? p.suggestion)?.value ?? null;
}

/**
 * - empty: nothing entered ('' or null): "not filled", never an error;
 * - ok: a valid value as stored (`value` is the cell's number or text);
 * - fixable: wrong as stored but the intended value is clear; `value` is that value (null: clear the cell),
 *   and every problem is a warning whose fix writes it;
 * - invalid: at least one error; `value` is null.
 */
export type ParsedInput =
  | { status: 'empty'; value: null; problems: readonly InputProblem[] }
  | { status: 'ok'; value: number | string; problems: readonly InputProblem[] }
  | { status: 'fixable'; value: number | string | null; problems: readonly InputProblem[] }
  | { status: 'invalid'; value: null; problems: readonly InputProblem[] };

const NO_PROBLEMS: readonly InputProblem[] = Object.freeze([]);
const EMPTY: ParsedInput = Object.freeze({ status: 'empty', value: null, problems: NO_PROBLEMS });

// ---------------------------------------------------------------------------------------------
// Public entry

/** Reads one input cell. Never throws, whatever the cell holds. */
export function parseCellInput(raw: CellValue | undefined, kind: CellKind, options: ParseOptions = {}): ParsedInput {
  const formula = options.formula;
  const hasFormula = typeof formula === 'string' && formula.charCodeAt(0) === 61; /* '=' */
  const style = numberStyle(options.decimalSeparator);
  const verdict = judge(raw, kind, options.max, options.numberFormat, style);
  if (!hasFormula) return fromVerdict(raw, verdict);
  if (verdict === null) {
    if (isEmpty(raw)) return fromVerdict(raw, formulaProblem(formula, null, kind, style));
    return fromVerdict(raw, formulaProblem(formula, raw as number | string | boolean, kind, style));
  }
  if (verdict.severity === 'error') {
    return {
      status: 'invalid',
      value: null,
      problems: [formulaProblem(formula, undefined, kind, style), verdict],
    };
  }
  // The formula's result needs a fix too: replacing the formula by the fixed value settles both.
  const combined = formulaProblem(formula, proposedValue(verdict), kind, style);
  // A judgement stays one: the formula's result rescaled (85 → 85 %) is suggested, not fixed.
  return fromVerdict(raw, verdict.suggestion ? asSuggestion(combined) : combined);
}

function fromVerdict(raw: CellValue | undefined, verdict: InputProblem | null): ParsedInput {
  if (verdict === null) {
    if (isEmpty(raw)) return EMPTY;
    const value = typeof raw === 'boolean' ? String(raw).toUpperCase() : (raw as number | string);
    return { status: 'ok', value, problems: NO_PROBLEMS };
  }
  if (verdict.severity === 'error') return { status: 'invalid', value: null, problems: [verdict] };
  return { status: 'fixable', value: proposedValue(verdict), problems: [verdict] };
}

// ---------------------------------------------------------------------------------------------
// The rules, one cell at a time. null = fine (or empty).

/** Judges a non-formula cell, its messages in `style`. Exported for the sheet validator's slow path. */
export function judge(
  raw: unknown,
  kind: CellKind,
  max: number | undefined,
  numberFormat: string | undefined,
  style: NumberStyle,
): InputProblem | null {
  if (isEmpty(raw)) return null;
  try {
    return judgeUnsafe(raw, kind, max, numberFormat, style);
  } catch (e) {
    // Only a value no spreadsheet can hold (an object with a throwing toString) gets here; say so
    // rather than crash the whole sheet's validation.
    return problem('error', 'not-a-number', {
      vi: `Ô chứa một giá trị không đọc được (${describeError(e)}).`,
      en: `The cell holds a value that cannot be read (${describeError(e)}).`,
    });
  }
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : 'unknown';
}

function judgeUnsafe(
  raw: unknown,
  kind: CellKind,
  max: number | undefined,
  numberFormat: string | undefined,
  style: NumberStyle,
): InputProblem | null {
  if (typeof raw === 'string') {
    const error = excelError(raw);
    if (error) return excelErrorProblem(error);
    if (isBlankText(raw)) return spacesOnly(raw);
    switch (kind) {
      case 'text':
        return null;
      case 'group':
        return valueInGroup(raw);
      case 'passfail':
        return judgePassFail(raw);
      default:
        return judgeNumericText(raw, kind, max, style);
    }
  }
  if (typeof raw === 'number') {
    if (kind === 'text') return null;
    if (kind === 'group') return valueInGroup(raw);
    if (kind === 'passfail') return passFailInvalid(raw);
    if (numberFormat !== undefined && Number.isFinite(raw) && isDateFormat(numberFormat)) return dateInNumber(raw);
    if (numberFormat !== undefined && (kind === 'parScore' || kind === 'count') && isPercentFormat(numberFormat))
      return percentInPoints(raw, kind, max, numberFormat, style);
    return judgeNumber(raw, kind, max, numberFormat, style);
  }
  if (typeof raw === 'boolean') {
    if (kind === 'text') return null;
    if (kind === 'group') return valueInGroup(raw);
    if (kind === 'passfail') return passFailInvalid(raw);
    if (kind === 'flag') return flagLogical(raw);
    return problem('error', 'not-a-number', {
      vi: `Giá trị logic ${raw ? 'TRUE' : 'FALSE'} không phải là số.`,
      en: `The logical value ${raw ? 'TRUE' : 'FALSE'} is not a number.`,
    });
  }
  // Range.values never holds anything else; a caller building snapshots by hand might.
  if (kind === 'text') return null;
  return problem('error', 'not-a-number', {
    vi: `Ô chứa một giá trị không phải số hay văn bản (${typeof raw}).`,
    en: `The cell holds a value that is neither a number nor text (${typeof raw}).`,
  });
}

// ---------------------------------------------------------------------------------------------
// Numbers stored as numbers

/** Fast verdict on a stored number: true when it is valid as it stands. No allocation. */
export function numberIsValid(v: number, kind: CellKind, max: number | undefined): boolean {
  switch (kind) {
    case 'count':
      return Number.isInteger(v) && v >= 0;
    case 'percent':
      return v >= 0 && v <= 1;
    case 'flag':
      return v === 0 || v === 1;
    case 'parScore':
      return v >= 0 && (max === undefined || !exceeds(v, max)) && hasAtMostThreeDecimals(v);
    case 'text':
      return true;
    default:
      return false;
  }
}

function judgeNumber(
  v: number,
  kind: CellKind,
  max: number | undefined,
  numberFormat: string | undefined,
  style: NumberStyle,
): InputProblem | null {
  if (!Number.isFinite(v)) {
    return problem('error', 'not-a-number', {
      vi: `${String(v)} không phải là một số hợp lệ.`,
      en: `${String(v)} is not a valid number.`,
    });
  }
  if (numberIsValid(v, kind, max)) return null;
  return rangeProblem(v, kind, max, null, numberFormat, style);
}

// ---------------------------------------------------------------------------------------------
// Numbers typed as text

function judgeNumericText(
  raw: string,
  kind: CellKind,
  max: number | undefined,
  style: NumberStyle,
): InputProblem | null {
  if (kind === 'flag') {
    const word = flagWord(raw);
    if (word !== null) return flagWordProblem(raw, word);
  }
  const read = readNumericText(raw, kind, max);
  if (read.type === 'date') return dateText(raw);
  if (read.type === 'none') return notANumber(raw, kind);
  if (read.type === 'ambiguous') return ambiguousProblem(raw, read.asDecimal, read.asThousands, read.sep, style);
  const reading = read.reading;
  if (reading.percentSign && kind !== 'percent') return percentSignOutside(raw, kind);
  const value = reading.percentSign ? round(reading.value / 100, 12) : reading.value;
  if (!Number.isFinite(value)) return notANumber(raw, kind);
  if (numberIsValid(value, kind, max)) return textFix(reading, value, false, kind, style);
  // A percentage written as such is outside 0–100 %: no other reading to offer.
  if (reading.percentSign) return percentTextOutOfRange(raw);
  // "85" typed as text into a % cell: one fix settles both the text and the scale.
  if (kind === 'percent' && value > 1 && value <= 100)
    return textFix(reading, round(value / 100, 12), true, kind, style);
  return rangeProblem(value, kind, max, reading, undefined, style);
}

// ---------------------------------------------------------------------------------------------
// Đạt / Không đạt, 1 / 0

function judgePassFail(raw: string): InputProblem | null {
  if (raw === PASS || raw === FAIL) return null;
  const folded = foldVietnamese(raw).replace(/[.!]+$/, '');
  const target = folded === 'dat' ? PASS : folded === 'khong dat' ? FAIL : null;
  if (target === null) return passFailInvalid(raw);
  return passFailVariant(raw, target);
}

/** "có"/"không" and their English and diacritic-less spellings in a 1/0 cell. */
function flagWord(text: string): 0 | 1 | null {
  const f = foldVietnamese(text);
  if (f === 'co' || f === 'yes' || f === 'true') return 1;
  if (f === 'khong' || f === 'no' || f === 'false') return 0;
  return null;
}

/** True for a value Range.values reports as an Excel error ('#REF!'…). */
export function isExcelError(raw: unknown): boolean {
  return typeof raw === 'string' && excelError(raw) !== null;
}
