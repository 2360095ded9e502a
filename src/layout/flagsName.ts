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
 *
 * Sheets of later versions mark cells in a hidden helper column instead (flagColumn.ts); this
 * format, and the rules below that read it, stay for the sheets inserted by versions up to 2.x.
 */
import type { FlaggedCell } from './flaggedCell';

export const FLAGS_NAME = 'CCHC_FLAGS';
/** An array with one empty text: matches no cell, keeps the rule's formula valid. */
export const EMPTY_FLAGS = '={""}';
/** Excel's limit on the length of a formula (a name's formula included). */
export const FORMULA_LIMIT = 8192;

/**
 * Membership of the evaluated cell in the sheet's CCHC_FLAGS list: every cell a check flagged is
 * listed by its address ("D7"), whatever the severity, so that a sheet inserted before warnings
 * had a colour of their own, with only this rule, still marks them all.
 */
export const FLAGGED_FORMULA = `=ISNUMBER(MATCH(ADDRESS(ROW(),COLUMN(),4),${FLAGS_NAME},0))`;

/**
 * A cell whose findings are warnings only is also listed with this prefix ("w:D7"). Neither the
 * prefix nor an address holds MATCH's wildcards (~ * ?), so the exact match stays exact.
 */
export const WARNING_FLAG_PREFIX = 'w:';

/** The prefixed entry of the evaluated cell: listed before the 'flagged' rule, it wins there. */
export const FLAGGED_WARNING_FORMULA = `=ISNUMBER(MATCH("${WARNING_FLAG_PREFIX}"&ADDRESS(ROW(),COLUMN(),4),${FLAGS_NAME},0))`;

export interface FlagsFormula {
  formula: string;
  /** Cells written, in the order given. */
  cells: FlaggedCell[];
  /** Cells that did not fit under the limit (only the first ones are marked). */
  left: number;
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
