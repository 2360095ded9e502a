/** Excel.Worksheet, WorksheetCollection, WorksheetFreezePanes and PageLayout. */
import { MAX_COLS, MAX_ROWS, parseAddress, qualifiedAddress, type Rect } from './address';
import { ClientObject, CollectionObject, type TypeDef } from './client';
import { unwrap } from './proxyGuard';
import { checkSameContext, type MemoryContext } from './requestContext';
import { invalidArgument, invalidOperation, itemNotFound } from './errors';
import type { SheetModel, Visibility } from './model';
import { NamedItemCollection } from './names';
import { eventNav, protectionNav } from './worksheetProtection';
import { activateSheet, Range, rangeFrom } from './range';
import type { RangeModel } from './rangeOps';
import type { WorkbookModel } from './workbookModel';

const PAPER_SIZES = [
  'Letter',
  'LetterSmall',
  'Tabloid',
  'Ledger',
  'Legal',
  'Statement',
  'Executive',
  'A3',
  'A4',
  'A4Small',
  'A5',
  'B4',
  'B5',
  'Folio',
  'Quatro',
];

/** Resolves an address (or a name for a range) on a sheet, as Worksheet.getRange does. */
export function rangeOnSheet(
  model: WorkbookModel,
  sheet: SheetModel,
  address: string | undefined,
  location: string,
): RangeModel {
  if (address === undefined || address === null)
    return { sheet, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
  if (typeof address !== 'string') throw invalidArgument(location);
  const parsed = parseAddress(address);
  if (parsed) {
    // Guess: a sheet prefix naming another sheet is refused.
    if (parsed.sheet !== undefined && model.sheetByName(parsed.sheet) !== sheet)
      throw invalidArgument(location, `address ${address} is on another sheet`);
    return { sheet, rect: parsed.rect };
  }
  // Guess: Excel also accepts a defined name for a range on this sheet.
  const def = model.lookupName(sheet, address.trim());
  if (def) {
    const ref = parseAddress(def.slice(1));
    if (ref && (ref.sheet === undefined || model.sheetByName(ref.sheet) === sheet)) return { sheet, rect: ref.rect };
  }
  throw invalidArgument(location, `bad address ${address}`);
}

export const FREEZE_DEF: TypeDef<SheetModel> = {
  name: 'WorksheetFreezePanes',
  props: {},
  methods: {
    freezeAt: '',
    freezeColumns: '',
    freezeRows: '',
    unfreeze: '',
  },
};

export class WorksheetFreezePanes extends ClientObject<SheetModel> {
  constructor(ctx: MemoryContext, resolver: () => SheetModel | null) {
    super(ctx, FREEZE_DEF, resolver);
  }

  /** Guess: freezing rows keeps frozen columns and vice versa; 0 unfreezes that direction. */
  freezeRows(count?: number): void {
    this.queue('freezeRows', (s) => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_ROWS) throw invalidArgument('WorksheetFreezePanes.freezeRows');
      const cols = s.freeze?.cols ?? 0;
      s.freeze = n === 0 && cols === 0 ? null : { rows: n, cols };
    });
  }

  freezeColumns(count?: number): void {
    this.queue('freezeColumns', (s) => {
      const n = count ?? 1;
      if (!Number.isInteger(n) || n < 0 || n >= MAX_COLS) throw invalidArgument('WorksheetFreezePanes.freezeColumns');
      const rows = s.freeze?.rows ?? 0;
      s.freeze = n === 0 && rows === 0 ? null : { rows, cols: n };
    });
  }

  /** The frozen pane is the given range's rows above and columns left, from A1. */
  freezeAt(frozenRange: Excel.Range | string): void {
    checkSameContext(this.ctx, frozenRange, 'WorksheetFreezePanes.freezeAt');
    this.queue('freezeAt', (s) => {
      let rect: Rect;
      if (typeof frozenRange === 'string')
        rect = rangeOnSheet(this.host.model, s, frozenRange, 'WorksheetFreezePanes.freezeAt').rect;
      else {
        const t = unwrap(frozenRange);
        if (!(t instanceof Range)) throw invalidArgument('WorksheetFreezePanes.freezeAt');
        const rm = t.resolve('freezeAt');
        if (rm.sheet !== s) throw invalidArgument('WorksheetFreezePanes.freezeAt', 'range on another sheet');
        rect = rm.rect;
      }
      const rows = rect.top === 0 && rect.bottom === MAX_ROWS - 1 ? 0 : rect.bottom + 1;
      const cols = rect.left === 0 && rect.right === MAX_COLS - 1 ? 0 : rect.right + 1;
      s.freeze = rows || cols ? { rows, cols } : null;
    });
  }

  unfreeze(): void {
    this.queue('unfreeze', (s) => {
      s.freeze = null;
    });
  }
}

