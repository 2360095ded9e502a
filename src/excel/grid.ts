/**
 * Pure work on plans and snapshots: the 2-D arrays a sheet plan writes, the rectangles each
 * style covers, where a row key sits in a sheet, which template cells differ, and which values
 * an official entered (by row key and column id) so they survive a new layout. No Office.js here,
 * so all of it is tested without a workbook.
 */
import { FLAG_COLUMN_ID } from '../layout/flagColumn';
import type { CellValue, SheetSnapshot } from '../engine/types';
import { keyOfCell } from '../engine/sheet';
import { columnLetter, columnNumber, parseCell, parseRange, type RangeRef } from '../layout/a1';
import type { RowPlan, SheetPlan, StyleId } from '../layout/types';

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

/** Cells of one style gathered into as few rectangles as rows allow (one range each in Excel). */
export function styleRects(plan: SheetPlan): Map<StyleId, RangeRef[]> {
  const byStyle = new Map<StyleId, Map<number, number[]>>();
  for (const c of plan.cells) {
    if (!c.style) continue;
    const { row, col } = parseCell(c.address);
    let rows = byStyle.get(c.style);
    if (!rows) byStyle.set(c.style, (rows = new Map()));
    const cols = rows.get(row) ?? [];
    cols.push(col);
    rows.set(row, cols);
  }
  const out = new Map<StyleId, RangeRef[]>();
  for (const [style, rows] of byStyle) {
    const rects: RangeRef[] = [];
    // Runs in the previous row, by "left:right", still open for extension downwards.
    let open = new Map<string, RangeRef>();
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = [...new Set(rows.get(row))].sort((a, b) => a - b);
      const next = new Map<string, RangeRef>();
      for (let i = 0; i < cols.length;) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
        const key = `${cols[i]}:${cols[j]}`;
        const above = open.get(key);
        if (above && above.bottom === row - 1) {
          above.bottom = row;
          next.set(key, above);
        } else {
          const r = { top: row, left: cols[i], bottom: row, right: cols[j] };
          rects.push(r);
          next.set(key, r);
        }
        i = j + 1;
      }
      open = next;
    }
    out.set(style, rects);
  }
  return out;
}

/** Reads a snapshot cell by 1-based sheet coordinates ('' outside the snapshot). */
export class SnapshotReader {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;

  constructor(readonly snapshot: SheetSnapshot) {
    const o = parseCell(snapshot.origin);
    this.top = o.row;
    this.left = o.col;
    this.bottom = o.row + snapshot.values.length - 1;
    this.right = o.col + (snapshot.values[0]?.length ?? 0) - 1;
  }

  value(row: number, col: number): CellValue {
    return this.snapshot.values[row - this.top]?.[col - this.left] ?? '';
  }

  /** The formula where the cell holds one, else its constant. */
  formula(row: number, col: number): CellValue {
    const f = this.snapshot.formulas?.[row - this.top]?.[col - this.left];
    return f === undefined ? this.value(row, col) : f;
  }

  numberFormat(row: number, col: number): string | undefined {
    return this.snapshot.numberFormats?.[row - this.top]?.[col - this.left];
  }

  isFormula(row: number, col: number): boolean {
    const f = this.formula(row, col);
    return typeof f === 'string' && f.startsWith('=');
  }

  /** Row key in column A (text; a key Excel turned into a number is read back as its text). */
  key(row: number): string {
    if (this.left !== 1) return '';
    return keyOfCell(this.value(row, 1));
  }

  /** Every keyed row: key → sheet row (first occurrence). */
  keyRows(): Map<string, number> {
    const map = new Map<string, number>();
    for (let r = Math.max(2, this.top); r <= this.bottom; r++) {
      const k = this.key(r);
      if (k && !map.has(k)) map.set(k, r);
    }
    return map;
  }
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === undefined || v === null || v === '';
}

