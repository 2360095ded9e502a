/**
 * Round trips per task-pane button (counts, not times), on workbooks of 1 and 10 unit copies, as
 * the in-memory workbook counts them (every context.sync that sends something) and with the
 * request and answer bytes it counts for each (src/memoryExcel/payload.ts). README, "Round trips
 * per button", says where each one goes.
 *
 * The buttons as the pane presses them (test/bench/excel.ts has the same list), on a pane that
 * has already looked at the workbook (inspect):
 *   "Chèn biểu mẫu"                   inject(all templates): every copy refreshed
 *   "Kiểm tra dữ liệu"                validate()
 *   "Tính tổng và so sánh mục tiêu"   subtotals(false) + highlightBelowTarget()
 *
 * A large workbook is split where a request or an answer passes the adapter's budget; each
 * operation (Excel.run) of a button then takes at most one round trip more than the fewest its
 * bytes allow (`fewest` below): the one between its read and its writes. The ten-copy workbook is
 * run at a tenth of the budget too, so that it is split as a hundred copies are at 4 MiB.
 */
import { recordingRun, type Trip } from '../shared/recordTrips';
import { TEMPLATE_IDS } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import type { ExcelOperations } from '../../src/excel';
import { PAYLOAD_BUDGET_BYTES } from '../../src/excel/session';
import { buildWorkbookPlan, defaultSheetName } from '../../src/layout';
import { setup, type MemoryWorkbook } from './helpers';

/** Excel on the web's limit, each way (payload.ts): the imitation refuses anything larger. */
const LIMIT = 5 * 1024 * 1024;
const ALL = [...TEMPLATE_IDS];
const COPY_IDS = ALL.filter((id) => id !== 'STATUS');

/** The adapter over a workbook whose every round trip is recorded with its bytes. */
function recorded(wb: MemoryWorkbook, trips: Trip[], budget?: number): ExcelOperations {
  return setup({}, { run: recordingRun(wb, trips) as never, payloadBudgetBytes: budget }).fresh();
}

/** A workbook of `copies` unit copies (copy 1 the default names, the others suffixed " #n"), a few values pasted. */
async function workbookOf(copies: number): Promise<MemoryWorkbook> {
  const { wb, ops } = setup({ payloadLimitBytes: LIMIT });
  await ops.inject(ALL);
  for (let i = 2; i <= copies; i++) {
    const sheetNames: Partial<Record<TemplateId, string>> = {};
    for (const id of COPY_IDS) sheetNames[id] = `${defaultSheetName(id)} #${i}`;
    await ops.injectPlans(buildWorkbookPlan({ templates: COPY_IDS, sheetNames }));
  }
  // Pasted, so that the check has something to mark (data validation refuses these when typed).
  const plan = buildWorkbookPlan({ templates: ['I', 'PAR'] });
  const [sectionI, par] = plan.sheets;
  const count = sectionI.rows.find((r) => r.inputs['2019'] && r.kind === 'count')!;
  const leaf = par.rows.find((r) => r.kind === 'par-leaf')!;
  for (let i = 1; i <= copies; i++) {
    const suffix = i === 1 ? '' : ` #${i}`;
    await wb.pasteFromUser(`${sectionI.name}${suffix}`, `${count.inputs['2019']}${count.row}`, [['1.234']]);
    await wb.pasteFromUser(`${par.name}${suffix}`, `${leaf.inputs.score}${leaf.row}`, [['0,5']]);
  }
  return wb;
}

type Button = 'inject' | 'validate' | 'totals';
const PRESS: Record<Button, (ops: ExcelOperations) => Promise<unknown>> = {
  validate: (ops) => ops.validate(),
  totals: async (ops) => {
    await ops.subtotals(false);
    return ops.highlightBelowTarget();
  },
  inject: (ops) => ops.inject(ALL),
};

