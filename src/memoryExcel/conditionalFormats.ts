/**
 * Excel.ConditionalFormatCollection and the custom (formula) conditional format (ExcelApi 1.6).
 * Other conditional format types are not implemented. A format's formula is written for the
 * top-left cell of its range and read relative to each cell.
 */
import { intersect, qualifiedAddress, type Rect } from './address';
import { ClientObject, CollectionObject, clientResult, type MemoryContext, type TypeDef } from './client';
import { invalidArgument, itemNotFound, notImplemented } from './errors';
import { translate } from './formulaText';
import type { CfEntry, SheetModel } from './model';
import { rangeFrom } from './range';
import { removeConditionalFormats, type RangeModel } from './rangeOps';
import { normalizeColor } from './styles';

export interface CfItem {
  sheet: SheetModel;
  cf: CfEntry;
}

const TYPES = [
  'Custom',
  'DataBar',
  'ColorScale',
  'IconSet',
  'TopBottom',
  'PresetCriteria',
  'ContainsText',
  'CellValue',
];

function topLeft(cf: CfEntry): { row: number; col: number } {
  let row = Infinity;
  let col = Infinity;
  for (const r of cf.rects) {
    row = Math.min(row, r.top);
    col = Math.min(col, r.left);
  }
  return { row, col };
}

function alive(item: CfItem, location: string): CfItem {
  if (item.sheet.deleted || !item.sheet.cfs.includes(item.cf))
    throw itemNotFound(location, 'the conditional format was deleted');
  return item;
}

export const CF_RULE_DEF: TypeDef<CfItem> = {
  name: 'ConditionalFormatRule',
  props: {
    formula: {
      get: (m) => {
        const { cf } = alive(m, 'ConditionalFormatRule.formula');
        if (!cf.formula) return '';
        const tl = topLeft(cf);
        return translate(cf.formula, tl.row - cf.anchorRow, tl.col - cf.anchorCol);
      },
      set: (m, v, o) => {
        const { cf } = alive(m, 'ConditionalFormatRule.formula');
        // Guess: the formula must start with '=' (Excel would otherwise read it as text).
        if (typeof v !== 'string' || !v.startsWith('=') || v.length < 2)
          throw invalidArgument('ConditionalFormatRule.formula', 'a formula starting with "="');
        try {
          o.host.model.engine.validate(v);
        } catch (e) {
          throw invalidArgument('ConditionalFormatRule.formula', e instanceof Error ? e.message : String(e));
        }
        const tl = topLeft(cf);
        cf.formula = v;
        cf.anchorRow = tl.row;
        cf.anchorCol = tl.col;
      },
    },
  },
  methods: {},
};

export class ConditionalFormatRule extends ClientObject<CfItem> {
  constructor(ctx: MemoryContext, resolver: () => CfItem | null) {
    super(ctx, CF_RULE_DEF, resolver);
  }
}

export const CF_FILL_DEF: TypeDef<CfItem> = {
  name: 'ConditionalRangeFill',
  props: {
    color: {
      // Guess: a format without a fill reads null.
      get: (m) => alive(m, 'ConditionalRangeFill.color').cf.format.fill ?? null,
      set: (m, v) => {
        const c = normalizeColor(v);
        if (!c) throw invalidArgument('ConditionalRangeFill.color');
        alive(m, 'ConditionalRangeFill.color').cf.format.fill = c;
      },
    },
  },
  methods: { clear: '' },
};

export class ConditionalRangeFill extends ClientObject<CfItem> {
  constructor(ctx: MemoryContext, resolver: () => CfItem | null) {
    super(ctx, CF_FILL_DEF, resolver);
  }
  clear(): void {
    this.queue('clear', (m) => {
      delete alive(m, 'ConditionalRangeFill.clear').cf.format.fill;
    });
  }
}

export const CF_FONT_DEF: TypeDef<CfItem> = {
  name: 'ConditionalRangeFont',
  props: {
    color: {
      get: (m) => alive(m, 'ConditionalRangeFont.color').cf.format.fontColor ?? null,
      set: (m, v) => {
        const c = normalizeColor(v);
        if (!c) throw invalidArgument('ConditionalRangeFont.color');
        alive(m, 'ConditionalRangeFont.color').cf.format.fontColor = c;
      },
    },
    bold: {
      get: (m) => alive(m, 'ConditionalRangeFont.bold').cf.format.bold ?? null,
      set: (m, v) => {
        if (typeof v !== 'boolean') throw invalidArgument('ConditionalRangeFont.bold');
        alive(m, 'ConditionalRangeFont.bold').cf.format.bold = v;
      },
    },
    italic: {
      get: (m) => alive(m, 'ConditionalRangeFont.italic').cf.format.italic ?? null,
      set: (m, v) => {
        if (typeof v !== 'boolean') throw invalidArgument('ConditionalRangeFont.italic');
        alive(m, 'ConditionalRangeFont.italic').cf.format.italic = v;
      },
    },
  },
  methods: { clear: '' },
};

