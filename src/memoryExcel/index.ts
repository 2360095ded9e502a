/**
 * memoryExcel — an in-memory workbook implementing the part of the Excel JavaScript API the
 * add-in's adapter uses, with Excel's semantics, for the adapter's tests, the browser playground
 * and benchmarks. Any API member not listed below throws
 * `Error("memoryExcel: <Type>.<member> is not implemented")`.
 *
 * Semantics kept from Excel: commands are queued and run in order at context.sync(); a property
 * is readable only after load() + sync() (PropertyNotLoaded otherwise; a property you set reads
 * back what you set, as in Office.js); getItem of a missing item fails the sync with ItemNotFound;
 * *OrNullObject gives a null object whose isNullObject is readable after sync (reading any other
 * property of it throws here, where Excel would return undefined); invalid arguments fail the
 * sync with InvalidArgument; errors carry `code`, `message`, `debugInfo` like
 * OfficeExtension.Error; members newer than the configured ExcelApi version throw ApiNotFound
 * when touched, as Office.js does; objects of a finished Excel.run throw InvalidObjectPath;
 * objects of another context throw InvalidRequestContext. Excel.run does a final sync and
 * requires the batch to return a promise. An empty sync is not a round trip (not counted).
 *
 * Implemented members (ExcelApi version in brackets when above 1.1):
 *   RequestContext: sync(), workbook, trackedObjects.add/remove (no-ops, counted), load(obj, props)
 *   (every object): load(string | string[] | {select, expand} | {prop: true}), toJSON(), set({...}),
 *     track(), untrack(), isNullObject, context
 *   Workbook: worksheets, names, properties [1.7], getSelectedRange(), getActiveCell() [1.7]
 *   WorksheetCollection: items, add(name?), getItem(name|id), getItemOrNullObject [1.4],
 *     getActiveWorksheet(), getCount(visibleOnly?) [1.4], getFirst/getLast [1.5],
 *     onActivated [1.7], onChanged [1.9]
 *   Worksheet: id, name (get/set), position (get/set), visibility (get/set), tabColor [1.7],
 *     activate(), delete(), getRange(address?), getCell(r, c),
 *     getUsedRange(valuesOnly?), getUsedRangeOrNullObject [1.4], freezePanes [1.7], names [1.4],
 *     pageLayout [1.9], onChanged [1.7], onActivated [1.7]
 *   WorksheetFreezePanes: freezeRows, freezeColumns, freezeAt(range|address), unfreeze,
 *     getLocation, getLocationOrNullObject
 *   PageLayout [1.9]: orientation, paperSize, zoom, printGridlines, centerHorizontally,
 *     setPrintTitleRows(range|address), getPrintTitleRows, getPrintTitleRowsOrNullObject
 *   Range: address, cellCount, rowCount, columnCount, rowIndex, columnIndex,
 *     isEntireRow/isEntireColumn [1.7], values, formulas, numberFormat (2-D get/set; a single
 *     non-array value sets every cell), text, valueTypes, columnHidden/rowHidden [1.2],
 *     format, dataValidation [1.8], conditionalFormats [1.6], worksheet, getCell, getOffsetRange,
 *     getResizedRange [1.3], getRow, getColumn, getEntireRow, getEntireColumn, getLastCell,
 *     getLastRow, getLastColumn, getIntersection, getIntersectionOrNullObject [1.4],
 *     getUsedRange, getUsedRangeOrNullObject [1.4], merge(across?) [1.2],
 *     unmerge [1.2], clear('All'|'Formats'|'Contents'), select(), insert(shift) and
 *     delete(shift) for whole rows ('Down'/'Up'), whole columns ('Right'/'Left') and part of
 *     the rows ('Down'/'Up' only), calculate() [1.6]
 *   RangeFormat: wrapText, horizontalAlignment, verticalAlignment, indentLevel [1.9],
 *     columnWidth [1.2], rowHeight [1.2],
 *     fill (color, clear()), font (bold, italic, size, color, name, underline,
 *     strikethrough [1.9]), borders.getItem('EdgeTop'|'EdgeBottom'|'EdgeLeft'|'EdgeRight'|
 *     'InsideVertical'|'InsideHorizontal') (style, color, weight, sideIndex), borders.count,
 *     protection [1.2] (locked, formulaHidden)
 *   DataValidation [1.8]: rule (wholeNumber, decimal, textLength, list, custom), prompt,
 *     errorAlert, ignoreBlanks, type, valid, clear()
 *   ConditionalFormatCollection [1.6]: items, add('Custom'), clearAll(), getCount(), getItem(id),
 *     getItemAt(i), getItemOrNullObject [1.14]
 *   Application (workbook.application): calculationMode (get; set [1.8]), calculate(type)
 *   ConditionalFormat: id (= its priority in the collection, "0", "1", …), type, priority,
 *     stopIfTrue, custom and customOrNullObject
 *     (rule.formula; format.fill.color, fill.clear(); format.font.color/bold/italic,
 *     font.clear()), delete(), getRange(), getRangeOrNullObject()
 *   NamedItemCollection (workbook.names, worksheet.names [1.4]): items, add(name, range|formula,
 *     comment?) [1.4], getItem, getItemOrNullObject [1.4], getCount [1.4]
 *   NamedItem: name, formula [1.7] (get/set), value, type, comment [1.4], visible, scope [1.4],
 *     delete() [1.4], getRange(), getRangeOrNullObject() [1.4]
 *   DocumentProperties [1.7]: custom → CustomPropertyCollection: items, add(key, value),
 *     getItem, getItemOrNullObject, getCount, deleteAll; CustomProperty: key, value, type, delete()
 *   EventHandlers: add(handler) → EventHandlerResult { context, remove() }, remove(handler)
 *   Event args: WorksheetChangedEventArgs { type, address, worksheetId, changeType, source,
 *     details?, triggerSource, getRange(ctx), getRangeOrNullObject(ctx) },
 *     WorksheetActivatedEventArgs { type, worksheetId }
 *   ClientResult: value
 *
 * Test/playground helpers (not Excel API) are the methods of MemoryWorkbook below: run,
 * stats (also callable: stats()), resetStats, isSetSupported, setFormulaEvaluator,
 * formulaEvaluations, sheetNames, getCell, sheetView, activeSheetName, validationPrompt,
 * validateTypedValue, setCellFromUser, pasteFromUser, activateFromUser, selectFromUser,
 * evaluateConditionalFormats, subscribe, whenIdle, eventHandlerCount, addUserConditionalFormat,
 * setCalculationModeFromUser, pasteCopiedCellsFromUser. Option payloadLimitBytes: Excel on the
 * web's request/response size limit (payload.ts).
 * Guesses about Excel's behaviour are marked "Guess:" where they are made.
 */
