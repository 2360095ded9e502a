/**
 * Data validation and conditional formats per kind of input. Formulas are relative to the
 * top-left cell of the range they cover. Validations use constants only, so an adapter may apply
 * them to the whole range or cell by cell with the same result.
 *
 * Excel evaluates every argument of OR/AND, and a comparison with an error value or text gives
 * an error or a misleading TRUE, so the 'invalid' formulas test error → blank → type in nested IFs.
 */
import { latestParList } from '../catalog/parLists';
import type { RowKind } from '../catalog/types';
import type { ConditionalFormatPlan, ConditionalPurpose, DecimalSeparator, ValidationPlan } from './types';

/** Excel's limits for data-validation texts. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;

export const PASS = 'Đạt';
export const FAIL = 'Không đạt';

/**
 * Colours of the rules, each purpose its own fill. Text on fill is at least 4.5:1 (WCAG AA):
 * invalid 5.9:1, flagged 5.6:1, flaggedWarning 5.9:1, belowTarget 4.7:1, formulaOverwritten
 * 7.9:1. As in the task pane, errors are red and warnings orange: a check's error ('flagged') is
 * a deeper red than the live 'invalid' rule's, in bold, so that removing the marks visibly
 * changes it; a check's warning is orange, well apart from belowTarget's yellow and from both
 * reds (CIE76 ΔE ≈ 29 from the yellow, 38 and 46 from the reds). The warnings the sheet draws
 * itself are pale and not bold, so that a check's mark over them stands out: a stated total
 * unlike its parts ('sumMismatch') pale orange with brown text (6.5:1), a score without evidence
 * ('evidenceMissing') pale pink with plum text (7.9:1, checked by test/layout/rules.test.ts).
 */
export const CF_FORMATS: Record<ConditionalPurpose, ConditionalFormatPlan['format']> = {
  invalid: { fill: '#FFC7CE', fontColor: '#9C0006' },
  belowTarget: { fill: '#FFEB9C', fontColor: '#9C5700' },
  formulaOverwritten: { fill: '#E4DFEC', fontColor: '#5B2C6F', bold: true },
  flagged: { fill: '#FF9999', fontColor: '#7A0000', bold: true },
  flaggedWarning: { fill: '#FFB366', fontColor: '#6B2E00', bold: true },
  sumMismatch: { fill: '#FCE4D6', fontColor: '#843C0C' },
  evidenceMissing: { fill: '#FCE4EC', fontColor: '#880E4F' },
};

/** Number format of an input cell by kind. */
export const INPUT_FORMATS: Record<Exclude<RowKind, 'group'> | 'meta', string> = {
  count: '#,##0',
  percent: '0.0%',
  flag: '0',
  passfail: '@',
  text: '@',
  meta: '@',
};

/** Scores, maxima and targets of the PAR list: at least one decimal, at most the three scores use. */
export const SCORE_FORMAT = '0.0##';

type InputKind = Exclude<RowKind, 'group'> | 'meta';

/**
 * The validation of an input range of this kind, or null where any text is acceptable. Its texts
 * hold whole numbers and percentages only (0, 1, 85%, 100%), the same whatever the user's decimal
 * separator, so it takes none (test/layout/rules.test.ts keeps every plan's prompts to that).
 */
export function validationFor(kind: InputKind, range: string): ValidationPlan | null {
  switch (kind) {
    case 'count':
      return {
        range,
        type: 'wholeNumber',
        operator: 'greaterThanOrEqualTo',
        min: 0,
        prompt: { title: 'Số lượng', message: 'Nhập số nguyên không âm (0, 1, 2, …). Để trống nếu chưa có số liệu.' },
        error: { title: 'Số lượng không hợp lệ', message: 'Chỉ nhập số nguyên lớn hơn hoặc bằng 0.', style: 'stop' },
      };
    case 'percent':
      return {
        range,
        type: 'decimal',
        operator: 'between',
        min: 0,
        max: 1,
        prompt: {
          title: 'Tỷ lệ (%)',
          message: 'Nhập tỷ lệ, ví dụ 85% (từ 0% đến 100%). Để trống nếu chưa có số liệu.',
        },
        error: {
          title: 'Tỷ lệ không hợp lệ',
          message: 'Tỷ lệ phải từ 0% đến 100%. Nhập kèm dấu %, ví dụ 85%.',
          style: 'stop',
        },
      };
    case 'flag':
      return {
        range,
        type: 'wholeNumber',
        operator: 'between',
        min: 0,
        max: 1,
        prompt: { title: 'Có/Không', message: '1 = Có, 0 = Không.' },
        error: { title: 'Giá trị không hợp lệ', message: 'Chỉ nhập 1 (Có) hoặc 0 (Không).', style: 'stop' },
      };
    case 'passfail':
      return {
        range,
        type: 'list',
        list: [PASS, FAIL],
        prompt: { title: 'Đánh giá', message: `Chọn "${PASS}" hoặc "${FAIL}" trong danh sách.` },
        error: { title: 'Đánh giá không hợp lệ', message: `Chỉ chọn "${PASS}" hoặc "${FAIL}".`, style: 'stop' },
      };
    case 'text':
    case 'meta':
      return null;
  }
}

