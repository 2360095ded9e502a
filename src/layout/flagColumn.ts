/**
 * The marks of "Kiểm tra dữ liệu" as plain text in one hidden helper column per template sheet
 * (FLAG_COLUMN), one cell per row: `|4|w6|` marks the row's cell in column 4 (D) as an error and
 * the one in column 6 (F) as a warning. The sheet's 'flagged' and 'flaggedWarning' rules look the
 * evaluated cell's column number up in its row's helper cell with FIND (exact and without
 * wildcards, unlike SEARCH; fast-formula-parser's SEARCH even reads "|" as a RegExp's "or").
 *
 * Why not a name holding an array constant (`={"D7","E9"}`, the store of versions up to 2.x,
 * still read on sheets inserted by them: flagsName.ts): a name's formula is parsed with the system's
 * list separator (";" on a Vietnamese Windows, office-js #2891), so the constant is refused there,
 * and a formula stops at 8,192 characters, so a long list was cut. Plain text in cells holds no
 * separator and has no overall limit (a cell holds 32,767 characters; a row holds at most a few
 * dozen marks). A rule's formula written through the API is read in en-US whatever the locale
 * (`ConditionalFormulaRule.formula`: "in A1-style notation", en-US like Range.formulas; guess that
 * the locale-free form applies to rules as to ranges, as the typings document for Range.formulas).
 */

/** Column U: right of every template's columns (the widest ends at O), inside the read window A1:U390. */
export const FLAG_COLUMN = 'U';
export const FLAG_COLUMN_NUMBER = 21;
/** The plan's id of the column (ColumnPlan.columnId) and a width, which matters only once someone unhides it. */
export const FLAG_COLUMN_ID = 'flags';
export const FLAG_COLUMN_WIDTH = 12;

export const WARNING_MARK = 'w';

/** What the helper cell of a row holds: `|4|w6|` ('' for no mark). Columns in ascending order. */
export function rowFlagText(marks: readonly { col: number; severity: 'error' | 'warning' }[]): string {
  if (marks.length === 0) return '';
  const sorted = [...marks].sort((a, b) => a.col - b.col);
  return `|${sorted.map((m) => (m.severity === 'warning' ? WARNING_MARK : '') + m.col).join('|')}|`;
}

/** A helper cell's text the add-in could have written ('' included); anything else is someone's. */
export function isRowFlagText(value: unknown): value is string {
  return typeof value === 'string' && /^(\|(w?\d{1,5}\|)+)?$/.test(value);
}

/** The marks a helper cell holds (none for '' or for anything the add-in did not write). */
export function parseRowFlagText(value: unknown): { col: number; severity: 'error' | 'warning' }[] {
  if (!isRowFlagText(value) || value === '') return [];
  return value
    .slice(1, -1)
    .split('|')
    .map((m) =>
      m.startsWith(WARNING_MARK)
        ? { col: Number(m.slice(1)), severity: 'warning' }
        : { col: Number(m), severity: 'error' },
    );
}

/** The rule's test for the evaluated cell, written for the top-left cell (row `top`) of its range. */
export function flagColumnFormula(top: number, severity: 'error' | 'warning'): string {
  const prefix = severity === 'warning' ? WARNING_MARK : '';
  return `=ISNUMBER(FIND("|${prefix}"&COLUMN()&"|",$${FLAG_COLUMN}${top}))`;
}
