/**
 * The Word draft of a unit's report, built with the `docx` library from a ReportModel: title block,
 * Appendix 2's headings in order with the unit's text (a visible placeholder where none was written)
 * and the figures to cite, the Section VIII table with assessments and suggestions, the Appendix 1
 * tables, and an annex of the workbook's errors and warnings when there are any.
 *
 * Each Part and each annex starts on a new page. Vietnamese official documents use Times New Roman;
 * the text is in Vietnamese, the language of the report.
 *
 * The library is passed in (`DocxLib`) so the task pane can load it only when the button is pressed.
 */
import type * as Docx from 'docx';
import type { Finding } from '../engine/types';
import type { ReportHeading, ReportModel, ReportTable } from './model';
import { cleanText } from './model';

export type DocxLib = typeof Docx;

/** Shown where the unit has not written a heading yet: visible, so nobody sends it unnoticed. */
export const PLACEHOLDER = '[Chưa có nội dung – đơn vị nhập ở trang "Đề cương báo cáo"]';
const FONT = 'Times New Roman';
/** Half-points: 13 pt body, as official documents use. */
const BODY_SIZE = 26;
const SMALL_SIZE = 20;

export function buildReportDocument(lib: DocxLib, model: ReportModel): Docx.Document {
  const { Document, Paragraph, TextRun, AlignmentType, HeadingLevel } = lib;
  const p = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) =>
    new TextRun({ text: cleanText(text), font: FONT, size: options.size ?? BODY_SIZE, ...options });
  const centred = (text: string, bold = false, pageBreakBefore = false): Docx.Paragraph =>
    new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore, children: [p(text, { bold })] });

  const children: (Docx.Paragraph | Docx.Table)[] = [];
  const unit = model.unit ?? '[Tên cơ quan, đơn vị]';
  children.push(
    centred(unit.toUpperCase(), true),
    centred(`Hà Nội, ngày … tháng … năm 2020`),
    new Paragraph({ text: '' }),
    centred('BÁO CÁO', true),
    centred(model.source.title, true),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        p(
          `(Theo đề cương kèm theo Kế hoạch số ${model.source.plan} ngày ${model.source.date} của ${model.source.issuer}; gửi UBND Thành phố qua Sở Nội vụ trước ngày ${model.source.deadline})`,
          { italics: true },
        ),
      ],
    }),
  );
  for (const note of model.notes)
    children.push(new Paragraph({ children: [p(`Lưu ý: ${note}`, { italics: true, color: 'C00000' })] }));

  for (const h of model.headings) children.push(...headingBlock(lib, h, p));

  children.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [p('PHỤ LỤC: ĐÁNH GIÁ MỨC ĐỘ THỰC HIỆN CÁC MỤC TIÊU (MỤC VIII, PHỤ LỤC 1)', { bold: true })],
    }),
    goalsTable(lib, model, p),
  );
  for (const t of model.tables) children.push(...appendixTable(lib, t, p));
  if (model.findings.length > 0) children.push(...findingsAnnex(lib, model.findings, model.counts, p));

  return new Document({
    creator: 'CCHC Hà Nội',
    title: `${model.source.title} – ${unit}`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [{ children }],
  });
}

type Run = (
  text: string,
  options?: { bold?: boolean; italics?: boolean; size?: number; color?: string },
) => Docx.TextRun;

function headingBlock(lib: DocxLib, h: ReportHeading, p: Run): Docx.Paragraph[] {
  const { Paragraph, HeadingLevel } = lib;
  const out: Docx.Paragraph[] = [];
  const { row } = h;
  const level = [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][row.level];
  const title = row.level === 0 ? row.label : `${row.number} ${row.label}`;
  out.push(
    new Paragraph({
      heading: level,
      // Each Part starts a page: the report is read and filed Part by Part.
      pageBreakBefore: row.level === 0,
      alignment: row.level === 0 ? lib.AlignmentType.CENTER : undefined,
      children: [p(title, { bold: true })],
    }),
  );
  for (const g of row.guidance)
    out.push(new Paragraph({ children: [p(`(Gợi ý: ${g})`, { italics: true, size: SMALL_SIZE, color: '595959' })] }));
  if (h.text !== null) {
    if (h.text === '') out.push(new Paragraph({ children: [p(PLACEHOLDER, { italics: true, color: 'C00000' })] }));
    else for (const line of h.text.split('\n')) out.push(new Paragraph({ children: [p(line)] }));
  }
  if (row.leaf && h.figures.length > 0) {
    out.push(new Paragraph({ children: [p('Số liệu liên quan (Phụ lục 1):', { italics: true, size: SMALL_SIZE })] }));
    for (const f of h.figures) {
      const v19 = f.values['2019'] || '…';
      const v20 = f.values['2020'] || '…';
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [p(`${f.rowId}. ${f.label}: năm 2019: ${v19}; năm 2020 (đến 31/3): ${v20}`, { size: SMALL_SIZE })],
        }),
      );
    }
  }
  return out;
}

