/**
 * A sheet exactly as a plan writes it, as a snapshot (what Excel would read back right after the
 * insert), and a cell set in it as an official would type it (value and formula alike).
 */
import type { CellValue, SheetSnapshot } from '../../src/engine/types';
import { parseCell } from '../../src/layout/a1';
import { planGrid } from '../../src/layout/planGrid';
import type { SheetPlan } from '../../src/layout/types';

/** A snapshot of a sheet exactly as the plan writes it (what Excel would read back). */
export function snapshotOf(plan: SheetPlan): SheetSnapshot {
  const grid = planGrid(plan);
  const values: CellValue[][] = grid.formulas.map((row) =>
    row.map((v) => (typeof v === 'string' && v.startsWith('=') ? '' : v)),
  );
  return {
    name: plan.name,
    templateId: plan.templateId,
    version: plan.version,
    origin: 'A1',
    values,
    formulas: grid.formulas.map((r) => [...r]),
    numberFormats: grid.numberFormat.map((r) => [...r]),
  };
}

export function setCell(s: SheetSnapshot, address: string, v: CellValue): void {
  const { row, col } = parseCell(address);
  s.values[row - 1][col - 1] = v;
  s.formulas![row - 1][col - 1] = v;
}
