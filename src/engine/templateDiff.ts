/**
 * A sheet of ours against its plan: whether its layout is still the plan's (every row key and
 * header where the plan puts them), and, when it is, which template cells and number formats a
 * refresh must rewrite (never an input cell), grouped into runs so few ranges are written.
 */
import { parseCell, type RangeRef } from '../layout/a1';
import type { PlanGrid, WriteCell } from '../layout/planGrid';
import type { SheetPlan } from '../layout/types';
import { looseText } from './looseText';
import type { SnapshotReader } from './snapshotReader';
import { isEmpty } from './text';
import { sameFormula } from './totals';
import type { CellValue } from './types';

function sameContent(a: CellValue, b: WriteCell): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a.trim() === String(b);
  // Excel upper-cases function names and may drop a leading '+': compare formulas loosely.
  if (typeof a === 'string' && typeof b === 'string' && b.startsWith('=')) return sameFormula(a, b);
  return false;
}

/**
 * True when every planned row key sits on its planned row (nothing moved, inserted or sorted)
 * and the header cells are where the plan puts them (no column inserted or deleted).
 */
export function layoutMatches(plan: SheetPlan, reader: SnapshotReader): boolean {
  for (const r of plan.rows) if (reader.key(r.row) !== r.key) return false;
  const [top, bottom] = plan.headerRows;
  for (const c of plan.cells) {
    if (typeof c.value !== 'string' || !c.value) continue;
    const { row, col } = parseCell(c.address);
    if (row < top || row > bottom) continue;
    if (looseText(reader.value(row, col)) !== looseText(c.value)) return false;
  }
  const planned = new Set(plan.rows.map((r) => r.key));
  for (const [key, row] of reader.keyRows()) {
    if (!planned.has(key)) return false;
    if (plan.rows.find((r) => r.key === key)?.row !== row) return false;
  }
  return true;
}

export interface CellEdit {
  row: number;
  col: number;
}

export interface TemplateDiff {
  /** Template cells whose constant or formula differs from the plan. */
  content: CellEdit[];
  /** Cells whose number format differs from the plan's. */
  numberFormat: CellEdit[];
  /** Formula cells where someone typed a constant: left alone (Subtotals restores them). */
  overwritten: { row: number; col: number; found: CellValue }[];
}

/** What a refresh of a sheet in the current layout must rewrite: never an input cell. */
export function diffTemplate(grid: PlanGrid, reader: SnapshotReader): TemplateDiff {
  const diff: TemplateDiff = { content: [], numberFormat: [], overwritten: [] };
  for (let r = 1; r <= grid.rows; r++)
    for (let c = 1; c <= grid.cols; c++) {
      if (grid.input[r - 1][c - 1]) {
        const nf = grid.numberFormat[r - 1][c - 1];
        if (nf !== 'General' && reader.numberFormat(r, c) !== undefined && reader.numberFormat(r, c) !== nf)
          diff.numberFormat.push({ row: r, col: c });
        continue;
      }
      if (!grid.template[r - 1][c - 1]) continue;
      const want = grid.formulas[r - 1][c - 1];
      const have = reader.formula(r, c);
      const wantsFormula = typeof want === 'string' && want.startsWith('=');
      if (wantsFormula && !isEmpty(have) && !reader.isFormula(r, c)) {
        diff.overwritten.push({ row: r, col: c, found: have });
        continue;
      }
      if (!sameContent(have, want)) diff.content.push({ row: r, col: c });
      const nf = grid.numberFormat[r - 1][c - 1];
      const haveNf = reader.numberFormat(r, c);
      if (haveNf !== undefined && haveNf !== nf && !(nf === 'General' && haveNf === ''))
        diff.numberFormat.push({ row: r, col: c });
    }
  return diff;
}

/** Groups cells into horizontal runs (row, left…right) so a diff is written with few ranges. */
export function runs(cells: CellEdit[]): RangeRef[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: RangeRef[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.top === c.row && last.right === c.col - 1) last.right = c.col;
    else out.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  }
  return out;
}
