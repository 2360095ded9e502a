/**
 * The grid a sheet plan writes: the rectangle A1:… it covers, and per cell what Range.formulas
 * gets, its number format, whether it is a template cell (the plan's constant or formula) and
 * whether an official types there. Pure arithmetic on a plan: every host that writes a plan into
 * a sheet cell by cell (the Excel adapter) starts from it.
 */
import { columnNumber, parseCell, parseRange, type RangeRef } from './a1';
import { FLAG_COLUMN_ID } from './flagColumn';
import type { SheetPlan } from './types';

export type WriteCell = string | number | boolean;

export interface Area {
  rows: number;
  cols: number;
}

/** The rectangle A1:…a plan touches (cells, merges, rows, columns, rules). */
export function planArea(plan: SheetPlan): Area {
  let rows = 1;
  let cols = 1;
  const grow = (r: RangeRef) => {
    rows = Math.max(rows, r.bottom);
    cols = Math.max(cols, r.right);
  };
  for (const c of plan.cells) grow(parseRange(c.address));
  for (const m of plan.merges) grow(parseRange(m));
  for (const v of plan.validations) grow(parseRange(v.range));
  for (const cf of plan.conditionalFormats) grow(parseRange(cf.range));
  for (const r of plan.rows) rows = Math.max(rows, r.row);
  // The hidden column of marks (column U) is the check's, not the template's: the grid never writes it.
  for (const c of plan.columns) if (c.columnId !== FLAG_COLUMN_ID) cols = Math.max(cols, columnNumber(c.letter));
  return { rows, cols };
}

export interface PlanGrid extends Area {
  /** What Range.formulas gets: a constant, a formula, or '' for an empty cell. */
  formulas: WriteCell[][];
  numberFormat: string[][];
  /** True where the plan puts a constant or a formula (a "template cell"). */
  template: boolean[][];
  /** True where an official types (RowPlan.inputs). */
  input: boolean[][];
}

export function planGrid(plan: SheetPlan, area: Area = planArea(plan)): PlanGrid {
  const make = <T>(v: T): T[][] => Array.from({ length: area.rows }, () => new Array<T>(area.cols).fill(v));
  const formulas = make<WriteCell>('');
  const numberFormat = make('General');
  const template = make(false);
  const input = make(false);
  for (const c of plan.cells) {
    const { row, col } = parseCell(c.address);
    const content = c.formula ?? c.value;
    if (content !== undefined && content !== '') {
      formulas[row - 1][col - 1] = content;
      template[row - 1][col - 1] = true;
    }
    if (c.numberFormat) numberFormat[row - 1][col - 1] = c.numberFormat;
  }
  for (const r of plan.rows)
    for (const letter of Object.values(r.inputs)) {
      const col = columnNumber(letter);
      input[r.row - 1][col - 1] = true;
      template[r.row - 1][col - 1] = false;
    }
  return { ...area, formulas, numberFormat, template, input };
}
