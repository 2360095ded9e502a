/**
 * The typography and page geometry of the report, as Decree 30/2020/NĐ-CP (Appendix I) sets them for
 * administrative documents, and the small builders every part of the document uses.
 *
 * - A4 (210 × 297 mm); margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (the decree's ranges:
 *   20–25, 20–25, 30–35, 15–20). A landscape page keeps the binding edge wide: its top (the portrait
 *   page's left edge) 30 mm, bottom 15 mm, sides 20 mm (the decree is silent on landscape pages: guess).
 * - Times New Roman, black only; body 13 pt, first line indented 1 cm, 6 pt after a paragraph,
 *   line spacing 1.15 (the decree: single to 1.5 lines, at least 6 pt between paragraphs).
 * - Tables 12 pt; "Nơi nhận:" 12 pt bold italic, its list 11 pt.
 * - Page numbers in Arabic numerals, centred in the header, from page 2.
 */
import type * as Docx from 'docx';
import { cleanText } from './format';

export type DocxLib = typeof Docx;

export const FONT = 'Times New Roman';
export const BLACK = '000000';
/** Sizes in half-points. */
export const SIZE = { body: 26, heading: 26, title: 28, table: 24, header: 24, recipients: 22, hint: 22 } as const;

/** Twips (1/1440 inch) per millimetre. */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);

export const A4 = { width: mm(210), height: mm(297) };
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) };
export const LANDSCAPE_MARGIN = {
  top: mm(30),
  bottom: mm(15),
  left: mm(20),
  right: mm(20),
  header: mm(12),
  footer: mm(10),
};
/** Width of the text on a portrait and on a landscape page, in twips. */
export const TEXT_WIDTH = {
  portrait: A4.width - MARGIN.left - MARGIN.right,
  landscape: A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right,
} as const;

export interface RunOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}

export type Run = (text: string, options?: RunOptions) => Docx.TextRun;
export type Block = Docx.Paragraph | Docx.Table;

/**
 * A run, body size unless told. Font and colour come from the document's defaults (documentStyles:
 * Times New Roman, black), not repeated on each of the thousands of runs: the file stays small and
 * quick to pack.
 */
export function runMaker(lib: DocxLib): Run {
  return (text, options = {}) =>
    new lib.TextRun({
      text: cleanText(text),
      size: options.size === undefined || options.size === SIZE.body ? undefined : options.size,
      bold: options.bold,
      italics: options.italics,
      ...(options.underline ? { underline: { type: lib.UnderlineType.SINGLE, color: BLACK } } : {}),
    });
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
export function bodyParagraph(lib: DocxLib, children: Docx.ParagraphChild[]): Docx.Paragraph {
  return new lib.Paragraph({
    alignment: lib.AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { after: 120, line: 276 },
    children,
  });
}

export function centred(
  lib: DocxLib,
  children: Docx.ParagraphChild[],
  options: { after?: number; before?: number; pageBreakBefore?: boolean; keepNext?: boolean } = {},
): Docx.Paragraph {
  return new lib.Paragraph({
    alignment: lib.AlignmentType.CENTER,
    spacing: { after: options.after ?? 0, before: options.before ?? 0 },
    pageBreakBefore: options.pageBreakBefore,
    keepNext: options.keepNext,
    children,
  });
}

/**
 * The document's styles: every paragraph style black Times New Roman (Word's own heading styles are
 * blue Calibri Light; these replace them), headings kept with the text that follows.
 */
export function documentStyles(): Docx.IStylesOptions {
  const heading = (id: string, name: string, size: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: BLACK },
    paragraph: { spacing: { before: 120, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: { run: { font: FONT, size: SIZE.body, color: BLACK }, paragraph: { spacing: { after: 0 } } },
      heading1: { run: { font: FONT, size: SIZE.heading, bold: true, color: BLACK } },
      heading2: { run: { font: FONT, size: SIZE.heading, bold: true, color: BLACK } },
      heading3: { run: { font: FONT, size: SIZE.heading, bold: true, italics: true, color: BLACK } },
      heading4: { run: { font: FONT, color: BLACK } },
      heading5: { run: { font: FONT, color: BLACK } },
      heading6: { run: { font: FONT, color: BLACK } },
      title: { run: { font: FONT, size: SIZE.title, bold: true, color: BLACK } },
      hyperlink: { run: { color: BLACK } },
    },
    paragraphStyles: [
      // Word's "caption" style is blue-grey: black like the rest (the style is unused, but listed in Word).
      { id: 'Caption', name: 'caption', basedOn: 'Normal', run: { font: FONT, italics: true, color: BLACK } },
      heading('Heading1', 'Heading 1', SIZE.heading),
      heading('Heading2', 'Heading 2', SIZE.heading),
      heading('Heading3', 'Heading 3', SIZE.heading),
      {
        id: 'Hint',
        name: 'Gợi ý (bản làm việc)',
        basedOn: 'Normal',
        run: { font: FONT, size: SIZE.hint, italics: true, color: BLACK },
        paragraph: { spacing: { after: 60 }, indent: { left: mm(5) } },
      },
    ],
  };
}

/** Header of every page but the first: the page number, centred. */
export function pageNumberHeader(lib: DocxLib): Docx.Header {
  return new lib.Header({
    children: [
      new lib.Paragraph({
        alignment: lib.AlignmentType.CENTER,
        children: [new lib.TextRun({ children: [lib.PageNumber.CURRENT], font: FONT, size: SIZE.body, color: BLACK })],
      }),
    ],
  });
}
