/**
 * Tables that fit the page: each column as wide as its content needs (a wide label column, narrow
 * figure columns), the header rows repeated on every page, no row split across two pages, and a
 * landscape page for a table whose figure columns leave the label too little room on a portrait page.
 * Widths are set in the grid and in every cell, with a fixed layout, so Word and LibreOffice lay the
 * table out alike.
 */
import type * as Docx from 'docx';
import { BLACK, SIZE, TEXT_WIDTH, mm, type DocxLib, type Run } from './docxKit';

export interface GridColumn {
  header: string;
  /** An upper header spanning this and the next columns of the same group. */
  group?: string;
  /** Twips. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface GridRow {
  cells: string[];
  bold?: boolean;
  /** One cell across the whole table (a group's heading). */
  span?: boolean;
}

export interface Grid {
  columns: GridColumn[];
  rows: GridRow[];
  landscape: boolean;
}

/** Twips of a character of 12 pt Times New Roman, on average (bold in headers), and a cell's padding. */
const CHAR = 120;
const HEADER_CHAR = 130;
const CELL_MARGIN = 72;
const PADDING = 2 * CELL_MARGIN + 40;
export const STT_WIDTH = mm(12);
/** Below this the label column of a portrait table is too narrow to read: the table goes landscape. */
export const MIN_LABEL = mm(55);
/** Widths of a figure column, padding included. */
const MIN_FIGURE = mm(14);
const MAX_FIGURE = mm(32);

/**
 * The width a figure column needs: its longest cell, and its header in at most three lines (or, where
 * the page has no room for that, its longest header word), within bounds.
 */
export function figureWidth(header: string, cells: readonly string[], compact = false): number {
  const word = Math.max(...header.split(/\s+/).map((w) => w.length));
  const lines = compact ? word : Math.max(word, Math.ceil(header.length / 3));
  const cell = Math.max(0, ...cells.map((c) => c.length)) * CHAR;
  return Math.min(MAX_FIGURE, Math.max(MIN_FIGURE, Math.max(lines * HEADER_CHAR, cell) + PADDING));
}

/**
 * STT, a label column and figure columns: the figures as wide as they need, the label the rest of
 * the page; landscape when a portrait page leaves the label less than MIN_LABEL.
 */
export function layoutGrid(
  label: string,
  figures: { header: string; group?: string; cells: string[] }[],
  rows: GridRow[],
  sttHeader = 'STT',
): Grid {
  const sttCells = rows.filter((r) => !r.span).map((r) => r.cells[0] ?? '');
  const stt = Math.max(STT_WIDTH, Math.max(0, ...sttCells.map((c) => c.length)) * CHAR + PADDING);
  const sum = (ws: number[]) => stt + ws.reduce((a, b) => a + b, 0);
  let widths = figures.map((f) => figureWidth(f.header, f.cells));
  let landscape = TEXT_WIDTH.portrait - sum(widths) < MIN_LABEL;
  if (landscape) {
    const compact = figures.map((f) => figureWidth(f.header, f.cells, true));
    const room = TEXT_WIDTH.portrait - sum(compact) - MIN_LABEL;
    if (room >= 0) {
      // Portrait after all: the headers get what the label can spare, shared in proportion.
      const want = sum(widths) - sum(compact);
      widths = compact.map((c, k) => c + Math.floor(((widths[k] - c) * room) / want));
      landscape = false;
    } else if (TEXT_WIDTH.landscape - sum(widths) < MIN_LABEL) widths = compact;
  }
  const used = sum(widths);
  const page = landscape ? TEXT_WIDTH.landscape : TEXT_WIDTH.portrait;
  return {
    landscape,
    rows,
    columns: [
      { header: sttHeader, width: stt, align: 'center' },
      { header: label, width: page - used, align: 'left' },
      ...figures.map((f, i) => ({ header: f.header, group: f.group, width: widths[i], align: 'center' as const })),
    ],
  };
}

function cell(
  lib: DocxLib,
  p: Run,
  text: string,
  width: number,
  options: {
    bold?: boolean;
    align?: GridColumn['align'];
    span?: number;
    vMerge?: 'restart' | 'continue';
    keepNext?: boolean;
  } = {},
): Docx.TableCell {
  // Left is the paragraph's default: not written on each cell.
  const alignment =
    options.align === 'center'
      ? lib.AlignmentType.CENTER
      : options.align === 'right'
        ? lib.AlignmentType.RIGHT
        : undefined;
  return new lib.TableCell({
    width: { size: width, type: lib.WidthType.DXA },
    columnSpan: options.span,
    verticalAlign: lib.VerticalAlign.CENTER,
    ...(options.vMerge
      ? {
          verticalMerge: options.vMerge === 'restart' ? lib.VerticalMergeType.RESTART : lib.VerticalMergeType.CONTINUE,
        }
      : {}),
    children: text.split('\n').map(
      (line) =>
        new lib.Paragraph({
          alignment,
          keepNext: options.keepNext,
          children: [p(line, { bold: options.bold, size: SIZE.table })],
        }),
    ),
  });
}

function headerRows(lib: DocxLib, p: Run, columns: GridColumn[]): Docx.TableRow[] {
  const grouped = columns.some((c) => c.group);
  if (!grouped)
    return [
      new lib.TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c) => cell(lib, p, c.header, c.width, { bold: true, align: 'center' })),
      }),
    ];
  const top: Docx.TableCell[] = [];
  const bottom: Docx.TableCell[] = [];
  for (let i = 0; i < columns.length;) {
    const c = columns[i];
    if (!c.group) {
      top.push(cell(lib, p, c.header, c.width, { bold: true, align: 'center', vMerge: 'restart' }));
      bottom.push(cell(lib, p, '', c.width, { vMerge: 'continue' }));
      i++;
      continue;
    }
    let j = i;
    let width = 0;
    while (j < columns.length && columns[j].group === c.group) {
      bottom.push(cell(lib, p, columns[j].header, columns[j].width, { bold: true, align: 'center' }));
      width += columns[j].width;
      j++;
    }
    top.push(cell(lib, p, c.group, width, { bold: true, align: 'center', span: j - i }));
    i = j;
  }
  return [
    new lib.TableRow({ tableHeader: true, cantSplit: true, children: top }),
    new lib.TableRow({ tableHeader: true, cantSplit: true, children: bottom }),
  ];
}

export function gridTable(lib: DocxLib, p: Run, grid: Grid): Docx.Table {
  const { columns } = grid;
  const total = columns.reduce((a, c) => a + c.width, 0);
  const line = { style: lib.BorderStyle.SINGLE, size: 4, color: BLACK };
  return new lib.Table({
    width: { size: total, type: lib.WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: lib.TableLayoutType.FIXED,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, marginUnitType: lib.WidthType.DXA },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    rows: [
      ...headerRows(lib, p, columns),
      ...grid.rows.map(
        (r) =>
          new lib.TableRow({
            cantSplit: true,
            children: r.span
              ? // A group's heading stays on the page of its first row.
                [cell(lib, p, r.cells[0], total, { bold: r.bold, span: columns.length, keepNext: true })]
              : r.cells.map((c, i) => cell(lib, p, c, columns[i].width, { bold: r.bold, align: columns[i].align })),
          }),
      ),
    ],
  });
}
