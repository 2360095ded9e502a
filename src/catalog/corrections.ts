/**
 * Typos of the source document corrected in the catalog, each kept beside its correction: what
 * Plan 28/KH-UBND printed, what the templates say instead, and why. Officials read the corrected
 * text (sheets, pane, report); `cchc catalog --corrections` lists this record, so anyone can hold
 * a template against the published plan. Applying a correction whose source text is no longer in
 * its row fails loudly: the record never claims a correction that was not made.
 */
import type { Appendix1Template } from './types';

export interface Correction {
  /** The catalog row whose label is corrected ('VIII.4'). */
  where: string;
  /** The words as the source prints them. */
  source: string;
  /** The words the catalog uses instead. */
  corrected: string;
  why: { vi: string; en: string };
}

export const CORRECTIONS: readonly Correction[] = [
  {
    where: 'III.3',
    source: 'Công/ Trang Thông tin điện tử',
    corrected: 'Cổng/Trang Thông tin điện tử',
    why: {
      vi: 'Thiếu dấu hỏi và thừa dấu cách: văn bản nói về Cổng/Trang thông tin điện tử, nơi công khai thủ tục hành chính.',
      en: 'A missing tone mark and a stray space: the text means the web portal or page (Cổng/Trang) where procedures are published.',
    },
  },
  {
    where: 'VII.8',
    source: 'Số cơ chuyên môn',
    corrected: 'Số cơ quan chuyên môn',
    why: {
      vi: 'Thiếu chữ "quan": các dòng cùng bảng viết "Số cơ quan chuyên môn cấp TP".',
      en: 'The word "quan" is missing: the rows of the same table say "Số cơ quan chuyên môn cấp TP" (specialised agencies).',
    },
  },
  {
    where: 'VIII.4',
    source: 'Chuyên giao',
    corrected: 'Chuyển giao',
    why: {
      vi: 'Thiếu dấu hỏi: mục tiêu là chuyển giao cho xã hội những việc cơ quan nhà nước không nên làm.',
      en: 'A missing tone mark: the goal is to transfer (chuyển giao) to society the work the state should not do.',
    },
  },
];

/** The templates with every correction made in its row's label; throws if a source text is not found. */
export function applyCorrections(templates: Appendix1Template[]): Appendix1Template[] {
  for (const c of CORRECTIONS) {
    const row = templates.flatMap((t) => t.tables.flatMap((tb) => tb.rows)).find((r) => r.id === c.where);
    if (!row || !row.label.includes(c.source))
      throw new Error(`Correction of ${c.where}: "${c.source}" is not in the row's label`);
    row.label = row.label.replace(c.source, c.corrected);
  }
  return templates;
}
