/**
 * The sources record as a table of plain values: which file and unit every figure came from,
 * which cells were left out and why, which were read after normalisation, and the PAR merge
 * (scores taken from lead units, conflicts left to the official). The CLI writes it with styles
 * on "Nguồn số liệu"; the pane writes the same rows into the open workbook.
 */
import { latestParList, TEMPLATE_VERSION } from '../catalog';
import type { Consolidation, Lang, ParClaim, ParMerged, SourceCell } from './types';

export { SOURCES_SHEET } from './sourcesSheet';

export type SourceValue = string | number;

export interface SourcesSection {
  title: string;
  header: string[];
  rows: SourceValue[][];
}

export interface SourcesTable {
  title: string;
  intro: string;
  sections: SourcesSection[];
}

function fileNotes(consolidation: Consolidation, lang: Lang): string[] {
  const vi = lang === 'vi';
  return consolidation.sources.map((s) => {
    const notes: string[] = [];
    if (s.status === 'unreadable') notes.push((vi ? 'Không đọc được: ' : 'Not read: ') + (s.message ?? ''));
    else if (s.status === 'refused') notes.push((vi ? 'Không tổng hợp: ' : 'Not consolidated: ') + (s.message ?? ''));
    else if (s.status === 'no-appendix1')
      notes.push(vi ? 'Không có trang Phụ lục 1 nào: không tổng hợp.' : 'No Appendix 1 sheet: nothing consolidated.');
    else notes.push(vi ? 'Đã tổng hợp' : 'Consolidated');
    if (!s.reporterFromCell && s.status !== 'unreadable')
      notes.push(
        vi
          ? 'Ô "Cơ quan, đơn vị báo cáo" trống: dùng tên tệp.'
          : 'The reporting-unit cell is empty: the file name is used.',
      );
    if (s.duplicates.length)
      notes.push(
        vi
          ? `Trang trùng biểu mẫu, không dùng: ${s.duplicates.join(', ')}.`
          : `Duplicate template sheets, not used: ${s.duplicates.join(', ')}.`,
      );
    return notes.join(' ');
  });
}

/** Who chose (unknown: the pane's official), when, and which other scores there were. */
function chosenNote(m: ParMerged, claims: readonly ParClaim[], consolidation: Consolidation, lang: Lang): string {
  const vi = lang === 'vi';
  const at = new Date(m.chosen?.at ?? '');
  const day = Number.isNaN(at.getTime()) ? (m.chosen?.at ?? '') : at.toLocaleDateString(vi ? 'vi-VN' : 'en-GB');
  const others = claims
    .filter((c) => c.rowKey === m.rowKey && c.source !== m.source)
    .map((c) => `${c.score ?? ''} (${consolidation.sources[c.source].unit})`)
    .join('; ');
  const evidence = m.evidence ? (vi ? ` Tài liệu kiểm chứng: ${m.evidence}.` : ` Evidence: ${m.evidence}.`) : '';
  const cli = m.chosen?.by === 'cli';
  return vi
    ? `Xung đột, điểm được chọn ${cli ? 'bằng lệnh cchc consolidate --choose' : 'trong ngăn CCHC'} ngày ${day}; các điểm khác: ${others || '(không có)'}.${evidence}`
    : `Conflict, score chosen ${cli ? 'with cchc consolidate --choose' : 'in the CCHC pane'} on ${day}; other scores: ${others || '(none)'}.${evidence}`;
}

export const SOURCES_TITLES = [
  'NGUỒN SỐ LIỆU CỦA BẢNG TỔNG HỢP PHỤ LỤC 1',
  'SOURCES OF THE APPENDIX 1 CONSOLIDATION',
] as const;