/** One press on a pane that has looked at the workbook: its round trips, each with its bytes. */
async function press(wb: MemoryWorkbook, button: Button, budget?: number): Promise<Trip[]> {
  const trips: Trip[] = [];
  const ops = recorded(wb, trips, budget);
  await ops.inspect();
  trips.length = 0;
  const before = wb.stats.syncs;
  await PRESS[button](ops);
  // Every round trip the workbook counted was recorded (none at Excel.run's end went unseen).
  expect(trips).toHaveLength(wb.stats.syncs - before);
  return trips;
}

/**
 * The fewest round trips an operation's bytes allow: each carries at most `budget` bytes of
 * request and of answer, so no fewer than the larger of its two totals over the budget, rounded up.
 */
function fewest(trips: Trip[], budget: number): number {
  const request = trips.reduce((n, t) => n + t.request, 0);
  const response = trips.reduce((n, t) => n + t.response, 0);
  return Math.ceil(Math.max(request, response) / budget);
}

/** The round trips a press may take: per operation, the fewest its bytes allow and one more. */
function allowed(trips: Trip[], budget: number): number {
  const runs = new Set(trips.map((t) => t.run));
  let n = 0;
  for (const run of runs)
    n +=
      fewest(
        trips.filter((t) => t.run === run),
        budget,
      ) + 1;
  return n;
}

/** Round trips per button at 1 and 10 copies (README, "Round trips per button"). */
const MOST: Record<Button, number> = { inject: 3, validate: 2, totals: 3 };

/** Each workbook is built once (102 sheets for ten copies) and pressed by every test after. */
const built = new Map<number, Promise<MemoryWorkbook>>();
const workbook = (copies: number) => {
  if (!built.has(copies)) built.set(copies, workbookOf(copies));
  return built.get(copies)!;
};

describe.each([1, 10])('%i copies', (copies) => {
  let wb: MemoryWorkbook;
  beforeAll(async () => {
    wb = await workbook(copies);
  }, 120_000); // builds up to 102 sheets in the in-memory workbook, one press per copy

  // In the order an official presses them; each leaves the workbook as the next finds it.
  test.each(['validate', 'totals', 'inject'] as Button[])(
    '%s: as many round trips as at one copy',
    async (button) => {
      const trips = await press(wb, button);
      expect(trips.length).toBeLessThanOrEqual(MOST[button]);
      for (const t of trips) expect(Math.max(t.request, t.response)).toBeLessThanOrEqual(LIMIT);
    },
    60_000,
  );
});

describe('ten copies split as a hundred are', () => {
  /**
   * A part of the adapter's 4 MiB at which ten copies need as many requests as a hundred do: a
   * quarter; a tenth for the totals, whose writes (a few hundred kB at ten copies) then take more
   * than one request, as at a hundred copies.
   */
  const BUDGETS: Record<Button, number> = {
    validate: PAYLOAD_BUDGET_BYTES / 4,
    totals: PAYLOAD_BUDGET_BYTES / 10,
    inject: PAYLOAD_BUDGET_BYTES / 4,
  };
  let wb: MemoryWorkbook;
  // A workbook of its own: pressed after the tests above, totals would find its formulas already
  // written and have less to send, and the test would no longer say what a first press costs.
  beforeAll(async () => {
    wb = await workbookOf(10);
  }, 120_000);

  test.each(['validate', 'totals', 'inject'] as Button[])(
    '%s: at most one round trip more than the bytes need',
    async (button) => {
      const BUDGET = BUDGETS[button];
      const trips = await press(wb, button, BUDGET);
      expect(trips.length).toBeGreaterThan(MOST[button]);
      expect(trips.length).toBeLessThanOrEqual(allowed(trips, BUDGET));
      // Split where the budget says: a request as costed (never below the imitation's count), an
      // answer as guessed from the layouts, within the margin 4 MiB keeps under Excel's 5 MB.
      for (const t of trips) {
        expect(t.request).toBeLessThanOrEqual(BUDGET);
        expect(t.response).toBeLessThanOrEqual(BUDGET * (LIMIT / PAYLOAD_BUDGET_BYTES));
      }
    },
    60_000,
  );
});
