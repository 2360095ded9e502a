/**
 * Keeps the self-test off what it did not make. Around each scenario: note which sheets, and
 * which workbook-level name and custom property the adapter writes, exist; record the sheets
 * the scenario itself creates, by id (OwnSheets); afterwards delete those sheets only and put the
 * name and property back as they were. A sheet that appeared during the scenario but was not
 * recorded (a co-author's, or one the adapter made without reporting it) is left alone and
 * reported. Whether the workbook may be tested at all is safety.ts.
 */
import type { AddinOperations } from '../contracts/operations';
import { VERSION_NAME, VERSION_PROPERTY, type ExcelRun } from '../excel';

export interface WorkbookState {
  sheetIds: string[];
  /** Formula of the workbook-level version name, or null when absent. */
  versionName: string | null;
  /** Value of the version custom property, or null when absent. */
  versionProperty: string | number | boolean | null;
}

/** Queues the loads of the workbook's version name and custom property (only queues). */
function queueVersionLoads(ctx: Excel.RequestContext) {
  const name = ctx.workbook.names.getItemOrNullObject(VERSION_NAME);
  name.load('formula');
  const property = ctx.workbook.properties.custom.getItemOrNullObject(VERSION_PROPERTY);
  property.load('value');
  return { name, property };
}

export async function captureState(run: ExcelRun): Promise<WorkbookState> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/id');
    const { name, property } = queueVersionLoads(ctx);
    await ctx.sync();
    return {
      sheetIds: sheets.items.map((s) => s.id),
      versionName: name.isNullObject ? null : String(name.formula),
      versionProperty: property.isNullObject ? null : (property.value as string | number | boolean),
    };
  });
}

export interface Restored {
  /** Names of the self-test's own sheets that were deleted. */
  deleted: string[];
  /** Sheets added since `state` that the self-test did not create: not deleted. */
  leftAlone: string[];
}

/** Deletes the sheets of `own` (by id) and restores the name and property as in `state`. */
export async function restoreState(run: ExcelRun, state: WorkbookState, own: OwnSheets): Promise<Restored> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/id,items/name');
    const { name, property } = queueVersionLoads(ctx);
    await ctx.sync();
    const before = new Set(state.sheetIds);
    const deleted: string[] = [];
    const leftAlone: string[] = [];
    for (const s of sheets.items)
      if (own.has(s.id)) {
        s.delete();
        deleted.push(s.name);
      } else if (!before.has(s.id)) leftAlone.push(s.name);
    if (state.versionName === null) {
      if (!name.isNullObject) name.delete();
    } else if (name.isNullObject) ctx.workbook.names.add(VERSION_NAME, state.versionName);
    else if (name.formula !== state.versionName) name.formula = state.versionName;
    if (state.versionProperty === null) {
      if (!property.isNullObject) property.delete();
    } else if (property.isNullObject || property.value !== state.versionProperty) {
      // add() sets the value of an existing property too.
      ctx.workbook.properties.custom.add(VERSION_PROPERTY, state.versionProperty);
    }
    await ctx.sync();
    return { deleted, leftAlone };
  });
}

/**
 * The sheets one scenario created, by id. Sheets are claimed by the names the adapter's report
 * gives (read to ids at once), and only when their id is new since the scenario began: a sheet
 * that was there before, or that someone renamed to that name in between, is never claimed.
 */
export class OwnSheets {
  private readonly ids = new Set<string>();

  constructor(
    private readonly run: ExcelRun,
    private readonly before: WorkbookState,
  ) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get size(): number {
    return this.ids.size;
  }

  /** Records a sheet the self-test added itself (its id from `worksheets.add`). */
  addId(id: string): void {
    if (!this.before.sheetIds.includes(id)) this.ids.add(id);
  }

  /** Records the sheets an operation reports it created, by name; names not found are skipped. */
  async claim(names: readonly string[]): Promise<void> {
    if (names.length === 0) return;
    const ids = await this.run(async (ctx) => {
      const items = names.map((n) => ctx.workbook.worksheets.getItemOrNullObject(n).load('id'));
      await ctx.sync();
      return items.filter((s) => !s.isNullObject).map((s) => s.id);
    });
    for (const id of ids) this.addId(id);
  }
}

/** The adapter's operations that may create sheets, and the sheet names their reports give. */
const CREATES_SHEETS: Partial<Record<keyof AddinOperations, (report: never) => string[]>> = {
  inject: (r: { created: string[]; unplacedSheet: string | null }) => [
    ...r.created,
    ...(r.unplacedSheet ? [r.unplacedSheet] : []),
  ],
  writeConsolidation: (r: { created: string[]; sourcesSheet: string }) => [...r.created, r.sourcesSheet],
};

/** `ops` whose sheet-creating operations record what they created in `own`. */
export function recordingSheets(ops: AddinOperations, own: OwnSheets): AddinOperations {
  return new Proxy(ops, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      const fn = (value as (...a: unknown[]) => unknown).bind(target);
      const created = CREATES_SHEETS[key as keyof AddinOperations];
      if (!created) return fn;
      return async (...args: unknown[]) => {
        const report = await (fn(...args) as Promise<never>);
        await own.claim(created(report));
        return report;
      };
    },
  });
}
