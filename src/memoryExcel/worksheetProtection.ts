/** Excel.WorksheetProtection (ExcelApi 1.2) and the event properties of Worksheet(Collection); protection.ts says what protection refuses. */
import { ClientObject, type NavDef, type TypeDef } from './client';
import { invalidOperation } from './errors';
import { EVENT_HANDLERS_DEF, EventHandlers } from './events';
import type { SheetModel } from './model';
import { PROTECTION_TYPE } from './protection';
import type { EventRegistration, MemoryContext } from './requestContext';

const WORKSHEET_PROTECTION_DEF: TypeDef<SheetModel> = {
  name: PROTECTION_TYPE,
  props: { protected: { req: '1.2', get: (s) => s.protected } },
  methods: { protect: '1.2', unprotect: '1.2' },
};

export class WorksheetProtection extends ClientObject<SheetModel> {
  constructor(ctx: MemoryContext, resolver: () => SheetModel | null) {
    super(ctx, WORKSHEET_PROTECTION_DEF, resolver);
  }

  /** Guess: protecting a protected sheet fails (Microsoft Graph's "Protect worksheet" says so). */
  protect(): void {
    this.queue('protect', (s) => {
      if (s.protected) throw invalidOperation('WorksheetProtection.protect', 'the sheet is already protected');
      s.protected = true;
    });
  }

  unprotect(): void {
    this.queue('unprotect', (s) => {
      s.protected = false;
    });
  }
}

/** Worksheet.protection. */
export const protectionNav: NavDef<SheetModel> = {
  req: '1.2',
  make: (p) => new WorksheetProtection(p.ctx, () => p.resolveMaybeNull() as SheetModel | null),
};

/** An event property of a worksheet (resolved to it) or of the collection (no sheet). */
export function eventNav<M>(kind: EventRegistration['kind'], req: string, ofSheet: boolean): NavDef<M> {
  return {
    req,
    make: (p) =>
      new EventHandlers(p.ctx, EVENT_HANDLERS_DEF, kind, () =>
        ofSheet ? (p.resolveMaybeNull() as SheetModel | null) : null,
      ),
  };
}
