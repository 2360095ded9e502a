/**
 * Keeps the self-test off the user's data. Before the run: refuse a workbook that already holds
 * CCHC template sheets (the adapter's operations act on every template sheet of a workbook, so
 * they would touch the user's). Around each scenario: note which sheets, and which workbook-level
 * name and custom property the adapter writes, exist; afterwards delete every sheet the scenario
 * added (scratch template sheets, the unplaced-values sheet) and put the name and property back
 * as they were.
 */
import { UNPLACED_SHEET, VERSION_NAME, VERSION_PROPERTY, type ExcelOperations, type ExcelRun } from '../excel';
import type { Bilingual } from '../engine/types';

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

/** Deletes the sheets added since `state` and restores the name and property; returns the sheets deleted. */
export async function restoreState(run: ExcelRun, state: WorkbookState): Promise<string[]> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/id,items/name');
    const { name, property } = queueVersionLoads(ctx);
    await ctx.sync();
    const kept = new Set(state.sheetIds);
    const deleted: string[] = [];
    for (const s of sheets.items)
      if (!kept.has(s.id)) {
        s.delete();
        deleted.push(s.name);
      }
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
    return deleted;
  });
}

export interface Refusal extends Bilingual {
  /** The sheets that make the run unsafe. */
  sheets: string[];
}

/**
 * Why this workbook must not be tested, or null when it is safe: it must hold no CCHC template
 * sheet (found by marker, whatever their names) and no unplaced-values sheet, and Excel must
 * offer ExcelApi 1.8, the add-in's declared minimum.
 */
export async function refusal(
  run: ExcelRun,
  ops: ExcelOperations,
  supports: (set: string, version: string) => boolean,
): Promise<Refusal | null> {
  if (!supports('ExcelApi', '1.8'))
    return {
      vi: 'Excel này không có bộ API ExcelApi 1.8 mà add-in CCHC cần: add-in sẽ không chạy ở đây. Hãy cập nhật Office hoặc dùng Excel trên web.',
      en: 'This Excel lacks ExcelApi 1.8, which the CCHC add-in needs: the add-in will not run here. Update Office or use Excel on the web.',
      sheets: [],
    };
  const status = await ops.inspect();
  const names = await run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    return sheets.items.map((s) => s.name);
  });
  const unplaced = names.filter((n) => n.toLocaleLowerCase('vi') === UNPLACED_SHEET.toLocaleLowerCase('vi'));
  const sheets = [...status.present.map((p) => p.sheet), ...unplaced];
  if (sheets.length === 0) return null;
  const list = sheets.map((s) => `"${s}"`).join(', ');
  return {
    vi: `Sổ làm việc này đã có trang của add-in CCHC (${list}). Tự kiểm tra chỉ chạy trên sổ không có các trang đó, để không động tới số liệu thật: hãy tạo một sổ làm việc mới, trống, rồi chạy lại.`,
    en: `This workbook already has CCHC add-in sheets (${list}). The self-test only runs in a workbook without them, so that real data is never touched: create a new, blank workbook and run it again.`,
    sheets,
  };
}
