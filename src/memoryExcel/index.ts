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
 * Implemented members (ExcelApi version in brackets when above 1.1) — those the adapter, the
 * playground, the self-test or their tests use, and no more (test/memoryExcel/unusedMembers.test.ts):
 *   Excel.run(batch), run(context | object, batch), run(options, batch) with RunOptions
 *     delayForCellEdit and mergeUndoGroup [1.20] (cell-edit mode and undo: session.ts, undo.ts)
 *   RequestContext: sync(), workbook
 *   (every object): load(string | string[] | {select, expand} | {prop: true}), isNullObject, context
 *   Workbook: worksheets, names, properties [1.7], application, readOnly [1.8], getSelectedRange(),
 *     getIsActiveCollabSession() [1.9]
 *   WorksheetCollection: items, add(name?), getItem(name|id), getItemOrNullObject [1.4],
 *     getActiveWorksheet(), onAdded/onDeleted [1.7], onNameChanged [1.17]
 *   Worksheet: id, name (get/set), position (get/set), visibility (get/set), activate(), delete(),
 *     getRange(address?), getUsedRange(valuesOnly?), getUsedRangeOrNullObject [1.4],
 *     freezePanes [1.7], names [1.4], pageLayout [1.9], onChanged [1.7], onActivated [1.7],
 *     protection [1.2]
 *   WorksheetProtection [1.2]: protected, protect(), unprotect() (protection.ts: writes refused)
 *   WorksheetFreezePanes: freezeRows, freezeColumns, freezeAt(range|address), unfreeze
 *   PageLayout [1.9]: orientation, paperSize, zoom, setPrintTitleRows(range|address)
 *   Range: address, values, formulas, numberFormat (2-D get/set; a single non-array value sets
 *     every cell), valueTypes, columnHidden [1.2], format, dataValidation [1.8],
 *     conditionalFormats [1.6], getUsedRangeOrNullObject [1.4], merge(across?) [1.2],
 *     unmerge [1.2], clear('All'|'Formats'|'Contents'), select(), insert(shift) for whole rows
 *     ('Down'), whole columns ('Right') and part of the rows ('Down' only), calculate() [1.6]
 *   RangeFormat: wrapText, horizontalAlignment, verticalAlignment, indentLevel [1.9],
 *     columnWidth [1.2], rowHeight [1.2], fill (color, clear()), font (bold, italic, size, color,
 *     name), borders.getItem('EdgeTop'|'EdgeBottom'|'EdgeLeft'|'EdgeRight'|'InsideVertical'|
 *     'InsideHorizontal') (style, color, weight)
 *   DataValidation [1.8]: rule (wholeNumber, decimal, list, custom), prompt, errorAlert,
 *     ignoreBlanks, type, clear()
 *   ConditionalFormatCollection [1.6]: items, add('Custom'), clearAll(), getCount(), getItem(id),
 *     getItemAt(i)
 *   Application (workbook.application): calculationMode (get; set [1.8])
 *   ConditionalFormat: id (= its priority in the collection, "0", "1", …), type, custom and
 *     customOrNullObject (rule.formula; format.fill.color, fill.clear(); format.font.color/bold/
 *     italic, font.clear()), delete(), getRangeOrNullObject()
 *   NamedItemCollection (workbook.names, worksheet.names [1.4]): items, add(name, range|formula,
 *     comment?) [1.4], getItem, getItemOrNullObject [1.4]
 *   NamedItem: name, formula [1.7] (get/set), value, type, delete() [1.4]
 *   DocumentProperties [1.7]: custom → CustomPropertyCollection: items, add(key, value),
 *     getItem, getItemOrNullObject; CustomProperty: key, value, type, delete()
 *   EventHandlers: add(handler) → EventHandlerResult { context, remove() }
 *   Event args: WorksheetChangedEventArgs { type, address, worksheetId, changeType },
 *     WorksheetActivatedEventArgs { type, worksheetId }, WorksheetAdded/DeletedEventArgs
 *     { type, worksheetId }, WorksheetNameChangedEventArgs { type, worksheetId, nameAfter }
 *   ClientResult: value
 *
 * Test/playground helpers (not Excel API) are the methods of MemoryWorkbook below and of the
 * WorkbookSession it extends (session.ts): run, stats (also callable: stats()), resetStats,
 * isSetSupported, sheetNames, getCell, sheetView, activeSheetName, validationPrompt,
 * validateTypedValue, setCellFromUser, pasteFromUser, activateFromUser, selectFromUser,
 * evaluateConditionalFormats, subscribe, whenIdle, eventHandlerCount, addUserConditionalFormat,
 * userConditionalFormats,
 * setCalculationModeFromUser, pasteCopiedCellsFromUser, beginCellEditFromUser, endCellEditFromUser,
 * deleteSheetFromUser, renameSheetFromUser, protectSheetFromUser, undo (entries),
 * createWorkbook (Excel.createWorkbook: the workbooks opened are recorded in `createdWorkbooks`,
 * base64 as given). Option payloadLimitBytes: Excel on the
 * web's request/response size limit (payload.ts).
 * Guesses about Excel's behaviour are marked "Guess:" where they are made.
 */
