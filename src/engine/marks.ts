/**
 * The marks a check puts in the sheet: which of its findings mark a cell, with which colour, and
 * what the official is told when not all of them fit in the sheet's list of marks.
 */
import type { FlaggedCell } from '../layout/flaggedCell';
import { parseCell } from '../layout/a1';
import type { Bilingual, Finding } from './types';

/**
 * Findings worth a mark in the sheet: errors and warnings on one input cell, once per cell, in
 * row-then-column order. Whole-row and whole-sheet findings (column null: a missing or copied
 * row, the template version) point at A1 or at the hidden key column, outside the input area the
 * 'flagged' rule covers: they would mark nothing and only use up the name's length limit, so they
 * are left out (the task pane lists them).
 */
export function flaggedCells(findings: Finding[]): FlaggedCell[] {
  const cells = new Map<string, FlaggedCell['severity']>();
  for (const f of findings) {
    if (f.severity === 'info' || f.column === null) continue;
    const cell = f.cell.replace(/\$/g, '').toUpperCase();
    if (!/^[A-Z]{1,3}\d+$/.test(cell)) continue;
    // An error outranks a warning on the same cell, whichever comes first.
    if (cells.get(cell) !== 'error') cells.set(cell, f.severity);
  }
  return [...cells]
    .map(([cell, severity]) => ({ cell, severity }))
    .sort((a, b) => {
      const x = parseCell(a.cell);
      const y = parseCell(b.cell);
      return x.row - y.row || x.col - y.col;
    });
}

export function truncationNote(sheet: string, kept: number, left: number): Bilingual {
  return {
    vi: `Trang "${sheet}": chỉ tô màu ${kept} ô đầu tiên có lỗi; ${left} ô khác vượt giới hạn 8.192 ký tự của công thức Excel — xem danh sách trong khung tác vụ.`,
    en: `Sheet "${sheet}": only the first ${kept} flagged cells are marked; ${left} more exceed Excel’s 8,192-character formula limit — see the list in the task pane.`,
  };
}
