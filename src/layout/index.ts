/**
 * The layout: the plan of every template sheet, built from the catalog. Pure data; the Excel
 * adapter and the .xlsx command line apply it.
 */
import { APPENDIX1, latestParList, parList, TEMPLATE_IDS, TEMPLATE_VERSION } from '../catalog';
import type { TemplateId } from '../catalog/types';
import { buildAppendix1Sheet } from './appendix1Sheet';
import { resolveSheetNames } from './names';
import { buildOutlineSheet } from './outlineSheet';
import { buildParSheet } from './parSheet';
import { buildStatusSheet } from './statusSheet';
import { STYLES } from './styles';
import type { DecimalSeparator, SheetPlan, WorkbookPlan } from './types';

export type * from './types';
export { MARKER_PREFIX } from './types';
export { STYLES } from './styles';
export {
  LEGACY_PAR_YEAR,
  MARKER_NAME,
  markerFor,
  markerNameFormula,
  parseMarker,
  parseMarkerFormula,
  sameMarker,
} from './marker';
export type { TemplateMarker } from './marker';
export { defaultSheetName, parSheetName, resolveSheetNames, sheetNameProblem, MAX_SHEET_NAME } from './names';
export { REPORTER_KEY, REPORTER_COLUMN } from './keyColumn';
export { sumOfParts, sumOfPartsFormula } from './common';
export { PAR_COLUMNS, parColumns, parentScoreFormula, gapFormula } from './parSheet';
export { countedInputRanges } from './statusSheet';
export { figureFormula, outlineFigureKey, outlineTextKey, OUTLINE_TEXT_COLUMN, OUTLINE_YEARS } from './outlineSheet';

export interface PlanOptions {
  /** Templates to plan, default all; planned in the catalog's order whatever the order given. */
  templates?: TemplateId[];
  /** Sheet names replacing the defaults (e.g. when a sheet of that name is not ours). */
  sheetNames?: Partial<Record<TemplateId, string>>;
  /**
   * The decimal separator of the Excel the plan is inserted from, for the numbers of the sheets'
   * own texts (the PAR score prompts: "từ 0 đến 1,5" or "1.5"); absent or null: ',' as Vietnamese
   * writes it. Only those texts change: cells, formulas and rules are the same whatever it is, so a
   * co-author with the other separator inserting again rewrites nothing (validations are compared
   * by rule, not by prompt: src/excel/refreshCompare.ts).
   */
  decimalSeparator?: DecimalSeparator | null;
  /**
   * The year of the PAR list to plan (catalog/parLists.ts): its rows, its year in the sheet's name,
   * title, headers, prompts and marker, and in the status sheet's PAR row. Absent: the newest list.
   */
  parYear?: number;
}

/** The PAR list a plan uses. */
function listOf(options: PlanOptions) {
  return options.parYear === undefined ? latestParList() : parList(options.parYear);
}

function selectedIds(options: PlanOptions): TemplateId[] {
  const wanted = options.templates ?? TEMPLATE_IDS;
  for (const id of wanted) if (!TEMPLATE_IDS.includes(id)) throw new RangeError(`Unknown template id ${id}`);
  return TEMPLATE_IDS.filter((id) => wanted.includes(id));
}

function planOne(id: Exclude<TemplateId, 'STATUS'>, name: string, options: PlanOptions): SheetPlan {
  if (id === 'PAR') return buildParSheet(name, TEMPLATE_VERSION, options.decimalSeparator ?? ',', listOf(options));
  if (id === 'OUTLINE') return buildOutlineSheet(name, TEMPLATE_VERSION, options.sheetNames ?? {});
  const template = APPENDIX1.find((t) => t.id === id);
  if (!template) throw new RangeError(`Unknown template id ${id}`);
  return buildAppendix1Sheet(template, name, TEMPLATE_VERSION);
}

export function buildWorkbookPlan(options: PlanOptions = {}): WorkbookPlan {
  const ids = selectedIds(options);
  const names = resolveSheetNames(ids, options.sheetNames, listOf(options).year);
  const sheets: SheetPlan[] = [];
  for (const id of ids) if (id !== 'STATUS') sheets.push(planOne(id, names[id], options));
  if (ids.includes('STATUS')) sheets.push(buildStatusSheet(sheets, names.STATUS, TEMPLATE_VERSION));
  return { version: TEMPLATE_VERSION, sheets, styles: STYLES };
}

/**
 * The plan of one sheet. For STATUS, `options.templates` says which sheets it reports on
 * (default all) and `options.sheetNames` how they are named.
 */
export function buildSheetPlan(id: TemplateId, options: PlanOptions = {}): SheetPlan {
  if (id !== 'STATUS') {
    const names = resolveSheetNames([id], options.sheetNames, listOf(options).year);
    return planOne(id, names[id], options);
  }
  const ids = selectedIds({
    ...options,
    templates: [...new Set([...(options.templates ?? TEMPLATE_IDS), 'STATUS' as const])],
  });
  const plan = buildWorkbookPlan({ ...options, templates: ids });
  return plan.sheets[plan.sheets.length - 1];
}
