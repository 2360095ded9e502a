/**
 * Excel on the web's request size limit, checked against Microsoft's documented figure, not one
 * guess against another: "Excel on the web has a payload size limit for requests and responses of
 * 5MB" (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * section "Excel add-ins"). 5 MB is read as 5,000,000 bytes, the stricter reading.
 *
 * The adapter estimates each request before queuing it and syncs early to stay under its budget
 * (src/excel/session.ts); the in-memory workbook counts every request it receives, more than
 * Office.js's real JSON (src/memoryExcel/payload.ts), and refuses one over the limit with
 * RequestPayloadSizeLimitExceeded. What matters, and is checked here:
 *   - the adapter's budget is under the documented limit;
 *   - a 20 MB workbook goes through in requests the imitation accepts at the documented limit;
 *   - for every request the adapter planned, its estimate is not below the imitation's count, so
 *     the budget bounds the real request and not only the adapter's idea of it;
 *   - without the early syncs the same work sends a request over the limit, and it is refused.
 */
import { TEMPLATE_IDS } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { PAYLOAD_BUDGET_BYTES, Session } from '../../src/excel/session';
import { buildWorkbookPlan, defaultSheetName } from '../../src/layout';
import { setup } from './helpers';

/** Excel on the web's documented request limit ("5MB"), in bytes. */
const DOCUMENTED_LIMIT = 5_000_000;
const COPY_IDS = TEMPLATE_IDS.filter((id) => id !== 'STATUS');

/** Unit copies `from`…`to` of every template but STATUS, each sheet named with its copy number. */
function copies(from: number, to: number) {
  const sheets = [];
  for (let i = from; i <= to; i++) {
    const sheetNames: Partial<Record<TemplateId, string>> = {};
    for (const id of COPY_IDS) sheetNames[id] = `${defaultSheetName(id)} #${i}`;
    sheets.push(...buildWorkbookPlan({ templates: COPY_IDS, sheetNames }).sheets);
  }
  return sheets;
}

/** One planned request: the adapter's estimate when it synced, and the imitation's count of what it sent. */
interface Planned {
  estimate: number;
  counted: number;
}

/**
 * The adapter writes 39 more unit copies (over 20 MB) into a workbook refusing requests over the
 * documented limit, then refreshes and validates it; every request it plans is recorded.
 */
async function twentyMegabytes() {
  const { ops, wb } = setup({ payloadLimitBytes: DOCUMENTED_LIMIT });
  const planned: Planned[] = [];
  const sync = Session.prototype.sync;
  const spy = jest.spyOn(Session.prototype, 'sync').mockImplementation(async function (this: Session) {
    const estimate = this.pending;
    await sync.call(this);
    planned.push({ estimate, counted: wb.stats.lastRequestBytes });
  });
  try {
    await ops.inject([...TEMPLATE_IDS]);
    const report = await ops.injectPlans(copies(2, 40));
    const refreshed = await ops.inject([...TEMPLATE_IDS]);
    const validated = await ops.validate();
    return { planned, created: report.created.length, refreshed: refreshed.refreshed.length, validated };
  } finally {
    spy.mockRestore();
  }
}

let big: Awaited<ReturnType<typeof twentyMegabytes>>;

// Writes, refreshes and validates over 20 MB through the imitation once for the tests below:
// tens of seconds on a busy machine.
beforeAll(async () => {
  big = await twentyMegabytes();
}, 600_000);

test("the adapter's request budget is under Excel on the web's documented limit", () => {
  expect(PAYLOAD_BUDGET_BYTES).toBeLessThan(DOCUMENTED_LIMIT);
});

test('a 20 MB workbook is written, refreshed and validated in requests the imitation accepts at the documented limit', () => {
  expect(big.created).toBe(39 * COPY_IDS.length);
  expect(big.refreshed).toBeGreaterThan(0);
  expect(big.validated.cellsChecked).toBeGreaterThan(0);
  expect(big.planned.reduce((n, r) => n + r.counted, 0)).toBeGreaterThan(20 * 1024 * 1024);
  // The imitation refuses any request over the limit: each of these was under it.
  expect(Math.max(...big.planned.map((r) => r.counted))).toBeLessThanOrEqual(DOCUMENTED_LIMIT);
});

test("what a request holds beyond the adapter's estimate fits between its budget and the documented limit", () => {
  const unplanned = Math.max(...big.planned.map((r) => r.counted - r.estimate));
  expect(PAYLOAD_BUDGET_BYTES + unplanned).toBeLessThanOrEqual(DOCUMENTED_LIMIT);
});

test("the adapter's estimate of a request is never below the imitation's count", () => {
  expect(big.planned.filter((r) => r.estimate < r.counted)).toEqual([]);
});

test('without its early syncs the adapter sends a request over the limit, and the imitation refuses it', async () => {
  const { ops } = setup({ payloadLimitBytes: DOCUMENTED_LIMIT });
  // The budget is counted but never spent: everything queued goes in the operation's own syncs.
  const spy = jest.spyOn(Session.prototype, 'reserve').mockResolvedValue(undefined);
  try {
    await expect(ops.inject([...TEMPLATE_IDS])).rejects.toMatchObject({
      cause: expect.objectContaining({ code: 'RequestPayloadSizeLimitExceeded' }),
    });
  } finally {
    spy.mockRestore();
  }
});
