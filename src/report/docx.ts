/**
 * The Word report of a unit, built with the `docx` library from a ReportModel, in the form Decree
 * 30/2020/NĐ-CP (Appendix I) sets for a BÁO CÁO: the header table, "BÁO CÁO" and its subject, the body
 * following Appendix 2's outline, "Nơi nhận" and the signature, then the appendices (Appendix 1's
 * tables, the PAR self-score; in the working draft the workbook's errors).
 *
 * Two drafts (draft.ts): the working draft keeps the guidance and the figures to cite, marked; the
 * clean draft is the document to send. Page geometry and typography: docxKit.ts; the form: docxForm.ts;
 * tables: docxTables.ts and docxAppendices.ts. A table too wide for a portrait page gets a landscape
 * section of its own; page numbers run on across sections.
 *
 * The library is passed in (`DocxLib`) so the task pane can load it only when the button is pressed.
 */
import type * as Docx from 'docx';
import type { ReportHeading, ReportModel } from './model';
import { appendixChunks, type Chunk } from './docxAppendices';
import {
  A4,
  LANDSCAPE_MARGIN,
  MARGIN,
  SIZE,
  bodyParagraph,
  documentStyles,
  mm,
  pageNumberHeader,
  runMaker,
  type Block,
  type DocxLib,
  type Run,
} from './docxKit';
import { letterheadTable, signatureBlock, titleBlock } from './docxForm';
import { DRAFTS, type Draft, type DraftKind } from './draft';

/** Working draft: where the unit has not written a heading yet; visible, so nobody sends it unnoticed. */
export const PLACEHOLDER = '[Chưa có nội dung – đơn vị nhập ở trang "Đề cương báo cáo"]';
/** Clean draft: the short placeholder an official replaces. */
export const CLEAN_PLACEHOLDER = '[Nội dung]';

function hint(lib: DocxLib, p: Run, text: string): Docx.Paragraph {
  return new lib.Paragraph({ style: 'Hint', children: [p(text, { italics: true, size: SIZE.hint })] });
}

function headingBlock(lib: DocxLib, h: ReportHeading, p: Run, draft: Draft): Docx.Paragraph[] {
  const out: Docx.Paragraph[] = [];
  const { row } = h;
  if (row.level === 0)
    out.push(
      new lib.Paragraph({
        heading: lib.HeadingLevel.HEADING_1,
        alignment: lib.AlignmentType.CENTER,
        spacing: { before: 240, after: 120 },
        children: [p(row.label, { bold: true })],
      }),
    );
  else
    out.push(
      new lib.Paragraph({
        heading: row.level === 3 ? lib.HeadingLevel.HEADING_3 : lib.HeadingLevel.HEADING_2,
        indent: { firstLine: mm(10) },
        spacing: { before: 60, after: 60 },
        children: [p(`${row.number} ${row.label}`, { bold: true, italics: row.level === 3 })],
      }),
    );
  if (draft.hints) for (const g of row.guidance) out.push(hint(lib, p, `[Gợi ý] ${g}`));
  if (h.text !== null) {
    if (h.text === '')
      out.push(
        bodyParagraph(lib, [p(draft.hints ? PLACEHOLDER : CLEAN_PLACEHOLDER, { italics: true, bold: draft.hints })]),
      );
    else for (const line of h.text.split('\n')) out.push(bodyParagraph(lib, [p(line)]));
  }
  if (draft.hints && row.leaf)
    for (const f of h.figures) {
      const v19 = f.values['2019'] || '…';
      const v20 = f.values['2020'] || '…';
      out.push(hint(lib, p, `[Số liệu] ${f.rowId}. ${f.label}: năm 2019: ${v19}; năm 2020 (đến 31/3): ${v20}`));
    }
  return out;
}

function bodyChunk(lib: DocxLib, model: ReportModel, p: Run, draft: Draft): Chunk {
  const blocks: Block[] = [letterheadTable(lib, model, p), ...titleBlock(lib, model, p)];
  if (draft.hints) {
    blocks.push(
      hint(
        lib,
        p,
        '[BẢN LÀM VIỆC] Các đoạn bắt đầu bằng [Gợi ý] và [Số liệu] giúp soạn nội dung, không thuộc báo cáo; báo cáo để gửi (nút "Xuất báo cáo (.docx)", hoặc lệnh cchc report --draft clean) không có chúng.',
      ),
    );
    for (const note of model.notes) blocks.push(hint(lib, p, `[Lưu ý] ${note}`));
  }
  for (const h of model.headings) blocks.push(...headingBlock(lib, h, p, draft));
  blocks.push(...signatureBlock(lib, model, p));
  return { landscape: false, blocks };
}

/** Consecutive chunks of one orientation share a section; a landscape table gets its own. */
function sections(lib: DocxLib, chunks: Chunk[]): Docx.ISectionOptions[] {
  const merged: Chunk[] = [];
  for (const c of chunks) {
    const last = merged[merged.length - 1];
    if (last && last.landscape === c.landscape) last.blocks.push(...c.blocks);
    else merged.push({ landscape: c.landscape, blocks: [...c.blocks] });
  }
  return merged.map((c, i) => ({
    properties: {
      // Page 1 has no number (titlePage gives it the empty "first" header).
      titlePage: i === 0,
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: c.landscape ? lib.PageOrientation.LANDSCAPE : lib.PageOrientation.PORTRAIT,
        },
        margin: c.landscape ? LANDSCAPE_MARGIN : MARGIN,
      },
    },
    headers:
      i === 0
        ? { default: pageNumberHeader(lib), first: new lib.Header({ children: [new lib.Paragraph({ children: [] })] }) }
        : { default: pageNumberHeader(lib) },
    children: c.blocks,
  }));
}

export function buildReportDocument(lib: DocxLib, model: ReportModel, kind: DraftKind = 'working'): Docx.Document {
  const draft = DRAFTS[kind];
  const p = runMaker(lib);
  const chunks = [bodyChunk(lib, model, p, draft), ...appendixChunks(lib, p, model, draft)];
  const unit = model.unit ?? '[Tên cơ quan, đơn vị]';
  return new lib.Document({
    creator: 'CCHC Hà Nội',
    title: `${model.source.title} – ${unit}${draft.hints ? ' (bản làm việc)' : ''}`,
    styles: documentStyles(),
    sections: sections(lib, chunks),
  });
}

/** The .docx bytes, in Node (Buffer) or in a browser (Blob → ArrayBuffer). */
export async function reportBytes(lib: DocxLib, model: ReportModel, kind: DraftKind = 'working'): Promise<Uint8Array> {
  const doc = buildReportDocument(lib, model, kind);
  const buffer = await lib.Packer.toArrayBuffer(doc);
  return new Uint8Array(buffer);
}
