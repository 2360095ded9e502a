/**
 * Co-authoring: one workbook, several people in it at once, each with their own Excel and their
 * own add-in. What Microsoft documents, and how it is played here:
 *
 * - "Excel synchronizes workbook content, not your add-in's memory" (docs/excel/
 *   co-authoring-in-excel-add-ins.md): every client reads and writes one WorkbookModel; what a
 *   client loaded earlier stays as it was (values cached in JavaScript go stale).
 * - "For events that can be triggered by a coauthor, such as onChanged, the corresponding Event
 *   object will contain a source property … Local … Remote" (docs/excel/excel-add-ins-events.md,
 *   "Events and coauthoring"): a change made by one client is delivered to every other client's
 *   onChanged handlers with `source: "Remote"`, after `remoteDelayMs` (Guess: the time it takes to
 *   reach the other Excel; configurable, and tests set it).
 * - A person with view-only rights can open the workbook and the add-in but cannot edit: every
 *   write of theirs fails with AccessDenied (see client.ts isWriteMethod for which calls count).
 * - Each person has their own active sheet and selection (Guess: Excel shows each co-author
 *   their own; nothing in the API shares them). A client's view is swapped into the model only
 *   while its own commands or user actions run, all of which are synchronous.
 * - Another person's edit can land between any two round trips of an add-in: `betweenSyncs`
 *   lets a test run edits at exactly that point (before a client's batch executes).
 */
import type { SheetModel } from './model';
import { WorkbookModel, type ChangeRecord, type SheetEvent } from './workbookModel';
import type { Rect } from './address';

/** What the shared workbook needs of each client (MemoryWorkbook implements it). */
export interface CoauthorClient {
  readonly user: string;
  readonly readOnly: boolean;
  /** Counters of this client's round trips. */
  readonly stats: { syncs: number; writeSyncs: number };
  /** Delivers another client's changes to this client's handlers as Remote events. */
  receiveRemote(changes: ChangeRecord[], delayMs: number, sheetEvents?: SheetEvent[]): void;
  /** Redraws (the playground grid) after any client's change. */
  redraw(): void;
  /** Settles this client's background event dispatch. */
  whenIdle(): Promise<void>;
}

/** Where a co-author's edit is about to land: before `client`'s next round trip. */
export interface SyncPoint {
  client: CoauthorClient;
  /** Round trips the client has made so far (the one about to run is syncs + 1). */
  syncs: number;
}

export interface SharedWorkbookOptions {
  /** Sheets present at creation. Default: ['Sheet1']. */
  sheets?: string[];
  /** Delay before another client's onChanged fires for an edit (ms). Default 0. */
  remoteDelayMs?: number;
}

/** Per client: which sheet it shows and what it has selected. */
export interface ClientView {
  activeSheet: SheetModel | null;
  selection: { sheet: SheetModel; rect: Rect } | null;
}

export class SharedWorkbook {
  readonly model = new WorkbookModel();
  private readonly remoteDelayMs: number;
  private readonly members: CoauthorClient[] = [];
  private hook: ((point: SyncPoint) => void | Promise<void>) | null = null;
  private inHook = false;

  constructor(options: SharedWorkbookOptions = {}) {
    this.remoteDelayMs = options.remoteDelayMs ?? 0;
    for (const name of options.sheets ?? ['Sheet1']) this.model.addSheet(name);
    this.model.pendingSheetEvents = []; // the workbook as it opens: nothing was added by anyone
  }

  get clients(): readonly CoauthorClient[] {
    return this.members;
  }

  join(client: CoauthorClient): void {
    this.members.push(client);
  }

  /** A person closing the workbook: their add-in gets no more events. */
  leave(client: CoauthorClient): void {
    const i = this.members.indexOf(client);
    if (i >= 0) this.members.splice(i, 1);
  }

  /**
   * Test hook: runs before every round trip of every client (not re-entered while it runs, so
   * the edits it makes through another client do not trigger it again). Null removes it.
   */
  betweenSyncs(hook: ((point: SyncPoint) => void | Promise<void>) | null): void {
    this.hook = hook;
  }

  async beforeSync(client: CoauthorClient): Promise<void> {
    if (!this.hook || this.inHook) return;
    this.inHook = true;
    try {
      await this.hook({ client, syncs: client.stats.syncs });
    } finally {
      this.inHook = false;
    }
  }

  /** Changes `from` made (cells, sheets added, deleted, renamed) reach every other client as Remote events; every client redraws. */
  publish(from: CoauthorClient, changes: ChangeRecord[], sheetEvents: SheetEvent[] = []): void {
    for (const c of this.members) {
      if (c !== from && changes.length + sheetEvents.length > 0)
        c.receiveRemote(changes, this.remoteDelayMs, sheetEvents);
      c.redraw();
    }
  }

  /** Swaps a client's view into the model while `fn` runs (synchronously), then keeps what it changed. */
  withView<T>(view: ClientView, fn: () => T): T {
    const m = this.model;
    const saved = { activeSheet: m.activeSheet, selection: m.selection };
    if (view.activeSheet?.deleted) view.activeSheet = m.sheets.find((s) => s.visibility === 'Visible') ?? null;
    if (view.selection?.sheet.deleted) view.selection = null;
    m.activeSheet = view.activeSheet ?? saved.activeSheet;
    m.selection = view.selection;
    try {
      return fn();
    } finally {
      view.activeSheet = m.activeSheet;
      view.selection = m.selection;
      m.activeSheet = saved.activeSheet;
      m.selection = saved.selection;
    }
  }

  /** Resolves when every client's event handlers, remote deliveries included, have finished. */
  async whenIdle(): Promise<void> {
    // A handler may edit, which delivers more events: settle until a pass finds nothing to wait for.
    for (let pass = 0; pass < 100; pass++) {
      const before = this.members.map((c) => c.stats.syncs).join(',');
      await Promise.all(this.members.map((c) => c.whenIdle()));
      await new Promise((r) => setTimeout(r, this.remoteDelayMs + 1));
      await Promise.all(this.members.map((c) => c.whenIdle()));
      if (this.members.map((c) => c.stats.syncs).join(',') === before) return;
    }
    throw new Error('memoryExcel: co-authors still busy after 100 rounds (an event loop between clients?)');
  }
}
