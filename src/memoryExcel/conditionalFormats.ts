/**
 * Excel.ConditionalFormatCollection and the custom (formula) conditional format (ExcelApi 1.6).
 * Of the other types the API adds only data bars and colour scales (FOREIGN_API_TYPES); the user
 * can add any (userRules.ts), and reading them back fails as office-js issues report. A format's
 * formula is written for the top-left cell of its range and read relative to each cell.
 *
 * Identity: a conditional format has no stable id in Excel. `ConditionalFormat.id` is "the
 * priority of the conditional format in the current ConditionalFormatCollection" (typings), so
 * an id is "0", "1", … and adding or deleting a rule renumbers the others. An object stands for
 * a position, not a rule: once resolved it keeps its priority in its collection and every later
 * command (in this batch or a later one) acts on whatever rule has that priority then, or fails
 * ItemNotFound when none has. Typings (ConditionalFormat.priority): "if you change the priority,
 * you have to re-fetch a new copy of the object at that new priority location if you want to make
 * further changes to it". getItem(id) resolves the priority when its command runs.
 *
 * Guess: priorities count within the collection (the rules intersecting the collection's
 * range, in the sheet's order), not the whole sheet — stricter: an id read from one range's
 * collection means another rule in another range's collection.
 */
import { intersect, qualifiedAddress, type Rect } from './address';
import { ClientObject, CollectionObject, clientResult, type TypeDef } from './client';
import type { MemoryContext } from './requestContext';
import { ExcelApiError, invalidArgument, itemNotFound, notImplemented } from './errors';
import { translate } from './formulaText';
import type { CfEntry, SheetModel } from './model';
import { rangeFrom } from './range';
import { removeConditionalFormats, type RangeModel } from './rangeOps';
import { normalizeColor } from './styles';

/** A rule as seen from a collection: the collection's range (scope) and the rule's priority in it. */
export interface CfItem {
  sheet: SheetModel;
  cf: CfEntry;
  scope: Rect;
  index: number;
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

/** The rules of a collection over `scope`, highest priority first. */
function intersecting(sheet: SheetModel, scope: Rect): CfItem[] {
  return sheet.cfs
    .filter((cf) => cf.rects.some((r: Rect) => intersect(r, scope)))
    .map((cf, index) => ({ sheet, cf, scope, index }));
}

/** The rule at a collection position now (ItemNotFound when there is none). */
function atPriority(sheet: SheetModel, scope: Rect, index: number, location: string): CfItem {
  if (sheet.deleted) throw itemNotFound(location, 'its worksheet was deleted');
  const item = intersecting(sheet, scope)[index];
  if (!item) throw itemNotFound(location, `no conditional format has priority ${index} in this collection any more`);
  return item;
}

/**
 * Loading the details of a rule the user made in Excel fails. office-js #2180: loading
 * 'items/custom/rule/formula' on a collection that also holds a colour scale fails with "This
 * operation is not permitted for the current object."; #6835: properties of a rule the user added
 * (and duplicated) in the UI cannot be read ("The code yields exceptions"); #6827: reading `rule`
 * and `format` of the items fails once the user added a second cellValue rule. Guess (stricter
 * than the typings' null object): `customOrNullObject` of a user-made rule of another type fails
 * the whole request too, with GeneralException (the issues do not give the code).
 */
function userRuleDetails(m: CfItem, location: string): never {
  throw new ExcelApiError(
    'GeneralException',
    `There was an internal error while processing the request. (a ${m.cf.type} rule added in Excel's UI cannot be read: office-js #6835, #6827)`,
    location,
  );
}

/**
 * Types of another kind than Custom that the API may add here: only so that the self-test can
 * ask Excel whether the details of a rule it did not make can be read (src/selftest/probes.ts).
 * Guess (stricter): such a rule, though added through the API, reads like a rule the user made in
 * Excel's UI (customOrNullObject fails the request); office-js #6835 and #6827 speak of UI rules.
 */
const FOREIGN_API_TYPES = new Set(['DataBar', 'ColorScale']);

function alive(item: CfItem, location: string): CfItem {
  if (item.sheet.deleted || !item.sheet.cfs.includes(item.cf))
    throw itemNotFound(location, 'the conditional format was deleted');
  return item;
}

/**
 * Parts of a conditional format (custom, rule, format, fill, font) follow their format's
 * position every time they are used (they never keep the rule they first found).
 */
abstract class CfPart extends ClientObject<CfItem> {
  constructor(
    ctx: MemoryContext,
    def: TypeDef<CfItem>,
    private readonly find: () => CfItem | null,
    nullable = false,
  ) {
    super(ctx, def, find, nullable);
  }

