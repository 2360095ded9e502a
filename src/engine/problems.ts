/**
 * What the engine says about a cell, the message and fix label of every verdict of parse.ts, in
 * both languages; here the shared helpers and the verdicts on text, words, errors and formulas.
 * Numbers: numberProblems.ts. Rules for the wording, in both:
 * - say what the official sees in the cell and what to type, never how Excel stores it (a percent
 *   cell holding 85 "shows 8500,0%", not "holds 85 where 0…1 is expected");
 * - write numbers in the user's style (format.ts): with the decimal separator of their Excel when
 *   the host knows it, and say so when a text uses the other separator;
 * - a value in a percent cell is named as a percentage (85%), as the cell shows it.
 */
import { quote } from './format';
import type { NumberStyle, NumberWriter } from './format';
import type { CellKind, InputProblem } from './parse';
import { FAIL, PASS } from './text';
import type { Bilingual, FindingCode, Fix, Severity } from './types';

export function problem(severity: Severity, code: FindingCode, message: Bilingual, fix?: Fix): InputProblem {
  return fix ? { severity, code, message, fix } : { severity, code, message };
}

/**
 * The same problem with its proposed value as a suggestion: a judgement (what the official meant, a
 * formula over a typed number) that a person applies one at a time, never a mechanical fix.
 */
export function suggestion(severity: Severity, code: FindingCode, message: Bilingual, value: Fix): InputProblem {
  return { severity, code, message, suggestion: value };
}

export function asSuggestion(p: InputProblem): InputProblem {
  if (!p.fix) return p;
  return { severity: p.severity, code: p.code, message: p.message, suggestion: p.fix };
}

export function fixTo(value: string | number | null, vi: string, en: string): Fix {
  return { value, description: { vi, en } };
}

/** A value as the cell of this kind shows it once fixed: a percentage in a percent cell (0.85 → 85%). */
export function valueText(v: number, kind: CellKind, w: NumberWriter): string {
  return kind === 'percent' ? w.pct(v) : w.num(v);
}

export function spacesOnly(raw: string): InputProblem {
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
// Đạt / Không đạt, 1/0

export function passFailVariant(raw: string, target: string): InputProblem {
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

export function passFailInvalid(raw: unknown): InputProblem {
  return problem('error', 'passfail-invalid', {
    vi: `${quote(raw)} không hợp lệ: ô này chỉ nhận "${PASS}" hoặc "${FAIL}".`,
    en: `${quote(raw)} is not valid: this cell takes only "${PASS}" (achieved) or "${FAIL}" (not achieved).`,
  });
}

/** "có" / "không" in a 1/0 cell. */
export function flagWordProblem(raw: string, word: 0 | 1): InputProblem {
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

/** TRUE / FALSE in a 1/0 cell. */
export function flagLogical(raw: boolean): InputProblem {
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

// ---------------------------------------------------------------------------------------------
// Excel errors, groups, formats, dates, formulas

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

/** The Excel error a text is ('#REF!'…), upper-cased, or null. */
export function excelError(raw: string): string | null {
  if (raw.charCodeAt(0) !== 35 /* # */ || raw.length > 14) return null;
  const key = raw.toUpperCase();
  return Object.prototype.hasOwnProperty.call(EXCEL_ERRORS, key) ? key : null;
}

export function excelErrorProblem(error: string): InputProblem {
  const what = EXCEL_ERRORS[error];
  return problem('error', 'excel-error', {
    vi: `Ô chứa lỗi Excel ${error} (${what.vi}). Nhập lại giá trị đúng.`,
    en: `The cell holds the Excel error ${error} (${what.en}). Enter the correct value.`,
  });
}

export function valueInGroup(raw: unknown): InputProblem {
  return problem('error', 'value-in-group', {
    vi: `Dòng tiêu đề nhóm không nhận số liệu (đang có ${quote(raw)}): nhập số liệu vào các dòng chi tiết bên dưới.`,
    en: `A group heading row takes no value (it holds ${quote(raw)}): enter figures in the detail rows below it.`,
  });
}

export function dateText(raw: string): InputProblem {
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
  s: NumberStyle,
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
      : `thay công thức bằng giá trị ${typeof keep === 'number' ? valueText(keep, kind, s.vi) : quote(keep)}`;
  const en =
    value === null
      ? 'clear the formula'
      : `replace the formula by its value ${typeof keep === 'number' ? valueText(keep, kind, s.en) : quote(keep)}`;
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
