/**
 * One person's Excel session on a workbook, possibly shared with co-authors: their Excel.run and
 * its request contexts, their add-in's event handlers and the Local/Remote events that reach
 * them, redraw notifications, the round-trip counters and the requirement sets they have.
 * MemoryWorkbook (index.ts) extends it with what the person does by hand and what tests and the
 * playground read; the session is kept apart because it is what the Excel JS API sees, whereas
 * those helpers are not Excel API.
 */
import { ExcelApiError, invalidArgument } from './errors';
import { SharedWorkbook, type ClientView, type CoauthorClient } from './coauthoring';
import { activatedArgs, changedArgs, EventHub, sheetEventArgs } from './events';
import { setPayloadLimit } from './payload';
import { unwrap } from './proxyGuard';
import { MemoryContext, type Host } from './requestContext';
import { compareVersions, DEFAULT_REQUIREMENT_SETS, isSetSupported } from './requirementSets';
import { UndoStack } from './undo';
import { Workbook } from './workbook';
import type { ChangeRecord, SheetEvent, WorkbookModel } from './workbookModel';

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
  /**
   * The list separator of this person's system: ';' on a Vietnamese (or French, German…) Windows.
   * Formulas given to names.add / NamedItem.formula are parsed with it (names.ts). Default ','.
   */
  listSeparator?: ',' | ';';
  /**
   * The decimal separator of this person's Excel (Application.decimalSeparator and the system's
   * cultureInfo.numberFormat.numberDecimalSeparator, ExcelApi 1.11): ',' on a Vietnamese system.
   * Cells show numbers with it and typed or pasted text is read with it (numberFormat.ts
   * inDotNotation). Default '.'.
   */
  decimalSeparator?: ',' | '.';
}

type Listener = () => void;

type RunOptionsLike = { delayForCellEdit?: unknown; mergeUndoGroup?: unknown; previousObjects?: unknown };

/** Excel.run's first argument as RunOptions: a plain object, not an API object or context. */
function isRunOptions(a: unknown): a is RunOptionsLike {
  return typeof a === 'object' && a !== null && !unwrap(a) && Object.getPrototypeOf(a) === Object.prototype;
}

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
 * What the Excel JS API sees of one person's MemoryWorkbook: their Excel.run and its contexts,
 * their add-in's event handlers, their active sheet and selection (`view`).
 */