export class ConditionalRangeFont extends ClientObject<CfItem> {
  constructor(ctx: MemoryContext, resolver: () => CfItem | null) {
    super(ctx, CF_FONT_DEF, resolver);
  }
  clear(): void {
    this.queue('clear', (m) => {
      const f = alive(m, 'ConditionalRangeFont.clear').cf.format;
      delete f.fontColor;
      delete f.bold;
      delete f.italic;
    });
  }
}

export const CF_FORMAT_DEF: TypeDef<CfItem> = {
  name: 'ConditionalRangeFormat',
  props: {},
  navs: {
    fill: { make: (p) => new ConditionalRangeFill(p.ctx, () => p.resolveMaybeNull() as CfItem | null) },
    font: { make: (p) => new ConditionalRangeFont(p.ctx, () => p.resolveMaybeNull() as CfItem | null) },
  },
  methods: {},
};

export class ConditionalRangeFormat extends ClientObject<CfItem> {
  constructor(ctx: MemoryContext, resolver: () => CfItem | null) {
    super(ctx, CF_FORMAT_DEF, resolver);
  }
}

export const CUSTOM_CF_DEF: TypeDef<CfItem> = {
  name: 'CustomConditionalFormat',
  props: {},
  navs: {
    rule: { make: (p) => new ConditionalFormatRule(p.ctx, () => p.resolveMaybeNull() as CfItem | null) },
    format: { make: (p) => new ConditionalRangeFormat(p.ctx, () => p.resolveMaybeNull() as CfItem | null) },
  },
  methods: {},
};

export class CustomConditionalFormat extends ClientObject<CfItem> {
  constructor(ctx: MemoryContext, resolver: () => CfItem | null, nullable = false) {
    super(ctx, CUSTOM_CF_DEF, resolver, nullable);
  }
}

export const CF_DEF: TypeDef<CfItem> = {
  name: 'ConditionalFormat',
  props: {
    id: { get: (m) => alive(m, 'ConditionalFormat.id').cf.id },
    type: { get: (m) => alive(m, 'ConditionalFormat.type').cf.type },
    priority: {
      get: (m) => alive(m, 'ConditionalFormat.priority').sheet.cfs.indexOf(m.cf),
      set: (m, v) => {
        if (typeof v !== 'number' || !Number.isInteger(v)) throw invalidArgument('ConditionalFormat.priority');
        const list = alive(m, 'ConditionalFormat.priority').sheet.cfs;
        list.splice(list.indexOf(m.cf), 1);
        // Negative priorities count from the back; out-of-range ones clamp (Excel's documented rule).
        const at = v < 0 ? Math.max(0, list.length + 1 + v) : Math.min(v, list.length);
        list.splice(at, 0, m.cf);
      },
    },
    stopIfTrue: {
      get: (m) => alive(m, 'ConditionalFormat.stopIfTrue').cf.stopIfTrue,
      set: (m, v) => {
        if (typeof v !== 'boolean') throw invalidArgument('ConditionalFormat.stopIfTrue');
        alive(m, 'ConditionalFormat.stopIfTrue').cf.stopIfTrue = v;
      },
    },
  },
  navs: {
    custom: {
      make: (p) =>
        new CustomConditionalFormat(p.ctx, () => {
          const m = p.resolveMaybeNull() as CfItem | null;
          if (m && m.cf.type !== 'Custom')
            throw invalidArgument('ConditionalFormat.custom', 'not a custom conditional format');
          return m;
        }),
    },
    customOrNullObject: {
      make: (p) =>
        new CustomConditionalFormat(
          p.ctx,
          () => {
            const m = p.resolveMaybeNull() as CfItem | null;
            return m && m.cf.type === 'Custom' ? m : null;
          },
          true,
        ),
    },
  },
  methods: { delete: '', getRange: '', getRangeOrNullObject: '' },
};

export class ConditionalFormat extends ClientObject<CfItem> {
  constructor(ctx: MemoryContext, resolver: () => CfItem | null, nullable = false) {
    super(ctx, CF_DEF, resolver, nullable);
  }

  delete(): void {
    this.queue('delete', (m) => {
      alive(m, 'ConditionalFormat.delete');
      m.sheet.cfs = m.sheet.cfs.filter((c) => c !== m.cf);
    });
  }