import { a1Rect, MAX_COLS, MAX_ROWS, parseAddress, type Rect } from './address';
import { unwrap } from './proxyGuard';
import { MemoryContext, type Host } from './requestContext';
import { DEFAULT_REQUIREMENT_SETS, isSetSupported } from './requirementSets';
import { ExcelApiError, invalidArgument } from './errors';
import type { FormulaEvaluatorLike } from './evaluator';
import { activatedArgs, changedArgs, EventHub } from './events';
import type { CfFormat, SheetModel } from './model';
import { formatText, parseInput, type ParsedInput } from './numberFormat';
import { numberFormatAt, styleAt } from './rangeOps';
import { dvAccepts, evaluateConditionalFormats as evaluateCfs } from './rules';
import { DEFAULT_STYLE, STANDARD_HEIGHT, STANDARD_WIDTH, type BorderStyle } from './styles';
import { apiValue, valueType, type ApiValueType } from './values';
import { Workbook } from './workbook';
import type { WorkbookModel, ChangeRecord } from './workbookModel';
import { SharedWorkbook, type ClientView, type CoauthorClient } from './coauthoring';
import { CALCULATION_MODES, type CalculationMode } from './calc';
import { pasteCopiedCells } from './paste';
import { setPayloadLimit } from './payload';
import { addUserRule, type UserRuleType } from './userRules';