export abstract class WorkbookSession implements CoauthorClient {
  readonly stats: WorkbookStats = makeStats();
  /** The workbook this person has open, shared with every co-author. */
  readonly shared: SharedWorkbook;
  readonly readOnly: boolean;
  protected readonly model: WorkbookModel;
  protected readonly view: ClientView;
  protected readonly hub = new EventHub();
  private readonly listeners = new Set<Listener>();
  private readonly requirementSets: Record<string, string>;
  private readonly contexts = new WeakMap<object, MemoryContext>();
  private readonly apiEditsFire: boolean;
  readonly user: string;
  private readonly host: Host;
  /** This person's Ctrl+Z (undo.ts). */
  readonly undo: UndoStack;
  /** The cell this person is editing (F2, or typing before Enter), if any; see cellEditGate. */
  protected editing: { sheet: string; address: string } | null = null;
  private editEnded: (() => void)[] = [];
  private runs = 0;

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
    this.run = this.run.bind(this) as WorkbookSession['run'];
    this.host = {
      model: this.model,
      stats: this.stats,
      events: this.hub,
      apiVersion: (set: string) => this.requirementSets[set],
      afterSync: (ctx: MemoryContext, writes: number) => this.afterSync(ctx, writes),
      beforeSync: () => this.shared.beforeSync(this),
      cellEditGate: (ctx: MemoryContext) => this.cellEditGate(ctx),
      execute: (commands: () => void) => this.shared.withView(this.view, commands),
      readOnly: this.readOnly,
      openBy: () => this.shared.clients.length,
      listSeparator: options.listSeparator ?? ',',
      decimalSeparator: options.decimalSeparator ?? '.',
      createWorkbook: (ctx: MemoryContext) => new Workbook(ctx) as never,
    };
    setPayloadLimit(this.host, options.payloadLimitBytes);
    this.undo = new UndoStack(() => this.requirementSets.ExcelApi);
  }

  /** The decimal separator of this person's Excel (WorkbookSessionOptions.decimalSeparator). */
  get decimalSeparator(): ',' | '.' {
    return this.host.decimalSeparator;
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
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  async run<T>(a: unknown, b?: unknown): Promise<T> {
    let ctx: MemoryContext;
    let batch: (context: Excel.RequestContext) => Promise<T>;
    let reused = false;
    if (b === undefined) {
      ctx = this.newContext();
      batch = a as typeof batch;
    } else if (!this.contextOf(a) && !unwrap(a) && isRunOptions(a)) {
      // Excel.run(options, batch): a new context unless options.previousObjects names one.
      const previous = a.previousObjects;
      const found = previous === undefined ? undefined : (this.contextOf(previous) ?? unwrap(previous)?.ctx);
      if (previous !== undefined && (!found || found.host !== this.host))
        throw invalidArgument('run', 'previousObjects is not a context or object of this workbook');
      ctx = found ?? this.newContext();
      ctx.options = { delayForCellEdit: a.delayForCellEdit === true, mergeUndoGroup: a.mergeUndoGroup === true };
      batch = b as typeof batch;
      reused = found !== undefined;
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
    ctx.runNumber = ++this.runs;
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
  receiveRemote(changes: ChangeRecord[], delayMs: number, sheetEvents: SheetEvent[] = []): void {
    const live = changes.filter((c) => !c.sheet.deleted);
    if (live.length === 0 && sheetEvents.length === 0) return;
    this.hub.background(async () => {
      await this.dispatchSheetEvents(sheetEvents);
      await this.dispatchChanges(live);
    }, delayMs);
  }

  private async dispatchSheetEvents(events: SheetEvent[]): Promise<void> {
    for (const e of events) {
      const set = e.kind === 'NameChanged' ? '1.17' : '1.7';
      if (this.isSetSupported('ExcelApi', set)) await this.hub.fire(e.kind, e.sheet, sheetEventArgs(e));
    }
  }

  // ---- cell-edit mode ------------------------------------------------------------------------
  /**
   * Excel.RunOptions.delayForCellEdit (@types/office-js): "When `false`, if the user is in cell
   * edit when the batch request is processed by the host, the batch automatically fails. When
   * `true`, … if the user is in cell edit mode then the batch request is delayed until the user
   * exits cell edit mode." The error is Excel.ErrorCodes.invalidOperationInCellEditMode.
   * Guesses: each round trip is a "batch request" (checked at every sync, nothing of a failed one
   * runs); only this person's own editing counts (a co-author editing a cell blocks nobody else);
   * the typings name no requirement set for the option, so it is honoured from ExcelApi 1.11
   * (the release of the 2020 documentation that introduced it) and a host below that fails the
   * batch as if it were absent.
   */
  private async cellEditGate(ctx: MemoryContext): Promise<void> {
    if (!this.editing) return;
    const has = compareVersions(this.requirementSets.ExcelApi ?? '1.1', '1.11') >= 0;
    if (!ctx.options.delayForCellEdit || !has)
      throw new ExcelApiError('InvalidOperationInCellEditMode', undefined, 'RequestContext.sync');
    await new Promise<void>((resolve) => this.editEnded.push(resolve));
  }

  /** The edit ends (Enter, Esc, a click elsewhere): batches that waited for it run. */
  protected leaveCellEdit(): void {
    this.editing = null;
    for (const resolve of this.editEnded.splice(0)) resolve();
  }

  /** CoauthorClient: redraw after anyone's change. */
  redraw(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Redraws every co-author's view (the model changed). */
  protected notify(): void {
    this.model.version++;
    this.shared.publish(this, []);
  }

  private async dispatchChanges(changes: ChangeRecord[]): Promise<void> {
    for (const c of changes) await this.hub.fire('changed', c.sheet, changedArgs(c));
  }

  /** A user's own edit: one undo record each, Local events here, Remote events for everyone else. */
  protected async userChanged(changes: ChangeRecord[]): Promise<void> {
    this.model.version++;
    for (const c of changes) this.undo.userEdit(this.model.describe(c.sheet, c.rect));
    const sheetEvents = this.model.pendingSheetEvents.splice(0);
    this.shared.publish(this, changes, sheetEvents);
    await this.dispatchSheetEvents(sheetEvents);
    await this.dispatchChanges(changes);
  }

  private afterSync(ctx: MemoryContext, writes: number): void {
    const changes = this.model.takeChanges();
    const activations = this.model.pendingActivations.splice(0);
    const sheetEvents = this.model.pendingSheetEvents.splice(0);
    if (writes > 0) this.undo.addinWrite(ctx.runNumber, ctx.options.mergeUndoGroup === true);
    this.model.version++;
    this.shared.publish(this, changes, sheetEvents);
    const fire = this.apiEditsFire ? changes : [];
    if (fire.length === 0 && activations.length === 0 && sheetEvents.length === 0) return;
    this.hub.background(async () => {
      await this.dispatchSheetEvents(sheetEvents);
      await this.dispatchChanges(fire);
      for (const s of activations) await this.hub.fire('activated', s, activatedArgs(s));
    });
  }
}