function cell(lib: DocxLib, text: string, p: Run, options: { bold?: boolean; shade?: boolean } = {}): Docx.TableCell {
  return new lib.TableCell({
    children: [new lib.Paragraph({ children: [p(text, { bold: options.bold, size: SMALL_SIZE })] })],
    ...(options.shade ? { shading: { fill: 'D9D9D9', type: lib.ShadingType.CLEAR, color: 'auto' } } : {}),
  });
}

function table(lib: DocxLib, header: string[], rows: { cells: string[]; bold?: boolean }[], p: Run): Docx.Table {
  return new lib.Table({
    width: { size: 100, type: lib.WidthType.PERCENTAGE },
    rows: [
      new lib.TableRow({
        tableHeader: true,
        children: header.map((h) => cell(lib, h, p, { bold: true, shade: true })),
      }),
      ...rows.map((r) => new lib.TableRow({ children: r.cells.map((c) => cell(lib, c, p, { bold: r.bold })) })),
    ],
  });
}

function goalsTable(lib: DocxLib, model: ReportModel, p: Run): Docx.Table {
  const rows = model.goals.map((g) => {
    const official = g.official === null ? '(không có trang VIII)' : g.official || '(chưa đánh giá)';
    const suggestion = g.suggestion ? `${g.suggestion}: ${g.evidence?.vi ?? ''}` : `Không gợi ý: ${g.reason?.vi ?? ''}`;
    return { cells: [`${g.number}.`, g.label, official, suggestion] };
  });
  return table(lib, ['STT', 'Các mục tiêu cải cách', 'Đánh giá của đơn vị', 'Gợi ý từ số liệu Phụ lục 1'], rows, p);
}

function appendixTable(lib: DocxLib, t: ReportTable, p: Run): (Docx.Paragraph | Docx.Table)[] {
  const title =
    t.table.caption && t.table.id !== t.template.id
      ? `${t.template.id}. ${t.template.title} – ${t.table.caption}`
      : `${t.template.id}. ${t.template.title}`;
  const out: (Docx.Paragraph | Docx.Table)[] = [
    new lib.Paragraph({
      heading: lib.HeadingLevel.HEADING_2,
      pageBreakBefore: t.table.id === 'I',
      children: [p(t.table.id === 'I' ? `PHỤ LỤC 1 (SỐ LIỆU THỐNG KÊ) – ${title}` : title, { bold: true })],
    }),
  ];
  if (!t.present)
    out.push(new lib.Paragraph({ children: [p('(Sổ làm việc không có trang này.)', { italics: true })] }));
  out.push(
    table(
      lib,
      t.header,
      t.rows.map((r) => ({ cells: [r.stt, r.label, ...r.cells], bold: r.strong })),
      p,
    ),
  );
  return out;
}

function findingsAnnex(
  lib: DocxLib,
  findings: readonly Finding[],
  counts: ReportModel['counts'],
  p: Run,
): (Docx.Paragraph | Docx.Table)[] {
  const label = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Lưu ý' } as const;
  return [
    new lib.Paragraph({
      heading: lib.HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [p('PHỤ LỤC: CÁC LỖI VÀ CẢNH BÁO CỦA SỔ LÀM VIỆC', { bold: true })],
    }),
    new lib.Paragraph({
      children: [
        p(
          `Khi xuất báo cáo, sổ làm việc còn ${counts.error} lỗi và ${counts.warning} cảnh báo. Hãy sửa trước khi gửi báo cáo chính thức.`,
          { italics: true },
        ),
      ],
    }),
    table(
      lib,
      ['Mức độ', 'Trang', 'Ô', 'Nội dung'],
      findings.map((f) => ({ cells: [label[f.severity], f.sheet, f.cell, f.message.vi] })),
      p,
    ),
  ];
}

/** The .docx bytes, in Node (Buffer) or in a browser (Blob → ArrayBuffer). */
export async function reportBytes(lib: DocxLib, model: ReportModel): Promise<Uint8Array> {
  const doc = buildReportDocument(lib, model);
  const buffer = await lib.Packer.toArrayBuffer(doc);
  return new Uint8Array(buffer);
}