export type { EvalContext, FormulaEvaluator, FormulaEvaluatorLike } from './evaluator';
export { createDefaultEvaluator } from './evaluator';
export { ExcelApiError } from './errors';
export { SharedWorkbook } from './coauthoring';
export type { SyncPoint, SharedWorkbookOptions } from './coauthoring';
export type { CfFormat } from './model';
export { DEFAULT_REQUIREMENT_SETS } from './requirementSets';

export interface MemoryWorkbookOptions {
  /** e.g. { ExcelApi: '1.8' }. Default: ExcelApi 1.17. */
  requirementSets?: Record<string, string>;
  /** Name of the simulated user (the playground shows it). */
  user?: string;
  /** Sheets present at creation. Default: ['Sheet1']. */
  sheets?: string[];
  /** Whether cell edits made through the API fire onChanged, as Excel does. Default true. */
  apiEditsFireOnChanged?: boolean;
  /** This person may only view the workbook: every write fails with AccessDenied. */
  readOnly?: boolean;
  /** Delay before a co-author's onChanged fires for this workbook's edits (ms); see coauthoring.ts. */
  remoteDelayMs?: number;
  /** Join this shared workbook as another co-author (see MemoryWorkbook.coauthor). */
  shared?: SharedWorkbook;
  /**
   * Excel on the web's request/response size limit (5 MB there: 5 * 1024 * 1024); see payload.ts.
   * Default off. Infinity measures (stats.lastRequestBytes/lastResponseBytes) without a limit.
   */
  payloadLimitBytes?: number;
}

export interface CellView {
  address: string;
  /** As Range.values reads it: '' for blank, errors as text. */
  value: number | string | boolean;
  /** The formula, or undefined for a constant. */
  formula?: string;
  numberFormat: string;
  text: string;
  valueType: ApiValueType;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  locked: boolean;
  borders?: { top?: BorderStyle; bottom?: BorderStyle; left?: BorderStyle; right?: BorderStyle };
  /** The merged area containing the cell, e.g. 'B2:D2'. */
  mergedArea?: string;
  hasValidation: boolean;
}

export interface ValidationVerdict {
  /** The value passes the cell's data validation (or there is none). */
  valid: boolean;
  /** Excel would refuse the entry (invalid with a Stop alert shown). */
  rejected: boolean;
  /** The alert Excel shows for an invalid value, when its alert is on. */
  alert: { style: 'Stop' | 'Warning' | 'Information'; title: string; message: string } | null;
}

export interface TypedEntryResult extends ValidationVerdict {
  /** The value was written. */
  accepted: boolean;
}

export interface SheetView {
  name: string;
  id: string;
  visibility: string;
  tabColor: string;
  /** Extent of cells holding anything (0 when empty). */
  rowCount: number;
  columnCount: number;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  standardWidth: number;
  standardHeight: number;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  merges: string[];
  freeze: { rows: number; columns: number } | null;
  active: boolean;
  /** The selection on this sheet, e.g. 'D7'. */
  selection: string | null;
}

type Listener = () => void;

/** Counters; also callable (`stats()`) for a snapshot. */
export interface WorkbookStats {
  (): { syncs: number; operations: number; writeSyncs: number };
  /** Round trips: syncs that sent at least one command (an empty sync sends nothing in Office.js). */
  syncs: number;
  /** Queued commands: each method call, property write, load. */
  operations: number;
  /** Round trips that carried at least one write (every co-author sees those). */
  writeSyncs: number;
  /** Size of the last sync's request and response as payload.ts measures them (0 without payloadLimitBytes). */
  lastRequestBytes: number;
  lastResponseBytes: number;
}