function sameContent(a: CellValue, b: WriteCell): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return String(a) === b;
  if (typeof a === 'string' && typeof b === 'number') return a.trim() === String(b);
  // Excel upper-cases function names and may drop a leading '+': compare formulas loosely.
  if (typeof a === 'string' && typeof b === 'string' && b.startsWith('='))
    return a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
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
    if (norm(reader.value(row, col)) !== norm(c.value)) return false;
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
      if (wantsFormula && !isBlank(have) && !reader.isFormula(r, c)) {
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

// ---------------------------------------------------------------------------------------------
// Values that move with their keys

export interface CarriedValue {
  key: string;
  columnId: string;
  /** A constant, or a formula an official typed (kept as typed). */
  content: WriteCell;
  /** Where it was found ('D12'). */
  from: string;
}

export interface UnplacedValue {
  sheet: string;
  rowKey: string;
  column: string;
  value: string | number | boolean;
}

export interface CollectedData {
  carried: CarriedValue[];
  unplaced: UnplacedValue[];
}

function norm(text: CellValue): string {
  return String(text ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Header text of each data column of a plan (column id → joined header cells). */
function headerTexts(plan: SheetPlan): Map<string, string> {
  const out = new Map<string, string>();
  const [top, bottom] = plan.headerRows;
  const byLetter = new Map<string, string[]>();
  for (const c of plan.cells) {
    const { row, col } = parseCell(c.address);
    if (row < top || row > bottom || c.value === undefined) continue;
    const letter = columnLetter(col);
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), String(c.value)]);
  }
  for (const col of plan.columns)
    if (col.columnId && byLetter.has(col.letter))
      out.set(col.columnId, norm(byLetter.get(col.letter)?.join(' ') ?? ''));
  return out;
}

/**
 * For a sheet in a layout we have no plan for: where each of the target plan's data columns is,
 * found by its header text in the sheet's top rows, else assumed at the same letter.
 */
function locateColumns(target: SheetPlan, reader: SnapshotReader): Map<string, number> {
  const wanted = headerTexts(target);
  const scanBottom = Math.min(reader.bottom, target.headerRows[1] + 10);
  const found = new Map<string, number>();
  for (let col = Math.max(2, reader.left); col <= reader.right; col++) {
    const text = [];
    for (let row = reader.top; row <= scanBottom; row++) {
      if (reader.key(row) && row > 1) continue;
      const v = reader.value(row, col);
      if (!isBlank(v)) text.push(String(v));
    }
    const joined = norm(text.join(' '));
    for (const [id, header] of wanted) if (header && joined.endsWith(header) && !found.has(id)) found.set(id, col);
  }
  const out = new Map<string, number>();
  for (const c of target.columns) if (c.columnId) out.set(c.columnId, found.get(c.columnId) ?? columnNumber(c.letter));
  return out;
}

/**
 * Everything an official entered in `reader`'s sheet, by row key and column id, laid out as
 * `source` describes (or, without a source plan, as found by header text), and what the target
 * layout has no place for. Template text (labels, headers, keys) is not data.
 */
