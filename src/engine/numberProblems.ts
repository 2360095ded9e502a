/**
 * What the engine says about numbers: out of their field's range, typed as text (and how the text
 * was read), or shown by their format as something else (a percent, a date). Wording rules:
 * problems.ts.
 */
import { formatDecimals, isPercentFormat, PERCENT_INPUT_FORMAT } from './cellFormats';
import { quote, round, serialToDate } from './format';
import type { NumberStyle, NumberWriter } from './format';
import type { Reading } from './numberText';
import type { CellKind, InputProblem } from './parse';
import { asSuggestion, fixTo, problem, suggestion, valueText } from './problems';
import { exceeds } from './sums';
import type { Bilingual, FindingCode } from './types';

/**
 * What a percent cell holding the number `v` shows: with a percent format (the template's when the
 * format is unknown) the percentage with that format's decimals (85 with '0.0%' → '8500,0%'), else
 * the number itself.
 */
function shownInPercentCell(v: number, numberFormat: string | undefined, w: NumberWriter): string {
  const format = numberFormat ?? PERCENT_INPUT_FORMAT;
  if (!isPercentFormat(format)) return w.num(v);
  const d = formatDecimals(format);
  return `${w.fixed(v * 100, d.min, d.max)}%`;
}

// ---------------------------------------------------------------------------------------------
// Numbers out of their field's range

/**
 * The value is a finite number that breaks the field's range. `reading` says how a text was read
 * (prefixed to the message); null for a stored number, whose cell shows it through `numberFormat`.
 */
export function rangeProblem(
  v: number,
  kind: CellKind,
  max: number | undefined,
  reading: Reading | null,
  numberFormat: string | undefined,
  s: NumberStyle,
): InputProblem {
  const pre = readingPrefix(reading, s);
  const vi = s.vi.num;
  const en = s.en.num;
  switch (kind) {
    case 'count':
      if (v < 0)
        return problem('error', 'negative', {
          vi: `${pre.vi}Số âm ${vi(v)} không hợp lệ: chỉ tiêu này là số lượng, phải từ 0 trở lên.`,
          en: `${pre.en}The negative number ${en(v)} is not valid: this row counts something, so it must be 0 or more.`,
        });
      return problem('error', 'not-whole', {
        vi: `${pre.vi}${vi(v)} không phải số nguyên: chỉ tiêu này là số lượng, phải là số nguyên từ 0 trở lên.`,
        en: `${pre.en}${en(v)} is not a whole number: this row counts something, so it must be a whole number, 0 or more.`,
      });
    case 'flag':
      return problem('error', 'flag-invalid', {
        vi: `${pre.vi}${vi(v)} không hợp lệ: ô này chỉ nhận 1 (có) hoặc 0 (không).`,
        en: `${pre.en}${en(v)} is not valid: this cell takes only 1 (yes) or 0 (no).`,
      });
    case 'percent':
      return percentProblem(v, reading, pre, numberFormat, s);
    case 'parScore':
      if (v < 0)
        return problem('error', 'negative', {
          vi: `${pre.vi}Điểm âm ${vi(v)} không hợp lệ: điểm từ 0 đến ${max === undefined ? 'điểm tối đa' : vi(max)}.`,
          en: `${pre.en}The negative score ${en(v)} is not valid: scores run from 0 to ${max === undefined ? 'the maximum' : en(max)}.`,
        });
      if (max !== undefined && exceeds(v, max))
        return problem('error', 'par-over-max', {
          vi: `${pre.vi}Điểm ${vi(v)} vượt điểm tối đa ${vi(max)} của tiêu chí.`,
          en: `${pre.en}The score ${en(v)} exceeds the criterion's maximum of ${en(max)}.`,
        });
      return problem('error', 'par-too-precise', {
        vi: `${pre.vi}Điểm ${vi(v)} có hơn 3 chữ số thập phân; điểm Chỉ số CCHC ghi tối đa 3 chữ số thập phân. Kiểm tra lại điểm gốc (làm tròn thì được ${vi(round(v, 3))}).`,
        en: `${pre.en}The score ${en(v)} has more than 3 decimals; PAR index scores have at most 3. Check the source score (rounded it would be ${en(round(v, 3))}).`,
      });
    default:
      return problem('error', 'not-a-number', {
        vi: `${pre.vi}Giá trị ${vi(v)} không hợp lệ ở ô này.`,
        en: `${pre.en}The value ${en(v)} is not valid in this cell.`,
      });
  }
}

