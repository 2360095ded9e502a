/**
 * Worksheet events: onChanged (ExcelApi 1.7 on a worksheet, 1.9 on the collection) and
 * onActivated (1.7). Handlers registered through the API are kept by the workbook (they outlive
 * the Excel.run that added them, as in Excel) until removed.
 *
 * Guesses:
 * - onChanged fires for cell edits made through the API too (Excel does), after the sync that
 *   made them;
 * - onActivated fires for activate()/select() through the API as for a user's click.
 *
 * Co-authoring (docs/excel/excel-add-ins-events.md, "Events and coauthoring"): an edit by a
 * co-author raises onChanged in every other open add-in. onActivated is per user (a co-author's
 * tab click is not seen). Guess: a remote event arrives after a delay (the time the edit takes
 * to reach this client).
 */
import { a1Rect } from './address';
import { ClientObject, type TypeDef } from './client';
import { guardPlain } from './proxyGuard';
import type { EventRegistration, EventRegistry, MemoryContext } from './requestContext';
import { invalidArgument } from './errors';
import type { SheetModel } from './model';
import type { ChangeRecord, SheetEvent } from './workbookModel';

type Kind = EventRegistration['kind'];
/** Each event: the worksheet's own handlers, or the collection's. */
const KINDS: Record<'changed' | 'activated' | SheetEvent['kind'], Kind> = {
  changed: 'worksheetChanged',
  activated: 'worksheetActivated',
  Added: 'worksheetsAdded',
  Deleted: 'worksheetsDeleted',
  NameChanged: 'worksheetsNameChanged',
};

export class EventHub implements EventRegistry {
  private registrations: EventRegistration[] = [];
  private inFlight = new Set<Promise<void>>();
  /** Errors thrown by handlers dispatched in the background (API-triggered events). */
  readonly errors: unknown[] = [];

  add(reg: EventRegistration): void {
    this.registrations.push(reg);
  }

  remove(reg: EventRegistration): void {
    this.registrations = this.registrations.filter((r) => r !== reg);
  }

  get count(): number {
    return this.registrations.length;
  }

  /** Calls matching handlers one after another, awaiting each. */
  async fire(kind: 'changed' | 'activated' | SheetEvent['kind'], sheet: SheetModel, args: unknown): Promise<void> {
    const k = KINDS[kind];
    const targets = this.registrations.filter(
      (r) => r.kind === k && (r.sheetId === undefined || r.sheetId === sheet.id),
    );
    for (const r of targets) await r.handler(args);
  }

  /** Dispatches in the background (after `delayMs`); whenIdle() reports failures. */
  background(job: () => Promise<void>, delayMs = 0): void {
    const p: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, delayMs))
      .then(job)
      .catch((e: unknown) => {
        this.errors.push(e);
      })
      .finally(() => {
        this.inFlight.delete(p);
      });
    this.inFlight.add(p);
  }

  async whenIdle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
    if (this.errors.length) {
      const errs = this.errors.splice(0);
      throw errs.length === 1 ? errs[0] : new AggregateError(errs, `${errs.length} event handlers failed`);
    }
  }
}

/**
 * WorksheetChangedEventArgs with the members the adapter reads: type, address (without the
 * sheet), worksheetId and changeType. Excel's others (source, details, triggerSource, getRange…)
 * are not implemented: reading one throws.
 */
export function changedArgs(change: ChangeRecord): unknown {
  return guardPlain('WorksheetChangedEventArgs', {
    type: 'WorksheetChanged',
    address: a1Rect(change.rect),
    worksheetId: change.sheet.id,
    changeType: change.changeType,
  });
}

/**
 * WorksheetAddedEventArgs, WorksheetDeletedEventArgs (ExcelApi 1.7) and
 * WorksheetNameChangedEventArgs (1.17), as @types/office-js describes them, with the members the
 * adapter reads: the type and the sheet's id; the rename gives the new name.
 * Guess: a co-author's sheet change reaches this client after the same delay as their cell edits.
 */
export function sheetEventArgs(e: SheetEvent): unknown {
  const type = `Worksheet${e.kind}`;
  if (e.kind === 'NameChanged')
    return guardPlain('WorksheetNameChangedEventArgs', { type, worksheetId: e.sheet.id, nameAfter: e.nameAfter });
  return guardPlain(`${type}EventArgs`, { type, worksheetId: e.sheet.id });
}

export function activatedArgs(sheet: SheetModel): unknown {
  return guardPlain('WorksheetActivatedEventArgs', { type: 'WorksheetActivated', worksheetId: sheet.id });
}

/** EventHandlers<T> of one event; `add` registers at sync. */
export class EventHandlers extends ClientObject<SheetModel | null> {
  constructor(
    ctx: MemoryContext,
    def: TypeDef<SheetModel | null>,
    private readonly kind: EventRegistration['kind'],
    resolver: () => SheetModel | null,
  ) {
    super(ctx, def, resolver, true);
  }

  add(handler: (args: unknown) => Promise<unknown> | unknown): OfficeExtension.EventHandlerResult<unknown> {
    if (typeof handler !== 'function') throw invalidArgument('EventHandlers.add');
    this.ctx.assertAlive('EventHandlers.add');
    const reg: EventRegistration = { kind: this.kind, handler };
    const ctx = this.ctx;
    const host = this.host;
    this.ctx.enqueue(() => {
      const sheet = this.resolveMaybeNull();
      if (this.kind === 'worksheetChanged' || this.kind === 'worksheetActivated') {
        if (!sheet) throw invalidArgument('EventHandlers.add');
        reg.sheetId = sheet.id;
      }
      host.events.add(reg);
    });
    return guardPlain('EventHandlerResult', {
      context: ctx.proxy,
      // Only inside Excel.run(result.context, …): see MemoryContext.sync on a finished context.
      remove: () => {
        ctx.assertAlive('EventHandlerResult.remove');
        ctx.enqueue(() => host.events.remove(reg));
      },
    }) as unknown as OfficeExtension.EventHandlerResult<unknown>;
  }
}

export const EVENT_HANDLERS_DEF: TypeDef<SheetModel | null> = {
  name: 'EventHandlers',
  props: {},
  methods: { add: '' },
};
