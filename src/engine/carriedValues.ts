/**
 * Values that move with their keys: everything an official entered in a sheet, by row key and
 * column id, so it survives a new layout (an upgrade, rows that moved), and what the new layout
 * has no place for (kept aside, never dropped). Template text (labels, headers, keys) is not data.
 */
import { columnLetter, columnNumber, parseCell } from '../layout/a1';
import type { PlanGrid, WriteCell } from '../layout/planGrid';
import type { RowPlan, SheetPlan } from '../layout/types';
import { looseText } from './looseText';
import type { SnapshotReader } from './snapshotReader';
import { isEmpty } from './text';

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
      out.set(col.columnId, looseText(byLetter.get(col.letter)?.join(' ') ?? ''));
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
      if (!isEmpty(v)) text.push(String(v));
    }
    const joined = looseText(text.join(' '));
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
      templateText.add(looseText(c.value));
      const key = keyAt.get(parseCell(c.address).row);
      if (key === undefined) continue;
      const set = templateInRow.get(key) ?? new Set<string>();
      set.add(looseText(c.value));
      templateInRow.set(key, set);
    }
  }

  const constant = (row: number, col: number): WriteCell | null => {
    if (reader.isFormula(row, col)) return String(reader.formula(row, col));
    const v = reader.value(row, col);
    return isEmpty(v) ? null : (v as WriteCell);
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
          if (!reader.isFormula(row, col) && !isEmpty(reader.value(row, col)))
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
        if (!reader.isFormula(row, col) && !isEmpty(reader.value(row, col)))
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
      if (v === null || inRow?.has(looseText(v)) || templateText.has(looseText(v))) continue;
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
      if (templateText.has(looseText(v))) continue;
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