  private rangeOf(nullable: boolean): Excel.Range {
    return rangeFrom(
      this,
      'getRange',
      (item) => {
        const m = alive(item, 'ConditionalFormat.getRange');
        return m.cf.rects.length === 1 ? { sheet: m.sheet, rect: m.cf.rects[0] } : null;
      },
      nullable,
      () => invalidArgument('ConditionalFormat.getRange', 'the format applies to several ranges'),
    );
  }

  getRange(): Excel.Range {
    return this.rangeOf(false);
  }

  getRangeOrNullObject(): Excel.Range {
    return this.rangeOf(true);
  }

  describe(): string {
    const m = this.resolveMaybeNull();
    return m ? m.cf.rects.map((r) => qualifiedAddress(m.sheet.name, r)).join(',') : 'null';
  }
}

function intersecting(m: RangeModel): CfItem[] {
  return m.sheet.cfs
    .filter((cf) => cf.rects.some((r: Rect) => intersect(r, m.rect)))
    .map((cf) => ({ sheet: m.sheet, cf }));
}

export const CF_COLLECTION_DEF: TypeDef<RangeModel> = {
  name: 'ConditionalFormatCollection',
  props: {},
  methods: { add: '', clearAll: '', getCount: '', getItem: '', getItemAt: '', getItemOrNullObject: '1.14' },
};

export class ConditionalFormatCollection extends CollectionObject<RangeModel, CfItem> {
  readonly itemDef = CF_DEF;

  constructor(ctx: MemoryContext, resolver: () => RangeModel | null) {
    super(ctx, CF_COLLECTION_DEF, resolver);
  }

  itemsOf(m: RangeModel): CfItem[] {
    return intersecting(m);
  }

  makeItem(): ClientObject<CfItem> {
    return new ConditionalFormat(this.ctx, () => null);
  }

  add(type: string): Excel.ConditionalFormat {
    if (TYPES.includes(type) && type !== 'Custom')
      throw notImplemented('ConditionalFormatCollection', `add('${type}')`);
    this.ctx.assertAlive('ConditionalFormatCollection.add');
    const obj = new ConditionalFormat(this.ctx, () => {
      const m = this.resolve('add');
      // Excel.ConditionalFormatType.custom is 'Custom'; Guess: other spellings are refused.
      if (type !== 'Custom') throw invalidArgument('ConditionalFormatCollection.add', `unknown type ${String(type)}`);
      if (m.rect.bottom - m.rect.top > 1_000_000)
        throw notImplemented('ConditionalFormatCollection', 'add on whole columns');
      const cf: CfEntry = {
        id: this.host.model.nextCfId(),
        type: 'Custom',
        rects: [m.rect],
        anchorRow: m.rect.top,
        anchorCol: m.rect.left,
        formula: '',
        format: {},
        stopIfTrue: false,
      };
      m.sheet.cfs.unshift(cf);
      return { sheet: m.sheet, cf };
    });
    return this.instantiate(obj).proxy as unknown as Excel.ConditionalFormat;
  }

  clearAll(): void {
    this.queue('clearAll', (m) => removeConditionalFormats(m.sheet, m.rect));
  }

  getCount(): OfficeExtension.ClientResult<number> {
    this.ctx.assertAlive('ConditionalFormatCollection.getCount');
    return clientResult(
      this.ctx,
      'ConditionalFormatCollection.getCount',
      () => intersecting(this.resolve('getCount')).length,
    ) as OfficeExtension.ClientResult<number>;
  }

  private find(location: string, pick: (items: CfItem[]) => CfItem | undefined, nullable: boolean): ConditionalFormat {
    this.ctx.assertAlive(`ConditionalFormatCollection.${location}`);
    const obj = new ConditionalFormat(
      this.ctx,
      () => {
        const found = pick(intersecting(this.resolve(location)));
        if (!found && !nullable) throw itemNotFound(`ConditionalFormatCollection.${location}`);
        return found ?? null;
      },
      nullable,
    );
    return this.instantiate(obj);
  }

  getItem(id: string): Excel.ConditionalFormat {
    return this.find('getItem', (items) => items.find((i) => i.cf.id === id), false)
      .proxy as unknown as Excel.ConditionalFormat;
  }

  getItemOrNullObject(id: string): Excel.ConditionalFormat {
    return this.find('getItemOrNullObject', (items) => items.find((i) => i.cf.id === id), true)
      .proxy as unknown as Excel.ConditionalFormat;
  }

  getItemAt(index: number): Excel.ConditionalFormat {
    return this.find('getItemAt', (items) => items[index], false).proxy as unknown as Excel.ConditionalFormat;
  }
}
