/**
 * What the self-test does to a workbook through the Excel JavaScript API itself (never through
 * the adapter): type values, read cells, names and conditional formats back. In Excel there is
 * no user to type, so "typing" is `range.values`, which Excel stores as the values given (data
 * validation does not stop it, as it does not stop a paste).
 */
import type { ExcelRun } from '../excel';

export type Cell = string | number | boolean;

export interface CellRead {
  value: Cell;
  /** The formula text, or the constant as Excel's `formulas` reads it. */
  formula: Cell;
}

/** Writes each cell's value, all in one request. */
export async function writeCells(run: ExcelRun, sheet: string, cells: Record<string, Cell>): Promise<void> {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const [address, value] of Object.entries(cells)) ws.getRange(address).values = [[value]];
    await ctx.sync();
  });
}

/** Values and formulas of single cells, in one request. */
export async function readCells(run: ExcelRun, sheet: string, addresses: string[]): Promise<Map<string, CellRead>> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const ranges = addresses.map((a) => {
      const r = ws.getRange(a);
      r.load('values,formulas');
      return [a, r] as const;
    });
    await ctx.sync();
    return new Map(
      ranges.map(([a, r]) => [a, { value: r.values[0][0] as Cell, formula: r.formulas[0][0] as Cell }] as const),
    );
  });
}

export async function readCell(run: ExcelRun, sheet: string, address: string): Promise<CellRead> {
  return (await readCells(run, sheet, [address])).get(address) as CellRead;
}

/** Values of a rectangular range, rows of cells. */
export async function readValues(run: ExcelRun, sheet: string, address: string): Promise<Cell[][]> {
  return run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    r.load('values');
    await ctx.sync();
    return r.values as Cell[][];
  });
}

/** Values of the used range of a sheet (an empty list for an empty sheet). */
export async function usedValues(run: ExcelRun, sheet: string): Promise<Cell[][]> {
  return run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
    r.load('values');
    await ctx.sync();
    return r.isNullObject ? [] : (r.values as Cell[][]);
  });
}

/** Copies a block of whole-row cells in reverse order, as sorting them descending would. */
export async function reverseRows(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    r.load('formulas');
    await ctx.sync();
    // Text read back through `formulas` is written back as typed text: Excel would take "- …"
    // text for a formula without the apostrophe.
    r.formulas = (r.formulas as Cell[][])
      .slice()
      .reverse()
      .map((row) => row.map((v) => (typeof v === 'string' && /^[-+]/.test(v) ? `'${v}` : v)));
    await ctx.sync();
  });
}

/** Inserts an empty whole row at `row`, pushing the rows below down. */
export async function insertRow(run: ExcelRun, sheet: string, row: number): Promise<void> {
  await run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(`${row}:${row}`).insert('Down');
    await ctx.sync();
  });
}

/** The formula of a sheet-scoped name, or null when there is none. */
export async function nameFormula(run: ExcelRun, sheet: string, name: string): Promise<string | null> {
  return run(async (ctx) => {
    const item = ctx.workbook.worksheets.getItem(sheet).names.getItemOrNullObject(name);
    item.load('formula');
    await ctx.sync();
    return item.isNullObject ? null : String(item.formula);
  });
}

/** Formulas of the custom conditional formats touching `address`. */
export async function cfFormulas(run: ExcelRun, sheet: string, address: string): Promise<string[]> {
  return run(async (ctx) => {
    const cfs = ctx.workbook.worksheets.getItem(sheet).getRange(address).conditionalFormats;
    cfs.load('items/type,items/customOrNullObject/rule/formula');
    await ctx.sync();
    return cfs.items.filter((c) => !c.customOrNullObject.isNullObject).map((c) => c.customOrNullObject.rule.formula);
  });
}

/** Deletes the custom conditional formats on `address` whose formula passes `match`; returns how many. */
export async function deleteCfs(
  run: ExcelRun,
  sheet: string,
  address: string,
  match: (formula: string) => boolean,
): Promise<number> {
  return run(async (ctx) => {
    const cfs = ctx.workbook.worksheets.getItem(sheet).getRange(address).conditionalFormats;
    cfs.load('items/type,items/customOrNullObject/rule/formula');
    await ctx.sync();
    let deleted = 0;
    for (const cf of cfs.items)
      if (!cf.customOrNullObject.isNullObject && match(cf.customOrNullObject.rule.formula)) {
        cf.delete();
        deleted++;
      }
    await ctx.sync();
    return deleted;
  });
}

/** The data-validation type of a cell ('None' when it has none). */
export async function validationType(run: ExcelRun, sheet: string, address: string): Promise<string> {
  return run(async (ctx) => {
    const dv = ctx.workbook.worksheets.getItem(sheet).getRange(address).dataValidation;
    dv.load('type');
    await ctx.sync();
    return String(dv.type);
  });
}

/** The active sheet's name and the selection's address without its sheet ('G9'). */
export async function selection(run: ExcelRun): Promise<{ sheet: string; address: string }> {
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    ws.load('name');
    const range = ctx.workbook.getSelectedRange();
    range.load('address');
    await ctx.sync();
    return { sheet: ws.name, address: range.address.split('!').pop() ?? '' };
  });
}
