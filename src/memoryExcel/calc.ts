/**
 * Recalculation. Formulas record the cells and ranges they read while they evaluate; a change
 * marks the formulas that read the changed cells (transitively) as stale, and stale formulas
 * are re-evaluated lazily (a formula reading a stale cell evaluates that cell first). Cost is
 * proportional to the formulas affected, not to the workbook. Structural edits (rows inserted or
 * deleted, sheets renamed or deleted) rebuild everything: O(formulas).
 *
 * Calculation mode (Application.calculationMode; typings: "Manual, where calculation is done
 * when the user requests it"): in Manual mode nothing is recalculated but by Range.calculate, so
 * formulas read their last calculated values.
 * 'AutomaticExceptTables' behaves as 'Automatic' here (the imitation has no data tables).
 */
import { MAX_COLS } from './address';
import { createDefaultEvaluator, type EvalContext, type FormulaEvaluator } from './evaluator';
import { mayUseNames, substituteNames } from './formulaText';
import type { Cell, FormulaRecord, SheetModel } from './model';
import { CellError, type CellValue } from './values';

interface PrecEntry {
  sheet: SheetModel;
  top: number;
  left: number;
  bottom: number;
  right: number;
  rec: FormulaRecord;
  wide: boolean;
}

export interface NameLookup {
  /** Definition ('=…') of `name` as seen from `sheet` (sheet scope first), or undefined. */
  lookupName(sheet: SheetModel, name: string): string | undefined;
  sheetByName(name: string): SheetModel | undefined;
  allSheets(): SheetModel[];
}

const WIDE = 64;

export type CalculationMode = 'Automatic' | 'AutomaticExceptTables' | 'Manual';
export const CALCULATION_MODES: readonly CalculationMode[] = ['Automatic', 'AutomaticExceptTables', 'Manual'];

/** What an explicit calculation may evaluate: everything, or one range's formulas. */
type CalcScope = { sheet: SheetModel; top: number; left: number; bottom: number; right: number };

export class CalcEngine {
  private readonly evaluator: FormulaEvaluator = createDefaultEvaluator();
  private readonly records = new Set<FormulaRecord>();
  private readonly index = new Map<SheetModel, Map<number, Set<PrecEntry>>>();
  private readonly wide = new Map<SheetModel, Set<PrecEntry>>();
  private readonly byName = new Map<string, Set<FormulaRecord>>();
  private readonly dirty = new Set<FormulaRecord>();
  private readonly evaluating = new Set<FormulaRecord>();
  private changed: { sheet: SheetModel; row: number; col: number }[] = [];
  private readonly stack: (FormulaRecord | null)[] = [];
  private prepared = new Map<string, { text: string; names: string[] }>();
  /** Formulas that read a sheet name that did not exist (they read #REF!), by upper-cased name. */
  private readonly missingSheets = new Map<string, Set<FormulaRecord>>();
  /** Application.calculationMode. */
  mode: CalculationMode = 'Automatic';
  /** Set while an explicit calculation runs (Manual mode evaluates only inside it). */
  private scope: CalcScope | null = null;

  constructor(private readonly names: NameLookup) {}

  /** Throws when the evaluator refuses the formula's syntax. */
  validate(formula: string): void {
    this.evaluator.validate?.(formula);
  }

  get pending(): boolean {
    return this.dirty.size > 0 || this.changed.length > 0;
  }

  /** A constant changed (or a cell was cleared): its readers become stale at the next recalc. */
  cellChanged(sheet: SheetModel, row: number, col: number): void {
    this.changed.push({ sheet, row, col });
  }

  /** A cell got a (new) formula. */
  formulaSet(sheet: SheetModel, row: number, col: number, cell: Cell): void {
    let rec = cell.rec;
    if (rec) this.dropPrecedents(rec);
    else {
      // Guess (stricter than Excel, which may calculate the entered cell itself): in Manual mode a
      // new formula reads 0 until the next calculation; a replaced formula keeps its last result.
      if (this.mode === 'Manual') cell.value = 0;
      rec = { sheet, cell, row, col, precedents: [], names: [] };
      cell.rec = rec;
      this.records.add(rec);
    }
    this.dirty.add(rec);
    this.changed.push({ sheet, row, col });
  }

  /** A cell lost its formula. */
  formulaRemoved(cell: Cell): void {
    const rec = cell.rec;
    if (!rec) return;
    this.dropPrecedents(rec);
    this.records.delete(rec);
    this.dirty.delete(rec);
    cell.rec = undefined;
  }

  /** A defined name changed: formulas using it are stale. */
  nameChanged(name: string): void {
    this.prepared.clear();
    const recs = this.byName.get(name.toUpperCase());
    if (!recs) return;
    for (const rec of recs) {
      this.dirty.add(rec);
      this.changed.push({ sheet: rec.sheet, row: rec.row, col: rec.col });
    }
  }

