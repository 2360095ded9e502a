/**
 * The form around the report's body (Decree 30/2020/NĐ-CP, Appendix I, for a BÁO CÁO):
 * - page 1's header table without borders: on the left the managing body (upper case, 12 pt) over
 *   the issuing body (upper case, bold, 12 pt) with a rule a third to a half of its length, and
 *   "Số: …/BC-…" below; on the right the Quốc hiệu (upper case, bold, 12 pt) over the Tiêu ngữ
 *   (bold, 13 pt) with a rule as long as it, and the place and date in italics below;
 * - the kind of document "BÁO CÁO" (bold, 14 pt) and its subject (bold, 14 pt) with a rule;
 * - at the end, "Nơi nhận:" with its list on the left and the signer's title with space for the
 *   signature and the name on the right.
 */
import type * as Docx from 'docx';
import type { ReportModel } from './model';
import { BLACK, SIZE, TEXT_WIDTH, centred, mm, type Block, type DocxLib, type Run } from './docxKit';

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
/** Columns of the header table (twips): the issuing body's side and the Quốc hiệu's side. */
export const HEADER_COLUMNS = [mm(62), TEXT_WIDTH.portrait - mm(62)] as const;

/** Rough width of a line of Times New Roman text (twips): half an em a character, a little more in bold capitals. */
function textWidth(text: string, halfPoints: number, capitals: boolean): number {
  const em = halfPoints * 10; // twips per em: half-points × 10
  return Math.round(text.length * em * (capitals ? 0.66 : 0.5));
}

/** An empty paragraph whose bottom border is a rule of `length` twips, centred in a cell of `cell` twips. */
function rule(lib: DocxLib, cell: number, length: number): Docx.Paragraph {
  const side = Math.max(0, Math.round((cell - length) / 2));
  return new lib.Paragraph({
    indent: { left: side, right: side },
    spacing: { after: 60 },
    border: { bottom: { style: lib.BorderStyle.SINGLE, size: 6, color: BLACK, space: 1 } },
    children: [new lib.TextRun({ text: '', size: 4 })],
  });
}

function noBorders(lib: DocxLib) {
  const none = { style: lib.BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
}

function formCell(lib: DocxLib, width: number, children: Docx.Paragraph[]): Docx.TableCell {
  const none = { style: lib.BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  return new lib.TableCell({
    width: { size: width, type: lib.WidthType.DXA },
    margins: { left: 0, right: 0 },
    borders: { top: none, bottom: none, left: none, right: none },
    children,
  });
}

export function letterheadTable(lib: DocxLib, model: ReportModel, p: Run): Docx.Table {
  const { letterhead } = model;
  const [left, right] = HEADER_COLUMNS;
  const issuing = letterhead.issuingBody;
  const longest = Math.max(...issuing.map((l) => textWidth(l, SIZE.header, true)));
  const leftCell: Docx.Paragraph[] = [
    ...(letterhead.managingBody ? [centred(lib, [p(letterhead.managingBody, { size: SIZE.header })])] : []),
    ...issuing.map((line) => centred(lib, [p(line, { bold: true, size: SIZE.header })])),
    rule(lib, left, Math.round(Math.min(longest, left) * 0.4)),
    centred(lib, [p(`Số: …/BC-${letterhead.symbol}`, { size: SIZE.body })], { before: 60 }),
  ];
  const rightCell: Docx.Paragraph[] = [
    centred(lib, [p(QUOC_HIEU, { bold: true, size: SIZE.header })]),
    new lib.Paragraph({
      alignment: lib.AlignmentType.CENTER,
      children: [p(TIEU_NGU, { bold: true, size: SIZE.body })],
    }),
    rule(lib, right, textWidth(TIEU_NGU, SIZE.body, false)),
    centred(lib, [p(`${letterhead.place}, ngày … tháng … năm …`, { italics: true, size: SIZE.body })], {
      before: 60,
    }),
  ];
  return new lib.Table({
    width: { size: left + right, type: lib.WidthType.DXA },
    columnWidths: [left, right],
    layout: lib.TableLayoutType.FIXED,
    borders: noBorders(lib),
    rows: [new lib.TableRow({ children: [formCell(lib, left, leftCell), formCell(lib, right, rightCell)] })],
  });
}

/** "BÁO CÁO", its subject and the rule under it. */
export function titleBlock(lib: DocxLib, model: ReportModel, p: Run): Docx.Paragraph[] {
  const subject = `Đánh giá kết quả và mức độ hoàn thành Kế hoạch cải cách hành chính giai đoạn 2016 - 2020 (Kế hoạch số 158/KH-UBND)`;
  return [
    centred(lib, [p('BÁO CÁO', { bold: true, size: SIZE.title })], { before: 360 }),
    centred(lib, [p(subject, { bold: true, size: SIZE.title })]),
    rule(lib, TEXT_WIDTH.portrait, mm(50)),
    new lib.Paragraph({
      alignment: lib.AlignmentType.JUSTIFIED,
      indent: { firstLine: mm(10) },
      spacing: { before: 120, after: 120 },
      children: [
        p(
          `Thực hiện Kế hoạch số ${model.source.plan} ngày ${model.source.date} của ${model.source.issuer} về tổng kết Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020 và Kế hoạch số 158/KH-UBND, ${model.unit ?? '[tên cơ quan, đơn vị]'} báo cáo như sau:`,
        ),
      ],
    }),
  ];
}

/** "Nơi nhận:" and its list on the left; the signer's title, the signature space and the name on the right. */
export function signatureBlock(lib: DocxLib, model: ReportModel, p: Run): Block[] {
  const [left, right] = [mm(75), TEXT_WIDTH.portrait - mm(75)];
  const recipients = [
    new lib.Paragraph({ children: [p('Nơi nhận:', { bold: true, italics: true, size: SIZE.header })] }),
    ...model.letterhead.recipients.map((r) => new lib.Paragraph({ children: [p(r, { size: SIZE.recipients })] })),
  ];
  const signer = [
    ...model.letterhead.signer.map((line) => centred(lib, [p(line, { bold: true })])),
    // The space for the signature and the seal: five empty lines.
    ...Array.from({ length: 5 }, () => new lib.Paragraph({ children: [] })),
    centred(lib, [p('[Họ và tên người ký]', { bold: true })]),
  ];
  return [
    new lib.Paragraph({ spacing: { before: 240 }, children: [] }),
    new lib.Table({
      width: { size: left + right, type: lib.WidthType.DXA },
      columnWidths: [left, right],
      layout: lib.TableLayoutType.FIXED,
      borders: noBorders(lib),
      rows: [
        new lib.TableRow({
          cantSplit: true,
          children: [formCell(lib, left, recipients), formCell(lib, right, signer)],
        }),
      ],
    }),
  ];
}
