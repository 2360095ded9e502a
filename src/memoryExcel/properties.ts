/** Excel.DocumentProperties (custom properties only; ExcelApi 1.7). */
import { ClientObject, CollectionObject, type TypeDef } from './client';
import type { MemoryContext } from './requestContext';
import { invalidArgument, itemNotFound } from './errors';
import type { CustomPropertyEntry } from './model';
import type { WorkbookModel } from './workbookModel';

interface PropItem {
  model: WorkbookModel;
  entry: CustomPropertyEntry;
}

/** Guess: whole numbers read as 'Number', others as 'Float'. */
function typeOf(v: CustomPropertyEntry['value']): string {
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Number' : 'Float';
  if (v instanceof Date) return 'Date';
  return 'String';
}

/** Guess: Excel's limits are 255 characters for a key and for a text value. */
function checkValue(v: unknown, location: string): CustomPropertyEntry['value'] {
  if (typeof v === 'string') {
    if (v.length > 255) throw invalidArgument(location, 'text value longer than 255 characters');
    return v;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  throw invalidArgument(location);
}

function alive(item: PropItem, location: string): PropItem {
  if (item.model.custom.get(item.entry.key.toUpperCase()) !== item.entry)
    throw itemNotFound(location, 'the property was deleted');
  return item;
}

export const CUSTOM_PROPERTY_DEF: TypeDef<PropItem> = {
  name: 'CustomProperty',
  props: {
    key: { get: (m) => alive(m, 'CustomProperty.key').entry.key },
    value: {
      get: (m) => alive(m, 'CustomProperty.value').entry.value,
      set: (m, v) => {
        alive(m, 'CustomProperty.value').entry.value = checkValue(v, 'CustomProperty.value');
      },
    },
    type: { get: (m) => typeOf(alive(m, 'CustomProperty.type').entry.value) },
  },
  methods: { delete: '' },
};

export class CustomProperty extends ClientObject<PropItem> {
  constructor(ctx: MemoryContext, resolver: () => PropItem | null, nullable = false) {
    super(ctx, CUSTOM_PROPERTY_DEF, resolver, nullable);
  }

  delete(): void {
    this.queue('delete', (m) => {
      alive(m, 'CustomProperty.delete');
      m.model.custom.delete(m.entry.key.toUpperCase());
    });
  }
}

export const CUSTOM_PROPERTIES_DEF: TypeDef<WorkbookModel> = {
  name: 'CustomPropertyCollection',
  props: {},
  methods: { add: '', getItem: '', getItemOrNullObject: '' },
};

export class CustomPropertyCollection extends CollectionObject<WorkbookModel, PropItem> {
  readonly itemDef = CUSTOM_PROPERTY_DEF;

  constructor(ctx: MemoryContext, resolver: () => WorkbookModel | null) {
    super(ctx, CUSTOM_PROPERTIES_DEF, resolver);
  }

  itemsOf(m: WorkbookModel): PropItem[] {
    return [...m.custom.values()].map((entry) => ({ model: m, entry }));
  }

  makeItem(): ClientObject<PropItem> {
    return new CustomProperty(this.ctx, () => null);
  }

  /** Creates the property, or sets the value of an existing one (keys compare without case). */
  add(key: string, value: unknown): Excel.CustomProperty {
    this.ctx.assertAlive('CustomPropertyCollection.add');
    const obj = new CustomProperty(this.ctx, () => {
      const m = this.resolve('add');
      if (typeof key !== 'string' || key.length === 0 || key.length > 255)
        throw invalidArgument('CustomPropertyCollection.add', 'key of 1–255 characters');
      const v = checkValue(value, 'CustomPropertyCollection.add');
      const existing = m.custom.get(key.toUpperCase());
      if (existing) {
        existing.value = v;
        return { model: m, entry: existing };
      }
      const entry: CustomPropertyEntry = { key, value: v };
      m.custom.set(key.toUpperCase(), entry);
      return { model: m, entry };
    });
    return this.instantiate(obj).proxy as unknown as Excel.CustomProperty;
  }

  private find(location: string, key: string, nullable: boolean): Excel.CustomProperty {
    this.ctx.assertAlive(`CustomPropertyCollection.${location}`);
    const obj = new CustomProperty(
      this.ctx,
      () => {
        const m = this.resolve(location);
        const entry = typeof key === 'string' ? m.custom.get(key.toUpperCase()) : undefined;
        if (!entry) {
          if (nullable) return null;
          throw itemNotFound(`CustomPropertyCollection.${location}`, `no property ${String(key)}`);
        }
        return { model: m, entry };
      },
      nullable,
    );
    return this.instantiate(obj).proxy as unknown as Excel.CustomProperty;
  }

  getItem(key: string): Excel.CustomProperty {
    return this.find('getItem', key, false);
  }

  getItemOrNullObject(key: string): Excel.CustomProperty {
    return this.find('getItemOrNullObject', key, true);
  }
}

export const DOCUMENT_PROPERTIES_DEF: TypeDef<WorkbookModel> = {
  name: 'DocumentProperties',
  props: {},
  navs: {
    custom: { make: (p) => new CustomPropertyCollection(p.ctx, () => p.resolveMaybeNull() as WorkbookModel | null) },
  },
  methods: {},
};

export class DocumentProperties extends ClientObject<WorkbookModel> {
  constructor(ctx: MemoryContext, resolver: () => WorkbookModel | null) {
    super(ctx, DOCUMENT_PROPERTIES_DEF, resolver);
  }
}
