/**
 * Round trips (context.sync) and queued operations per task-pane button, on in-memory workbooks
 * holding 1, 10 and 100 unit copies of the templates.
 *
 * How copies are modelled: copy 1 is the add-in's own "Chèn biểu mẫu" (all templates, default
 * names, with the status sheet); copies 2…N are the eight Appendix 1 sections and the PAR list
 * injected again under names suffixed " #2" … " #N" (as a consolidating office would hold one
 * copy per reporting unit), each with a few values filled in. 100 copies = 902 sheets.
 *
 * Each button is measured on a fresh adapter that has already looked at the workbook once
 * (`inspect`, as the task pane does when it opens), so the figures are the ones an official sees:
 * inject refreshes every template sheet of every copy (the write is split only where it would
 * pass ~4 MB), validate reads and checks every sheet, subtotals restores nothing and fills the
 * totals that are missing, highlight ensures the below-target rules.
 */
import { TEMPLATE_IDS } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { createExcelOperations, type ExcelOperations } from '../../src/excel';
import { buildWorkbookPlan, defaultSheetName } from '../../src/layout';
import { createMemoryWorkbook } from '../../src/memoryExcel';

type Sizes = { '1': number; '10': number; '100': number };
type Buttons = { inject: Sizes; validate: Sizes; subtotals: Sizes; highlight: Sizes };

export interface ExcelBench {
  syncs: Buttons;
  operations: Buttons;
  /** Sheets in each workbook, for scale. */
  sheets: Sizes;
  /** Wall-clock milliseconds per button on the in-memory workbook (not Excel's speed). */
  ms: Buttons;
}

const COPY_IDS = TEMPLATE_IDS.filter((id) => id !== 'STATUS');

function requirementsFor(version: number) {
  return {
    isSetSupported(name: string, v?: string): boolean {
      return name === 'ExcelApi' && Number(v ?? '1.1') <= version + 1e-9;
    },
  };
}

async function buildWorkbook(copies: number) {
  const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.9' } });
  const ops = createExcelOperations({ run: wb.run, requirements: requirementsFor(1.9) });
  await ops.inject([...TEMPLATE_IDS]);
  for (let i = 2; i <= copies; i++) {
    const sheetNames: Partial<Record<TemplateId, string>> = {};
    for (const id of COPY_IDS) sheetNames[id] = `${defaultSheetName(id)} #${i}`;
    await ops.injectPlans(buildWorkbookPlan({ templates: COPY_IDS, sheetNames }));
  }
  // A few values per copy, as an official might paste them, so validation has something to say.
  const plan = buildWorkbookPlan({ templates: ['I', 'PAR'] });
  const sectionI = plan.sheets[0];
  const par = plan.sheets[1];
  const count = sectionI.rows.find((r) => r.inputs['2019'] && r.kind === 'count');
  const leaf = par.rows.find((r) => r.kind === 'par-leaf');
  for (let i = 1; i <= copies; i++) {
    const suffix = i === 1 ? '' : ` #${i}`;
    // Pasted: data validation would refuse these when typed.
    if (count) await wb.pasteFromUser(`${sectionI.name}${suffix}`, `${count.inputs['2019']}${count.row}`, [['1.234']]);
    if (leaf) await wb.pasteFromUser(`${par.name}${suffix}`, `${leaf.inputs.score2021}${leaf.row}`, [['0,5']]);
  }
  return wb;
}

async function measure(
  wb: ReturnType<typeof createMemoryWorkbook>,
  press: (ops: ExcelOperations) => Promise<unknown>,
): Promise<{ syncs: number; operations: number; ms: number }> {
  const ops = createExcelOperations({ run: wb.run, requirements: requirementsFor(1.9) });
  await ops.inspect();
  wb.resetStats();
  const started = process.hrtime.bigint();
  await press(ops);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stats = wb.stats();
  return { syncs: stats.syncs, operations: stats.operations, ms: Math.round(ms) };
}

export async function benchExcel(): Promise<ExcelBench> {
  const empty = (): Sizes => ({ '1': 0, '10': 0, '100': 0 });
  const buttons = (): Buttons => ({ inject: empty(), validate: empty(), subtotals: empty(), highlight: empty() });
  const out: ExcelBench = { syncs: buttons(), operations: buttons(), sheets: empty(), ms: buttons() };
  for (const copies of [1, 10, 100] as const) {
    const key = String(copies) as keyof Sizes;
    const wb = await buildWorkbook(copies);
    const presses: [keyof Buttons, (ops: ExcelOperations) => Promise<unknown>][] = [
      ['validate', (ops) => ops.validate()],
      ['subtotals', (ops) => ops.subtotals(false)],
      ['highlight', (ops) => ops.highlightBelowTarget()],
      ['inject', (ops) => ops.inject([...TEMPLATE_IDS])],
    ];
    for (const [button, press] of presses) {
      const m = await measure(wb, press);
      out.syncs[button][key] = m.syncs;
      out.operations[button][key] = m.operations;
      out.ms[button][key] = m.ms;
    }
    out.sheets[key] = wb.sheetNames().length;
  }
  return out;
}
