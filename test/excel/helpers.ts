/** Shared set-up for the adapter's tests: a memory workbook, the adapter over it, plan look-ups. */
import type { TemplateId } from '../../src/catalog/types';
import { createExcelOperations, type ExcelOperations, type ExcelOperationsDeps } from '../../src/excel';
import { buildSheetPlan } from '../../src/layout';
import { cellAddress } from '../../src/layout/a1';
import { FLAG_COLUMN, parseRowFlagText } from '../../src/layout/flagColumn';
import type { SheetPlan } from '../../src/layout/types';
import { createMemoryWorkbook, type MemoryWorkbookOptions } from '../../src/memoryExcel';

export type MemoryWorkbook = ReturnType<typeof createMemoryWorkbook>;

/**
 * ExcelApi sets the adapter is tested at: the declared minimum (1.8, manifest.xml) and the newest
 * the imitation knows. setup() uses the minimum unless told otherwise; suites where the set
 * matters run once per entry (describe.each).
 */
export const MIN_API = '1.8';
export const API_SETS = [MIN_API, '1.17'] as const;

let defaultApi: string = MIN_API;
/** The set setup() uses when not told: a suite run once per API_SETS entry sets it in a beforeAll. */
export function useApi(api: string): void {
  defaultApi = api;
}

/** Runs `body` once per ExcelApi set of API_SETS, with setup() defaulting to that set. */
export function eachApi(body: (api: string) => void): void {
  describe.each(API_SETS)('ExcelApi %s', (api) => {
    beforeAll(() => useApi(api));
    afterAll(() => useApi(MIN_API));
    body(api);
  });
}

export function setup(
  options: MemoryWorkbookOptions & { api?: string } = {},
  deps: Partial<ExcelOperationsDeps> = {},
): { wb: MemoryWorkbook; ops: ExcelOperations; fresh: () => ExcelOperations } {
  const wb = createMemoryWorkbook({ ...options, requirementSets: { ExcelApi: options.api ?? defaultApi } });
  const make = () =>
    createExcelOperations({
      run: wb.run,
      requirements: { isSetSupported: (name, version) => wb.isSetSupported(name, version) },
      debounceMs: 5,
      now: () => new Date('2021-08-05T08:00:00Z'),
      createWorkbook: (base64) => wb.createWorkbook(base64),
      ...deps,
    });
  return { wb, ops: make(), fresh: make };
}

export function planOf(id: TemplateId, name?: string): SheetPlan {
  return buildSheetPlan(id, name ? { sheetNames: { [id]: name } } : {});
}

/** Address of a row's input (or formula) cell in the plan: cellOf(par, '1.1', 'score') → 'G7'. */
export function cellOf(plan: SheetPlan, key: string, columnId: string): string {
  const row = plan.rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key} in ${plan.name}`);
  const letter = row.inputs[columnId] ?? row.formulas[columnId];
  if (!letter) throw new Error(`no column ${columnId} in row ${key}`);
  return `${letter}${row.row}`;
}

export function rowOf(plan: SheetPlan, key: string): number {
  const row = plan.rows.find((r) => r.key === key);
  if (!row) throw new Error(`no row ${key}`);
  return row.row;
}

/** The formula of a sheet-scoped name, read through the API. */
export async function nameFormula(wb: MemoryWorkbook, sheet: string, name: string): Promise<string | null> {
  return wb.run(async (context) => {
    const item = context.workbook.worksheets.getItem(sheet).names.getItemOrNullObject(name);
    item.load('formula');
    await context.sync();
    return item.isNullObject ? null : (item.formula as string);
  });
}

/**
 * The marks a sheet's hidden helper column holds (layout/flagColumn.ts), as `D7` for an error and
 * `w:D7` for a warning, in row-then-column order; rows holding anything else are left out.
 */
export async function helperMarks(wb: MemoryWorkbook, sheet: string): Promise<string[]> {
  return wb.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(`${FLAG_COLUMN}1:${FLAG_COLUMN}400`);
    range.load('values');
    await context.sync();
    return range.values.flatMap((row, i) =>
      parseRowFlagText(row[0]).map((m) => `${m.severity === 'warning' ? 'w:' : ''}${cellAddress(i + 1, m.col)}`),
    );
  });
}

/** Conditional-format formulas on a sheet (custom ones), read through the API. */
export async function cfFormulas(wb: MemoryWorkbook, sheet: string, address = 'A1:Z400'): Promise<string[]> {
  return wb.run(async (context) => {
    const cfs = context.workbook.worksheets.getItem(sheet).getRange(address).conditionalFormats;
    cfs.load('items/type,items/customOrNullObject/rule/formula');
    await context.sync();
    return cfs.items.filter((c) => !c.customOrNullObject.isNullObject).map((c) => c.customOrNullObject.rule.formula);
  });
}

/** Where a key sits now in column A (rows may have moved). */
export async function rowOfKey(wb: MemoryWorkbook, sheet: string, key: string): Promise<number> {
  return wb.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange('A1:A400');
    range.load('values');
    await context.sync();
    const i = range.values.findIndex((r) => String(r[0]) === key);
    if (i < 0) throw new Error(`key ${key} not in ${sheet}`);
    return i + 1;
  });
}

/** A cell as the memory workbook shows it (a plain value: no load or sync involved). */
export function cellView(wb: MemoryWorkbook, sheet: string, address: string): ReturnType<MemoryWorkbook['getCell']> {
  return wb.getCell(sheet, address);
}

/**
 * Every rule over an area, highest priority first: its type, and for custom rules (the only kind
 * the add-in makes) the formula and the single range it applies to ('' when several). Only the
 * `items/type` of the collection is loaded: Excel fails loading other types' details (office-js
 * #2180, #6835, #6827), so details are read per custom rule.
 */
export async function rulesOn(
  wb: MemoryWorkbook,
  sheet: string,
  address = 'A1:Z400',
): Promise<{ type: string; formula?: string; range?: string }[]> {
  return wb.run(async (context) => {
    const cfs = context.workbook.worksheets.getItem(sheet).getRange(address).conditionalFormats;
    cfs.load('items/id,items/type');
    await context.sync();
    const details = cfs.items.map((item) => {
      if (item.type !== 'Custom') return null;
      const cf = cfs.getItem(item.id);
      cf.custom.rule.load('formula');
      const range = cf.getRangeOrNullObject();
      range.load('address');
      return { cf, range };
    });
    await context.sync();
    return cfs.items.map((item, i) => {
      const d = details[i];
      if (!d) return { type: item.type };
      const range = d.range.isNullObject ? '' : d.range.address.replace(/^.*!/, '').replace(/\$/g, '');
      return { type: item.type, formula: d.cf.custom.rule.formula, range };
    });
  });
}

/** The plan's rules as rulesOn reads them. */
export function plannedRules(plan: SheetPlan): { formula: string; range: string }[] {
  return plan.conditionalFormats.map((cf) => ({ formula: cf.formula, range: cf.range }));
}