  override resolveMaybeNull(): CfItem | null {
    const m = this.find();
    if (m === null && !this.nullable && !this.navChild) throw itemNotFound(this.def.name);
    return m;
  }
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

export class ConditionalFormatRule extends CfPart {
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

export class ConditionalRangeFill extends CfPart {
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

export class ConditionalRangeFont extends CfPart {
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

export class ConditionalRangeFormat extends CfPart {
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

export class CustomConditionalFormat extends CfPart {
  constructor(ctx: MemoryContext, resolver: () => CfItem | null, nullable = false) {
    super(ctx, CUSTOM_CF_DEF, resolver, nullable);
  }
}

export const CF_DEF: TypeDef<CfItem> = {
  name: 'ConditionalFormat',
  props: {
    // Typings: id is "the priority of the conditional format in the current ConditionalFormatCollection".
    id: { get: (m) => String(alive(m, 'ConditionalFormat.id').index) },
    type: { get: (m) => alive(m, 'ConditionalFormat.type').cf.type },
  },
  navs: {
    custom: {
      make: (p) =>
        new CustomConditionalFormat(p.ctx, () => {
          const m = p.resolveMaybeNull() as CfItem | null;
          // office-js #2180: "RichApi Error: This operation is not permitted for the current object."
          if (m && m.cf.type !== 'Custom')
            throw new ExcelApiError(
              'InvalidOperation',
              'This operation is not permitted for the current object.',
              'ConditionalFormat.custom',
            );
          // office-js #6835: the condition and format of a rule made in the UI fail to load
          // (Guess, stricter: so does reaching the custom part of one, even of type Custom).
          if (m?.cf.byUser) userRuleDetails(m, 'ConditionalFormat.custom');
          return m;
        }),
    },
    customOrNullObject: {
      make: (p) =>
        new CustomConditionalFormat(
          p.ctx,
          () => {
            const m = p.resolveMaybeNull() as CfItem | null;
            if (m?.cf.byUser) userRuleDetails(m, 'ConditionalFormat.customOrNullObject');
            return m && m.cf.type === 'Custom' ? m : null;
          },
          true,
        ),
    },
  },
  methods: { delete: '', getRangeOrNullObject: '' },
};

export class ConditionalFormat extends ClientObject<CfItem> {
  /** The position this object stands for, once resolved (see the file header). */
  private slot: { sheet: SheetModel; scope: Rect; index: number } | undefined;

  constructor(ctx: MemoryContext, resolver: () => CfItem | null, nullable = false) {
    super(ctx, CF_DEF, resolver, nullable);
  }

  override resolveMaybeNull(): CfItem | null {
    if (this.slot) return atPriority(this.slot.sheet, this.slot.scope, this.slot.index, 'ConditionalFormat');
    const m = super.resolveMaybeNull();
    if (m) this.slot = { sheet: m.sheet, scope: m.scope, index: m.index };
    return m;
  }

  override bindTo(m: CfItem): void {
    super.bindTo(m);
    this.slot = { sheet: m.sheet, scope: m.scope, index: m.index };
  }

  delete(): void {
    this.queue('delete', (m) => {
      alive(m, 'ConditionalFormat.delete');
      m.sheet.cfs = m.sheet.cfs.filter((c) => c !== m.cf);
    });
  }

