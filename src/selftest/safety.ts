/**
 * Whether this workbook may be used for the self-test: only a new, unshared, empty one, because
 * the scenarios write template sheets and the probes try what Excel refuses. Everything Office.js
 * can tell is asked in one request; what it cannot tell is said in the result, not guessed.
 *
 * What can be known, and from where:
 * - a view-only user: `Office.context.document.mode` (Office.DocumentMode) and `Workbook.readOnly`
 *   (ExcelApi 1.8);
 * - others in the workbook now: `Workbook.getIsActiveCollabSession()` (ExcelApi 1.9; the typings
 *   warn of "some delay" before it changes). Below 1.9 nothing in Office.js says so. Who the other
 *   people are, or whether someone opens the workbook during the run, no API tells: the clean-up
 *   therefore deletes only the sheets the self-test itself created, by id (cleanup.ts);
 * - empty: one sheet, with no used range (values or formats: `getUsedRangeOrNullObject(false)`).
 */
import type { ExcelRun } from '../excel';
import type { Bilingual } from '../engine/types';

/** Why the workbook is refused; more than one reason may hold. */
export type RefusalReason = 'api' | 'read-only' | 'shared' | 'several-sheets' | 'not-empty';

export interface Refusal extends Bilingual {
  reasons: RefusalReason[];
  /** The sheets that make the run unsafe (the other sheets, or the non-empty ones). */
  sheets: string[];
}

export interface SafetyCheck {
  refused: Refusal | null;
  /** What Office.js could not tell here, in English for the IT staff who read the JSON. */
  cannotTell: string[];
}

export interface SafetyInputs {
  run: ExcelRun;
  supports(set: string, version: string): boolean;
  /** `Office.context.document.mode` ('ReadOnly' | 'ReadWrite'), or null when the host does not say. */
  documentMode: string | null;
}

const REASON_TEXT: Record<Exclude<RefusalReason, 'api'>, (sheets: string) => Bilingual> = {
  'read-only': () => ({
    vi: 'sổ đang mở ở chế độ chỉ xem',
    en: 'the workbook is open view-only',
  }),
  shared: () => ({
    vi: 'có người khác đang mở sổ này cùng lúc (đồng soạn thảo)',
    en: 'someone else has this workbook open (co-authoring)',
  }),
  'several-sheets': (sheets) => ({
    vi: `sổ có nhiều hơn một trang (${sheets})`,
    en: `the workbook has more than one sheet (${sheets})`,
  }),
  'not-empty': (sheets) => ({
    vi: `có trang không trống (${sheets})`,
    en: `a sheet is not empty (${sheets})`,
  }),
};

const NO_API: Refusal = {
  vi: 'Excel này không có bộ API ExcelApi 1.8 mà add-in CCHC cần: add-in sẽ không chạy ở đây. Hãy cập nhật Office hoặc dùng Excel trên web.',
  en: 'This Excel lacks ExcelApi 1.8, which the CCHC add-in needs: the add-in will not run here. Update Office or use Excel on the web.',
  reasons: ['api'],
  sheets: [],
};

const quoted = (sheets: string[]) => sheets.map((s) => `"${s}"`).join(', ');

/** Reads what can be read (one request) and says whether, and why, the self-test must not run here. */
export async function checkSafety(inputs: SafetyInputs): Promise<SafetyCheck> {
  const cannotTell = [
    'Who else may open this workbook during the run: no Office.js API says; the clean-up deletes only the sheets the self-test created, by id.',
  ];
  if (!inputs.supports('ExcelApi', '1.8')) return { refused: NO_API, cannotTell };
  const collab = inputs.supports('ExcelApi', '1.9');
  if (!collab)
    cannotTell.push(
      'Whether others have this workbook open now: Workbook.getIsActiveCollabSession needs ExcelApi 1.9, which this Excel lacks.',
    );
  if (inputs.documentMode === null)
    cannotTell.push('Office.context.document.mode: this host does not say (Workbook.readOnly was asked instead).');

  const seen = await inputs.run(async (ctx) => {
    const wb = ctx.workbook;
    wb.load('readOnly');
    const sheets = wb.worksheets;
    sheets.load('items/name');
    const shared = collab ? wb.getIsActiveCollabSession() : null;
    await ctx.sync();
    const used = sheets.items.map((s) => {
      const r = s.getUsedRangeOrNullObject(false);
      r.load('address');
      return r;
    });
    await ctx.sync();
    return {
      readOnly: wb.readOnly,
      shared: shared ? shared.value : null,
      sheets: sheets.items.map((s) => s.name),
      nonEmpty: sheets.items.filter((_s, i) => !used[i].isNullObject).map((s) => s.name),
    };
  });

  const reasons: Exclude<RefusalReason, 'api'>[] = [];
  let sheets: string[] = [];
  if (inputs.documentMode === 'ReadOnly' || seen.readOnly) reasons.push('read-only');
  if (seen.shared) reasons.push('shared');
  if (seen.sheets.length > 1) {
    reasons.push('several-sheets');
    sheets = seen.sheets;
  }
  if (seen.nonEmpty.length > 0) {
    reasons.push('not-empty');
    sheets = [...new Set([...sheets, ...seen.nonEmpty])];
  }
  if (reasons.length === 0) return { refused: null, cannotTell };
  const parts = reasons.map((r) => REASON_TEXT[r](quoted(r === 'not-empty' ? seen.nonEmpty : seen.sheets)));
  return {
    refused: {
      vi: `Tự kiểm tra không chạy trên sổ này vì ${parts.map((p) => p.vi).join('; ')}. Nó chỉ chạy trên một sổ làm việc mới, trống, một trang, không chia sẻ với ai, để không động tới số liệu thật: hãy tạo sổ mới (Tệp › Mới › Sổ làm việc trống) rồi chạy lại.`,
      en: `The self-test does not run in this workbook because ${parts.map((p) => p.en).join('; ')}. It runs only in a new, blank, one-sheet workbook shared with no one, so that real data is never touched: create one (File › New › Blank workbook) and run it again.`,
      reasons,
      sheets,
    },
    cannotTell,
  };
}
