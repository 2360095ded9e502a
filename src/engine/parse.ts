/**
 * Value rules for a single input cell: what officials type or paste, and how it is read.
 *
 * `parseCellInput` is the public entry (the adapter's live validation and the CLI call it per cell).
 * The sheet validator in validate.ts does its own allocation-free checks for the common case (a plain
 * number or an exact "Đạt") and only comes here for everything else, so this file may allocate.
 *
 * Reading numbers typed as text, Vietnamese first:
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
import type { Bilingual, CellValue, FindingCode, Fix, Severity } from './types';
import { numEn, numVi, pctEn, pctVi, quote, round, serialToDate } from './format';

/** What an input cell holds, from its row kind and column: Appendix 1 kinds plus the PAR score. */
export type CellKind = 'count' | 'percent' | 'flag' | 'passfail' | 'text' | 'group' | 'parScore';

export interface ParseOptions {
  /** PAR score: the criterion's maximum (the sheet's D column). Without it only ≥ 0 is checked. */
  max?: number;
  /** Range.numberFormat of the cell: a date format on a number cell means a date was pasted. */
  numberFormat?: string;
  /** Range.formulas of the cell: a string starting with '=' means a formula was typed into an input. */
  formula?: CellValue;
}

/** One thing wrong with a cell. Warnings carry a fix; errors carry one only where it is unambiguous. */
export interface InputProblem {
  severity: Severity;
  code: FindingCode;
  message: Bilingual;
  fix?: Fix;
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

export const PASS = 'Đạt';
export const FAIL = 'Không đạt';

// ---------------------------------------------------------------------------------------------
// Public entry

/** Reads one input cell. Never throws, whatever the cell holds. */
export function parseCellInput(raw: CellValue | undefined, kind: CellKind, options: ParseOptions = {}): ParsedInput {
  const formula = options.formula;
  const hasFormula = typeof formula === 'string' && formula.charCodeAt(0) === 61; /* '=' */
  const verdict = judge(raw, kind, options.max, options.numberFormat);
  if (!hasFormula) return fromVerdict(raw, verdict);
  if (verdict === null) {
    if (isEmpty(raw)) return fromVerdict(raw, formulaProblem(formula, null, kind));
    return fromVerdict(raw, formulaProblem(formula, raw as number | string | boolean, kind));
  }
  if (verdict.severity === 'error') {
    return { status: 'invalid', value: null, problems: [formulaProblem(formula, undefined, kind), verdict] };
  }
  // The formula's result needs a fix too: replacing the formula by the fixed value settles both.
  return fromVerdict(raw, formulaProblem(formula, verdict.fix ? verdict.fix.value : null, kind));
}

function fromVerdict(raw: CellValue | undefined, verdict: InputProblem | null): ParsedInput {
  if (verdict === null) {
    if (isEmpty(raw)) return EMPTY;
    const value = typeof raw === 'boolean' ? String(raw).toUpperCase() : (raw as number | string);
    return { status: 'ok', value, problems: NO_PROBLEMS };
  }
  if (verdict.severity === 'error') return { status: 'invalid', value: null, problems: [verdict] };
  return { status: 'fixable', value: verdict.fix ? verdict.fix.value : null, problems: [verdict] };
}

export function isEmpty(raw: unknown): boolean {
  return raw === '' || raw === null || raw === undefined;
}

// ---------------------------------------------------------------------------------------------
// The rules, one cell at a time. null = fine (or empty).

/** Judges a non-formula cell. Exported for the sheet validator's slow path. */
export function judge(
  raw: unknown,
  kind: CellKind,
  max: number | undefined,
  numberFormat: string | undefined,
): InputProblem | null {
  if (isEmpty(raw)) return null;
  try {
    return judgeUnsafe(raw, kind, max, numberFormat);
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
        return judgeNumericText(raw, kind, max);
    }
  }
  if (typeof raw === 'number') {
    if (kind === 'text') return null;
    if (kind === 'group') return valueInGroup(raw);
    if (kind === 'passfail') return passFailInvalid(raw);
    if (numberFormat !== undefined && Number.isFinite(raw) && isDateFormat(numberFormat))
      return dateInNumber(raw, numberFormat);
    if (numberFormat !== undefined && (kind === 'parScore' || kind === 'count') && isPercentFormat(numberFormat))
      return percentInPoints(raw, kind, max);
    return judgeNumber(raw, kind, max);
  }
  if (typeof raw === 'boolean') {
    if (kind === 'text') return null;
    if (kind === 'group') return valueInGroup(raw);
    if (kind === 'passfail') return passFailInvalid(raw);
    if (kind === 'flag') {
      const v = raw ? 1 : 0;
      return problem(
        'warning',
        'flag-invalid',
        {
          vi: `Giá trị logic ${raw ? 'TRUE' : 'FALSE'}: ô này nhận 1 (có) hoặc 0 (không). Sửa thành ${v}.`,
          en: `Logical value ${raw ? 'TRUE' : 'FALSE'}: this cell takes 1 (yes) or 0 (no). Fix: ${v}.`,
        },
        fixTo(v, `Ghi ${v}`, `Write ${v}`),
      );
    }
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
      return v >= 0 && (max === undefined || v <= max + 1e-9) && hasAtMostThreeDecimals(v);
    case 'text':
      return true;
    default:
      return false;
  }
}