  /** The range the rule applies to; a null object when it applies to several. */
  getRangeOrNullObject(): Excel.Range {
    return rangeFrom(
      this,
      'getRangeOrNullObject',
      (item) => {
        const m = alive(item, 'ConditionalFormat.getRangeOrNullObject');
        // office-js #6835: "the address it applies to" of a rule made in the UI fails to load.
        if (m.cf.byUser) userRuleDetails(m, 'ConditionalFormat.getRangeOrNullObject');
        return m.cf.rects.length === 1 ? { sheet: m.sheet, rect: m.cf.rects[0] } : null;
      },
      true,
    );
  }

  describe(): string {
    const m = this.resolveMaybeNull();
    return m ? m.cf.rects.map((r) => qualifiedAddress(m.sheet.name, r)).join(',') : 'null';
  }
}

export const CF_COLLECTION_DEF: TypeDef<RangeModel> = {
  name: 'ConditionalFormatCollection',
  props: {},
  methods: { add: '', clearAll: '', getCount: '', getItem: '', getItemAt: '' },
};

export class ConditionalFormatCollection extends CollectionObject<RangeModel, CfItem> {
  readonly itemDef = CF_DEF;

  constructor(ctx: MemoryContext, resolver: () => RangeModel | null) {
    super(ctx, CF_COLLECTION_DEF, resolver);
  }

  itemsOf(m: RangeModel): CfItem[] {
    return intersecting(m.sheet, m.rect);
  }

  makeItem(): ClientObject<CfItem> {
    return new ConditionalFormat(this.ctx, () => null);
  }

  add(type: string): Excel.ConditionalFormat {
    if (TYPES.includes(type) && type !== 'Custom' && !FOREIGN_API_TYPES.has(type))
      throw notImplemented('ConditionalFormatCollection', `add('${type}')`);
    this.ctx.assertAlive('ConditionalFormatCollection.add');
    const obj = new ConditionalFormat(this.ctx, () => {
      const m = this.resolve('add');
      // Excel.ConditionalFormatType.custom is 'Custom'; Guess: other spellings are refused.
      if (type !== 'Custom' && !FOREIGN_API_TYPES.has(type))
        throw invalidArgument('ConditionalFormatCollection.add', `unknown type ${String(type)}`);
      if (m.rect.bottom - m.rect.top > 1_000_000)
        throw notImplemented('ConditionalFormatCollection', 'add on whole columns');
      // A data bar or colour scale keeps only its type, range and priority (it is never drawn), and
      // its details read back as a user's rule does (see FOREIGN_API_TYPES).
      const cf: CfEntry = {
        type: type as CfEntry['type'],
        ...(type !== 'Custom' && { byUser: true }),
        rects: [m.rect],
        anchorRow: m.rect.top,
        anchorCol: m.rect.left,
        formula: '',
        format: {},
      };
      // Typings: add "Adds a new conditional format to the collection at the first/top priority".
      m.sheet.cfs.unshift(cf);
      return { sheet: m.sheet, cf, scope: m.rect, index: 0 };
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
      () => this.itemsOf(this.resolve('getCount')).length,
    ) as OfficeExtension.ClientResult<number>;
  }

  private find(location: string, pick: (items: CfItem[]) => CfItem | undefined, nullable: boolean): ConditionalFormat {
    this.ctx.assertAlive(`ConditionalFormatCollection.${location}`);
    const obj = new ConditionalFormat(
      this.ctx,
      () => {
        const found = pick(this.itemsOf(this.resolve(location)));
        if (!found && !nullable) throw itemNotFound(`ConditionalFormatCollection.${location}`);
        return found ?? null;
      },
      nullable,
    );
    return this.instantiate(obj);
  }

  /** The id is the priority, resolved when the command runs (see the file header). */
  getItem(id: string): Excel.ConditionalFormat {
    return this.find('getItem', (items) => items[priorityOf(id)], false).proxy as unknown as Excel.ConditionalFormat;
  }

  getItemAt(index: number): Excel.ConditionalFormat {
    return this.find('getItemAt', (items) => items[index], false).proxy as unknown as Excel.ConditionalFormat;
  }
}

/** "0", "1", … → the priority; Guess: any other spelling ("01", " 1", "{…}") names no rule. */
function priorityOf(id: unknown): number {
  return typeof id === 'string' && /^(0|[1-9][0-9]*)$/.test(id) ? Number(id) : -1;
}
