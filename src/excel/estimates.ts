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
import { PAR_LISTS, TEMPLATE_IDS } from '../catalog';
import type { TemplateId } from '../catalog/types';
import { buildSheetPlan } from '../layout';
import { columnLetter } from '../layout/a1';
import { planArea, planGrid } from '../layout/planGrid';
import { jsonBytes } from './session';

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
 * Response bytes of reading one template sheet's values: the values, formulas and number formats
 * of its planned area as they come back (a formula's value a number), a tenth more for what
 * officials type (the budget stays a fifth under Excel's limit: session.ts). A PAR sheet whose
 * year is known is costed by its own year's list; one whose year is not, by the largest of the
 * lists carried. An unknown sheet is costed as the largest template. What a read loads besides
 * (a refresh's comparison, the rule counts) is costed by its own description (refreshCompare.ts,
 * cfRules.ts).
 */
const estimates = new Map<string, number>();
export function readEstimate(id: TemplateId | null, year?: number): number {
  const key = `${id ?? '*'}/${id === 'PAR' ? (year ?? '*') : ''}`;
  const known = estimates.get(key);
  if (known !== undefined) return known;
  const plans = (id ? [id] : TEMPLATE_IDS).flatMap((t) =>
    t !== 'PAR'
      ? [buildSheetPlan(t)]
      : (id === 'PAR' && year !== undefined ? [year] : PAR_LISTS.map((l) => l.year)).map((y) =>
          buildSheetPlan('PAR', { parYear: y }),
        ),
  );
  let bytes = 0;
  for (const plan of plans) {
    const grid = planGrid(plan);
    const values = grid.formulas.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('=') ? 0 : v)));
    const answer = jsonBytes(grid.formulas) + jsonBytes(values) + jsonBytes(grid.numberFormat);
    bytes = Math.max(bytes, Math.round(1.1 * answer));
  }
  estimates.set(key, bytes);
  return bytes;
}
