/**
 * The worksheet-scoped name CCHC_FLAGS: an array constant of the addresses the last validation
 * flagged. The plan's 'flagged' conditional format tests membership in it, so marking and
 * unmarking cells is one name write per sheet and never touches officials' own formatting.
 */
import type { Bilingual, Finding } from '../engine/types';
import { parseCell } from '../layout/a1';

export const FLAGS_NAME = 'CCHC_FLAGS';
/** An array with one empty text: matches no cell, keeps the rule's formula valid. */
export const EMPTY_FLAGS = '={""}';
/** Excel's limit on the length of a formula (a name's formula included). */
export const FORMULA_LIMIT = 8192;

export interface FlagsFormula {
  formula: string;
  /** Addresses written, in row-then-column order. */
  cells: string[];
  /** Addresses that did not fit under the limit (only the first ones are marked). */
  left: number;
}

/**
 * Findings worth a mark in the sheet: errors and warnings on one input cell. Whole-row and
 * whole-sheet findings (column null: a missing or copied row, the template version) point at A1 or
 * at the hidden key column, outside the input area the 'flagged' rule covers: they would mark
 * nothing and only use up the name's length limit, so they are left out (the task pane lists them).
 */
export function flaggedCells(findings: Finding[]): string[] {
  const cells = new Set<string>();
  for (const f of findings) {
    if (f.severity === 'info' || f.column === null) continue;
    const cell = f.cell.replace(/\$/g, '').toUpperCase();
    if (/^[A-Z]{1,3}\d+$/.test(cell)) cells.add(cell);
  }
  return [...cells].sort((a, b) => {
    const x = parseCell(a);
    const y = parseCell(b);
    return x.row - y.row || x.col - y.col;
  });
}

/** `={"D7","E9"}`, cut to the first addresses that fit under Excel's formula limit. */
export function flagsFormula(cells: string[], limit = FORMULA_LIMIT): FlagsFormula {
  if (cells.length === 0) return { formula: EMPTY_FLAGS, cells: [], left: 0 };
  const kept: string[] = [];
  let length = '={}'.length;
  for (const c of cells) {
    const add = c.length + 2 + (kept.length ? 1 : 0);
    if (length + add > limit) break;
    kept.push(c);
    length += add;
  }
  return { formula: `={${kept.map((c) => `"${c}"`).join(',')}}`, cells: kept, left: cells.length - kept.length };
}

/** The addresses a CCHC_FLAGS formula holds (empty for `={""}` or anything unreadable). */
export function parseFlags(formula: string | null | undefined): string[] {
  if (!formula) return [];
  const out: string[] = [];
  for (const m of formula.matchAll(/"([A-Z]{1,3}\d+)"/g)) out.push(m[1]);
  return out;
}

export function truncationNote(sheet: string, kept: number, left: number): Bilingual {
  return {
    vi: `Trang "${sheet}": chỉ tô màu ${kept} ô đầu tiên có lỗi; ${left} ô khác vượt giới hạn 8.192 ký tự của công thức Excel — xem danh sách trong khung tác vụ.`,
    en: `Sheet "${sheet}": only the first ${kept} flagged cells are marked; ${left} more exceed Excel’s 8,192-character formula limit — see the list in the task pane.`,
  };
}
