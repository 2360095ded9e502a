/** Excel.Range over the in-memory workbook. */
import {
  a1Rect,
  colsOf,
  intersect,
  isEntireColumns,
  isEntireRows,
  MAX_COLS,
  MAX_ROWS,
  qualifiedAddress,
  rowsOf,
  type Rect,
} from './address';
import { ClientObject, type TypeDef } from './client';
import type { MemoryContext } from './requestContext';
import { ConditionalFormatCollection } from './conditionalFormats';
import { DataValidation } from './dataValidation';
import { invalidArgument, itemNotFound, notImplemented } from './errors';
import { RangeFormat } from './format';
import {
  applyNumberFormat,
  applyNumberFormatHuge,
  clearContents,
  clearFormats,
  clearValidation,
  isHuge,
  numberFormatAt,
  readGrid,
  writeGrid,
  type RangeModel,
} from './rangeOps';
import { shiftSheet } from './structure';
import { apiValue, valueType } from './values';
import type { WorkbookModel } from './workbookModel';

function hiddenState(count: number, hidden: number): boolean | null {
  return hidden === 0 ? false : hidden === count ? true : null;
}

function recordEdit(model: WorkbookModel, rm: RangeModel, before: unknown, changeType = 'RangeEdited'): void {
  const single = rm.rect.top === rm.rect.bottom && rm.rect.left === rm.rect.right;
  model.recordChange({
    sheet: rm.sheet,
    rect: rm.rect,
    changeType,
    bySelf: true,
    ...(single ? { before: before as never, after: rm.sheet.get(rm.rect.top, rm.rect.left)?.value ?? null } : {}),
  });
}

function writeCells(obj: ClientObject<RangeModel>, rm: RangeModel, value: unknown, location: string): void {
  const model = obj.host.model;
  const before = rm.sheet.get(rm.rect.top, rm.rect.left)?.value ?? null;
  let changed = false;
  writeGrid(rm, value, location, (r, c, v) => {
    if (model.writeFromApi(rm.sheet, r, c, v, location)) changed = true;
  });
  model.engine.recalc();
  if (changed) recordEdit(model, rm, before);
}

export const RANGE_DEF: TypeDef<RangeModel> = {
  name: 'Range',
  props: {
    address: { get: (m) => qualifiedAddress(m.sheet.name, m.rect) },
    values: {
      get: (m) => readGrid(m, 'Range.values', (cell) => apiValue(cell?.value ?? null)),
      set: (m, v, o) => writeCells(o, m, v, 'Range.values'),
    },
    formulas: {
      get: (m) => readGrid(m, 'Range.formulas', (cell) => cell?.formula ?? apiValue(cell?.value ?? null)),
      set: (m, v, o) => writeCells(o, m, v, 'Range.formulas'),
    },
    numberFormat: {
      get: (m) => readGrid(m, 'Range.numberFormat', (_cell, r, c) => numberFormatAt(m.sheet, r, c)),
      set: (m, v) => {
        if (!Array.isArray(v) && isHuge(m.rect)) {
          if (typeof v !== 'string') throw invalidArgument('Range.numberFormat');
          applyNumberFormatHuge(m, v);
          return;
        }
        writeGrid(m, v, 'Range.numberFormat', (r, c, f) => {
          if (f === null || f === undefined) return;
          if (typeof f !== 'string') throw invalidArgument('Range.numberFormat', 'a number format is a string');
          applyNumberFormat(m.sheet, r, c, f);
        });
      },
    },
    valueTypes: { get: (m) => readGrid(m, 'Range.valueTypes', (cell) => valueType(cell?.value ?? null)) },
    columnHidden: {
      req: '1.2',
      get: (m) => {
        let hidden = 0;
        for (let c = m.rect.left; c <= m.rect.right; c++) if (m.sheet.hiddenCols.has(c)) hidden++;
        return hiddenState(colsOf(m.rect), hidden);
      },
      set: (m, v) => {
        if (typeof v !== 'boolean') throw invalidArgument('Range.columnHidden');
        for (let c = m.rect.left; c <= m.rect.right; c++) {
          if (v) m.sheet.hiddenCols.add(c);
          else m.sheet.hiddenCols.delete(c);
        }
      },
    },
  },
  navs: {
    format: { make: (p) => new RangeFormat(p.ctx, () => p.resolveMaybeNull() as RangeModel | null) },
    dataValidation: {
      req: '1.8',
      make: (p) => new DataValidation(p.ctx, () => p.resolveMaybeNull() as RangeModel | null),
    },
    conditionalFormats: {
      req: '1.6',
      make: (p) => new ConditionalFormatCollection(p.ctx, () => p.resolveMaybeNull() as RangeModel | null),
    },
  },
  methods: {
    getUsedRangeOrNullObject: '1.4',
    merge: '1.2',
    unmerge: '1.2',
    clear: '',
    select: '',
    insert: '',
    calculate: '1.6',
  },
};