function makeStats(): WorkbookStats {
  const stats = Object.assign(
    () => ({ syncs: stats.syncs, operations: stats.operations, writeSyncs: stats.writeSyncs }),
    { syncs: 0, operations: 0, writeSyncs: 0, lastRequestBytes: 0, lastResponseBytes: 0 },
  );
  return stats;
}

/**
 * One person's Excel on a workbook: their Excel.run, their add-in's event handlers, their active
 * sheet and selection. Several MemoryWorkbooks can share one workbook (`coauthor()`).
 */
export class MemoryWorkbook implements CoauthorClient {
  readonly stats: WorkbookStats = makeStats();
  /** The workbook this person has open, shared with every co-author. */
  readonly shared: SharedWorkbook;
  readonly readOnly: boolean;
  private readonly model: WorkbookModel;
  private readonly view: ClientView;
  private readonly hub = new EventHub();
  private readonly listeners = new Set<Listener>();
  private readonly requirementSets: Record<string, string>;
  private readonly contexts = new WeakMap<object, MemoryContext>();
  private readonly apiEditsFire: boolean;
  readonly user: string;
  private readonly host: Host;

  constructor(options: MemoryWorkbookOptions = {}) {
    this.requirementSets = { ...DEFAULT_REQUIREMENT_SETS, ...(options.requirementSets ?? {}) };
    this.user = options.user ?? 'Người dùng';
    this.apiEditsFire = options.apiEditsFireOnChanged ?? true;
    this.readOnly = options.readOnly ?? false;
    this.shared =
      options.shared ?? new SharedWorkbook({ sheets: options.sheets, remoteDelayMs: options.remoteDelayMs });
    this.model = this.shared.model;
    this.view = { activeSheet: this.model.activeSheet, selection: this.model.selection };
    this.shared.join(this);
    // run is passed around detached ({ run: wb.run }), as Excel.run is.
    this.run = this.run.bind(this) as MemoryWorkbook['run'];
    this.host = {
      model: this.model,
      stats: this.stats,
      events: this.hub,
      apiVersion: (set: string) => this.requirementSets[set],
      afterSync: () => this.afterSync(),
      beforeSync: () => this.shared.beforeSync(this),
      execute: (commands: () => void) => this.shared.withView(this.view, commands),
      readOnly: this.readOnly,
      createWorkbook: (ctx: MemoryContext) => new Workbook(ctx) as never,
    };
    setPayloadLimit(this.host, options.payloadLimitBytes);
  }

  /**
   * Another person opening the same workbook (co-authoring): their own Excel.run, events, active
   * sheet and rights. Their edits reach this workbook's handlers as Remote events and vice versa.
   */
  coauthor(options: Omit<MemoryWorkbookOptions, 'shared' | 'sheets'> = {}): MemoryWorkbook {
    return new MemoryWorkbook({ ...options, shared: this.shared });
  }

  /** This person closes the workbook: no more events reach their handlers. */
  close(): void {
    this.shared.leave(this);
  }

