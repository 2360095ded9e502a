/**
 * The request context of the in-memory Excel JS API: a queue of commands executed at sync(), one
 * round trip per sync, and what the context needs from the workbook that owns it (Host). Kept
 * apart from client.ts (the API objects that queue commands here) because the batching and its
 * failure rules are one concern of their own.
 */
import type { AnyClientObject } from './client';
import { ExcelApiError, invalidObjectPath } from './errors';
import type { WorkbookModel } from './workbookModel';
import { checkRequest, checkResponse, noteRequest, takeRequest } from './payload';
import type { CallInfo } from './payload';
import { guardPlain, unwrap } from './proxyGuard';

/** What the proxies need from the workbook that owns them. */
export interface Host {
  readonly model: WorkbookModel;
  readonly stats: { syncs: number; operations: number; writeSyncs: number };
  /** ExcelApi version available, e.g. '1.8'. */
  apiVersion(set: string): string | undefined;
  /** Called after every executed batch (events, redraw, the undo stack), with its number of writes. */
  afterSync(ctx: MemoryContext, writes: number): void;
  /**
   * Before a batch runs while this person is editing a cell: fails it with
   * InvalidOperationInCellEditMode, or (delayForCellEdit) resolves when the edit ends.
   */
  cellEditGate(ctx: MemoryContext): Promise<void>;
  /**
   * Awaited before a batch runs: a co-author's edit may land here, between two syncs of this
   * client (see coauthoring.ts).
   */
  beforeSync(ctx: MemoryContext): Promise<void>;
  /** Runs a batch's commands with this client's view (active sheet, selection) in the model. */
  execute(commands: () => void): void;
  /** A user with view-only rights: every write fails with AccessDenied. */
  readonly readOnly: boolean;
  /** How many people have the workbook open now, this one included (see coauthoring.ts). */
  openBy(): number;
  /** The list separator of this person's system (names.ts: how name formulas are parsed). */
  readonly listSeparator: ',' | ';';
  /** The decimal separator of this person's Excel (application.ts, session.ts). */
  readonly decimalSeparator: ',' | '.';
  /** Event registrations queued by handlers' add()/remove(), applied at sync. */
  readonly events: EventRegistry;
  /** Creates the workbook proxy for a context (breaks the import cycle with workbook.ts). */
  createWorkbook(ctx: MemoryContext): AnyClientObject;
}

export interface EventRegistry {
  add(reg: EventRegistration): void;
  remove(reg: EventRegistration): void;
}

export interface EventRegistration {
  kind: 'worksheetChanged' | 'worksheetActivated' | 'worksheetsAdded' | 'worksheetsDeleted' | 'worksheetsNameChanged';
  /** For worksheet events: the sheet's id. */
  sheetId?: string;
  handler: (args: unknown) => Promise<unknown> | unknown;
}

/** A command's client-side delivery, run after its sync succeeds (loaded values, null flags). */
export type Apply = () => void;
type Command = () => Apply | void;

export class MemoryContext {
  /** False once the Excel.run that created it has finished (objects become invalid, as in Excel). */
  alive = true;
  /** Writes (property sets, write methods) queued since the last sync. */
  queuedWrites = 0;
  /** Excel.RunOptions given to the Excel.run that created this context. */
  options: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean } = {};
  /** Which Excel.run (of this person) the context belongs to: one undo group with mergeUndoGroup. */
  runNumber = 0;
  private queue: Command[] = [];
  private workbookObj: AnyClientObject | undefined;
  readonly proxy: Excel.RequestContext;

  constructor(readonly host: Host) {
    const workbookProxy = () => this.workbook().proxy;
    this.proxy = guardPlain('RequestContext', {
      sync: (passThrough?: unknown) => this.sync().then(() => passThrough),
      get workbook() {
        return workbookProxy();
      },
      // Typings: RequestContext.application, "[Api set: ExcelApi 1.1]": the same Application as
      // workbook.application.
      get application() {
        return (workbookProxy() as unknown as Excel.Workbook).application;
      },
    }) as unknown as Excel.RequestContext;
  }

  workbook(): AnyClientObject {
    this.workbookObj ??= this.host.createWorkbook(this);
    return this.workbookObj;
  }

  /**
   * Guess (stricter than Excel, which fails at the next sync with InvalidObjectPath): using an
   * object of a finished Excel.run throws at the call.
   */
  assertAlive(location: string): void {
    if (!this.alive) throw invalidObjectPath(location);
  }

  /** A check that runs in queue order at sync but is not a command of its own (not counted, no payload). */
  enqueueCheck(check: () => void): void {
    this.queue.push(check);
  }

  enqueue(cmd: Command, call?: CallInfo): void {
    this.queue.push(cmd);
    this.host.stats.operations++;
    noteRequest(this, call); // payload.ts: request size, when a limit is set
  }

  /**
   * Runs the queued commands in order, as one round trip.
   *
   * Guess (stricter than Excel): a sync on the context of an Excel.run that has ended is
   * rejected with InvalidObjectPath. Microsoft documents that event handlers must be removed
   * "using the same RequestContext" inside `Excel.run(eventResult.context, …)`
   * (docs/excel/excel-add-ins-events.md, "Remove an event handler"); office-js-docs-reference
   * issue #730 reports that remove() outside it "fails silently". Failing loudly here lets a
   * test catch what Excel would silently ignore.
   */
  async sync(): Promise<void> {
    if (!this.alive) throw invalidObjectPath('RequestContext.sync');
    const queue = this.queue;
    const writes = this.queuedWrites;
    this.queue = [];
    this.queuedWrites = 0;
    const requestBytes = takeRequest(this);
    await Promise.resolve();
    if (queue.length === 0) return; // Office.js sends nothing for an empty batch.
    // Fails (nothing runs) or waits while this person is editing a cell.
    await this.host.cellEditGate(this);
    // A co-author's edit can land between any two round trips of this client.
    await this.host.beforeSync(this);
    this.host.stats.syncs++;
    if (writes > 0) this.host.stats.writeSyncs++;
    checkRequest(this, this.host.stats, requestBytes); // too large: fails before anything runs
    const applies: Apply[] = [];
    let failure: unknown;
    this.host.execute(() => {
      for (const cmd of queue) {
        try {
          const a = cmd();
          if (a) applies.push(a);
        } catch (e) {
          // Guess: Excel executes commands up to the failing one (no rollback) and fails the
          // whole request, so loaded values of this batch are not delivered.
          failure = e;
          break;
        }
      }
      this.host.model.engine.recalc();
    });
    failure ??= checkResponse(this, this.host.stats);
    this.host.afterSync(this, writes);
    if (failure !== undefined) throw failure;
    for (const a of applies) a();
  }
}

/** Throws InvalidRequestContext when an API object from another context is passed in. */
export function checkSameContext(ctx: MemoryContext, value: unknown, location: string): void {
  const t = unwrap(value);
  if (t && t.ctx !== ctx) throw new ExcelApiError('InvalidRequestContext', undefined, location);
}
