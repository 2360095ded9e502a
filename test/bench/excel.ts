/**
 * Round trips (context.sync) and queued operations per task-pane button, on in-memory workbooks
 * holding 1, 10 and 100 unit copies of the templates.
 *
 * How copies are modelled: copy 1 is the add-in's own "Chèn biểu mẫu" (all templates, default
 * names, with the status sheet); copies 2…N are the eight Appendix 1 sections and the PAR list
 * injected again under names suffixed " #2" … " #N" (as a consolidating office would hold one
 * copy per reporting unit), each with a few values filled in. 100 copies = 902 sheets.
 *
 * Each button is measured as the task pane has it (src/taskpane/components/*.tsx), on a fresh
 * adapter that has already looked at the workbook once (`inspect`, as the pane does when it
 * opens), so the figures are the ones an official sees:
 *   "Chèn biểu mẫu" (TemplatesPanel)            inject(all templates): refreshes every copy
 *   "Kiểm tra dữ liệu" (ValidatePanel)          validate()
 *   "Sửa tất cả" (ValidatePanel)               applyFixes(fixable) + validate(), after a validate
 *   "Xóa đánh dấu" (ValidatePanel)             removeMarks()
 *   "Tính tổng và so sánh mục tiêu" (Targets)  subtotals(false) + highlightBelowTarget()
 *   "Khôi phục công thức" (Targets)            subtotals(true) + subtotals(false) + highlightBelowTarget()
 * At ExcelApi 1.8, the manifest's declared minimum (no print setup, as such an Excel has none).
 * Each round trip's request and answer bytes are those the in-memory workbook counts (payload.ts,
 * with Excel on the web's 5 MB limit on); `allowed` is, per operation (Excel.run) of the button,
 * the fewest round trips its bytes allow at the adapter's 4 MiB budget, plus one (the step from
 * its read to its writes): test/excel/roundTrips.test.ts asserts the same at ten copies.
 */
import { recordingRun, type Trip } from '../shared/recordTrips';
import { TEMPLATE_IDS } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { createExcelOperations, type ExcelOperations } from '../../src/excel';
import type { ExcelValidationReport } from '../../src/excel/types';
import { buildWorkbookPlan, defaultSheetName } from '../../src/layout';
import { PAYLOAD_BUDGET_BYTES } from '../../src/excel/session';
import { createMemoryWorkbook } from '../../src/memoryExcel';

type Sizes = { '1': number; '10': number; '100': number };
type Buttons = { inject: Sizes; validate: Sizes; fix: Sizes; removeMarks: Sizes; totals: Sizes; restore: Sizes };
type Button = keyof Buttons;

export interface ExcelBench {
  /** The ExcelApi requirement set the adapter ran at. */
  requirementSet: string;
  syncs: Buttons;
  /** Request and answer bytes of each button, as the in-memory workbook counts them. */
  requestBytes: Buttons;
  responseBytes: Buttons;
  /** Per operation, the fewest round trips its bytes allow at 4 MiB, plus one; summed. */
  allowed: Buttons;
  operations: Buttons;
  /** Sheets in each workbook, for scale. */
  sheets: Sizes;
  /** Wall-clock milliseconds per button on the in-memory workbook (not Excel's speed). */
  ms: Buttons;
}

/** The manifest's minimum (manifest.xml, <Set Name="ExcelApi" MinVersion="1.8"/>). */
const REQUIREMENT_SET = '1.8';
const COPY_IDS = TEMPLATE_IDS.filter((id) => id !== 'STATUS');

function requirementsFor(version: string) {
  return {
    isSetSupported(name: string, v?: string): boolean {
      return name === 'ExcelApi' && Number(v ?? '1.1') <= Number(version) + 1e-9;
    },
  };
}

/** The adapter, every round trip recorded in `trips` with its Excel.run and bytes. */
function adapter(wb: ReturnType<typeof createMemoryWorkbook>, trips: Trip[] = []): ExcelOperations {
  return createExcelOperations({
    run: recordingRun(wb, trips) as never,
    requirements: requirementsFor(REQUIREMENT_SET),
  });
}

