/**
 * The pane's entry in Excel (src/taskpane/index.tsx) over the in-memory workbook: it is drawn
 * while Excel is still asked for its number settings (a round trip the first render no longer
 * waits for), and the workbook is read only after Excel answered, so nothing the adapter writes
 * or says can use a separator Excel did not give (core.ts: the queue waits for the answer).
 */
import { screen, waitFor } from '@testing-library/react';
import { createMemoryWorkbook } from '../../src/memoryExcel';

jest.setTimeout(60_000);

test('drawn before Excel gives its number settings; the workbook is read once it has', async () => {
  const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.17' } });
  let answer: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  let isAnswered = false;
  let workbookBeforeAnswer = false;
  let workbookAfterAnswer = false;
  // The in-memory workbook has no Application.cultureInfo: this one answers '.' when let.
  const application = {
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
    run: (batch: (context: Excel.RequestContext) => Promise<unknown>) =>
      wb.run((context) => {
        let asksNumbers = false;
        const seen = new Proxy(context, {
          get(target, key) {
            if (key === 'application') {
              asksNumbers = true;
              return application;
            }
            if (key === 'workbook') {
              if (isAnswered) workbookAfterAnswer = true;
              else workbookBeforeAnswer = true;
            }
            if (key === 'sync') return async () => (asksNumbers ? answered : target.sync());
            return Reflect.get(target, key) as unknown;
          },
        });
        return batch(seen);
      }),
  };
  document.body.innerHTML = '<div id="root"></div>';
  // The entry starts the pane as it is evaluated, with the globals above.
  await import('../../src/taskpane/index');

  const insert = await screen.findByRole('button', { name: 'Chèn biểu mẫu' });
  expect(screen.getByRole('heading', { name: 'CCHC Hà Nội' })).toBeTruthy();
  expect(insert.hasAttribute('disabled') || insert.getAttribute('aria-disabled') === 'true').toBe(true);
  expect(workbookBeforeAnswer).toBe(false);

  isAnswered = true;
  answer();
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Chèn biểu mẫu' }).hasAttribute('disabled')).toBe(false),
  );
  expect(workbookAfterAnswer).toBe(true);
  expect(workbookBeforeAnswer).toBe(false);
});