function inGrid(r: Rect, location: string): Rect {
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS || r.top > r.bottom || r.left > r.right)
    throw invalidArgument(location, 'outside the worksheet grid');
  return r;
}

export class Range extends ClientObject<RangeModel> {
  constructor(ctx: MemoryContext, resolver: () => RangeModel | null, nullable = false) {
    super(ctx, RANGE_DEF, resolver, nullable);
  }

  protected override checkBound(m: RangeModel | null): void {
    if (m?.sheet.deleted) throw itemNotFound('Range', 'its worksheet was deleted');
  }

  private derive(location: string, f: (rm: RangeModel) => Rect | null, nullable = false): Excel.Range {
    return rangeFrom(
      this,
      location,
      (rm) => {
        const r = f(rm);
        return r ? { sheet: rm.sheet, rect: inGrid(r, `Range.${location}`) } : null;
      },
      nullable,
    );
  }

  /** The part of this range inside its sheet's used range. */
  private usedPart(location: string, valuesOnly: boolean | undefined, nullable: boolean): Excel.Range {
    return this.derive(
      location,
      (rm) => {
        const used = rm.sheet.usedRect(!!valuesOnly);
        return used ? intersect(used, rm.rect) : null;
      },
      nullable,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this.usedPart('getUsedRangeOrNullObject', valuesOnly, true);
  }

  /**
   * Guesses: merging removes merged areas it overlaps, keeps only the top-left value of each new
   * area (Excel's API merges without the UI's warning), and a one-cell range is left alone.
   */
  merge(across?: boolean): void {
    this.queue('merge', (rm) => {
      const { sheet, rect } = rm;
      if (isHuge(rect)) throw notImplemented('Range', 'merge (whole rows/columns)');
      const areas: Rect[] = across
        ? Array.from({ length: rowsOf(rect) }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i }))
        : [rect];
      sheet.merges = sheet.merges.filter((m) => !intersect(m, rect));
      const model = this.host.model;
      for (const a of areas) {
        if (a.top === a.bottom && a.left === a.right) continue;
        sheet.forEachExisting(a, (cell, r, c) => {
          if (r === a.top && c === a.left) return;
          if (cell.value !== null || cell.formula) model.applyInput(sheet, r, c, { kind: 'blank' }, 'Range.merge');
        });
        sheet.merges.push(a);
      }
    });
  }

  unmerge(): void {
    this.queue('unmerge', (rm) => {
      rm.sheet.merges = rm.sheet.merges.filter((m) => !intersect(m, rm.rect));
    });
  }

  /**
   * Guesses: 'All' clears contents, formats (incl. merges and conditional formats) and data
   * validation; 'Formats' clears formats, merges and conditional formats; 'Contents' values and
   * formulas only.
   */
  clear(applyTo?: string): void {
    const mode = applyTo ?? 'All';
    if (!['All', 'Formats', 'Contents'].includes(mode)) {
      if (['Hyperlinks', 'RemoveHyperlinks', 'ResetContents'].includes(mode))
        throw notImplemented('Range', `clear('${mode}')`);
    }
    this.queue('clear', (rm) => {
      if (!['All', 'Formats', 'Contents'].includes(mode)) throw invalidArgument('Range.clear');
      const model = this.host.model;
      const before = rm.sheet.get(rm.rect.top, rm.rect.left)?.value ?? null;
      if (mode === 'All' || mode === 'Contents') {
        clearContents(model, rm);
        model.engine.recalc();
        recordEdit(model, rm, before);
      }
      if (mode === 'All' || mode === 'Formats') clearFormats(rm);
      if (mode === 'All') clearValidation(rm);
    });
  }

  /** Guess: selecting a range on another sheet activates that sheet (and fires onActivated). */
  select(): void {
    this.queue('select', (rm) => {
      this.host.model.selection = { sheet: rm.sheet, rect: rm.rect };
      activateSheet(this.host.model, rm.sheet);
    });
  }

  insert(shift: string): Excel.Range {
    return rangeFrom(this, 'insert', (rm) => {
      const { sheet, rect } = rm;
      if (isEntireRows(rect)) {
        // Guess: for whole rows Excel takes only 'Down' (any other shift is refused).
        if (shift !== 'Down') throw invalidArgument('Range.insert', "whole rows insert with shift 'Down'");
        shiftSheet(this.host.model, sheet, 'row', rect.top, rowsOf(rect));
        this.host.model.recordChange({ sheet, rect, changeType: 'RowInserted', bySelf: true });
      } else if (isEntireColumns(rect)) {
        if (shift !== 'Right') throw invalidArgument('Range.insert', "whole columns insert with shift 'Right'");
        shiftSheet(this.host.model, sheet, 'col', rect.left, colsOf(rect));
        this.host.model.recordChange({ sheet, rect, changeType: 'ColumnInserted', bySelf: true });
      } else {
        if (shift !== 'Down') throw notImplemented('Range', `insert('${shift}') on part of the rows`);
        shiftSheet(this.host.model, sheet, 'row', rect.top, rowsOf(rect), [rect.left, rect.right]);
        this.host.model.recordChange({ sheet, rect, changeType: 'CellInserted', bySelf: true });
      }
      return { sheet, rect };
    });
  }

  /** Typings: "Calculates a range of cells on a worksheet" [1.6] (see CalcEngine.calculateRange). */
  calculate(): void {
    this.queue('calculate', (rm) =>
      this.host.model.engine.calculateRange(rm.sheet, rm.rect.top, rm.rect.left, rm.rect.bottom, rm.rect.right),
    );
  }

  describe(): string {
    const m = this.resolveMaybeNull();
    return m ? `${m.sheet.name}!${a1Rect(m.rect)}` : 'null';
  }
}

export function activateSheet(model: WorkbookModel, sheet: import('./model').SheetModel): void {
  if (model.activeSheet === sheet) return;
  if (sheet.visibility !== 'Visible') throw invalidArgument('Worksheet.activate', 'a hidden sheet cannot be activated');
  model.activeSheet = sheet;
  model.pendingActivations.push(sheet);
}

/**
 * The Range a method of `owner` returns (getRange, getUsedRange, getItem…), found when the batch
 * runs. Where `find` gives null the OrNullObject variant (`nullable`) yields a null object and the plain
 * one fails with `missing()`.
 */
export function rangeFrom<M>(
  owner: ClientObject<M>,
  member: string,
  find: (m: M) => RangeModel | null,
  nullable = false,
  missing: () => Error = () => itemNotFound(`${owner.def.name}.${member}`),
): Excel.Range {
  owner.ctx.assertAlive(`${owner.def.name}.${member}`);
  const r = new Range(
    owner.ctx,
    () => {
      const found = find(owner.resolve(member));
      if (found || nullable) return found;
      throw missing();
    },
    nullable,
  );
  return owner.instantiate(r).proxy as unknown as Excel.Range;
}
