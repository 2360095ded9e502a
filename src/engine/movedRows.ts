/**
 * Rows of a plan that sit elsewhere in the sheet (someone sorted or inserted rows): a plan formula
 * with each reference to a keyed row moved to where that key now is, by key only — never to the
 * row's planned position. The one rule, used by the engine's check of computed cells
 * (computed.ts) and by the totals button's restore (excel/ops/totals.ts).
 */
import type { SheetPlan } from '../layout/types';
import type { SnapshotReader } from './snapshotReader';

/**
 * A string literal (kept), a reference qualified by a sheet name (kept: it points at another sheet),
 * or a plain A1 reference (moved with its row's key). Function names such as LOG10( are not references.
 */
const REF =
  /("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)|(?<![A-Za-z0-9_.!])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])/g;

/**
 * `formula` with each plain reference to plan row p rewritten to `where(p)`: a sheet row, undefined
 * for a plan row that holds no key (kept as written), null for a keyed row that is gone — then the
 * whole formula is null (it cannot be restored without guessing).
 */
export function moveFormulaRows(formula: string, where: (planRow: number) => number | null | undefined): string | null {
  let ok = true;
  const moved = formula.replace(
    REF,
    (
      m: string,
      str: string | undefined,
      qualified: string | undefined,
      d1: string,
      col: string,
      d2: string,
      row: string,
    ) => {
      if (str !== undefined || qualified !== undefined) return m;
      const to = where(Number(row));
      if (to === undefined) return m;
      if (to === null) {
        ok = false;
        return m;
      }
      return `${d1}${col}${d2}${to}`;
    },
  );
  return ok ? moved : null;
}

/** Where each plan row is now, by its key: plan row → sheet row, null for a keyed row not found. */
export function rowMap(plan: SheetPlan, reader: SnapshotReader): Map<number, number | null> {
  const keyRows = reader.keyRows();
  const map = new Map<number, number | null>();
  for (const r of plan.rows) map.set(r.row, keyRows.get(r.key) ?? null);
  return map;
}