export function sourcesTable(consolidation: Consolidation, lang: Lang, by: string, date: Date): SourcesTable {
  const vi = lang === 'vi';
  const notes = fileNotes(consolidation, lang);
  const cellTable = <T extends SourceCell>(
    title: string,
    own: [string, string],
    cells: readonly T[],
    values: (c: T) => SourceValue[],
  ): SourcesSection => ({
    title,
    header: [
      ...(vi
        ? ['STT', 'Tệp', 'Đơn vị', 'Trang', 'Ô', 'Mã dòng', 'Cột']
        : ['No.', 'File', 'Unit', 'Sheet', 'Cell', 'Row key', 'Column']),
      ...own,
    ],
    rows: cells.map((c, i) => {
      const s = consolidation.sources[c.source];
      return [i + 1, s.file, s.unit, c.sheet, c.cell, c.rowKey, c.column, ...values(c)];
    }),
  });
  const sections: SourcesSection[] = [
    {
      title: vi ? '1. Các tệp và đơn vị' : '1. Files and units',
      header: vi
        ? [
            'STT',
            'Tệp',
            'Đơn vị báo cáo',
            'Trang biểu mẫu đã dùng',
            'Số ô đã dùng',
            'Số ô bị loại',
            'Phiên bản',
            'Tình trạng',
          ]
        : [
            'No.',
            'File',
            'Reporting unit',
            'Template sheets used',
            'Cells used',
            'Cells left out',
            'Version',
            'Status',
          ],
      rows: consolidation.sources.map((s, i) => [
        i + 1,
        s.file,
        s.unit,
        s.sheets.map((x) => x.sheet).join('\n'),
        s.sheets.reduce((n, x) => n + x.used, 0),
        s.sheets.reduce((n, x) => n + x.leftOut, 0),
        s.version ?? '',
        notes[i],
      ]),
    },
    cellTable(
      vi ? '2. Các ô bị loại khỏi bảng tổng hợp' : '2. Cells left out of the consolidation',
      vi ? ['Giá trị', 'Lý do'] : ['Value', 'Reason'],
      consolidation.leftOut,
      (l) => [String(l.value ?? ''), l.reason],
    ),
    cellTable(
      vi
        ? '3. Giá trị đã được đọc lại theo đúng định dạng (vẫn được tổng hợp)'
        : '3. Values read after normalisation (still consolidated)',
      vi ? ['Giá trị gốc', 'Đọc là'] : ['As entered', 'Read as'],
      consolidation.normalised,
      (n) => [String(n.from ?? ''), n.to],
    ),
  ];
  const par = consolidation.par;
  const parYear = consolidation.parYear ?? latestParList().year;
  if (par) {
    const unit = (source: number) => consolidation.sources[source].unit;
    sections.push({
      title: vi
        ? '4. Chỉ số CCHC: điểm lấy từ tệp của đơn vị chủ trì, và các xung đột cần cán bộ xử lý'
        : '4. PAR: scores taken from the lead unit’s file, and conflicts for the official',
      header: vi
        ? ['STT', 'Tiêu chí', 'Kết quả', `Điểm ${parYear}`, 'Đơn vị', 'Tệp', 'Ghi chú']
        : ['No.', 'Criterion', 'Outcome', `${parYear} score`, 'Unit', 'File', 'Note'],
      rows: [
        ...par.merged.map((m) => [
          m.rowKey,
          m.chosen ? (vi ? 'Đã chọn' : 'Chosen') : vi ? 'Đã lấy' : 'Taken',
          m.score ?? '',
          unit(m.source),
          consolidation.sources[m.source].file,
          m.chosen ? chosenNote(m, par.claims, consolidation, lang) : m.evidence,
        ]),
        ...par.conflicts.map((c) => [
          c.rowKey,
          vi ? 'Xung đột' : 'Conflict',
          c.claims.map((x) => x.score ?? '').join('; '),
          c.claims.map((x) => unit(x.source)).join('; '),
          c.claims.map((x) => consolidation.sources[x.source].file).join('; '),
          c.message,
        ]),
      ].map((r, i) => [i + 1, ...r]),
    });
  }
  const made = date.toLocaleDateString(vi ? 'vi-VN' : 'en-GB');
  return {
    title: SOURCES_TITLES[vi ? 0 : 1],
    intro: vi
      ? `Lập ngày ${made} bằng ${by}, biểu mẫu phiên bản ${TEMPLATE_VERSION}. Giá trị không hợp lệ không được cộng vào tổng (xem bảng 2). Điểm Chỉ số CCHC không cộng giữa các đơn vị: mỗi tiêu chí lấy điểm từ tệp của đơn vị chủ trì.`
      : `Made on ${made} by ${by}, template version ${TEMPLATE_VERSION}. Invalid values are not added to the totals (see table 2). PAR scores are not added across units: each criterion takes the score from its lead unit’s file.`,
    sections,
  };
}