  // ---- the Excel.run equivalent -------------------------------------------------------------
  /**
   * Like Excel.run: a fresh context per call (or the context of a given context / API object,
   * as Excel.run(object, batch) does), a final sync when the batch's promise resolves, objects
   * invalid afterwards.
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(
    previous: Excel.RequestContext | OfficeExtension.ClientRequestContext | OfficeExtension.ClientObject,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
  async run<T>(a: unknown, b?: unknown): Promise<T> {
    let ctx: MemoryContext;
    let batch: (context: Excel.RequestContext) => Promise<T>;
    let reused = false;
    if (b === undefined) {
      ctx = this.newContext();
      batch = a as typeof batch;
    } else {
      const found = this.contextOf(a) ?? unwrap(a)?.ctx;
      if (!found || found.host !== this.host) throw invalidArgument('run', 'not a context or object of this workbook');
      ctx = found;
      batch = b as typeof batch;
      reused = true;
    }
    if (typeof batch !== 'function') throw invalidArgument('run');
    const wasAlive = ctx.alive;
    ctx.alive = true;
    try {
      const p = batch(ctx.proxy) as unknown;
      if (!p || typeof (p as Promise<T>).then !== 'function') throw new ExcelApiError('RunMustReturnPromise');
      const result = await (p as Promise<T>);
      await ctx.sync();
      return result;
    } finally {
      ctx.alive = reused ? wasAlive : false;
    }
  }

  private newContext(): MemoryContext {
    const ctx = new MemoryContext(this.host);
    this.contexts.set(ctx.proxy as unknown as object, ctx);
    return ctx;
  }

  private contextOf(ctxProxy: unknown): MemoryContext | undefined {
    return typeof ctxProxy === 'object' && ctxProxy !== null ? this.contexts.get(ctxProxy) : undefined;
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.operations = 0;
    this.stats.writeSyncs = 0;
  }

  /** Office.context.requirements.isSetSupported for this workbook's configuration. */
  isSetSupported(name: string, version?: string): boolean {
    return isSetSupported(this.requirementSets, name, version);
  }

  setFormulaEvaluator(evaluator: FormulaEvaluatorLike): void {
    this.model.engine.setEvaluator(evaluator);
    this.notify();
  }

  /** Formulas evaluated so far (benchmarks use it to show incremental recalculation). */
  get formulaEvaluations(): number {
    return this.model.engine.evaluations;
  }

  // ---- helpers for tests and the playground (not Excel API) ---------------------------------
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  private sheet(name: string): SheetModel {
    const s = this.model.sheetByName(name);
    if (!s) throw new Error(`memoryExcel: no sheet named ${name}`);
    return s;
  }

  private cellAt(address: string): { row: number; col: number } {
    const p = parseAddress(address);
    if (!p || p.rect.top !== p.rect.bottom || p.rect.left !== p.rect.right)
      throw new Error(`memoryExcel: not a cell address: ${address}`);
    return { row: p.rect.top, col: p.rect.left };
  }

  getCell(sheetName: string, address: string): CellView {
    const sheet = this.sheet(sheetName);
    const { row, col } = this.cellAt(address);
    this.model.engine.recalc();
    const cell = sheet.get(row, col);
    const v = cell?.value ?? null;
    const fmt = numberFormatAt(sheet, row, col);
    const style = styleAt(sheet, row, col);
    const merge = sheet.mergeAt(row, col);
    const view: CellView = {
      address: a1Rect({ top: row, left: col, bottom: row, right: col }),
      value: apiValue(v),
      numberFormat: fmt,
      text: formatText(v, fmt),
      valueType: valueType(v),
      locked: style?.locked ?? DEFAULT_STYLE.locked,
      hasValidation: !!cell?.dv?.entry.rule,
    };
    if (cell?.formula) view.formula = cell.formula;
    if (style?.fill) view.fill = style.fill;
    if (style?.fontColor) view.fontColor = style.fontColor;
    if (style?.bold !== undefined) view.bold = style.bold;
    if (style?.italic !== undefined) view.italic = style.italic;
    if (style?.fontSize !== undefined) view.fontSize = style.fontSize;
    if (style?.hAlign) view.horizontalAlignment = style.hAlign;
    if (style?.vAlign) view.verticalAlignment = style.vAlign;
    if (style?.wrap !== undefined) view.wrapText = style.wrap;
    if (style?.indent !== undefined) view.indentLevel = style.indent;
    if (style?.top || style?.bottom || style?.left || style?.right)
      view.borders = {
        ...(style.top ? { top: style.top } : {}),
        ...(style.bottom ? { bottom: style.bottom } : {}),
        ...(style.left ? { left: style.left } : {}),
        ...(style.right ? { right: style.right } : {}),
      };
    if (merge) view.mergedArea = a1Rect(merge);
    return view;
  }