  /** A sheet of this name now exists: formulas that read it as missing are stale. */
  sheetAppeared(name: string): void {
    const key = name.toLocaleUpperCase();
    const recs = this.missingSheets.get(key);
    if (!recs) return;
    this.missingSheets.delete(key);
    for (const rec of recs) {
      if (!this.records.has(rec)) continue;
      this.dirty.add(rec);
      this.changed.push({ sheet: rec.sheet, row: rec.row, col: rec.col });
    }
  }

  private noteMissingSheet(name: string): void {
    const rec = this.stack[this.stack.length - 1];
    if (!rec) return;
    const key = name.toLocaleUpperCase();
    let set = this.missingSheets.get(key);
    if (!set) this.missingSheets.set(key, (set = new Set()));
    set.add(rec);
  }

  /** After structural edits: re-finds every formula and recalculates all of them. */
  rebuild(): void {
    this.records.clear();
    this.index.clear();
    this.wide.clear();
    this.byName.clear();
    this.dirty.clear();
    this.changed = [];
    this.prepared.clear();
    this.missingSheets.clear();
    for (const sheet of this.names.allSheets()) {
      sheet.rows.forEach((row, r) => {
        row?.forEach((cell, c) => {
          if (!cell?.formula) {
            if (cell) cell.rec = undefined;
            return;
          }
          const rec: FormulaRecord = { sheet, cell, row: r, col: c, precedents: [], names: [] };
          cell.rec = rec;
          this.records.add(rec);
          this.dirty.add(rec);
        });
      });
    }
    this.recalc();
  }

  get formulaCount(): number {
    return this.records.size;
  }

  /** Brings every stale formula up to date — in Manual mode only inside calculateRange(). */
  recalc(): void {
    if (!this.pending) return;
    if (this.mode === 'Manual' && this.scope === null) return;
    this.propagate();
    for (const rec of [...this.dirty]) if (this.dirty.has(rec) && this.inScope(rec)) this.evaluate(rec);
  }

  /**
   * Range.calculate ("Calculates a range of cells on a worksheet", typings): the range's stale
   * formulas only. Guess (stricter): stale formulas outside the range are not calculated first;
   * the range's formulas read their last values.
   */
  calculateRange(sheet: SheetModel, top: number, left: number, bottom: number, right: number): void {
    this.scope = { sheet, top, left, bottom, right };
    try {
      this.recalc();
    } finally {
      this.scope = null;
    }
  }

  private inScope(rec: FormulaRecord): boolean {
    const s = this.scope;
    if (s === null) return true;
    return rec.sheet === s.sheet && rec.row >= s.top && rec.row <= s.bottom && rec.col >= s.left && rec.col <= s.right;
  }

  /** May a stale formula be evaluated now (when a formula being evaluated reads it)? */
  private mayEvaluate(rec: FormulaRecord): boolean {
    if (this.mode !== 'Manual') return true;
    return this.scope !== null && this.inScope(rec);
  }

