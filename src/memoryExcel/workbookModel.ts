/**
 * The workbook as a whole: sheets, names, custom properties, activation and selection, the
 * calculation engine, and the primitive cell writes every API setter and user helper goes through.
 */
import { a1Rect, type Rect } from './address';
import { CalcEngine, type NameLookup } from './calc';
import { invalidArgument, invalidOperation, itemAlreadyExists } from './errors';
import { breakSheetInFormula, renameSheetInFormula, sameSheet } from './formulaText';
import { SheetModel, type Cell, type CustomPropertyEntry, type NameEntry } from './model';
import { parseInput, type ParsedInput } from './numberFormat';
import { numberFormatAt } from './rangeOps';
import type { CellValue } from './values';

export interface ChangeRecord {
  sheet: SheetModel;
  rect: Rect;
  /** Only for single-cell edits. */
  before?: CellValue;
  after?: CellValue;
  changeType: string;
  /** Made through the API (by the add-in) rather than by the user. */
  bySelf: boolean;
}

/**
 * A sheet added, deleted or renamed, for WorksheetCollection.onAdded / onDeleted (ExcelApi 1.7)
 * and onNameChanged (1.17); see events.ts.
 */
export interface SheetEvent {
  kind: 'Added' | 'Deleted' | 'NameChanged';
  sheet: SheetModel;
  nameBefore?: string;
  nameAfter?: string;
}

/** Excel's sheet-name rules. */
export function sheetNameError(name: unknown): string | null {
  if (typeof name !== 'string') return 'not a string';
  if (name.trim().length === 0) return 'blank';
  if (name.length > 31) return 'longer than 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'contains one of : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return 'reserved name';
  return null;
}