  /** Layout facts the playground grid needs to draw a sheet. */
  sheetView(sheetName: string): SheetView {
    const s = this.sheet(sheetName);
    const ext = s.usedRect(false);
    this.shared.withView(this.view, () => undefined); // drops a deleted sheet from this view
    const sel = this.view.selection;
    return {
      name: s.name,
      id: s.id,
      visibility: s.visibility,
      tabColor: s.tabColor,
      rowCount: ext ? ext.bottom + 1 : 0,
      columnCount: ext ? ext.right + 1 : 0,
      columnWidths: new Map(s.colWidths),
      rowHeights: new Map(s.rowHeights),
      standardWidth: STANDARD_WIDTH,
      standardHeight: STANDARD_HEIGHT,
      hiddenRows: new Set(s.hiddenRows),
      hiddenColumns: new Set(s.hiddenCols),
      merges: s.merges.map(a1Rect),
      freeze: s.freeze ? { rows: s.freeze.rows, columns: s.freeze.cols } : null,
      active: this.view.activeSheet === s,
      selection: sel && sel.sheet === s ? a1Rect(sel.rect) : null,
    };
  }

  activeSheetName(): string | null {
    return this.shared.withView(this.view, () => this.model.activeSheet?.name ?? null);
  }

  /** The data-validation prompt of a cell (shown when it is selected), if any. */
  validationPrompt(sheetName: string, address: string): { title: string; message: string } | null {
    const { row, col } = this.cellAt(address);
    const e = this.sheet(sheetName).get(row, col)?.dv?.entry;
    if (!e?.rule || !e.prompt.showPrompt || (!e.prompt.title && !e.prompt.message)) return null;
    return { title: e.prompt.title, message: e.prompt.message };
  }

  /**
   * Would Excel's data validation accept `input` typed into the cell? Parses the input as typing
   * does (see numberFormat.parseInput); a typed formula is validated by its result.
   */
  validateTypedValue(sheetName: string, address: string, input: string): ValidationVerdict {
    const sheet = this.sheet(sheetName);
    const { row, col } = this.cellAt(address);
    return this.verdict(sheet, row, col, parseInput(input, numberFormatAt(sheet, row, col), 'typed'));
  }

  private verdict(sheet: SheetModel, row: number, col: number, parsed: ParsedInput): ValidationVerdict {
    const binding = sheet.get(row, col)?.dv;
    // Guess: clearing a cell (Delete, or typing nothing) is never validated, as in Excel.
    if (!binding?.entry.rule || parsed.kind === 'blank') return { valid: true, rejected: false, alert: null };
    this.model.engine.recalc();
    let candidate;
    if (parsed.kind === 'formula') {
      try {
        this.model.engine.validate(parsed.formula as string);
      } catch {
        return { valid: false, rejected: true, alert: null };
      }
      candidate = this.model.engine.evaluateAt(sheet, parsed.formula as string, row, col);
    } else candidate = parsed.value ?? null;
    const valid = dvAccepts(this.model, sheet, row, col, candidate);
    if (valid) return { valid, rejected: false, alert: null };
    const a = binding.entry.errorAlert;
    if (!a.showAlert) return { valid, rejected: false, alert: null };
    return { valid, rejected: a.style === 'Stop', alert: { style: a.style, title: a.title, message: a.message } };
  }

