/**
 * PAR sheets of several years in one workbook: which one the pane's totals, the report and the
 * consolidation read (the newest), and carrying last year's self-scores into this year's
 * "điểm năm trước" column. Pure: the adapter reads the sheets and writes only what the official
 * confirmed (excel/ops/carryForward.ts).
 */
import { columnLetter } from '../layout/a1';
import { latestParList } from '../catalog/parLists';
import { numberIsValid } from './parse';
import { sheetContext } from './sheet';
import { tableOf } from './tables';
import type { SheetSnapshot } from './types';

/** The year of a PAR snapshot's list (the newest list when the snapshot does not say). */
export function parYearOf(snapshot: { year?: number }): number {
  return snapshot.year ?? latestParList().year;
}

/** The PAR snapshot of the newest year among these, or undefined when there is none. */
export function newestParSnapshot<T extends { templateId: string; year?: number }>(
  snapshots: readonly T[],
): T | undefined {
  let best: T | undefined;
  for (const s of snapshots)
    if (s.templateId === 'PAR' && (best === undefined || parYearOf(s) > parYearOf(best))) best = s;
  return best;
}

/** One "điểm năm trước" cell the carry-forward would write. */
export interface CarryChange {
  key: string;
  /** The cell in this year's sheet ('E7'). */
  cell: string;
  /** What the cell holds now (the published figure the list brought, or blank). */
  from: number | string;
  /** Last year's self-score of the same criterion. */
  to: number;
}

export interface CarryForwardPlan {
  /** This year's sheet and year; last year's sheet and year. */
  sheet: string;
  year: number;
  previousSheet: string;
  previousYear: number;
  /** Cells to write, in this year's sheet order. */
  changes: CarryChange[];
  /** Cells an official typed (neither blank nor the list's figure): never written, listed to show. */
  kept: { key: string; cell: string; typed: number | string; lastYear: number }[];
  /** Criteria of this year's list that last year's sheet does not have (new or renumbered). */
  newKeys: string[];
  /** Criteria of last year's sheet that this year's list no longer has. */
  droppedKeys: string[];
  /** Criteria in both whose last-year score is missing or not a valid score: nothing to carry. */
  unscored: string[];
}

/** The keyed rows of a snapshot read against its own list: key → value of a column, and sheet row. */
function rowsOf(snapshot: SheetSnapshot, columnId: 'score' | 'previousScore') {
  const ctx = sheetContext(snapshot, tableOf(snapshot));
  const tree = ctx.table.par;
  if (!tree) throw new RangeError(`Sheet ${snapshot.name} is not a PAR sheet`);
  const col = tree.cols[columnId];
  const out = new Map<string, { value: unknown; row: number; max: number; col: number }>();
  ctx.specs.forEach((spec, i) => {
    if (out.has(spec.key) || !spec.par) return;
    const r = ctx.at[i];
    out.set(spec.key, { value: ctx.values[r]?.[col - ctx.col0], row: ctx.row0 + r, max: spec.par.max, col });
  });
  return { rows: out, list: tree.list };
}

/**
 * What pressing "Lấy điểm năm trước" would do: for every criterion of this year's sheet whose key
 * last year's sheet also has, last year's self-score (leaves as typed, parents as their formulas
 * computed them) replaces the cell of "điểm năm trước" where it still holds the list's published
 * figure or nothing; a cell an official typed is kept and listed. Throws when `previous` is not the
 * sheet of this list's previous year.
 */
export function planCarryForward(current: SheetSnapshot, previous: SheetSnapshot): CarryForwardPlan {
  const now = rowsOf(current, 'previousScore');
  const before = rowsOf(previous, 'score');
  if (before.list.year !== now.list.previousYear)
    throw new RangeError(
      `Sheet ${previous.name} holds the ${before.list.year} list; ${current.name} needs ${now.list.previousYear}'s`,
    );
  const published = new Map(now.list.rows.map((r) => [r.id, r.previousScore]));
  const plan: CarryForwardPlan = {
    sheet: current.name,
    year: now.list.year,
    previousSheet: previous.name,
    previousYear: before.list.year,
    changes: [],
    kept: [],
    newKeys: [],
    droppedKeys: [...before.rows.keys()].filter((k) => !now.rows.has(k)),
    unscored: [],
  };
  for (const [key, cell] of now.rows) {
    const last = before.rows.get(key);
    if (!last) {
      plan.newKeys.push(key);
      continue;
    }
    const v = last.value;
    if (typeof v !== 'number' || !numberIsValid(v, 'parScore', last.max)) {
      plan.unscored.push(key);
      continue;
    }
    const address = `${columnLetter(cell.col)}${cell.row}`;
    const here = cell.value;
    const blank = here === null || here === undefined || here === '';
    if (here === v) continue; // already last year's figure
    const untouched = blank || (typeof here === 'number' && Math.abs(here - (published.get(key) ?? NaN)) < 1e-9);
    if (!untouched) {
      plan.kept.push({ key, cell: address, typed: here as number | string, lastYear: v });
      continue;
    }
    plan.changes.push({ key, cell: address, from: blank ? '' : (here as number), to: v });
  }
  return plan;
}
