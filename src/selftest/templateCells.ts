/**
 * Where the self-test's scenarios find things in a workbook the adapter wrote: a template row's
 * cells and formulas by key (from the layouts, never by position), the sheets an insert made, the
 * findings at a cell, and the check's marks (the hidden column of marks, or an earlier sheet's
 * CCHC_FLAGS name).
 */
import { TEMPLATE_IDS } from '../catalog';
import type { TemplateId } from '../catalog/types';
import type { AddinOperations, ValidationReport } from '../contracts/operations';
import { FLAGS_NAME } from '../layout/flagsName';
import { buildSheetPlan } from '../layout';
import { cellAddress } from '../layout/a1';
import { FLAG_COLUMN, parseRowFlagText } from '../layout/flagColumn';
import type { SheetPlan } from '../layout/types';
import { check, checkEqual } from './check';
import type { ScenarioContext } from './runner';
import { nameFormula } from './workbook';

const plans = new Map<TemplateId, SheetPlan>();
/** The template's layout (addresses do not depend on the sheet's name). */
export function planOf(id: TemplateId): SheetPlan {
  let plan = plans.get(id);
  if (!plan) plans.set(id, (plan = buildSheetPlan(id)));
  return plan;
}

/** Address of a row's input or formula cell: cellOf('PAR', '1.1', 'score') → 'G7'. */
export function cellOf(id: TemplateId, key: string, columnId: string): string {
  const row = planOf(id).rows.find((r) => r.key === key);
  const letter = row?.inputs[columnId] ?? row?.formulas[columnId];
  if (!row || !letter) throw new Error(`template ${id} has no column ${columnId} on row ${key}`);
  return `${letter}${row.row}`;
}

export function rowOf(id: TemplateId, key: string): number {
  const row = planOf(id).rows.find((r) => r.key === key);
  if (!row) throw new Error(`template ${id} has no row ${key}`);
  return row.row;
}

export function formulaOf(id: TemplateId, address: string): string {
  const cell = planOf(id).cells.find((c) => c.address === address);
  if (!cell?.formula) throw new Error(`template ${id} plans no formula in ${address}`);
  return cell.formula;
}

/**
 * Inserts templates with the intact adapter (the runner refused any workbook that already had
 * one, so every one is created) and returns the sheet each went to; names are taken from the
 * report, as a user's sheet of the same name makes the adapter pick another.
 */
export async function insert(
  ops: AddinOperations,
  ids: TemplateId[],
): Promise<Record<TemplateId, string> & { report: Awaited<ReturnType<AddinOperations['inject']>> }> {
  const wanted = TEMPLATE_IDS.filter((id) => ids.includes(id));
  const report = await ops.inject(wanted);
  checkEqual(report.created.length, wanted.length, `sheets created for ${wanted.join(', ')}`);
  const sheets = { report } as Record<TemplateId, string> & { report: typeof report };
  wanted.forEach((id, i) => (sheets[id] = report.created[i]));
  return sheets;
}

export function codesAt(report: ValidationReport, sheet: string, cell: string): string[] {
  return report.findings.filter((f) => f.sheet === sheet && f.cell === cell).map((f) => f.code);
}

export async function flags(ctx: ScenarioContext, sheet: string): Promise<string> {
  const formula = await nameFormula(ctx.run, sheet, FLAGS_NAME);
  check(formula !== null, `${sheet} has no ${FLAGS_NAME} name`);
  return formula;
}

/** A mark's cell, whatever its colour ("w:E9" → "E9"). */
export const plainMark = (m: string): string => m.replace(/^w:/, '');

/** The cells the sheet's hidden column of marks holds ("D7", "w:E9" for a warning): layout/flagColumn.ts. */
export async function marksOf(ctx: ScenarioContext, sheet: string): Promise<string[]> {
  const values = await ctx.run(async (c) => {
    const range = c.workbook.worksheets.getItem(sheet).getRange(`${FLAG_COLUMN}1:${FLAG_COLUMN}400`);
    range.load('values');
    await c.sync();
    return range.values;
  });
  return values.flatMap((row, i) =>
    parseRowFlagText(row[0]).map((m) => `${m.severity === 'warning' ? 'w:' : ''}${cellAddress(i + 1, m.col)}`),
  );
}