  /**
   * An official typing `input` into a cell and pressing Enter: Excel's parsing of typed text,
   * data validation enforced (a Stop alert refuses the entry; Warning/Information are answered
   * "Yes"/"OK" unless `confirmWarnings` is false), then onChanged (with details) and redraw.
   */
  async setCellFromUser(
    sheetName: string,
    address: string,
    input: string,
    options: { confirmWarnings?: boolean } = {},
  ): Promise<TypedEntryResult> {
    const sheet = this.sheet(sheetName);
    const { row, col } = this.cellAt(address);
    const parsed = parseInput(input, numberFormatAt(sheet, row, col), 'typed');
    const v = this.verdict(sheet, row, col, parsed);
    if (v.rejected || (!v.valid && v.alert && options.confirmWarnings === false)) return { ...v, accepted: false };
    if (parsed.kind === 'formula') {
      try {
        this.model.engine.validate(parsed.formula as string);
      } catch {
        // Excel refuses a malformed formula with its "There's a problem with this formula" dialog.
        return { valid: v.valid, rejected: true, alert: null, accepted: false };
      }
    }
    if (this.readOnly) throw new Error('memoryExcel: this user may only view the workbook');
    const before = this.model.readValue(sheet, row, col);
    this.model.applyInput(sheet, row, col, parsed, 'setCellFromUser');
    this.model.engine.recalc();
    const change: ChangeRecord = {
      sheet,
      rect: { top: row, left: col, bottom: row, right: col },
      changeType: 'RangeEdited',
      bySelf: false,
      before,
      after: sheet.get(row, col)?.value ?? null,
    };
    await this.userChanged([change]);
    return { ...v, accepted: true };
  }

