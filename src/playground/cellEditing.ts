/**
 * The playground grid's editing conventions, as in Excel: the editor's state (typing vs F2), the
 * arrow keys, the text a cell shows in the formula bar and how a clipboard paste splits into
 * cells. Plain data and functions, kept apart from the React components that use them.
 */
import type { CellView } from '../memoryExcel';
import { cellAddress, parseRange } from '../layout/a1';

/** A selection move: [rows, columns]. */
export type Move = [number, number];

export interface Editor {
  address: string;
  draft: string;
  /** 'enter': started by typing (arrow keys commit and move, as in Excel); 'edit': F2 / double-click. */
  mode: 'enter' | 'edit';
}

export const ARROWS: Record<string, Move> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Text of a paste as rows of cells (tab-separated lines, a final newline ignored). */
export function clipboardRows(text: string): string[][] {
  const lines = text.replace(/(\r\n|\n|\r)$/, '').split(/\r\n|\n|\r/);
  return lines.map((line) => line.split('\t'));
}

/** The top-left cell of a selection (A1 when there is none). */
export function topLeft(selection: string | null): string {
  if (!selection) return 'A1';
  const r = parseRange(selection);
  return cellAddress(r.top, r.left);
}

/** What the formula bar shows for a cell: its formula, or its displayed text. */
export function editText(cell: CellView): string {
  return cell.formula ?? cell.text;
}