export class WorkbookModel implements NameLookup {
  sheets: SheetModel[] = [];
  readonly names = new Map<string, NameEntry>();
  readonly custom = new Map<string, CustomPropertyEntry>();
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; rect: Rect } | null = null;
  readonly engine: CalcEngine;
  private sheetSeq = 0;
  private byName = new Map<string, SheetModel>();
  version = 0;
  /** Cell edits not yet reported through onChanged. */
  pendingChanges: ChangeRecord[] = [];
  /** Sheets activated since the last events were dispatched. */
  pendingActivations: SheetModel[] = [];
  /** Sheets added, deleted or renamed since the last events were dispatched. */
  pendingSheetEvents: SheetEvent[] = [];

  constructor() {
    this.engine = new CalcEngine(this);
  }

  // ---- NameLookup ----------------------------------------------------------------------------
  sheetByName(name: string): SheetModel | undefined {
    return this.byName.get(name.toLocaleUpperCase());
  }

  allSheets(): SheetModel[] {
    return this.sheets;
  }

  lookupName(sheet: SheetModel, name: string): string | undefined {
    const key = name.toUpperCase();
    return (sheet.names.get(key) ?? this.names.get(key))?.formula;
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  private reindex(): void {
    this.byName = new Map(this.sheets.map((s) => [s.name.toLocaleUpperCase(), s]));
  }

  // ---- sheets --------------------------------------------------------------------------------
  addSheet(name?: string, location = 'WorksheetCollection.add'): SheetModel {
    let n = name;
    if (n === undefined || n === null) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    const problem = sheetNameError(n);
    if (problem) throw invalidArgument(location, `sheet name ${problem}`);
    if (this.sheetByName(n)) throw itemAlreadyExists(location);
    const seq = ++this.sheetSeq;
    const id = `{${seq.toString(16).toUpperCase().padStart(8, '0')}-0001-0000-0000-000000000000}`;
    const sheet = new SheetModel(id, n);
    this.sheets.push(sheet);
    this.reindex();
    if (!this.activeSheet) this.activeSheet = sheet;
    this.engine.sheetAppeared(n);
    this.pendingSheetEvents.push({ kind: 'Added', sheet });
    return sheet;
  }

  renameSheet(sheet: SheetModel, name: unknown): void {
    const problem = sheetNameError(name);
    if (problem) throw invalidArgument('Worksheet.name', `sheet name ${problem}`);
    const n = name as string;
    const other = this.sheetByName(n);
    if (other && other !== sheet) throw itemAlreadyExists('Worksheet.name');
    if (n === sheet.name) return;
    const old = sheet.name;
    sheet.name = n;
    this.reindex();
    this.rewriteFormulas((f) => renameSheetInFormula(f, old, n));
    this.engine.sheetAppeared(n);
    this.pendingSheetEvents.push({ kind: 'NameChanged', sheet, nameBefore: old, nameAfter: n });
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible' && s !== sheet);
    if (visible.length === 0)
      throw invalidOperation('Worksheet.delete', 'a workbook must keep at least one visible sheet');
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    this.reindex();
    for (const [key, n] of this.names) if (n.sheet === sheet) this.names.delete(key);
    if (this.activeSheet === sheet) this.activeSheet = visible[Math.min(i, visible.length - 1)] ?? visible[0];
    if (this.selection?.sheet === sheet) this.selection = null;
    this.rewriteFormulas((f) => breakSheetInFormula(f, sheet.name));
    this.pendingSheetEvents.push({ kind: 'Deleted', sheet });
  }

  moveSheet(sheet: SheetModel, position: unknown): void {
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0 || position >= this.sheets.length)
      throw invalidArgument('Worksheet.position');
    const i = this.sheets.indexOf(sheet);
    this.sheets.splice(i, 1);
    this.sheets.splice(position, 0, sheet);
  }

  /** Applies a text rewrite to every formula, name and rule, then recalculates everything. */
  rewriteFormulas(rewrite: (formula: string, sheet: SheetModel) => string): void {
    for (const sheet of this.sheets) {
      sheet.rows.forEach((row) =>
        row?.forEach((cell) => {
          if (cell?.formula) cell.formula = rewrite(cell.formula, sheet);
        }),
      );
      for (const cf of sheet.cfs) if (cf.formula) cf.formula = rewrite(cf.formula, sheet);
      for (const n of sheet.names.values()) n.formula = rewrite(n.formula, sheet);
      const entries = new Set<NonNullable<Cell['dv']>['entry']>();
      sheet.rows.forEach((row) => row?.forEach((cell) => cell?.dv && entries.add(cell.dv.entry)));
      for (const e of entries) {
        const r = e.rule;
        if (!r) continue;
        for (const k of ['formula1', 'formula2', 'formula', 'source'] as const) {
          const v = r[k];
          if (v && v.startsWith('=')) r[k] = rewrite(v, sheet);
        }
      }
    }
    const first = this.sheets[0];
    if (first) for (const n of this.names.values()) n.formula = rewrite(n.formula, first);
    this.engine.rebuild();
  }

  // ---- cell writes ---------------------------------------------------------------------------
  /** Applies parsed input to a cell. Throws InvalidArgument for a formula Excel would refuse. */
  applyInput(sheet: SheetModel, row: number, col: number, parsed: ParsedInput, location: string): void {
    const existing = sheet.get(row, col);
    if (parsed.kind === 'blank') {
      if (!existing) return;
      if (existing.formula) {
        this.engine.formulaRemoved(existing);
        existing.formula = undefined;
      }
      existing.value = null;
      sheet.prune(row, col);
      this.engine.cellChanged(sheet, row, col);
      return;
    }
    if (parsed.kind === 'formula') {
      const f = parsed.formula as string;
      try {
        this.engine.validate(f);
      } catch (e) {
        throw invalidArgument(location, e instanceof Error ? e.message : String(e));
      }
      const cell = existing ?? sheet.ensure(row, col);
      cell.formula = f;
      this.engine.formulaSet(sheet, row, col, cell);
      return;
    }
    const cell = existing ?? sheet.ensure(row, col);
    if (cell.formula) {
      this.engine.formulaRemoved(cell);
      cell.formula = undefined;
    }
    cell.value = parsed.value ?? null;
    if (parsed.numberFormat) cell.numberFormat = parsed.numberFormat;
    this.engine.cellChanged(sheet, row, col);
  }

  /** Range.values / Range.formulas element written from the API. null leaves the cell alone. */
  writeFromApi(sheet: SheetModel, row: number, col: number, input: unknown, location: string): boolean {
    if (input === null || input === undefined) return false;
    let parsed: ParsedInput;
    if (typeof input === 'number') {
      if (!Number.isFinite(input)) throw invalidArgument(location, 'not a finite number');
      parsed = { kind: 'value', value: input };
    } else if (typeof input === 'boolean') parsed = { kind: 'value', value: input };
    else if (typeof input === 'string') parsed = parseInput(input, numberFormatAt(sheet, row, col), 'api');
    else if (input instanceof Date)
      throw invalidArgument(location, 'Date objects are not cell values (write a serial number)');
    else throw invalidArgument(location, `unsupported value ${typeof input}`);
    this.applyInput(sheet, row, col, parsed, location);
    return true;
  }

  readValue(sheet: SheetModel, row: number, col: number): CellValue {
    this.engine.recalc();
    return sheet.get(row, col)?.value ?? null;
  }

  recordChange(change: ChangeRecord): void {
    this.pendingChanges.push(change);
  }

  takeChanges(): ChangeRecord[] {
    const c = this.pendingChanges;
    this.pendingChanges = [];
    return c;
  }

  describe(sheet: SheetModel, rect: Rect): string {
    return `${sheet.name}!${a1Rect(rect)}`;
  }
}

export { sameSheet };