export const PAGE_LAYOUT_DEF: TypeDef<SheetModel> = {
  name: 'PageLayout',
  props: {
    orientation: {
      get: (s) => s.pageLayout.orientation,
      set: (s, v) => {
        if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument('PageLayout.orientation');
        s.pageLayout.orientation = v;
      },
    },
    paperSize: {
      get: (s) => s.pageLayout.paperSize,
      set: (s, v) => {
        if (typeof v !== 'string' || !PAPER_SIZES.includes(v)) throw invalidArgument('PageLayout.paperSize');
        s.pageLayout.paperSize = v;
      },
    },
    zoom: {
      get: (s) => ({ ...s.pageLayout.zoom }),
      // Guess: fit-to-pages replaces a scale and a scale replaces fit-to-pages.
      set: (s, v) => {
        if (!v || typeof v !== 'object') throw invalidArgument('PageLayout.zoom');
        const z = v as { scale?: unknown; horizontalFitToPages?: unknown; verticalFitToPages?: unknown };
        const count = (x: unknown) =>
          x === undefined || (typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 32767);
        if (!count(z.horizontalFitToPages) || !count(z.verticalFitToPages)) throw invalidArgument('PageLayout.zoom');
        if (z.scale !== undefined && (typeof z.scale !== 'number' || z.scale < 10 || z.scale > 400))
          throw invalidArgument('PageLayout.zoom', 'scale 10…400');
        if (z.scale !== undefined) {
          s.pageLayout.zoom = { scale: z.scale as number };
          return;
        }
        // office-js #1860: `zoom = { horizontalFitToPages: 1 }` (or verticalFitToPages alone) "does
        // not get set" unless the Page Layout tab happens to be open, while `{ scale: 200 }` is.
        // Strict: fitting to pages in one direction only is silently not applied (no error, the
        // zoom read back is unchanged); giving both counts (0 = "automatic" in that direction,
        // Guess) is applied.
        if (z.horizontalFitToPages === undefined || z.verticalFitToPages === undefined) return;
        s.pageLayout.zoom = {
          horizontalFitToPages: z.horizontalFitToPages as number,
          verticalFitToPages: z.verticalFitToPages as number,
        };
      },
    },
  },
  methods: { setPrintTitleRows: '' },
};

export class PageLayout extends ClientObject<SheetModel> {
  constructor(ctx: MemoryContext, resolver: () => SheetModel | null) {
    super(ctx, PAGE_LAYOUT_DEF, resolver);
  }

  /** Guess: the rows of the given range (or '$5:$6') are taken whole. */
  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    checkSameContext(this.ctx, printTitleRows, 'PageLayout.setPrintTitleRows');
    this.queue('setPrintTitleRows', (s) => {
      let rect: Rect;
      if (typeof printTitleRows === 'string')
        rect = rangeOnSheet(this.host.model, s, printTitleRows, 'PageLayout.setPrintTitleRows').rect;
      else {
        const t = unwrap(printTitleRows);
        if (!(t instanceof Range)) throw invalidArgument('PageLayout.setPrintTitleRows');
        rect = t.resolve('setPrintTitleRows').rect;
      }
      s.pageLayout.printTitleRows = { top: rect.top, bottom: rect.bottom, left: 0, right: MAX_COLS - 1 };
    });
  }
}

export const WORKSHEET_DEF: TypeDef<SheetModel> = {
  name: 'Worksheet',
  props: {
    id: { get: (s) => s.id },
    name: {
      get: (s) => s.name,
      set: (s, v, o) => o.host.model.renameSheet(s, v),
    },
    position: {
      get: (s, o) => o.host.model.sheets.indexOf(s),
      set: (s, v, o) => o.host.model.moveSheet(s, v),
    },
    visibility: {
      get: (s) => s.visibility,
      set: (s, v, o) => {
        if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw invalidArgument('Worksheet.visibility');
        const model = o.host.model;
        if (v !== 'Visible' && !model.sheets.some((x) => x !== s && x.visibility === 'Visible'))
          throw invalidOperation('Worksheet.visibility', 'a workbook must keep at least one visible sheet');
        s.visibility = v as Visibility;
        if (v !== 'Visible' && model.activeSheet === s) {
          const next = model.sheets.find((x) => x.visibility === 'Visible');
          if (next) activateSheet(model, next);
        }
      },
    },
  },
  navs: {
    freezePanes: {
      req: '1.7',
      make: (p) => new WorksheetFreezePanes(p.ctx, () => p.resolveMaybeNull() as SheetModel | null),
    },
    names: {
      req: '1.4',
      make: (p) =>
        new NamedItemCollection(p.ctx, () => ({ model: p.host.model, sheet: p.resolve('names') as SheetModel })),
    },
    pageLayout: { req: '1.9', make: (p) => new PageLayout(p.ctx, () => p.resolveMaybeNull() as SheetModel | null) },
    onChanged: eventNav('worksheetChanged', '1.7', true),
    onActivated: eventNav('worksheetActivated', '1.7', true),
    protection: protectionNav,
  },
  methods: {
    activate: '',
    delete: '',
    getRange: '',
    getUsedRange: '',
    getUsedRangeOrNullObject: '1.4',
  },
};