  /** Marks the readers of changed cells stale (transitively). */
  private propagate(): void {
    const queue = this.changed;
    this.changed = [];
    const seen = new Set<string>();
    while (queue.length) {
      const ch = queue.pop();
      if (!ch) break;
      const key = `${ch.sheet.id}:${ch.row}:${ch.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const visit = (e: PrecEntry) => {
        if (ch.row < e.top || ch.row > e.bottom || ch.col < e.left || ch.col > e.right) return;
        const rec = e.rec;
        if (!this.dirty.has(rec)) this.dirty.add(rec);
        queue.push({ sheet: rec.sheet, row: rec.row, col: rec.col });
      };
      this.index.get(ch.sheet)?.get(ch.col)?.forEach(visit);
      this.wide.get(ch.sheet)?.forEach(visit);
    }
  }

  private dropPrecedents(rec: FormulaRecord): void {
    for (const p of rec.precedents as PrecEntry[]) {
      if (p.wide) this.wide.get(p.sheet)?.delete(p);
      else {
        const cols = this.index.get(p.sheet);
        if (cols) for (let c = p.left; c <= p.right; c++) cols.get(c)?.delete(p);
      }
    }
    rec.precedents = [];
    for (const n of rec.names) this.byName.get(n)?.delete(rec);
    rec.names = [];
  }

  private addPrecedent(
    rec: FormulaRecord,
    sheet: SheetModel,
    top: number,
    left: number,
    bottom: number,
    right: number,
  ): void {
    const wide = right - left + 1 > WIDE;
    const e: PrecEntry = { sheet, top, left, bottom, right, rec, wide };
    rec.precedents.push(e);
    if (wide) {
      let set = this.wide.get(sheet);
      if (!set) this.wide.set(sheet, (set = new Set()));
      set.add(e);
      return;
    }
    let cols = this.index.get(sheet);
    if (!cols) this.index.set(sheet, (cols = new Map()));
    for (let c = left; c <= right; c++) {
      let set = cols.get(c);
      if (!set) cols.set(c, (set = new Set()));
      set.add(e);
    }
  }

  /** The formula with names replaced, cached per sheet (names are per sheet scope). */
  prepare(sheet: SheetModel, formula: string): { text: string; names: string[] } {
    const key = `${sheet.id}\u0001${formula}`;
    let p = this.prepared.get(key);
    if (!p) {
      p = mayUseNames(formula)
        ? substituteNames(formula, (n) => this.names.lookupName(sheet, n))
        : { text: formula, names: [] };
      if (this.prepared.size > 200_000) this.prepared.clear();
      this.prepared.set(key, p);
    }
    return p;
  }

  private evaluate(rec: FormulaRecord): void {
    this.dirty.delete(rec);
    const formula = rec.cell.formula;
    if (!formula) return;
    this.dropPrecedents(rec);
    const prepared = this.prepare(rec.sheet, formula);
    rec.names = prepared.names;
    for (const n of rec.names) {
      let set = this.byName.get(n);
      if (!set) this.byName.set(n, (set = new Set()));
      set.add(rec);
    }
    this.evaluating.add(rec);
    this.stack.push(rec);
    try {
      rec.cell.value = this.run(prepared.text, rec.sheet, rec.row, rec.col);
    } finally {
      this.stack.pop();
      this.evaluating.delete(rec);
    }
  }

  private run(text: string, sheet: SheetModel, row: number, col: number): CellValue {
    return this.evaluator.evaluate(text, this.contextFor(sheet, row, col));
  }

  /**
   * Evaluates a formula written for (anchorRow, anchorCol)… already translated to (row, col), as
   * conditional formats and data validation do. Reads are not recorded as dependencies.
   */
  evaluateAt(sheet: SheetModel, formula: string, row: number, col: number): CellValue {
    const prepared = this.prepare(sheet, formula);
    this.stack.push(null);
    try {
      return this.run(prepared.text, sheet, row, col);
    } finally {
      this.stack.pop();
    }
  }

  private contextFor(sheet: SheetModel, row: number, col: number): EvalContext {
    return {
      sheet: sheet.name,
      row: row + 1,
      col: col + 1,
      cell: (sheetName: string, r1: number, c1: number): CellValue => {
        const s = this.names.sheetByName(sheetName);
        if (!s) {
          this.noteMissingSheet(sheetName);
          return CellError.of('#REF!');
        }
        const r = r1 - 1;
        const c = c1 - 1;
        const rec = this.stack[this.stack.length - 1];
        if (rec) this.addPrecedent(rec, s, r, c, r, c);
        return this.read(s, r, c);
      },
      range: (sheetName: string, top1: number, left1: number, bottom1: number, right1: number): CellValue[][] => {
        const s = this.names.sheetByName(sheetName);
        if (!s) {
          this.noteMissingSheet(sheetName);
          return [[CellError.of('#REF!')]];
        }
        const top = top1 - 1;
        const left = left1 - 1;
        const rec = this.stack[this.stack.length - 1];
        if (rec) this.addPrecedent(rec, s, top, left, bottom1 - 1, Math.min(right1 - 1, MAX_COLS - 1));
        // Guess: trailing blank rows/columns are dropped (SUM, COUNT, MATCH do not see them).
        const bottom = Math.min(bottom1 - 1, s.rows.length - 1);
        let right = right1 - 1;
        if (right - left > WIDE) {
          let maxCol = left - 1;
          for (let r = top; r <= bottom; r++) maxCol = Math.max(maxCol, (s.rows[r]?.length ?? 0) - 1);
          right = Math.min(right, maxCol);
        }
        const out: CellValue[][] = [];
        for (let r = top; r <= bottom; r++) {
          const line: CellValue[] = [];
          for (let c = left; c <= right; c++) line.push(this.read(s, r, c));
          out.push(line);
        }
        return out;
      },
      isFormula: (sheetName: string, r1: number, c1: number): boolean => {
        const s = this.names.sheetByName(sheetName);
        return !!s?.get(r1 - 1, c1 - 1)?.formula;
      },
    };
  }

  private read(sheet: SheetModel, row: number, col: number): CellValue {
    const cell = sheet.get(row, col);
    if (!cell) return null;
    const rec = cell.rec;
    if (rec && this.dirty.has(rec)) {
      if (this.evaluating.has(rec)) return 0; // Guess: a circular reference reads as 0, as Excel shows it.
      if (!this.mayEvaluate(rec)) return cell.value; // Manual mode: the last calculated value.
      this.evaluate(rec);
    } else if (rec && this.evaluating.has(rec)) return 0;
    return cell.value;
  }
}