  /**
   * Pasting plain text: each cell read as typed text, data validation NOT applied (Excel's paste
   * bypasses it), one onChanged for the whole area without details.
   */
  async pasteFromUser(sheetName: string, address: string, rows: string[][]): Promise<void> {
    const sheet = this.sheet(sheetName);
    const { row, col } = this.cellAt(address);
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (!rows.length || !width) return;
    const rect: Rect = { top: row, left: col, bottom: row + rows.length - 1, right: col + width - 1 };
    if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) throw new Error('memoryExcel: paste beyond the grid');
    if (this.readOnly) throw new Error('memoryExcel: this user may only view the workbook');
    rows.forEach((line, i) =>
      line.forEach((text, j) => {
        const r = row + i;
        const c = col + j;
        let parsed = parseInput(text, numberFormatAt(sheet, r, c), 'paste');
        if (parsed.kind === 'formula') {
          try {
            this.model.engine.validate(parsed.formula as string);
          } catch {
            parsed = { kind: 'value', value: text };
          }
        }
        this.model.applyInput(sheet, r, c, parsed, 'pasteFromUser');
      }),
    );
    this.model.engine.recalc();
    await this.userChanged([{ sheet, rect, changeType: 'RangeEdited', bySelf: false }]);
  }

  /** A click on a sheet tab: activates it and fires onActivated. */
  async activateFromUser(sheetName: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    if (this.view.activeSheet === sheet) return;
    if (sheet.visibility !== 'Visible') throw new Error(`memoryExcel: sheet ${sheetName} is hidden`);
    this.view.activeSheet = sheet;
    this.notify();
    await this.hub.fire('activated', sheet, activatedArgs(sheet));
  }

  /** A click on a cell: selection (what getSelectedRange/getActiveCell return). */
  selectFromUser(sheetName: string, address: string): void {
    const sheet = this.sheet(sheetName);
    const p = parseAddress(address);
    if (!p) throw new Error(`memoryExcel: bad address ${address}`);
    this.view.activeSheet = sheet;
    this.view.selection = { sheet, rect: p.rect };
    this.notify();
  }

  /** Formats the sheet's conditional formats put on cells now ('D7' → fill/font), for display. */
  evaluateConditionalFormats(sheetName: string): Map<string, CfFormat> {
    return evaluateCfs(this.model, this.sheet(sheetName));
  }

  /** Redraw notifications: after every sync that ran commands and every user edit. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when background event handlers (fired by API edits) have finished; rethrows their errors. */
  whenIdle(): Promise<void> {
    return this.hub.whenIdle();
  }

  /** Number of registered event handlers (tests check that stop() removes them). */
  get eventHandlerCount(): number {
    return this.hub.count;
  }

  /** CoauthorClient: a co-author's changes, delivered to this person's handlers as Remote events. */
  receiveRemote(changes: ChangeRecord[], delayMs: number): void {
    const live = changes.filter((c) => !c.sheet.deleted);
    if (live.length === 0) return;
    this.hub.background(() => this.dispatchChanges(live, 'Remote'), delayMs);
  }

  /** CoauthorClient: redraw after anyone's change. */
  redraw(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Redraws every co-author's view (the model changed). */
  private notify(): void {
    this.model.version++;
    this.shared.publish(this, []);
  }

  private async dispatchChanges(changes: ChangeRecord[], source: 'Local' | 'Remote' = 'Local'): Promise<void> {
    for (const c of changes)
      await this.hub.fire(
        'changed',
        c.sheet,
        changedArgs(
          c,
          (x) => this.contextOf(x),
          source,
          (v) => this.isSetSupported('ExcelApi', v),
        ),
      );
  }

  /** A user's own edit: Local events here, Remote events for everyone else. */
  private async userChanged(changes: ChangeRecord[]): Promise<void> {
    this.model.version++;
    this.shared.publish(this, changes);
    await this.dispatchChanges(changes);
  }

  private afterSync(): void {
    const changes = this.model.takeChanges();
    const activations = this.model.pendingActivations.splice(0);
    this.model.version++;
    this.shared.publish(this, changes);
    const fire = this.apiEditsFire ? changes : [];
    if (fire.length === 0 && activations.length === 0) return;
    this.hub.background(async () => {
      await this.dispatchChanges(fire);
      for (const s of activations) await this.hub.fire('activated', s, activatedArgs(s));
    });
  }

  // ---- more user actions (issue 11) ------------------------------------------------------------
  private rectOf(address: string): Rect {
    const p = parseAddress(address);
    if (!p) throw new Error(`memoryExcel: bad address ${address}`);
    return p.rect;
  }

  /** An official adding a rule of another type in Excel (Home › Conditional Formatting); see userRules.ts. */
  addUserConditionalFormat(sheetName: string, address: string, type: UserRuleType): void {
    addUserRule(this.sheet(sheetName), this.rectOf(address), type);
    this.notify();
  }

  /** An official choosing Formulas › Calculation Options (see calc.ts for Manual mode). */
  setCalculationModeFromUser(mode: CalculationMode): void {
    if (!CALCULATION_MODES.includes(mode)) throw new Error(`memoryExcel: no calculation mode ${String(mode)}`);
    this.model.engine.mode = mode;
    this.notify();
  }

  /**
   * An official copying cells (Ctrl+C) and pasting them (Ctrl+V) with their top-left cell at the
   * target (a cell, or a range of the source's size); see paste.ts. Data validation is not
   * applied; one onChanged for the whole area without details, as pasteFromUser.
   */
  async pasteCopiedCellsFromUser(
    sourceSheet: string,
    sourceAddress: string,
    targetSheet: string,
    targetAddress: string,
  ): Promise<void> {
    const from = this.sheet(sourceSheet);
    const to = this.sheet(targetSheet);
    const source = this.rectOf(sourceAddress);
    const t = this.rectOf(targetAddress);
    const single = t.top === t.bottom && t.left === t.right;
    if (!single && (t.bottom - t.top !== source.bottom - source.top || t.right - t.left !== source.right - source.left))
      throw new Error('memoryExcel: paste target must be one cell or the size of the copied cells');
    if (this.readOnly) throw new Error('memoryExcel: this user may only view the workbook');
    const rect = pasteCopiedCells(this.model, from, source, to, t.top, t.left);
    this.model.engine.recalc();
    await this.userChanged([{ sheet: to, rect, changeType: 'RangeEdited', bySelf: false }]);
  }
}

export function createMemoryWorkbook(options?: MemoryWorkbookOptions): MemoryWorkbook {
  return new MemoryWorkbook(options);
}
