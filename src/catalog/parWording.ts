/**
 * What the PAR-list rules found (parCheck.ts), worded for the city's IT: Vietnamese first, English
 * second. Used where a list is checked for a person to read (the build step, `cchc catalog import`);
 * the pane only loads lists that passed the build, so it carries the rules and not these sentences.
 */
import type { ParListFinding } from './parCheck';

export interface ParListProblem extends ParListFinding {
  vi: string;
  en: string;
}

const vn = (n: string | number): string => String(n).replace('.', ',');
const FIELD: Record<string, { vi: string; en: string }> = {
  previousScore: { vi: 'Điểm năm trước', en: 'The previous year’s score' },
  target: { vi: 'Mục tiêu', en: 'The target' },
};

function text(p: ParListFinding): { vi: string; en: string } {
  const f = p.facts;
  const under = (id: string | number, lang: 'vi' | 'en'): string =>
    id === 'total' ? (lang === 'vi' ? 'TỔNG ĐIỂM' : 'TOTAL') : String(id);
  switch (p.rule) {
    case 'shape':
      return {
        vi: `Trường "${f.field}" thiếu, thừa hoặc sai kiểu (xem par-list.schema.json).`,
        en: `Field "${f.field}" is missing, unknown or of the wrong type (see par-list.schema.json).`,
      };
    case 'first-total':
      return { vi: 'Dòng đầu tiên phải là dòng TỔNG ĐIỂM.', en: 'The first row must be the TOTAL row.' };
    case 'duplicate-key':
      return { vi: `STT ${f.id} trùng với một dòng phía trên.`, en: `Number ${f.id} repeats a row above.` };
    case 'parent-missing':
      return {
        vi: `Không có dòng cha ${f.parent} phía trên dòng ${f.id}.`,
        en: `No parent row ${f.parent} above row ${f.id}.`,
      };
    case 'key-nesting':
      return {
        vi: `STT ${f.id} không nằm đúng dưới dòng ${under(f.parent, 'vi')} (mỗi cấp thêm một số: 1 → 1.1 → 1.1.1, tối đa ba cấp).`,
        en: `Number ${f.id} does not sit under row ${under(f.parent, 'en')} (each level adds one number: 1 → 1.1 → 1.1.1, three levels at most).`,
      };
    case 'stt':
      return f.synthetic
        ? {
            vi: `Dòng ${f.id} không có trong văn bản nên không có STT.`,
            en: `Row ${f.id} is not in the document, so it has no printed number.`,
          }
        : {
            vi: `STT in ra "${f.stt}" khác mã dòng ${f.id}.`,
            en: `The printed number "${f.stt}" differs from the row key ${f.id}.`,
          };
    case 'children':
      return {
        vi: `Danh sách dòng con của ${f.id} (${f.listed}) khác các dòng nhận nó là cha (${f.naming}).`,
        en: `The children listed for ${f.id} (${f.listed}) differ from the rows naming it as parent (${f.naming}).`,
      };
    case 'max-sum':
      return {
        vi: `Điểm tối đa ${vn(f.max)} khác tổng điểm tối đa của các dòng con (${vn(f.sum)}).`,
        en: `The maximum ${f.max} differs from the sum of its sub-rows' maxima (${f.sum}).`,
      };
    case 'total-100':
      return {
        vi: `Tổng điểm tối đa phải là 100, không phải ${vn(f.max)}.`,
        en: `The total maximum must be 100, not ${f.max}.`,
      };
    case 'negative':
      return {
        vi: `${FIELD[f.field].vi} ${vn(f.value)} là số âm.`,
        en: `${FIELD[f.field].en} ${f.value} is negative.`,
      };
    case 'over-max':
      return {
        vi: `${FIELD[f.field].vi} ${vn(f.value)} lớn hơn điểm tối đa ${vn(f.max)}.`,
        en: `${FIELD[f.field].en} ${f.value} exceeds the maximum ${f.max}.`,
      };
    case 'lead-missing':
      return { vi: 'Chưa có đơn vị chủ trì tham mưu.', en: 'No lead unit.' };
    case 'lead-unknown':
      return {
        vi: `Đơn vị chủ trì "${f.name}" chưa có trong danh mục đơn vị.`,
        en: `Lead unit "${f.name}" is not among the catalog's units.`,
      };
    case 'lead-text':
      return {
        vi: `Tên đơn vị chủ trì "${f.name}" không phải tên của đơn vị đã ghi.`,
        en: `The lead unit's name "${f.name}" is not the name of the unit given.`,
      };
    case 'parent-lead':
      return {
        vi: 'Dòng có dòng con mang đơn vị chủ trì chung của các dòng con (nếu có), không ghi tên riêng.',
        en: 'A row with sub-rows carries the lead its sub-rows share (if any), not a name of its own.',
      };
  }
}

/** The findings with their sentences. */
export function worded(findings: readonly ParListFinding[]): ParListProblem[] {
  return findings.map((p) => ({ ...p, ...text(p) }));
}
