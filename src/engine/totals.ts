/**
 * Appendix 1 totals as live formulas: where each sum relation's total cell is now, and the
 * formula over its parts as they now stand (rows found by key, wherever they were moved). One
 * rule for every host: the Excel adapter writes these formulas into blank totals, and the
 * validator accepts exactly these formulas in a total's input cell.
 */
import { sumOfPartsFormula } from '../layout/common';
import { sheetContext, type SheetContext } from './sheet';
import { tableOf } from './tables';
import type { SheetSnapshot } from './types';

export interface TotalFormula {
  /** The total's cell, e.g. 'D9'. */
  cell: string;
  rowKey: string;
  columnId: string;
  /** `=IF(COUNT(parts)=n,SUM(parts),"")` over the parts' cells. */
  formula: string;
}

const byContext = new WeakMap<SheetContext, Map<string, TotalFormula>>();

/** Every sum total of the sheet whose rows are all present, by cell (computed once per context). */
export function totalFormulasOf(ctx: SheetContext): Map<string, TotalFormula> {
  const known = byContext.get(ctx);
  if (known) return known;
  const out = new Map<string, TotalFormula>();
  for (const check of ctx.table.relations) {
    const rel = check.relation;
    if (rel.kind !== 'sum') continue;
    const rows = check.specs.map((s) => ctx.first[s.index]);
    if (rows.some((r) => r < 0)) continue;
    for (const column of check.columns) {
      const cells = check.specs.map((s, i) => `${s.inputs[column.slots[i]].letter}${ctx.row0 + rows[i]}`);
      out.set(cells[0], {
        cell: cells[0],
        rowKey: rel.total,
        columnId: column.columnId,
        formula: sumOfPartsFormula(cells.slice(1)),
      });
    }
  }
  byContext.set(ctx, out);
  return out;
}

export function totalFormulas(snapshot: SheetSnapshot): TotalFormula[] {
  return [...totalFormulasOf(sheetContext(snapshot, tableOf(snapshot))).values()];
}

/** Formula text as Excel may give it back: no spaces, upper case. */
export function sameFormula(a: string, b: string): boolean {
  const norm = (f: string) => f.replace(/\s+/g, '').toUpperCase();
  return norm(a) === norm(b);
}
