/**
 * The pane's entry in Excel (src/taskpane/index.tsx) over the in-memory workbook, with Excel
 * slow to give its number settings: the workbook is read (inspect, once) while the pane is first
 * drawn, and the pane is usable before Excel answers; what writes or words numbers (live checking
 * here) waits for the answer in the adapter's queue (core.ts).
 */
import { screen, waitFor } from '@testing-library/react';
import { createMemoryWorkbook } from '../../src/memoryExcel';

jest.setTimeout(60_000);

const insertEnabled = () => {
  const insert = screen.getByRole('button', { name: 'Chèn biểu mẫu' });
  return !insert.hasAttribute('disabled') && insert.getAttribute('aria-disabled') !== 'true';
};

test('read while drawn, once, and usable before Excel gives its number settings; live checking starts after', async () => {
  const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.17' } });
  let answer: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  /** Excel.run batches other than the number settings' own. */
  let reads = 0;
  /** Whether the pane was on screen when the first of them started. */
  let drawnAtFirstRead: boolean | null = null;
  // The in-memory workbook has no Application.cultureInfo: this one answers '.' when let.
  const application = {
    load: () => undefined,
    useSystemSeparators: true,
    decimalSeparator: '.',
    cultureInfo: { numberFormat: { load: () => undefined, numberDecimalSeparator: '.' } },
  };
  const globals = globalThis as unknown as Record<string, unknown>;
  globals.Office = {
    context: {
      host: 'Excel',
      platform: 'PC',
      displayLanguage: 'vi-VN',
      requirements: { isSetSupported: (name: string, version?: string) => wb.isSetSupported(name, version) },
    },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  };
  globals.Excel = {
    // Excel.run as (batch) or (options, batch): the adapter passes RunOptions.
    run: (a: unknown, b?: (context: Excel.RequestContext) => Promise<unknown>) => {
      const batch = (b ?? a) as (context: Excel.RequestContext) => Promise<unknown>;
      const wrapped = (context: Excel.RequestContext) => {
        let asksNumbers = false;
        let counted = false;
        const seen = new Proxy(context, {
          get(target, key) {
            if (key === 'application') {
              asksNumbers = true;
              return application;
            }
            if (key === 'workbook' && !counted) {
              counted = true;
              reads++;
              drawnAtFirstRead ??= document.querySelector('h1') !== null;
            }
            if (key === 'sync') return async () => (asksNumbers ? answered : target.sync());
            return Reflect.get(target, key) as unknown;
          },
        });
        return batch(seen);
      };
      return b ? wb.run(a as Excel.RunOptions, wrapped) : wb.run(wrapped);
    },
  };
  document.body.innerHTML = '<div id="root"></div>';
  // The entry starts the pane as it is evaluated, with the globals above.
  await import('../../src/taskpane/index');

  expect(await screen.findByRole('heading', { name: 'CCHC Hà Nội' })).toBeTruthy();
  await waitFor(() => expect(insertEnabled()).toBe(true));
  // Read while the pane was being drawn, not after; and that read is the one the templates view
  // shows: the workbook is not read twice.
  expect(drawnAtFirstRead).toBe(false);
  expect(reads).toBe(1);

  answer();
  await waitFor(() => expect(reads).toBeGreaterThan(1));
});
