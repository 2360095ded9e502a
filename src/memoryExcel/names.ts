/**
 * Excel.NamedItemCollection / NamedItem: workbook-scoped (workbook.names) and worksheet-scoped
 * (worksheet.names, ExcelApi 1.4) names. Formulas, conditional formats and validation see a
 * sheet's own names before the workbook's.
 */
import { a1RectAbsolute, parseAddress, quoteSheetName } from './address';
import { ClientObject, CollectionObject, type TypeDef } from './client';
import { unwrap } from './proxyGuard';
import { checkSameContext, type MemoryContext } from './requestContext';
import { invalidArgument, itemAlreadyExists, itemNotFound } from './errors';
import type { NameEntry, SheetModel } from './model';
import { Range } from './range';
import type { RangeModel } from './rangeOps';
import { apiValue, CellError } from './values';
import type { WorkbookModel } from './workbookModel';

export interface NamesScope {
  model: WorkbookModel;
  sheet?: SheetModel;
}

interface NameItem {
  scope: NamesScope;
  entry: NameEntry;
}

function mapOf(scope: NamesScope): Map<string, NameEntry> {
  return scope.sheet ? scope.sheet.names : scope.model.names;
}

/**
 * Excel's rules for a defined name (Guess where the documentation is silent): 1–255 characters,
 * starting with a letter, '_' or '\', then letters, digits, '.', '_' or '\'; not a cell
 * reference ('A1', 'R1C1', 'R', 'C'); not TRUE/FALSE.
 */
export function nameError(name: unknown): string | null {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return 'length';
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return 'characters';
  if (/^[A-Za-z]{1,3}\d+$/.test(name) && Number(name.replace(/^[A-Za-z]+/, '')) <= 1048576)
    return 'looks like a cell reference';
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return 'looks like an R1C1 reference';
  if (/^(true|false)$/i.test(name)) return 'reserved';
  return null;
}

/** Evaluated value and type of a name, as NamedItem.value / type report them. */
function nameValue(item: NameItem): { value: unknown; type: string } {
  const { model } = item.scope;
  const f = item.entry.formula;
  const body = f.slice(1).trim();
  const ref = parseAddress(body);
  if (ref) return { value: body, type: 'Range' };
  if (/^\{.*\}$/.test(body)) return { value: f, type: 'Array' };
  const sheet = item.scope.sheet ?? model.sheets[0];
  if (!sheet) return { value: body, type: 'String' };
  const v = model.engine.evaluateAt(sheet, f, 0, 0);
  if (v instanceof CellError) return { value: v.code, type: 'Error' };
  if (typeof v === 'boolean') return { value: v, type: 'Boolean' };
  if (typeof v === 'number') return { value: v, type: Number.isInteger(v) ? 'Integer' : 'Double' };
  return { value: apiValue(v), type: 'String' };
}

function alive(item: NameItem, location: string): NameItem {
  if (mapOf(item.scope).get(item.entry.name.toUpperCase()) !== item.entry || item.scope.sheet?.deleted)
    throw itemNotFound(location, 'the name was deleted');
  return item;
}

/**
 * A name's formula as a client whose system list separator is `separator` parses it. office-js
 * #2891 (open): the formulas of names are parsed with the system's list separator, not the
 * invariant ',' of Range.formulas, so on a ';' system `={"a","b"}` is not the two-item array the
 * add-in wrote. Guess, stricter than a misparse: the write fails InvalidArgument when a ',' stands
 * outside a text constant (an array constant's or a function's separator), so no code can rely on
 * it; a formula without one (`="1.0.0"`, `={""}`, `=Sheet1!$A$1`) reads the same everywhere.
 */
function checkListSeparator(formula: string, separator: ',' | ';', location: string): void {
  if (separator === ',') return;
  // Text constants and quoted sheet names ('I. Lĩnh vực chỉ đạo, điều hành'!$A$1) hold no separator.
  const outsideText = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "''");
  if (outsideText.includes(','))
    throw invalidArgument(
      location,
      `the formula is parsed with this system's list separator "${separator}" (office-js #2891): "," is not one`,
    );
}

/** A reference given to add(): a Range object or a formula text. */
function referenceFormula(ctx: MemoryContext, reference: unknown, location: string): string {
  const t = unwrap(reference);
  if (t) {
    checkSameContext(ctx, reference, location);
    if (!(t instanceof Range)) throw invalidArgument(location);
    const rm = t.resolve(location) as RangeModel;
    return `=${quoteSheetName(rm.sheet.name)}!${a1RectAbsolute(rm.rect)}`;
  }
  if (typeof reference !== 'string' || reference.trim() === '') throw invalidArgument(location);
  // Guess: a reference without '=' is read as a formula anyway.
  return reference.startsWith('=') ? reference : `=${reference}`;
}