/** 0.897 → true, 0.8975 → false; tolerant of binary noise (0.897 × 1000 = 897.0000000000001). */
export function hasAtMostThreeDecimals(v: number): boolean {
  const scaled = v * 1000;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

function judgeNumber(v: number, kind: CellKind, max: number | undefined): InputProblem | null {
  if (!Number.isFinite(v)) {
    return problem('error', 'not-a-number', {
      vi: `${String(v)} không phải là một số hợp lệ.`,
      en: `${String(v)} is not a valid number.`,
    });
  }
  if (numberIsValid(v, kind, max)) return null;
  return rangeProblem(v, kind, max, null);
}

/**
 * The value is a finite number that breaks the field's range. `reading` says how a text was read
 * (prefixed to the message); null for a stored number.
 */
function rangeProblem(v: number, kind: CellKind, max: number | undefined, reading: Reading | null): InputProblem {
  const pre = readingPrefix(reading);
  switch (kind) {
    case 'count':
      if (v < 0)
        return problem('error', 'negative', {
          vi: `${pre.vi}Số âm ${numVi(v)} không hợp lệ: chỉ tiêu này là số lượng, phải từ 0 trở lên.`,
          en: `${pre.en}The negative number ${numEn(v)} is not valid: this row counts something, so it must be 0 or more.`,
        });
      return problem('error', 'not-whole', {
        vi: `${pre.vi}${numVi(v)} không phải số nguyên: chỉ tiêu này là số lượng, phải là số nguyên từ 0 trở lên.`,
        en: `${pre.en}${numEn(v)} is not a whole number: this row counts something, so it must be a whole number, 0 or more.`,
      });
    case 'flag':
      return problem('error', 'flag-invalid', {
        vi: `${pre.vi}${numVi(v)} không hợp lệ: ô này chỉ nhận 1 (có) hoặc 0 (không).`,
        en: `${pre.en}${numEn(v)} is not valid: this cell takes only 1 (yes) or 0 (no).`,
      });
    case 'percent':
      if (v > 1 && v <= 100) {
        const ratio = round(v / 100, 12);
        return problem(
          'warning',
          'percent-over-one',
          {
            vi: `${pre.vi}${numVi(v)} lớn hơn 1 trong ô tỷ lệ phần trăm (sẽ hiển thị ${pctVi(v)}). Có phải ý bạn là ${numVi(v)}%? Ô tỷ lệ lưu 0…1: sửa thành ${numVi(ratio)} (${numVi(v)}%).`,
            en: `${pre.en}${numEn(v)} is above 1 in a percentage cell (it shows as ${pctEn(v)}). Did you mean ${numEn(v)}%? Percentage cells hold 0…1: fix to ${numEn(ratio)} (${numEn(v)}%).`,
          },
          fixTo(ratio, `Ghi ${numVi(v)}% (${numVi(ratio)})`, `Write ${numEn(v)}% (${numEn(ratio)})`),
        );
      }
      return problem('error', 'percent-out-of-range', {
        vi: `${pre.vi}${pctVi(v)} nằm ngoài khoảng 0–100% của một tỷ lệ.`,
        en: `${pre.en}${pctEn(v)} is outside the 0–100% range of a rate.`,
      });
    case 'parScore':
      if (v < 0)
        return problem('error', 'negative', {
          vi: `${pre.vi}Điểm âm ${numVi(v)} không hợp lệ: điểm từ 0 đến ${max === undefined ? 'điểm tối đa' : numVi(max)}.`,
          en: `${pre.en}The negative score ${numEn(v)} is not valid: scores run from 0 to ${max === undefined ? 'the maximum' : numEn(max)}.`,
        });
      if (max !== undefined && v > max + 1e-9)
        return problem('error', 'par-over-max', {
          vi: `${pre.vi}Điểm ${numVi(v)} vượt điểm tối đa ${numVi(max)} của tiêu chí.`,
          en: `${pre.en}The score ${numEn(v)} exceeds the criterion's maximum of ${numEn(max)}.`,
        });
      return problem('error', 'par-too-precise', {
        vi: `${pre.vi}Điểm ${numVi(v)} có hơn 3 chữ số thập phân; điểm Chỉ số CCHC ghi tối đa 3 chữ số thập phân. Kiểm tra lại điểm gốc (làm tròn thì được ${numVi(round(v, 3))}).`,
        en: `${pre.en}The score ${numEn(v)} has more than 3 decimals; PAR index scores have at most 3. Check the source score (rounded it would be ${numEn(round(v, 3))}).`,
      });
    default:
      return problem('error', 'not-a-number', {
        vi: `${pre.vi}Giá trị ${numVi(v)} không hợp lệ ở ô này.`,
        en: `${pre.en}The value ${numEn(v)} is not valid in this cell.`,
      });
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers typed as text

type Sep = '.' | ',' | ' ';

/** How a numeric text was read. */
interface Reading {
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

function judgeNumericText(raw: string, kind: CellKind, max: number | undefined): InputProblem | null {
  const { text, spaces } = trimSpaces(raw);
  if (looksLikeDate(text)) return dateText(raw);
  if (kind === 'flag') {
    const word = flagWord(text);
    if (word !== null)
      return problem(
        'warning',
        'flag-invalid',
        {
          vi: `${quote(raw)} là chữ: ô này nhận số 1 (có) hoặc 0 (không). Sửa thành ${word}.`,
          en: `${quote(raw)} is a word: this cell takes the number 1 (yes) or 0 (no). Fix: ${word}.`,
        },
        fixTo(word, `Ghi ${word}`, `Write ${word}`),
      );
  }

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
  if (parsed === null) return notANumber(raw, kind);
  if (parsed.type === 'ambiguous') {
    const d = negative ? -parsed.asDecimal : parsed.asDecimal;
    const t = negative ? -parsed.asThousands : parsed.asThousands;
    return problem('error', parsed.sep === ',' ? 'decimal-comma' : 'thousands-dot', {
      vi: `${quote(raw)} không rõ nghĩa: dấu "${parsed.sep}" có thể là dấu thập phân (${numVi(d)}) hoặc dấu phân cách hàng nghìn (${numVi(t)}). Không tự sửa; hãy nhập lại số (không dùng dấu phân cách hàng nghìn).`,
      en: `${quote(raw)} is ambiguous: the "${parsed.sep}" may be a decimal separator (${numEn(d)}) or a thousands separator (${numEn(t)}). No automatic fix; enter the number again (without thousands separators).`,
    });
  }
  const reading: Reading = {
    raw,
    spaces,
    value: negative ? -parsed.value : parsed.value,
    percentSign,
    decimalSep: parsed.decimalSep,
    groupSep: parsed.groupSep,
    resolvedBy: parsed.resolvedBy,
    rejected: parsed.rejected,
  };
  if (percentSign && kind !== 'percent') {
    return problem('error', 'not-a-number', {
      vi: `${quote(raw)} là tỷ lệ phần trăm, nhưng ô này ${kind === 'parScore' ? 'nhận điểm' : 'nhận số lượng'}, không nhận phần trăm.`,
      en: `${quote(raw)} is a percentage, but this cell takes ${kind === 'parScore' ? 'a score' : 'a number'}, not a percentage.`,
    });
  }
  const value = percentSign ? round(reading.value / 100, 12) : reading.value;
  if (!Number.isFinite(value)) return notANumber(raw, kind);
  if (numberIsValid(value, kind, max)) return textFix(reading, value, false);
  if (percentSign) {
    // A percentage written as such is outside 0–100 %: no other reading to offer.
    return problem('error', 'percent-out-of-range', {
      vi: `${quote(raw)} nằm ngoài khoảng 0–100% của một tỷ lệ.`,
      en: `${quote(raw)} is outside the 0–100% range of a rate.`,
    });
  }
  const rp = rangeProblem(value, kind, max, reading);
  if (rp.code === 'percent-over-one') {
    // "85" typed as text into a % cell: one fix settles both the text and the scale.
    return textFix(reading, round(value / 100, 12), true);
  }
  return rp;
}

/** A warning for a number stored as text whose intended value is `value`. */
function textFix(reading: Reading, value: number, rescaled: boolean): InputProblem {
  const code: FindingCode = rescaled
    ? 'percent-over-one'
    : reading.percentSign
      ? 'percent-text'
      : reading.groupSep !== null
        ? 'thousands-dot'
        : reading.decimalSep === ','
          ? 'decimal-comma'
          : reading.spaces
            ? 'stray-spaces'
            : 'number-as-text';
  let vi = readingSteps(reading, 'vi');
  let en = readingSteps(reading, 'en');
  if (rescaled) {
    vi += `${numVi(reading.value)} lớn hơn 1 trong ô tỷ lệ phần trăm: có phải ý bạn là ${numVi(reading.value)}%? Ô tỷ lệ lưu 0…1 nên ghi ${numVi(value)}. `;
    en += `${numEn(reading.value)} is above 1 in a percentage cell: did you mean ${numEn(reading.value)}%? Percentage cells hold 0…1, so write ${numEn(value)}. `;
  }
  const shown = quote(reading.raw);
  return problem(
    'warning',
    code,
    {
      vi: `${shown} đang lưu dạng văn bản nên công thức và phép cộng bỏ qua ô này. ${vi}Sửa thành số ${numVi(value)}.`,
      en: `${shown} is stored as text, so formulas and totals ignore it. ${en}Fix: the number ${numEn(value)}.`,
    },
    fixTo(value, `Ghi số ${numVi(value)}`, `Write the number ${numEn(value)}`),
  );
}

/** Sentences saying how the text was read, each followed by a space ('' when there is nothing to say). */
function readingSteps(r: Reading, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  const num = vi ? numVi : numEn;
  let out = '';
  if (r.spaces)
    out += vi
      ? 'Có khoảng trắng (có thể là khoảng trắng không ngắt) ở đầu hoặc cuối giá trị. '
      : 'It has spaces (possibly non-breaking) before or after the value. ';
  const rejected = num(r.rejected ?? 0);
  if (r.resolvedBy === 'wholeNumber') {
    out += vi
      ? `Ô này là số nguyên: dấu chấm theo sau đúng ba chữ số là dấu phân cách hàng nghìn (cách viết tiếng Việt), nên đọc là ${num(r.value)} (không phải ${rejected}). `
      : `This is a whole-number cell: a dot followed by exactly three digits is a thousands separator in Vietnamese usage, so it reads ${num(r.value)} (not ${rejected}). `;
  } else if (r.resolvedBy === 'overMax' || r.resolvedBy === 'overHundredPercent') {
    const over =
      r.resolvedBy === 'overMax'
        ? vi
          ? 'vượt điểm tối đa'
          : 'above the maximum score'
        : vi
          ? 'vượt 100%'
          : 'above 100%';
    out += vi
      ? `Dấu "${r.decimalSep}" được đọc là dấu thập phân (${num(r.value)}): đọc là dấu phân cách hàng nghìn thì được ${rejected}, ${over}. `
      : `The "${r.decimalSep}" is read as a decimal separator (${num(r.value)}): as a thousands separator it would give ${rejected}, ${over}. `;
  } else if (r.groupSep !== null) {
    if (vi) {
      const g = r.groupSep === ' ' ? 'khoảng trắng' : `dấu "${r.groupSep}"`;
      const d = r.decimalSep ? `, dấu "${r.decimalSep}" là dấu thập phân` : '';
      out += `Đọc ${g} là dấu phân cách hàng nghìn${d}: ${num(r.value)}. `;
    } else {
      const g =
        r.groupSep === ' ' ? 'the spaces as thousands separators' : `the "${r.groupSep}" as thousands separator`;
      const d = r.decimalSep ? `, the "${r.decimalSep}" as decimal separator` : '';
      out += `Read ${g}${d}: ${num(r.value)}. `;
    }
  } else if (r.decimalSep === ',') {
    out += vi
      ? `Dấu phẩy được đọc là dấu thập phân (cách viết tiếng Việt): ${num(r.value)}. `
      : `The comma is read as the decimal separator (Vietnamese usage): ${num(r.value)}. `;
  }
  if (r.percentSign) {
    const ratio = num(round(r.value / 100, 12));
    out += vi
      ? `Ô tỷ lệ lưu phần trăm dưới dạng số từ 0 đến 1 (định dạng %): ${num(r.value)}% là ${ratio}. `
      : `Percentage cells hold a number from 0 to 1 (formatted as %): ${num(r.value)}% is ${ratio}. `;
  }
  return out;
}

function readingPrefix(r: Reading | null): Bilingual {
  if (r === null) return { vi: '', en: '' };
  const shown = quote(r.raw);
  const v = r.percentSign ? round(r.value / 100, 12) : r.value;
  return {
    vi: `${shown} là văn bản, đọc là số ${numVi(v)}. ${readingSteps(r, 'vi')}`,
    en: `${shown} is text, read as the number ${numEn(v)}. ${readingSteps(r, 'en')}`,
  };
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

function notANumber(raw: string, kind: CellKind): InputProblem {
  const what =
    kind === 'percent'
      ? { vi: 'một tỷ lệ phần trăm', en: 'a percentage' }
      : kind === 'parScore'
        ? { vi: 'một điểm số', en: 'a score' }
        : kind === 'flag'
          ? { vi: '1 (có) hoặc 0 (không)', en: '1 (yes) or 0 (no)' }
          : { vi: 'một số', en: 'a number' };
  return problem('error', 'not-a-number', {
    vi: `${quote(raw)} không phải là số: ô này cần ${what.vi}.`,
    en: `${quote(raw)} is not a number: this cell needs ${what.en}.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Spaces

export function isSpaceChar(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0xa0 ||
    c === 0x202f ||
    c === 0x2007 ||
    c === 0x2009 ||
    c === 0x200b ||
    c === 0xfeff ||
    c === 0x3000 ||
    c === 0x2002 ||
    c === 0x2003
  );
}

function trimSpaces(s: string): { text: string; spaces: boolean } {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceChar(s.charCodeAt(a))) a++;
  while (b > a && isSpaceChar(s.charCodeAt(b - 1))) b--;
  return { text: a === 0 && b === s.length ? s : s.slice(a, b), spaces: a > 0 || b < s.length };
}

function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceChar(s.charCodeAt(i))) return false;
  return true;
}

/** True when a text value carries no content (only spaces): evidence cells treat it as empty. */
export function isBlank(raw: unknown): boolean {
  return isEmpty(raw) || (typeof raw === 'string' && isBlankText(raw));
}

function spacesOnly(raw: string): InputProblem {
  return problem(
    'warning',
    'stray-spaces',
    {
      vi: `Ô chỉ chứa khoảng trắng (${quote(raw)}): trông như ô trống nhưng vẫn được tính là đã nhập. Xóa nội dung ô.`,
      en: `The cell holds only spaces (${quote(raw)}): it looks empty but counts as filled. Clear the cell.`,
    },
    fixTo(null, 'Xóa nội dung ô', 'Clear the cell'),
  );
}

// ---------------------------------------------------------------------------------------------
// Đạt / Không đạt

/** Lower case, no diacritics, đ → d, runs of spaces → one space, trimmed. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00A0\u202F\u2007\u2009\u200B\uFEFF]+/g, ' ')
    .trim();
}

function judgePassFail(raw: string): InputProblem | null {
  if (raw === PASS || raw === FAIL) return null;
  const folded = foldVietnamese(raw).replace(/[.!]+$/, '');
  const target = folded === 'dat' ? PASS : folded === 'khong dat' ? FAIL : null;
  if (target === null) return passFailInvalid(raw);
  return problem(
    'warning',
    'passfail-variant',
    {
      vi: `${quote(raw)} viết khác mẫu: ô này nhận đúng "${PASS}" hoặc "${FAIL}" để bảng tổng hợp đếm được. Sửa thành "${target}".`,
      en: `${quote(raw)} is spelled differently: this cell takes exactly "${PASS}" or "${FAIL}" so that consolidation can count it. Fix: "${target}".`,
    },
    fixTo(target, `Ghi "${target}"`, `Write "${target}"`),
  );
}

function passFailInvalid(raw: unknown): InputProblem {
  return problem('error', 'passfail-invalid', {
    vi: `${quote(raw)} không hợp lệ: ô này chỉ nhận "${PASS}" hoặc "${FAIL}".`,
    en: `${quote(raw)} is not valid: this cell takes only "${PASS}" (achieved) or "${FAIL}" (not achieved).`,
  });
}

/** "có"/"không" and their English and diacritic-less spellings in a 1/0 cell. */
function flagWord(text: string): 0 | 1 | null {
  const f = foldVietnamese(text);
  if (f === 'co' || f === 'yes' || f === 'true') return 1;
  if (f === 'khong' || f === 'no' || f === 'false') return 0;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Excel errors, groups, dates, formulas

const EXCEL_ERRORS: Record<string, Bilingual> = {
  '#REF!': {
    vi: 'tham chiếu không hợp lệ, thường do ô được tham chiếu đã bị xóa',
    en: 'an invalid reference, usually to a deleted cell',
  },
  '#VALUE!': { vi: 'sai kiểu giá trị trong phép tính', en: 'a value of the wrong type in a calculation' },
  '#DIV/0!': { vi: 'phép chia cho 0', en: 'a division by zero' },
  '#N/A': { vi: 'giá trị không có sẵn', en: 'a value that is not available' },
  '#NAME?': { vi: 'tên hàm hoặc tên vùng không tồn tại', en: 'an unknown function or range name' },
  '#NUM!': { vi: 'số không hợp lệ trong phép tính', en: 'an invalid number in a calculation' },
  '#NULL!': { vi: 'hai vùng không giao nhau', en: 'two ranges that do not intersect' },
  '#SPILL!': { vi: 'kết quả mảng bị chặn bởi ô khác', en: 'an array result blocked by other cells' },
  '#CALC!': { vi: 'lỗi tính toán', en: 'a calculation error' },
  '#GETTING_DATA': { vi: 'dữ liệu đang được tải', en: 'data still loading' },
  '#FIELD!': { vi: 'trường dữ liệu không tồn tại', en: 'a missing data field' },
  '#BLOCKED!': { vi: 'tính năng bị chặn', en: 'a blocked feature' },
  '#CONNECT!': { vi: 'lỗi kết nối', en: 'a connection error' },
  '#BUSY!': { vi: 'Excel đang bận tính', en: 'Excel still calculating' },
  '#UNKNOWN!': { vi: 'kiểu dữ liệu không hỗ trợ', en: 'an unsupported data type' },
};

function excelError(raw: string): string | null {
  if (raw.charCodeAt(0) !== 35 /* # */ || raw.length > 14) return null;
  const key = raw.toUpperCase();
  return Object.prototype.hasOwnProperty.call(EXCEL_ERRORS, key) ? key : null;
}

/** True for a value Range.values reports as an Excel error ('#REF!'…). */
export function isExcelError(raw: unknown): boolean {
  return typeof raw === 'string' && excelError(raw) !== null;
}

function excelErrorProblem(error: string): InputProblem {
  const what = EXCEL_ERRORS[error];
  return problem('error', 'excel-error', {
    vi: `Ô chứa lỗi Excel ${error} (${what.vi}). Nhập lại giá trị đúng.`,
    en: `The cell holds the Excel error ${error} (${what.en}). Enter the correct value.`,
  });
}

function valueInGroup(raw: unknown): InputProblem {
  return problem('error', 'value-in-group', {
    vi: `Dòng tiêu đề nhóm không nhận số liệu (đang có ${quote(raw)}): nhập số liệu vào các dòng chi tiết bên dưới.`,
    en: `A group heading row takes no value (it holds ${quote(raw)}): enter figures in the detail rows below it.`,
  });
}

const dateFormatCache = new Map<string, boolean>();

/** True for a number format that shows a date or time ('d/m/yyyy', 'mmm-yy', 'dd.mm.yyyy hh:mm'). */
export function isDateFormat(format: string): boolean {
  const cached = dateFormatCache.get(format);
  if (cached !== undefined) return cached;
  let result = false;
  if (format !== '' && format.toLowerCase() !== 'general' && format !== '@') {
    // Drop what is not a format token: quoted text, escaped characters, [colour]/[$-locale] sections,
    // and the padding/fill markers _x and *x.
    const tokens = format
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/[_*]./g, '');
    result = /[dmy]/i.test(tokens);
  }
  if (dateFormatCache.size < 1000) dateFormatCache.set(format, result);
  return result;
}

/** True for a number format that shows a percent ('0%', '0.0%'), not counting a quoted or escaped '%'. */
export function isPercentFormat(format: string): boolean {
  return /%/.test(
    format
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[[^\]]*\]/g, ''),
  );
}

/**
 * Typing "85%" stores 0.85 with a percent format: in a cell of points or counts that is almost
 * never what was meant, and nobody can tell whether 85 points, 0.85 points or 85 % of the
 * maximum was intended, so the official is asked rather than offered a guess.
 */
function percentInPoints(v: number, kind: CellKind, max: number | undefined): InputProblem {
  const shownVi = `${pctVi(v)}`;
  const shownEn = `${pctEn(v)}`;
  const what =
    kind === 'parScore'
      ? {
          vi: `số điểm${max !== undefined ? ` (từ 0 đến ${numVi(max)})` : ''}`,
          en: `points${max !== undefined ? ` (0 to ${numEn(max)})` : ''}`,
        }
      : { vi: 'số lượng (số nguyên)', en: 'a count (a whole number)' };
  return problem('warning', 'percent-format', {
    vi: `Ô hiển thị ${shownVi} nhưng ô này nhận ${what.vi}: Excel đang lưu ${numVi(v)}. Nếu ý bạn là ${numVi(v)}, đặt định dạng số của ô về "Chung" (General); nếu không, nhập lại số đúng, không kèm dấu %.`,
    en: `The cell shows ${shownEn} but takes ${what.en}: Excel stores ${numEn(v)}. If you meant ${numEn(v)}, set the cell's number format to General; otherwise type the right number again, without a % sign.`,
  });
}

function dateInNumber(v: number, numberFormat: string): InputProblem {
  const shown = serialToDate(v);
  return problem('error', 'date-in-number', {
    vi: `Ô số đang chứa một ngày${shown ? ` (${shown})` : ''}, định dạng "${numberFormat}": thường do dán dữ liệu. Nhập lại số liệu và đặt lại định dạng số.`,
    en: `This number cell holds a date${shown ? ` (${shown})` : ''}, format "${numberFormat}": usually from pasting. Enter the figure again and reset the number format.`,
  });
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

function dateText(raw: string): InputProblem {
  return problem('error', 'date-in-number', {
    vi: `${quote(raw)} trông như một ngày tháng, không phải số liệu: thường do dán dữ liệu. Nhập lại số liệu.`,
    en: `${quote(raw)} looks like a date, not a figure: usually from pasting. Enter the figure again.`,
  });
}

/**
 * A formula in an input cell: inputs hold typed figures so that a return does not depend on other cells.
 * `value` is the value to keep (the formula's result when it is valid, else undefined: no fix).
 */
export function formulaProblem(
  formula: string,
  value: number | string | boolean | null | undefined,
  kind: CellKind,
): InputProblem {
  const shown = quote(formula);
  if (value === undefined || kind === 'group')
    return problem('warning', 'formula-in-input', {
      vi: `Ô nhập liệu chứa công thức ${shown}: ô này cần số liệu nhập tay. Thay công thức bằng giá trị đúng.`,
      en: `This input cell holds the formula ${shown}: it needs a typed figure. Replace the formula by the correct value.`,
    });
  const keep = typeof value === 'boolean' ? String(value).toUpperCase() : value;
  const vi =
    value === null
      ? 'xóa công thức'
      : `thay công thức bằng giá trị ${typeof keep === 'number' ? numVi(keep) : quote(keep)}`;
  const en =
    value === null
      ? 'clear the formula'
      : `replace the formula by its value ${typeof keep === 'number' ? numEn(keep) : quote(keep)}`;
  return problem(
    'warning',
    'formula-in-input',
    {
      vi: `Ô nhập liệu chứa công thức ${shown}: ô này cần số liệu nhập tay, không phụ thuộc ô khác. Đề xuất ${vi}.`,
      en: `This input cell holds the formula ${shown}: it needs a typed figure that does not depend on other cells. Suggested: ${en}.`,
    },
    fixTo(keep, capitalise(vi), capitalise(en)),
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------

function problem(severity: Severity, code: FindingCode, message: Bilingual, fix?: Fix): InputProblem {
  return fix ? { severity, code, message, fix } : { severity, code, message };
}

function fixTo(value: string | number | null, vi: string, en: string): Fix {
  return { value, description: { vi, en } };
}