/**
 * The validation of PAR leaf scores whose maximum is `max`; its prompt and alert write the maximum
 * with `separator`, the decimal separator of the Excel the sheet is inserted from ("0 đến 1.5" for
 * an Excel that takes 1.5: the official types what the prompt shows); its title names the list's `year`.
 */
export function parScoreValidation(
  range: string,
  max: number,
  separator: DecimalSeparator = ',',
  year: number = latestParList().year,
): ValidationPlan {
  return {
    range,
    type: 'decimal',
    operator: 'between',
    min: 0,
    max,
    prompt: {
      title: `Điểm tự chấm năm ${year}`,
      message: `Nhập điểm từ 0 đến ${formatScore(max, separator)} (điểm tối đa), tối đa 3 chữ số thập phân.`,
    },
    error: {
      title: 'Điểm không hợp lệ',
      message: `Điểm phải là số từ 0 đến ${formatScore(max, separator)} (điểm tối đa của tiêu chí).`,
      style: 'stop',
    },
  };
}

/** A score with this decimal separator: 1,5 as Vietnamese writes it (the default), or 1.5. */
export function formatScore(n: number, separator: DecimalSeparator = ','): string {
  return separator === ',' ? String(n).replace('.', ',') : String(n);
}

/** TRUE for an error, FALSE for blank, otherwise `whenNumber` for numbers and TRUE for text. */
function numeric(x: string, whenNumber: string): string {
  return `=IF(ISERROR(${x}),TRUE,IF(${x}="",FALSE,IF(ISNUMBER(${x}),${whenNumber},TRUE)))`;
}

/** The 'invalid' formula for an input of this kind whose top-left cell is `x` (e.g. 'D7'). */
export function invalidFormula(kind: InputKind, x: string): string {
  switch (kind) {
    case 'count':
      return numeric(x, `OR(${x}<0,${x}<>INT(${x}))`);
    case 'percent':
      return numeric(x, `OR(${x}<0,${x}>1)`);
    case 'flag':
      return numeric(x, `AND(${x}<>0,${x}<>1)`);
    case 'passfail':
      // EXACT because = compares text without regard to case ("đạt" would pass).
      return `=IF(ISERROR(${x}),TRUE,IF(${x}="",FALSE,NOT(OR(EXACT(${x},"${PASS}"),EXACT(${x},"${FAIL}")))))`;
    case 'text':
    case 'meta':
      // Any text is acceptable; only an error value (#REF! after a paste) is not.
      return `=ISERROR(${x})`;
  }
}

/** A heading row takes no values: anything in its cells is flagged. */
export function groupValueFormula(x: string): string {
  return `=NOT(ISBLANK(${x}))`;
}

/** PAR leaf score at `g` with the row's maximum in column D of the same row. */
export function parScoreInvalidFormula(g: string, row: number): string {
  return numeric(g, `OR(${g}<0,${g}>$D${row},ROUND(${g},3)<>${g})`);
}

/**
 * Below target: compared after rounding to the scores' three decimals, because a parent's SUM
 * of decimals such as 7+1.3 may land a hair below the published target it equals.
 */
export function belowTargetFormula(scoreCell: string, targetCell: string): string {
  return `=AND(ISNUMBER(${scoreCell}),ROUND(${scoreCell}-${targetCell},3)<0)`;
}

/**
 * A PAR leaf scored above 0 whose evidence cell `l` is empty: the engine's 'evidence-missing'
 * finding (engine/par.ts) for a score stored as a valid number (0 < score ≤ the row's maximum in
 * column D, at most three decimals). A score typed as text the engine can read ("0,9") is not a
 * number to a formula: the 'invalid' rule marks the score, and the pane lists the evidence.
 * TRIM removes spaces only; the engine also counts other blank characters as empty (guess: rare).
 */
export function evidenceMissingFormula(g: string, l: string, row: number): string {
  return `=IF(ISNUMBER(${g}),IF(ISERROR(${l}),FALSE,AND(${g}>0,${g}<=$D${row},ROUND(${g},3)=${g},TRIM(${l})="")),FALSE)`;
}

/** A PAR parent's score must stay a formula. ISFORMULA: Excel 2013+, LibreOffice. */
export function formulaOverwrittenFormula(g: string): string {
  return `=NOT(ISFORMULA(${g}))`;
}

export function conditionalFormat(purpose: ConditionalPurpose, range: string, formula: string): ConditionalFormatPlan {
  return { purpose, range, formula, format: { ...CF_FORMATS[purpose] } };
}
