/**
 * Excel on the web's 5 MB request and response limit (docs/excel/performance.md, "Payload size
 * limit best practices"), enforced by the in-memory workbook (payloadLimitBytes). A workbook of
 * many unit copies is written and read in requests under the limit, each split where needed.
 */
import { TEMPLATE_IDS } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { buildWorkbookPlan, defaultSheetName } from '../../src/layout';
import { setup, type MemoryWorkbook } from './helpers';

const LIMIT = 5 * 1024 * 1024;
const COPY_IDS = TEMPLATE_IDS.filter((id) => id !== 'STATUS');

function copies(from: number, to: number) {
  const sheets = [];
  for (let i = from; i <= to; i++) {
    const sheetNames: Partial<Record<TemplateId, string>> = {};
    for (const id of COPY_IDS) sheetNames[id] = `${defaultSheetName(id)} #${i}`;
    sheets.push(...buildWorkbookPlan({ templates: COPY_IDS, sheetNames }).sheets);
  }
  return sheets;
}

/** The adapter over `wb`, with the size of every request it sends recorded. */
function recording() {
  const requests: number[] = [];
  let book: MemoryWorkbook | null = null;
  const s = setup(
    { payloadLimitBytes: LIMIT },
    {
      // Excel.run in its (batch) and (options, batch) forms, each sync's request size recorded.
      run: (<T>(
        a: Excel.RunOptions | ((ctx: Excel.RequestContext) => Promise<T>),
        b?: (ctx: Excel.RequestContext) => Promise<T>,
      ) => {
        const batch = (b ?? a) as (ctx: Excel.RequestContext) => Promise<T>;
        const wrapped = (ctx: Excel.RequestContext) => {
          const counted = new Proxy(ctx, {
            get: (t, p) =>
              p === 'sync'
                ? async () => {
                    await t.sync();
                    requests.push(book!.stats.lastRequestBytes);
                  }
                : Reflect.get(t, p),
          });
          return batch(counted);
        };
        return b ? book!.run(a as Excel.RunOptions, wrapped) : book!.run(wrapped);
      }) as never,
    },
  );
  book = s.wb;
  return { ...s, requests };
}

test('a 20 MB workbook is injected, refreshed and validated under the 5 MB limit', async () => {
  const { ops, requests } = recording();
  await ops.inject([...TEMPLATE_IDS]);
  requests.length = 0;
  const report = await ops.injectPlans(copies(2, 40));
  expect(report.created).toHaveLength(39 * COPY_IDS.length);
  const written = requests.reduce((a, b) => a + b, 0);
  expect(written).toBeGreaterThan(20 * 1024 * 1024);
  expect(Math.max(...requests)).toBeLessThanOrEqual(LIMIT);

  const refreshed = await ops.inject([...TEMPLATE_IDS]);
  expect(refreshed.refreshed.length).toBeGreaterThan(0);
  const v = await ops.validate();
  expect(v.cellsChecked).toBeGreaterThan(0);
});