export class Worksheet extends ClientObject<SheetModel> {
  constructor(ctx: MemoryContext, resolver: () => SheetModel | null, nullable = false) {
    super(ctx, WORKSHEET_DEF, resolver, nullable);
  }

  protected override checkBound(m: SheetModel | null): void {
    if (m?.deleted) throw itemNotFound('Worksheet', 'the worksheet was deleted');
  }

  rangeFor(sheet: SheetModel, address: string | undefined, location: string): RangeModel {
    return rangeOnSheet(this.host.model, sheet, address, location);
  }

  private range(location: string, f: (s: SheetModel) => RangeModel | null, nullable = false): Excel.Range {
    return rangeFrom(this, location, f, nullable);
  }

  getRange(address?: string): Excel.Range {
    return this.range('getRange', (s) => rangeOnSheet(this.host.model, s, address, 'Worksheet.getRange'));
  }

  /** An empty sheet's used range is A1 (Excel's answer); the OrNullObject variant gives a null object. */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this.range('getUsedRange', (s) => ({
      sheet: s,
      rect: s.usedRect(!!valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.range(
      'getUsedRangeOrNullObject',
      (s) => {
        const r = s.usedRect(!!valuesOnly);
        return r ? { sheet: s, rect: r } : null;
      },
      true,
    );
  }

  activate(): void {
    this.queue('activate', (s) => {
      activateSheet(this.host.model, s);
      const sel = this.host.model.selection;
      if (!sel || sel.sheet !== s)
        this.host.model.selection = { sheet: s, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  delete(): void {
    this.queue('delete', (s) => this.host.model.deleteSheet(s));
  }

  describe(): string {
    const m = this.resolveMaybeNull();
    return m ? qualifiedAddress(m.name, { top: 0, left: 0, bottom: 0, right: 0 }) : 'null';
  }
}

export const WORKSHEETS_DEF: TypeDef<WorkbookModel> = {
  name: 'WorksheetCollection',
  props: {},
  navs: {
    onAdded: eventNav('worksheetsAdded', '1.7', false),
    onDeleted: eventNav('worksheetsDeleted', '1.7', false),
    onNameChanged: eventNav('worksheetsNameChanged', '1.17', false),
  },
  methods: {
    add: '',
    getItem: '',
    getItemOrNullObject: '1.4',
    getActiveWorksheet: '',
  },
};

export class WorksheetCollection extends CollectionObject<WorkbookModel, SheetModel> {
  readonly itemDef = WORKSHEET_DEF;

  constructor(ctx: MemoryContext, resolver: () => WorkbookModel | null) {
    super(ctx, WORKSHEETS_DEF, resolver);
  }

  itemsOf(m: WorkbookModel): SheetModel[] {
    return [...m.sheets];
  }

  makeItem(): ClientObject<SheetModel> {
    return new Worksheet(this.ctx, () => null);
  }

  private sheet(location: string, f: (m: WorkbookModel) => SheetModel | null, nullable = false): Excel.Worksheet {
    this.ctx.assertAlive(`WorksheetCollection.${location}`);
    const w = new Worksheet(this.ctx, () => f(this.resolve(location)), nullable);
    return this.instantiate(w).proxy as unknown as Excel.Worksheet;
  }

  add(name?: string): Excel.Worksheet {
    return this.sheet('add', (m) => m.addSheet(name));
  }

  /** By name (without regard to case) or by id. */
  getItem(key: string): Excel.Worksheet {
    return this.sheet('getItem', (m) => {
      const s = typeof key === 'string' ? (m.sheetByName(key) ?? m.sheetById(key)) : undefined;
      if (!s) throw itemNotFound('WorksheetCollection.getItem', `no worksheet ${String(key)}`);
      return s;
    });
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    return this.sheet(
      'getItemOrNullObject',
      (m) => (typeof key === 'string' ? (m.sheetByName(key) ?? m.sheetById(key) ?? null) : null),
      true,
    );
  }

  getActiveWorksheet(): Excel.Worksheet {
    return this.sheet('getActiveWorksheet', (m) => {
      if (!m.activeSheet) throw itemNotFound('WorksheetCollection.getActiveWorksheet');
      return m.activeSheet;
    });
  }
}