/** A number outside 0…1 in a percent cell: 85 (did you mean 85%?) or out of range. */
function percentProblem(
  v: number,
  reading: Reading | null,
  pre: Bilingual,
  numberFormat: string | undefined,
  s: NumberStyle,
): InputProblem {
  if (reading === null && v > 1 && v <= 100) {
    const ratio = round(v / 100, 12);
    const shownVi = shownInPercentCell(v, numberFormat, s.vi);
    const shownEn = shownInPercentCell(v, numberFormat, s.en);
    const meantVi = `${s.vi.num(v)}%`;
    const meantEn = `${s.en.num(v)}%`;
    // "Did you mean 85 %?" is a reading of the official's intent: offered, never applied by "Sửa tất cả".
    if (isPercentFormat(numberFormat ?? PERCENT_INPUT_FORMAT))
      return suggestion(
        'warning',
        'percent-over-one',
        {
          vi: `Ô đang hiện ${shownVi}. Có phải ý bạn là ${meantVi}? Sửa thành ${meantVi}.`,
          en: `The cell shows ${shownEn}. Did you mean ${meantEn}? Fix: ${meantEn}.`,
        },
        fixTo(ratio, `Ghi ${meantVi}`, `Write ${meantEn}`),
      );
    // The cell lost its percent format (a paste): the suggestion writes the number, the format is the official's to set.
    return suggestion(
      'warning',
      'percent-over-one',
      {
        vi: `Ô tỷ lệ phần trăm này đang hiện ${shownVi}, không có dấu %. Có phải ý bạn là ${meantVi}? Sửa thành ${s.vi.num(ratio)}, rồi đặt định dạng số của ô về "Phần trăm" (Percentage) để ô hiện ${meantVi}.`,
        en: `This percentage cell shows ${shownEn}, without a % sign. Did you mean ${meantEn}? Fix: ${s.en.num(ratio)}, then set the cell's number format to Percentage so that it shows ${meantEn}.`,
      },
      fixTo(ratio, `Ghi ${s.vi.num(ratio)}, tức ${meantVi}`, `Write ${s.en.num(ratio)}, that is ${meantEn}`),
    );
  }
  // A text names its percentage as written ("150" → 150%, as "85" → 85%); a stored number as the cell shows it.
  const text = (w: NumberWriter) => (Math.abs(v) > 1 ? `${w.num(v)}%` : w.pct(v));
  if (reading !== null)
    return problem('error', 'percent-out-of-range', {
      vi: `${pre.vi}${text(s.vi)} nằm ngoài khoảng 0–100% của một tỷ lệ.`,
      en: `${pre.en}${text(s.en)} is outside the 0–100% range of a rate.`,
    });
  return problem('error', 'percent-out-of-range', {
    vi: `Ô đang hiện ${shownInPercentCell(v, numberFormat, s.vi)}, nằm ngoài khoảng 0–100% của một tỷ lệ.`,
    en: `The cell shows ${shownInPercentCell(v, numberFormat, s.en)}, outside the 0–100% range of a rate.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Numbers typed as text

/** A warning for a number stored as text whose intended value is `value` (`rescaled`: "85" in a percent cell). */
export function textFix(
  reading: Reading,
  value: number,
  rescaled: boolean,
  kind: CellKind,
  s: NumberStyle,
): InputProblem {
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
  let vi = readingSteps(reading, 'vi', s);
  let en = readingSteps(reading, 'en', s);
  if (rescaled) {
    vi += `Có phải ý bạn là ${s.vi.num(reading.value)}%? `;
    en += `Did you mean ${s.en.num(reading.value)}%? `;
  }
  const shown = quote(reading.raw);
  const targetVi = valueText(value, kind, s.vi);
  const targetEn = valueText(value, kind, s.en);
  const p = problem(
    'warning',
    code,
    {
      vi: `${shown} đang lưu dạng văn bản nên công thức và phép cộng bỏ qua ô này. ${vi}Sửa thành số ${targetVi}.`,
      en: `${shown} is stored as text, so formulas and totals ignore it. ${en}Fix: the number ${targetEn}.`,
    },
    fixTo(value, `Ghi số ${targetVi}`, `Write the number ${targetEn}`),
  );
  // "85" read as 85 % is a reading of what the official meant, not of how it is written: a suggestion.
  return rescaled ? asSuggestion(p) : p;
}

const SEPARATORS = {
  vi: { '.': { named: 'dấu chấm "."', word: 'dấu chấm' }, ',': { named: 'dấu phẩy ","', word: 'dấu phẩy' } },
  en: { '.': { named: 'a point "."', word: 'a point' }, ',': { named: 'a comma ","', word: 'a comma' } },
} as const;

/**
 * The sentence for a text written with the other decimal separator than this Excel's ("0,5" where
 * Excel takes 0.5): the reason Excel kept it as text. '' when the host does not know its separator.
 */
function separatorSentence(r: Reading, lang: 'vi' | 'en', s: NumberStyle): string {
  if (s.excel === null || r.decimalSep === null || r.decimalSep === s.excel) return '';
  const excel = SEPARATORS[lang][s.excel].named;
  const typed = SEPARATORS[lang][r.decimalSep].word;
  return lang === 'vi'
    ? `Excel này dùng ${excel} làm dấu thập phân, không phải ${typed}. `
    : `This Excel uses ${excel} as the decimal separator, not ${typed}. `;
}

/** Sentences saying how the text was read, each followed by a space ('' when there is nothing to say). */
function readingSteps(r: Reading, lang: 'vi' | 'en', s: NumberStyle): string {
  const vi = lang === 'vi';
  const num = s[lang].num;
  const asTyped = `${num(r.value)}${r.percentSign ? '%' : ''}`;
  const separator = separatorSentence(r, lang, s);
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
      out += `Đọc ${g} là dấu phân cách hàng nghìn${d}: ${asTyped}. `;
    } else {
      const g =
        r.groupSep === ' ' ? 'the spaces as thousands separators' : `the "${r.groupSep}" as thousands separator`;
      const d = r.decimalSep ? `, the "${r.decimalSep}" as decimal separator` : '';
      out += `Read ${g}${d}: ${asTyped}. `;
    }
  } else if (r.decimalSep === ',' && separator === '') {
    // With this Excel's separator known to be '.', the separator sentence says it all.
    out += vi
      ? `Dấu phẩy được đọc là dấu thập phân (cách viết tiếng Việt): ${asTyped}. `
      : `The comma is read as the decimal separator (Vietnamese usage): ${asTyped}. `;
  }
  return out + separator;
}

/** "“1,5” là văn bản, đọc là số 1,5. …": how a text was read, before what is wrong with the number. */
function readingPrefix(r: Reading | null, s: NumberStyle): Bilingual {
  if (r === null) return { vi: '', en: '' };
  const shown = quote(r.raw);
  // The number as written: "150" in a percent cell reads 150, whatever percentage it is taken for.
  const read = (w: NumberWriter) => `${w.num(r.value)}${r.percentSign ? '%' : ''}`;
  return {
    vi: `${shown} là văn bản, đọc là số ${read(s.vi)}. ${readingSteps(r, 'vi', s)}`,
    en: `${shown} is text, read as the number ${read(s.en)}. ${readingSteps(r, 'en', s)}`,
  };
}

/** Two readings of "1,234" and no way to choose. */
export function ambiguousProblem(
  raw: string,
  asDecimal: number,
  asThousands: number,
  sep: '.' | ',',
  s: NumberStyle,
): InputProblem {
  return problem('error', sep === ',' ? 'decimal-comma' : 'thousands-dot', {
    vi: `${quote(raw)} không rõ nghĩa: dấu "${sep}" có thể là dấu thập phân (${s.vi.num(asDecimal)}) hoặc dấu phân cách hàng nghìn (${s.vi.num(asThousands)}). Không tự sửa; hãy nhập lại số (không dùng dấu phân cách hàng nghìn).`,
    en: `${quote(raw)} is ambiguous: the "${sep}" may be a decimal separator (${s.en.num(asDecimal)}) or a thousands separator (${s.en.num(asThousands)}). No automatic fix; enter the number again (without thousands separators).`,
  });
}

export function notANumber(raw: string, kind: CellKind): InputProblem {
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

/** "85%" typed into a cell of points or counts. */
export function percentSignOutside(raw: string, kind: CellKind): InputProblem {
  return problem('error', 'not-a-number', {
    vi: `${quote(raw)} là tỷ lệ phần trăm, nhưng ô này ${kind === 'parScore' ? 'nhận điểm' : 'nhận số lượng'}, không nhận phần trăm.`,
    en: `${quote(raw)} is a percentage, but this cell takes ${kind === 'parScore' ? 'a score' : 'a number'}, not a percentage.`,
  });
}

/** "150%" typed into a percent cell: no other reading to offer. */
export function percentTextOutOfRange(raw: string): InputProblem {
  return problem('error', 'percent-out-of-range', {
    vi: `${quote(raw)} nằm ngoài khoảng 0–100% của một tỷ lệ.`,
    en: `${quote(raw)} is outside the 0–100% range of a rate.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Numbers a format shows as something else

/**
 * Typing "85%" stores 0.85 with a percent format: in a cell of points or counts that is almost
 * never what was meant, and nobody can tell whether 85 points, 0.85 points or 85 % of the
 * maximum was intended, so the official is asked rather than offered a guess.
 */
export function percentInPoints(
  v: number,
  kind: CellKind,
  max: number | undefined,
  numberFormat: string,
  s: NumberStyle,
): InputProblem {
  const d = formatDecimals(numberFormat);
  const shown = (w: NumberWriter) => `${w.fixed(v * 100, d.min, d.max)}%`;
  const what =
    kind === 'parScore'
      ? {
          vi: `số điểm${max !== undefined ? ` (từ 0 đến ${s.vi.num(max)})` : ''}`,
          en: `points${max !== undefined ? ` (0 to ${s.en.num(max)})` : ''}`,
        }
      : { vi: 'số lượng (số nguyên)', en: 'a count (a whole number)' };
  return problem('warning', 'percent-format', {
    vi: `Ô đang hiện ${shown(s.vi)} nhưng ô này nhận ${what.vi}, không nhận phần trăm. Nếu ý bạn là ${s.vi.num(v)}, đặt định dạng số của ô về "Chung" (General) để ô hiện ${s.vi.num(v)}; nếu không, nhập lại số đúng, không kèm dấu %.`,
    en: `The cell shows ${shown(s.en)} but takes ${what.en}, not a percentage. If you meant ${s.en.num(v)}, set the cell's number format to General so that it shows ${s.en.num(v)}; otherwise type the right number again, without a % sign.`,
  });
}

/** A number shown as a date: a date was pasted into a number cell. */
export function dateInNumber(v: number): InputProblem {
  const shown = serialToDate(v);
  return problem('error', 'date-in-number', {
    vi: `Ô đang hiện một ngày${shown ? ` (${shown})` : ''}, không phải số liệu: thường do dán dữ liệu. Đặt định dạng số của ô về "Số" (Number) rồi nhập lại số liệu.`,
    en: `The cell shows a date${shown ? ` (${shown})` : ''}, not a figure: usually from pasting. Set the cell's number format to Number and enter the figure again.`,
  });
}