import { a1Rect, parseAddress, type Rect } from './address';
import { CALCULATION_MODES, type CalculationMode } from './calc';
import { ExcelApiError, invalidArgument } from './errors';
import { activatedArgs } from './events';
import type { CfFormat, SheetModel } from './model';
import { pasteCopiedCells } from './paste';
import { evaluateConditionalFormats as evaluateCfs } from './rules';
import { WorkbookSession, type MemoryWorkbookOptions } from './session';
import { cellView, sheetView, type CellView, type SheetView } from './sheetViews';
import {
  judgeTypedEntry,
  pasteArea,
  typedVerdict,
  validationPrompt,
  writePastedText,
  writeTypedEntry,
  type TypedEntryResult,
  type ValidationVerdict,
} from './userEntry';
import { addUserRule, type UserRuleType } from './userRules';

export { ExcelApiError } from './errors';
export { SharedWorkbook } from './coauthoring';
export type { SyncPoint, SharedWorkbookOptions } from './coauthoring';
export type { CfFormat } from './model';
export type { CellView, SheetView } from './sheetViews';
export type { TypedEntryResult, ValidationVerdict } from './userEntry';
export { DEFAULT_REQUIREMENT_SETS } from './requirementSets';
export type { MemoryWorkbookOptions, WorkbookStats } from './session';

/**
 * One person's Excel on a workbook: their Excel.run, their add-in's event handlers, their active
 * sheet and selection. Several MemoryWorkbooks can share one workbook (`coauthor()`). The session
 * the Excel JS API sees is WorkbookSession (session.ts); here, what the person does by hand and
 * the snapshots tests and the playground read.
 */
export class MemoryWorkbook extends WorkbookSession {
  /**
   * Another person opening the same workbook (co-authoring): their own Excel.run, events, active
   * sheet and rights. Their edits reach this workbook's handlers as Remote events and vice versa.
   */
  coauthor(options: Omit<MemoryWorkbookOptions, 'shared' | 'sheets'> = {}): MemoryWorkbook {
    return new MemoryWorkbook({ ...options, shared: this.shared });
  }

  /** The base64 .xlsx of each workbook `createWorkbook` opened, oldest first (what a test reads back). */
  readonly createdWorkbooks: string[] = [];