function allowedFor(trips: Trip[]): number {
  let n = 0;
  for (const run of new Set(trips.map((t) => t.run))) {
    const own = trips.filter((t) => t.run === run);
    const request = own.reduce((a, t) => a + t.request, 0);
    const response = own.reduce((a, t) => a + t.response, 0);
    n += Math.ceil(Math.max(request, response) / PAYLOAD_BUDGET_BYTES) + 1;
  }
  return n;
}

async function buildWorkbook(copies: number) {
  const wb = createMemoryWorkbook({
    requirementSets: { ExcelApi: REQUIREMENT_SET },
    payloadLimitBytes: 5 * 1024 * 1024,
  });
  const ops = adapter(wb);
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
    if (leaf) await wb.pasteFromUser(`${par.name}${suffix}`, `${leaf.inputs.score}${leaf.row}`, [['0,5']]);
  }
  return wb;
}

/** One press: `before` runs first, uncounted (the pane's state when the button is pressed). */
async function measure(
  wb: ReturnType<typeof createMemoryWorkbook>,
  press: (ops: ExcelOperations, before: unknown) => Promise<unknown>,
  before?: (ops: ExcelOperations) => Promise<unknown>,
): Promise<{ syncs: number; operations: number; ms: number; request: number; response: number; allowed: number }> {
  const trips: Trip[] = [];
  const ops = adapter(wb, trips);
  await ops.inspect();
  const state = before ? await before(ops) : undefined;
  wb.resetStats();
  trips.length = 0;
  const started = process.hrtime.bigint();
  await press(ops, state);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const stats = wb.stats();
  // Every round trip the workbook counted was recorded (none at Excel.run's end went unseen).
  if (trips.length !== stats.syncs) throw new Error(`recorded ${trips.length} of ${stats.syncs} round trips`);
  return {
    syncs: stats.syncs,
    operations: stats.operations,
    ms: Math.round(ms),
    request: trips.reduce((a, t) => a + t.request, 0),
    response: trips.reduce((a, t) => a + t.response, 0),
    allowed: allowedFor(trips),
  };
}

type Press = [
  Button,
  (ops: ExcelOperations, before: unknown) => Promise<unknown>,
  ((ops: ExcelOperations) => Promise<unknown>)?,
];

/** The buttons in the order an official would press them (each leaves the workbook as it would). */
const PRESSES: Press[] = [
  ['validate', (ops) => ops.validate()],
  [
    'fix',
    async (ops, report) => {
      const fixable = (report as ExcelValidationReport).findings.filter((f) => f.fix);
      await ops.applyFixes(fixable);
      return ops.validate();
    },
    (ops) => ops.validate(),
  ],
  ['removeMarks', (ops) => ops.removeMarks()],
  [
    'totals',
    async (ops) => {
      await ops.subtotals(false);
      return ops.highlightBelowTarget();
    },
  ],
  [
    'restore',
    async (ops) => {
      await ops.subtotals(true);
      await ops.subtotals(false);
      return ops.highlightBelowTarget();
    },
  ],
  ['inject', (ops) => ops.inject([...TEMPLATE_IDS])],
];

export async function benchExcel(): Promise<ExcelBench> {
  const empty = (): Sizes => ({ '1': 0, '10': 0, '100': 0 });
  const buttons = (): Buttons => ({
    inject: empty(),
    validate: empty(),
    fix: empty(),
    removeMarks: empty(),
    totals: empty(),
    restore: empty(),
  });
  const out: ExcelBench = {
    requirementSet: REQUIREMENT_SET,
    syncs: buttons(),
    requestBytes: buttons(),
    responseBytes: buttons(),
    allowed: buttons(),
    operations: buttons(),
    sheets: empty(),
    ms: buttons(),
  };
  for (const copies of [1, 10, 100] as const) {
    const key = String(copies) as keyof Sizes;
    const wb = await buildWorkbook(copies);
    for (const [button, press, before] of PRESSES) {
      const m = await measure(wb, press, before);
      out.syncs[button][key] = m.syncs;
      out.requestBytes[button][key] = m.request;
      out.responseBytes[button][key] = m.response;
      out.allowed[button][key] = m.allowed;
      out.operations[button][key] = m.operations;
      out.ms[button][key] = m.ms;
    }
    out.sheets[key] = wb.sheetNames().length;
  }
  return out;
}