export function collectData(
  sheet: string,
  reader: SnapshotReader,
  source: SheetPlan | null,
  target: SheetPlan,
): CollectedData {
  const carried: CarriedValue[] = [];
  const unplaced: UnplacedValue[] = [];
  const targetRows = new Map(target.rows.map((r) => [r.key, r]));
  const sourceRows = source ? new Map(source.rows.map((r) => [r.key, r])) : null;
  const located = source ? null : locateColumns(target, reader);
  // Where a row the target lacks holds data: the data rows' input columns (not the reporter line's).
  const inputIds = new Set(target.rows.filter((r) => r.kind !== 'meta').flatMap((r) => Object.keys(r.inputs)));
  // Template constants (labels, STT, published scores), by row key and overall: not data.
  const templateText = new Set<string>();
  const templateInRow = new Map<string, Set<string>>();
  for (const p of source ? [source, target] : [target]) {
    const keyAt = new Map(p.rows.map((r) => [r.row, r.key]));
    for (const c of p.cells) {
      if (c.value === undefined) continue;
      templateText.add(norm(c.value));
      const key = keyAt.get(parseCell(c.address).row);
      if (key === undefined) continue;
      const set = templateInRow.get(key) ?? new Set<string>();
      set.add(norm(c.value));
      templateInRow.set(key, set);
    }
  }

  const constant = (row: number, col: number): WriteCell | null => {
    if (reader.isFormula(row, col)) return String(reader.formula(row, col));
    const v = reader.value(row, col);
    return isBlank(v) ? null : (v as WriteCell);
  };
  const asUnplaced = (v: WriteCell): string | number | boolean => v;
  const used = new Set<string>();

  const keyRows = reader.keyRows();
  for (const [key, row] of keyRows) {
    const targetRow = targetRows.get(key);
    // Columns that hold data in the sheet's own layout.
    let columns: [string, number][];
    if (sourceRows) {
      const s = sourceRows.get(key);
      columns = s ? Object.entries(s.inputs).map(([id, letter]) => [id, columnNumber(letter)]) : [];
      if (!s) columns = [...inputIds].map((id) => [id, columnNumber(inputLetter(target, id) ?? 'A')]);
      // Constants typed over the source's formula cells are data too.
      if (s)
        for (const [id, letter] of Object.entries(s.formulas)) {
          const col = columnNumber(letter);
          if (!reader.isFormula(row, col) && !isBlank(reader.value(row, col)))
            unplaced.push({ sheet, rowKey: key, column: id, value: asUnplaced(reader.value(row, col) as WriteCell) });
          used.add(`${row}:${col}`);
        }
    } else {
      const ids = targetRow ? Object.keys(targetRow.inputs) : [...inputIds];
      columns = ids.map((id) => [
        id,
        located?.get(id) ?? columnNumber(targetRow?.inputs[id] ?? inputLetter(target, id) ?? 'A'),
      ]);
      for (const [id, letter] of Object.entries(targetRow?.formulas ?? {})) {
        const col = located?.get(id) ?? columnNumber(letter);
        if (!reader.isFormula(row, col) && !isBlank(reader.value(row, col)))
          unplaced.push({ sheet, rowKey: key, column: id, value: asUnplaced(reader.value(row, col) as WriteCell) });
        used.add(`${row}:${col}`);
      }
    }
    for (const [id, col] of columns) {
      if (col <= 1) continue;
      used.add(`${row}:${col}`);
      const v = constant(row, col);
      if (v === null) continue;
      if (targetRow && targetRow.inputs[id])
        carried.push({ key, columnId: id, content: v, from: `${columnLetter(col)}${row}` });
      else unplaced.push({ sheet, rowKey: key, column: id, value: asUnplaced(v) });
    }
    // Anything else typed in the row (a note in an inserted column): kept aside by its address.
    const inRow = templateInRow.get(key);
    for (let col = Math.max(2, reader.left); col <= reader.right; col++) {
      // Formulas outside input columns are the template's (the gap, a subtotal): rebuilt, not data.
      if (used.has(`${row}:${col}`) || reader.isFormula(row, col)) continue;
      const v = constant(row, col);
      if (v === null || inRow?.has(norm(v)) || templateText.has(norm(v))) continue;
      unplaced.push({ sheet, rowKey: key, column: `${columnLetter(col)}${row}`, value: asUnplaced(v) });
    }
  }

  // Content in rows without a key, below the first keyed row: typed by someone, not ours.
  const firstKeyed = Math.min(...keyRows.values(), Number.POSITIVE_INFINITY);
  for (let row = Number.isFinite(firstKeyed) ? firstKeyed : reader.bottom + 1; row <= reader.bottom; row++) {
    if (reader.key(row)) continue;
    for (let col = Math.max(2, reader.left); col <= reader.right; col++) {
      if (used.has(`${row}:${col}`) || reader.isFormula(row, col)) continue;
      const v = constant(row, col);
      if (v === null) continue;
      if (templateText.has(norm(v))) continue;
      unplaced.push({ sheet, rowKey: '', column: `${columnLetter(col)}${row}`, value: asUnplaced(v) });
    }
  }
  return { carried, unplaced };
}

function inputLetter(plan: SheetPlan, columnId: string): string | undefined {
  for (const r of plan.rows) if (r.inputs[columnId]) return r.inputs[columnId];
  return plan.columns.find((c) => c.columnId === columnId)?.letter;
}

/** Writes carried values into a plan grid at their keys' rows; returns how many were placed. */
export function placeCarried(grid: PlanGrid, target: SheetPlan, carried: CarriedValue[]): number {
  const rows = new Map<string, RowPlan>(target.rows.map((r) => [r.key, r]));
  let placed = 0;
  for (const v of carried) {
    const r = rows.get(v.key);
    const letter = r?.inputs[v.columnId];
    if (!r || !letter) continue;
    grid.formulas[r.row - 1][columnNumber(letter) - 1] = v.content;
    placed++;
  }
  return placed;
}

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
