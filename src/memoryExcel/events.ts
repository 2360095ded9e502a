/**
 * Worksheet events: onChanged (ExcelApi 1.7 on a worksheet, 1.9 on the collection) and
 * onActivated (1.7). Handlers registered through the API are kept by the workbook (they outlive
 * the Excel.run that added them, as in Excel) until removed.
 *
 * Guesses:
 * - onChanged fires for cell edits made through the API too (Excel does; triggerSource tells
 *   them apart), after the sync that made them; a single-cell edit carries `details`, a
 *   multi-cell edit, a paste, a clear or an insert/delete does not;
 * - onActivated fires for activate()/select() through the API as for a user's click.
 *
 * Co-authoring (docs/excel/excel-add-ins-events.md, "Events and coauthoring"): an edit by a
 * co-author raises onChanged in every other open add-in with `source: "Remote"`; the editor's own
 * add-in gets `source: "Local"`. onActivated is per user (a co-author's tab click is not seen).
 * Guesses: a remote event arrives after a delay (the time the edit takes to reach this client),
 * carries no `details` and `triggerSource: "Unknown"`.
 */
import { a1Rect } from './address';
import { ClientObject, type TypeDef } from './client';
import { guardPlain } from './proxyGuard';
import type { EventRegistration, EventRegistry, MemoryContext } from './requestContext';
import { invalidArgument } from './errors';
import type { SheetModel } from './model';
import { Range } from './range';
import { apiValue, valueType, type CellValue } from './values';
import type { ChangeRecord, SheetEvent } from './workbookModel';

type Kind = EventRegistration['kind'];
/** Each event: the worksheet's own handlers, and the collection's (null where the API has none). */
const KINDS: Record<'changed' | 'activated' | SheetEvent['kind'], [Kind | null, Kind]> = {
  changed: ['worksheetChanged', 'worksheetsChanged'],
  activated: ['worksheetActivated', 'worksheetsActivated'],
  Added: [null, 'worksheetsAdded'],
  Deleted: [null, 'worksheetsDeleted'],
  NameChanged: ['worksheetNameChanged', 'worksheetsNameChanged'],
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

  removeHandler(kind: EventRegistration['kind'], sheetId: string | undefined, handler: unknown): void {
    this.registrations = this.registrations.filter(
      (r) => !(r.kind === kind && r.sheetId === sheetId && r.handler === handler),
    );
  }

  get count(): number {
    return this.registrations.length;
  }

  /** Calls matching handlers one after another, awaiting each. */
  async fire(kind: 'changed' | 'activated' | SheetEvent['kind'], sheet: SheetModel, args: unknown): Promise<void> {
    const [own, all] = KINDS[kind];
    const targets = this.registrations.filter((r) => (r.kind === own && r.sheetId === sheet.id) || r.kind === all);
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
 * WorksheetChangedEventArgs as a client at `has(version)` receives them. Members newer than the
 * client's ExcelApi are undefined, as the typings' [Api set] remarks imply: `details` is 1.9,
 * `triggerSource` 1.14 (so below 1.14 an add-in cannot tell its own writes from the user's).
 */
export function changedArgs(
  change: ChangeRecord,
  contextOf: (ctx: unknown) => MemoryContext | undefined,
  source: 'Local' | 'Remote' = 'Local',
  has: (version: string) => boolean = () => true,
): unknown {
  const single =
    has('1.9') &&
    source === 'Local' &&
    change.rect.top === change.rect.bottom &&
    change.rect.left === change.rect.right &&
    change.changeType === 'RangeEdited';
  const details =
    single && 'after' in change
      ? guardPlain('ChangedEventDetail', {
          valueBefore: apiValue((change.before ?? null) as CellValue),
          valueAfter: apiValue((change.after ?? null) as CellValue),
          valueTypeBefore: valueType((change.before ?? null) as CellValue),
          valueTypeAfter: valueType((change.after ?? null) as CellValue),
        })
      : undefined;
  const rangeIn = (ctx: unknown, nullable: boolean) => {
    const mc = contextOf(ctx);
    if (!mc) throw invalidArgument('WorksheetChangedEventArgs.getRange');
    const r = new Range(mc, () => (change.sheet.deleted ? null : { sheet: change.sheet, rect: change.rect }), nullable);
    return r.instantiate(r).proxy;
  };
  return guardPlain('WorksheetChangedEventArgs', {
    type: 'WorksheetChanged',
    address: a1Rect(change.rect),
    worksheetId: change.sheet.id,
    changeType: change.changeType,
    source,
    details,
    triggerSource: has('1.14') ? (source === 'Local' && change.bySelf ? 'ThisLocalAddin' : 'Unknown') : undefined,
    getRange: (ctx: unknown) => rangeIn(ctx, false),
    getRangeOrNullObject: (ctx: unknown) => rangeIn(ctx, true),
  });
}

/**
 * WorksheetAddedEventArgs, WorksheetDeletedEventArgs (ExcelApi 1.7) and
 * WorksheetNameChangedEventArgs (1.17), as @types/office-js describes them: each has `source`
 * ("Local" or "Remote (through co-authoring)") and the sheet's id; the rename gives both names.
 * Guess: a co-author's sheet change reaches this client after the same delay as their cell edits.
 */
export function sheetEventArgs(e: SheetEvent, source: 'Local' | 'Remote'): unknown {
  const type = `Worksheet${e.kind}`;
  if (e.kind === 'NameChanged')
    return guardPlain('WorksheetNameChangedEventArgs', {
      type,
      source,
      worksheetId: e.sheet.id,
      nameBefore: e.nameBefore,
      nameAfter: e.nameAfter,
    });
  return guardPlain(`${type}EventArgs`, { type, source, worksheetId: e.sheet.id });
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
      if (
        this.kind === 'worksheetChanged' ||
        this.kind === 'worksheetActivated' ||
        this.kind === 'worksheetNameChanged'
      ) {
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

  remove(handler: unknown): void {
    this.ctx.assertAlive('EventHandlers.remove');
    this.ctx.enqueue(() => {
      const sheet = this.resolveMaybeNull();
      (this.host.events as EventHub).removeHandler(this.kind, sheet?.id, handler);
    });
  }
}

export const EVENT_HANDLERS_DEF: TypeDef<SheetModel | null> = {
  name: 'EventHandlers',
  props: {},
  methods: { add: '', remove: '' },
};
