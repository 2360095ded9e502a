/**
 * Rows of a plan that sit elsewhere in the sheet (someone sorted or inserted rows): where each
 * plan row is now, by its key, and a plan formula rewritten for those rows.
 */
import type { SheetPlan } from '../layout/types';
import type { SnapshotReader } from './snapshotReader';

/** Which sheet row holds each plan row, for a sheet whose rows moved (by key; plan row if absent). */
export function rowMap(plan: SheetPlan, reader: SnapshotReader): Map<number, number> {
  const keyRows = reader.keyRows();
  const map = new Map<number, number>();
  for (const r of plan.rows) map.set(r.row, keyRows.get(r.key) ?? r.row);
  return map;
}

/**
 * Rewrites the row numbers of same-sheet references in a plan formula for rows that moved:
 * `=IF(COUNT(G8,G9)=2,…)` with 8→12 becomes `=IF(COUNT(G12,G9)=2,…)`. Text in quotes is kept.
 */
export function remapFormula(formula: string, rows: Map<number, number>): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
            (m, d1: string, col: string, d2: string, row: string) => {
              const to = rows.get(Number(row));
              return to === undefined ? m : `${d1}${col}${d2}${to}`;
            },
          ),
    )
    .join('');
}