  /**
   * `Excel.createWorkbook(base64)` [ExcelApi 1.8]: Excel opens a new workbook from the file and the
   * add-in keeps working on the one it runs in (typings: "Creates a new hidden workbook … and
   * opens it"); nothing of this workbook changes. Guess (stricter): a base64 that is not a zip
   * (an .xlsx is one: it starts "UEsDB", the bytes "PK\x03\x04") is refused with InvalidArgument,
   * as is the call below ExcelApi 1.8 (ApiNotFound).
   */
  async createWorkbook(base64?: string): Promise<void> {
    if (!this.isSetSupported('ExcelApi', '1.8')) throw new ExcelApiError('ApiNotFound', undefined, 'createWorkbook');
    if (base64 !== undefined && !/^UEsDB[A-Za-z0-9+/]*={0,2}$/.test(base64))
      throw invalidArgument('createWorkbook', 'base64File is not a base64-encoded .xlsx');
    await Promise.resolve();
    this.createdWorkbooks.push(base64 ?? '');
    this.notify();
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

  /** User actions that write: a view-only person cannot. */
  private assertWritable(): void {
    if (this.readOnly) throw new Error('memoryExcel: this user may only view the workbook');
  }

  getCell(sheetName: string, address: string): CellView {
    const sheet = this.sheet(sheetName);
    const { row, col } = this.cellAt(address);
    return cellView(this.model, sheet, row, col, this.decimalSeparator);
  }

  /** Layout facts the playground grid needs to draw a sheet. */
  sheetView(sheetName: string): SheetView {
    const s = this.sheet(sheetName);
    this.shared.withView(this.view, () => undefined); // drops a deleted sheet from this view
    return sheetView(s, this.view);
  }

  activeSheetName(): string | null {
    return this.shared.withView(this.view, () => this.model.activeSheet?.name ?? null);
  }

  /** The data-validation prompt of a cell (shown when it is selected), if any. */
  validationPrompt(sheetName: string, address: string): { title: string; message: string } | null {
    const { row, col } = this.cellAt(address);
    return validationPrompt(this.sheet(sheetName), row, col);
  }

  /**
   * Would Excel's data validation accept `input` typed into the cell? Parses the input as typing
   * does (see numberFormat.parseInput); a typed formula is validated by its result.
   */
  validateTypedValue(sheetName: string, address: string, input: string): ValidationVerdict {
    const sheet = this.sheet(sheetName);
    const { row, col } = this.cellAt(address);
    return typedVerdict(this.model, sheet, row, col, input, this.decimalSeparator);
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
    const entry = judgeTypedEntry(this.model, sheet, row, col, input, options.confirmWarnings, this.decimalSeparator);
    if (entry.refused) return entry.refused;
    this.assertWritable();
    await this.userChanged([writeTypedEntry(this.model, sheet, row, col, entry.parsed)]);
    return { ...entry.verdict, accepted: true };
  }

  /**
   * Pasting plain text: each cell read as typed text, data validation NOT applied (Excel's paste
   * bypasses it), one onChanged for the whole area without details.
   */
  async pasteFromUser(sheetName: string, address: string, rows: string[][]): Promise<void> {
    const sheet = this.sheet(sheetName);
    const { row, col } = this.cellAt(address);
    const rect = pasteArea(row, col, rows);
    if (!rect) return;
    this.assertWritable();
    writePastedText(this.model, sheet, rect, rows, this.decimalSeparator);
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
    const rect = this.rectOf(address);
    this.view.activeSheet = sheet;
    this.view.selection = { sheet, rect };
    this.notify();
  }

  /** Formats the sheet's conditional formats put on cells now ('D7' → fill/font), for display. */
  evaluateConditionalFormats(sheetName: string): Map<string, CfFormat> {
    return evaluateCfs(this.model, this.sheet(sheetName));
  }

  // ---- more user actions (issue 11) ------------------------------------------------------------
  private rectOf(address: string): Rect {
    const p = parseAddress(address);
    if (!p) throw new Error(`memoryExcel: bad address ${address}`);
    return p.rect;
  }

  /**
   * An official starting to type in a cell (or pressing F2): Excel is in cell-edit mode until
   * endCellEditFromUser. Meanwhile this person's add-in batches fail or wait (session.ts).
   */
  beginCellEditFromUser(sheetName: string, address: string): void {
    this.sheet(sheetName);
    this.cellAt(address);
    if (this.editing) throw new Error('memoryExcel: already editing a cell');
    this.editing = { sheet: sheetName, address };
  }

  /** The edit ends: Enter with `input` (typed as setCellFromUser types it), or Esc without. */
  async endCellEditFromUser(input?: string): Promise<TypedEntryResult | null> {
    const at = this.editing;
    if (!at) throw new Error('memoryExcel: not editing a cell');
    this.leaveCellEdit();
    return input === undefined ? null : this.setCellFromUser(at.sheet, at.address, input);
  }

  /** Right-click › Delete on a sheet tab: WorksheetCollection.onDeleted, Local here, Remote for co-authors. */
  async deleteSheetFromUser(sheetName: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    this.assertWritable();
    this.shared.withView(this.view, () => this.model.deleteSheet(sheet));
    await this.userChanged([]);
  }

  /** Double-click on a sheet tab and a new name: onNameChanged (ExcelApi 1.17). */
  async renameSheetFromUser(sheetName: string, newName: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    this.assertWritable();
    this.model.renameSheet(sheet, newName);
    await this.userChanged([]);
  }

  /** Review › Protect Sheet (on) or Unprotect Sheet (off); see protection.ts. */
  protectSheetFromUser(sheetName: string, on = true): void {
    const sheet = this.sheet(sheetName);
    this.assertWritable();
    sheet.protected = on;
    this.notify();
  }

  /** An official adding a rule of another type in Excel (Home › Conditional Formatting); see userRules.ts. */
  addUserConditionalFormat(sheetName: string, address: string, type: UserRuleType): void {
    addUserRule(this.sheet(sheetName), this.rectOf(address), type);
    this.notify();
  }

  /**
   * The rules an official made in Excel's UI on a sheet, in priority order, as the official sees
   * them in the Rules Manager (type and range): what a test checks survived the add-in's buttons.
   */
  userConditionalFormats(sheetName: string): { type: string; range: string }[] {
    return this.sheet(sheetName)
      .cfs.filter((cf) => cf.byUser)
      .map((cf) => ({ type: cf.type, range: cf.rects.map(a1Rect).join(',') }));
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
    this.assertWritable();
    const rect = pasteCopiedCells(this.model, from, source, to, t.top, t.left);
    this.model.engine.recalc();
    await this.userChanged([{ sheet: to, rect, changeType: 'RangeEdited', bySelf: false }]);
  }
}

export function createMemoryWorkbook(options?: MemoryWorkbookOptions): MemoryWorkbook {
  return new MemoryWorkbook(options);
}
