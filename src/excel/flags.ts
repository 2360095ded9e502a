/**
 * The worksheet-scoped name CCHC_FLAGS: an array constant of the cells the last validation
 * flagged. The plan's 'flagged' and 'flaggedWarning' conditional formats test membership in it,
 * so marking and unmarking cells is one name write per sheet and never touches officials' own
 * formatting.
 *
 * Every flagged cell is listed by its address ("D7"); a cell whose findings are all warnings is
 * listed a second time with a prefix ("w:D7"): `={"D7","E9","w:E9"}` marks D7 as an error and E9
 * as a warning. The plain entry keeps a sheet inserted before warnings had their own colour (its
 * only rule is 'flagged', which matches the plain address) marking every flagged cell, in that
 * rule's one colour, until "Chèn biểu mẫu" brings the second rule.
 */
import type { Bilingual, Finding } from '../engine/types';
import { parseCell } from '../layout/a1';
import { WARNING_FLAG_PREFIX } from '../layout/rules';

export const FLAGS_NAME = 'CCHC_FLAGS';
/** An array with one empty text: matches no cell, keeps the rule's formula valid. */
export const EMPTY_FLAGS = '={""}';
/** Excel's limit on the length of a formula (a name's formula included). */
export const FORMULA_LIMIT = 8192;

/** A cell to mark, with the colour it takes: 'error' when any of its findings is an error. */
export interface FlaggedCell {
  cell: string;
  severity: 'error' | 'warning';
}

export interface FlagsFormula {
  formula: string;
  /** Cells written, in the order given. */
  cells: FlaggedCell[];
  /** Cells that did not fit under the limit (only the first ones are marked). */
  left: number;
}

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

/** The array entries of one cell: its address, and the prefixed one too for a warning. */
function entries(c: FlaggedCell): string[] {
  return c.severity === 'warning' ? [c.cell, WARNING_FLAG_PREFIX + c.cell] : [c.cell];
}

/**
 * `={"D7","E9","w:E9"}`, cut to the first cells that fit under Excel's formula limit (a cell's
 * entries are kept or dropped together, so no warning is cut to a plain error mark).
 */
export function flagsFormula(cells: FlaggedCell[], limit = FORMULA_LIMIT): FlagsFormula {
  if (cells.length === 0) return { formula: EMPTY_FLAGS, cells: [], left: 0 };
  const kept: FlaggedCell[] = [];
  const written: string[] = [];
  let length = '={}'.length;
  for (const c of cells) {
    const more = entries(c);
    const add = more.reduce((n, e, i) => n + e.length + 2 + (written.length + i > 0 ? 1 : 0), 0);
    if (length + add > limit) break;
    kept.push(c);
    written.push(...more);
    length += add;
  }
  return {
    formula: `={${written.map((e) => `"${e}"`).join(',')}}`,
    cells: kept,
    left: cells.length - kept.length,
  };
}

/** One entry: `"D7"` or `"w:D7"` (the prefix holds no character special to a RegExp). */
const ENTRY = new RegExp(`"(${WARNING_FLAG_PREFIX})?([A-Z]{1,3}\\d+)"`, 'g');

/**
 * The cells a CCHC_FLAGS formula holds, in the order of their first entry (empty for `={""}` or
 * anything unreadable). A list written before warnings were told apart has plain addresses only:
 * its cells read as errors, as that list marked them.
 */
export function parseFlags(formula: string | null | undefined): FlaggedCell[] {
  if (!formula) return [];
  const cells = new Map<string, FlaggedCell['severity']>();
  for (const m of formula.matchAll(ENTRY)) {
    const cell = m[2];
    if (m[1]) cells.set(cell, 'warning');
    else if (!cells.has(cell)) cells.set(cell, 'error');
  }
  return [...cells].map(([cell, severity]) => ({ cell, severity }));
}

export function truncationNote(sheet: string, kept: number, left: number): Bilingual {
  return {
    vi: `Trang "${sheet}": chỉ tô màu ${kept} ô đầu tiên có lỗi; ${left} ô khác vượt giới hạn 8.192 ký tự của công thức Excel — xem danh sách trong khung tác vụ.`,
    en: `Sheet "${sheet}": only the first ${kept} flagged cells are marked; ${left} more exceed Excel’s 8,192-character formula limit — see the list in the task pane.`,
  };
}