export const NAMED_ITEM_DEF: TypeDef<NameItem> = {
  name: 'NamedItem',
  props: {
    name: { get: (m) => alive(m, 'NamedItem.name').entry.name },
    formula: {
      req: '1.7',
      get: (m) => alive(m, 'NamedItem.formula').entry.formula,
      set: (m, v, o) => {
        alive(m, 'NamedItem.formula');
        const f = referenceFormula(o.ctx, v, 'NamedItem.formula');
        checkListSeparator(f, o.ctx.host.listSeparator, 'NamedItem.formula');
        try {
          m.scope.model.engine.validate(f);
        } catch (e) {
          throw invalidArgument('NamedItem.formula', e instanceof Error ? e.message : String(e));
        }
        m.entry.formula = f;
        m.scope.model.engine.nameChanged(m.entry.name);
      },
    },
    value: { get: (m) => nameValue(alive(m, 'NamedItem.value')).value },
    type: { get: (m) => nameValue(alive(m, 'NamedItem.type')).type },
  },
  methods: { delete: '1.4' },
};

export class NamedItem extends ClientObject<NameItem> {
  constructor(ctx: MemoryContext, resolver: () => NameItem | null, nullable = false) {
    super(ctx, NAMED_ITEM_DEF, resolver, nullable);
  }

  delete(): void {
    this.queue('delete', (m) => {
      alive(m, 'NamedItem.delete');
      mapOf(m.scope).delete(m.entry.name.toUpperCase());
      m.scope.model.engine.nameChanged(m.entry.name);
    });
  }
}

export const NAMES_DEF: TypeDef<NamesScope> = {
  name: 'NamedItemCollection',
  props: {},
  methods: { add: '1.4', getItem: '', getItemOrNullObject: '1.4' },
};

export class NamedItemCollection extends CollectionObject<NamesScope, NameItem> {
  readonly itemDef = NAMED_ITEM_DEF;

  constructor(ctx: MemoryContext, resolver: () => NamesScope | null) {
    super(ctx, NAMES_DEF, resolver);
  }

  itemsOf(m: NamesScope): NameItem[] {
    return [...mapOf(m).values()].map((entry) => ({ scope: m, entry }));
  }

  makeItem(): ClientObject<NameItem> {
    return new NamedItem(this.ctx, () => null);
  }

  /** The comment is taken and not kept: NamedItem.comment is not implemented, so nothing reads it back. */
  add(name: string, reference: Excel.Range | string, _comment?: string): Excel.NamedItem {
    this.ctx.assertAlive('NamedItemCollection.add');
    checkSameContext(this.ctx, reference, 'NamedItemCollection.add');
    const item = new NamedItem(this.ctx, () => {
      const scope = this.resolve('add');
      const problem = nameError(name);
      if (problem) throw invalidArgument('NamedItemCollection.add', `name ${problem}`);
      const map = mapOf(scope);
      if (map.has(name.toUpperCase())) throw itemAlreadyExists('NamedItemCollection.add');
      const formula = referenceFormula(this.ctx, reference, 'NamedItemCollection.add');
      checkListSeparator(formula, this.ctx.host.listSeparator, 'NamedItemCollection.add');
      try {
        scope.model.engine.validate(formula);
      } catch (e) {
        throw invalidArgument('NamedItemCollection.add', e instanceof Error ? e.message : String(e));
      }
      const entry: NameEntry = {
        name,
        formula,
        ...(scope.sheet ? { sheet: scope.sheet } : {}),
      };
      map.set(name.toUpperCase(), entry);
      scope.model.engine.nameChanged(name);
      return { scope, entry };
    });
    return this.instantiate(item).proxy as unknown as Excel.NamedItem;
  }

  private find(location: string, name: string, nullable: boolean): Excel.NamedItem {
    this.ctx.assertAlive(`NamedItemCollection.${location}`);
    const item = new NamedItem(
      this.ctx,
      () => {
        const scope = this.resolve(location);
        const entry = typeof name === 'string' ? mapOf(scope).get(name.toUpperCase()) : undefined;
        if (!entry) {
          if (nullable) return null;
          throw itemNotFound(`NamedItemCollection.${location}`, `no name ${String(name)}`);
        }
        return { scope, entry };
      },
      nullable,
    );
    return this.instantiate(item).proxy as unknown as Excel.NamedItem;
  }

  getItem(name: string): Excel.NamedItem {
    return this.find('getItem', name, false);
  }

  getItemOrNullObject(name: string): Excel.NamedItem {
    return this.find('getItemOrNullObject', name, true);
  }
}
