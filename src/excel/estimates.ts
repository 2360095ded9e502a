/**
 * How many bytes a read of template sheets reserves for Excel's answers (Excel on the web's 5 MB
 * limit: session.ts), worked out from the template layouts. It is its own module, loaded by
 * AdapterCore.read only when values are read: the layouts are the largest part of the adapter,
 * and opening the pane (inspect: the sheet list and the markers) needs none of them. The task
 * pane's start-up JavaScript has a budget (README, "Task pane").
 *
 * Also here, for the test that keeps it honest: the read window as the layouts define it
 * (core.ts holds it as a constant, READ_WINDOW, so the first read builds no plan).
 */
import { TEMPLATE_IDS } from '../catalog';
import type { TemplateId } from '../catalog/types';
import { buildSheetPlan } from '../layout';
import { columnLetter, rangeAddress } from '../layout/a1';
import type { SheetPlan } from '../layout/types';
import { ruleProbeBytes } from './cfRules';
import { planArea, planGrid } from '../layout/planGrid';
import { styleRects } from '../layout/styleRects';
import { actionBytes, getRangeBytes, jsonBytes, pathBytes, rangePathBytes, sheetPathBytes } from './session';

/** The area read on each template sheet: the largest plan, with room for inserted rows. */
export function planReadWindow(): string {
  let rows = 0;
  let cols = 0;
  for (const id of TEMPLATE_IDS) {
    const a = planArea(buildSheetPlan(id));
    rows = Math.max(rows, a.rows);
    cols = Math.max(cols, a.cols);
  }
  return `A1:${columnLetter(cols + 6)}${rows * 2 + 100}`;
}

/**
 * Response bytes of reading one template sheet: values, formulas and number formats of its
 * planned area (a quarter more, for rows and text officials add), plus the refresh's rule and
 * format reads. An unknown sheet is costed as the largest template.
 */
const estimates = new Map<string, number>();
export function readEstimate(id: TemplateId | null, extras: boolean): number {
  const key = `${id ?? '*'}:${extras}`;
  const known = estimates.get(key);
  if (known !== undefined) return known;
  const ids = id ? [id] : TEMPLATE_IDS;
  let bytes = 0;
  for (const t of ids) {
    const plan = buildSheetPlan(t);
    const grid = planGrid(plan);
    let b = Math.round(1.25 * (2 * jsonBytes(grid.formulas) + jsonBytes(grid.numberFormat)));
    if (extras) {
      let rects = 0;
      for (const list of styleRects(plan).values()) rects += list.length;
      b += plan.conditionalFormats.length * 150 + plan.validations.length * 300 + rects * 120;
    }
    bytes = Math.max(bytes, b);
  }
  estimates.set(key, bytes);
  return bytes;
}

/**
 * Request bytes of queueRefreshExtras's loads (refreshCompare.ts) on one sheet (each getRange call
 * and load with its path), for the read to reserve with the answers: the largest template when
 * `id` is not known.
 */
const extrasBytesCache = new Map<string, number>();
export function refreshExtrasBytes(id: TemplateId | null, window: string): number {
  const key = `${id ?? '*'}|${window}`;
  const known = extrasBytesCache.get(key);
  if (known !== undefined) return known;
  // A sheet id in Excel is a GUID in braces.
  const sheet = sheetPathBytes('{00000000-0000-0000-0000-000000000000}');
  const of = (plan: SheetPlan) => {
    let n =
      getRangeBytes(sheet, window) + ruleProbeBytes(sheet, rangePathBytes(sheet, window), plan.conditionalFormats);
    for (const v of plan.validations)
      n +=
        getRangeBytes(sheet, v.range) +
        actionBytes(rangePathBytes(sheet, v.range) + pathBytes('dataValidation'), 'load', 'type,rule');
    for (const rects of styleRects(plan).values())
      for (const r of rects) {
        const range = rangePathBytes(sheet, rangeAddress(r));
        n +=
          getRangeBytes(sheet, rangeAddress(r)) +
          3 * actionBytes(range + pathBytes('format', 'font'), 'load', 'bold,italic');
      }
    return n;
  };
  const ids = id ? [id] : TEMPLATE_IDS;
  const bytes = Math.max(...ids.map((t) => of(buildSheetPlan(t))));
  extrasBytesCache.set(key, bytes);
  return bytes;
}

/**
 * What a read reserves for one sheet whose values it reads: the answers, and with `extras` the
 * requests of a refresh's extra loads (many small commands with paths) too.
 */
export function readReservation(id: TemplateId | null, extras: boolean, window: string): number {
  return readEstimate(id, extras) + (extras ? refreshExtrasBytes(id, window) : 0);
}
