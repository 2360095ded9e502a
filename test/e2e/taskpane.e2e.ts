/**
 * The production page (dist/taskpane.html) at Excel's default task-pane width, 320 px, with
 * office.js answered by the stub (test/e2e/officeStub.ts: Office/Excel globals over the
 * in-memory workbook), so the real entry runs: Office.onReady, host detection, settings,
 * the Excel adapter.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  OFFICE_JS_URL,
  buildOfficeStub,
  ensureBuilt,
  launchChromium,
  screenshotPath,
  snapshotDist,
  startStaticServer,
  type Browser,
  type StaticServer,
} from './support';
import { axeViolations } from './axe';
import { PAR_ROWS } from '../../src/catalog';
import { buildSheetPlan } from '../../src/layout';

jest.setTimeout(120_000);

let site: string;
let server: StaticServer;
let browser: Browser;
let stub: string;

beforeAll(async () => {
  ensureBuilt('taskpane.html');
  stub = await buildOfficeStub();
  site = snapshotDist();
  server = await startStaticServer(site);
  browser = await launchChromium({ width: 320, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

async function openPane(context: BrowserContext, query = ''): Promise<{ page: Page; errors: string[] }> {
  await context.route(OFFICE_JS_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: stub }),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.origin}/taskpane.html${query}`);
  return { page, errors };
}

async function whenEnabled(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor();
  await page.waitForFunction(
    (el) => el !== null && el.getAttribute('aria-disabled') !== 'true' && !(el as HTMLButtonElement).disabled,
    await button.elementHandle(),
  );
}

async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await page.waitForFunction((el) => el?.getAttribute('aria-selected') === 'true', await tab.elementHandle());
}

async function fits320(page: Page): Promise<void> {
  const width = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(width.client).toBe(320);
  expect(width.scroll).toBeLessThanOrEqual(width.client);
}

it('starts after Office.onReady in Vietnamese, one view per job, each fitting 320 px with no serious axe violation', async () => {
  const { page, errors } = await openPane(browser.context);
  await whenEnabled(page, 'Chèn biểu mẫu');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('CCHC Hà Nội');
  for (const tab of ['Biểu mẫu', 'Kiểm tra', 'Tổng điểm', 'Đơn vị'])
    await page.getByRole('tab', { name: tab, exact: true }).waitFor();
  await page.screenshot({ path: screenshotPath('20-taskpane-320-start'), fullPage: true });

  await page.getByRole('button', { name: 'Chèn biểu mẫu', exact: true }).click();
  await page.getByText('Đã chèn biểu mẫu').waitFor();
  // The workbook behind the stub now holds every template sheet.
  const sheets = (await page.evaluate('window.cchcStubWorkbook.sheetNames()')) as string[];
  expect(sheets.length).toBeGreaterThanOrEqual(11);
  await fits320(page);
  expect(await axeViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: screenshotPath('21-taskpane-320-view-templates'), fullPage: true });

  await openTab(page, 'Kiểm tra');
  await whenEnabled(page, 'Kiểm tra dữ liệu');
  await page.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
  await page.getByText(/^Đã kiểm tra lại tất cả các trang lúc/).waitFor();
  await fits320(page);
  expect(await axeViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: screenshotPath('22-taskpane-320-view-check'), fullPage: true });

  await openTab(page, 'Tổng điểm');
  await whenEnabled(page, 'Tính tổng và so sánh mục tiêu');
  await page.getByRole('button', { name: 'Tính tổng và so sánh mục tiêu', exact: true }).click();
  await page.getByTestId('par-total').waitFor();
  await page.getByTestId('area-chart').waitFor();
  await fits320(page);
  expect(await axeViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: screenshotPath('23-taskpane-320-view-totals'), fullPage: true });

  await openTab(page, 'Đơn vị');
  await page.getByRole('combobox').first().waitFor();
  await fits320(page);
  expect(await axeViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: screenshotPath('24-taskpane-320-view-unit'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

/** Whether an element is inside the 320×900 view now. */
async function inView(locator: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y + Math.min(box.height, 40) <= 900;
}

it('a new user at 320 px (issue 23): the confirmation by the button, the one error first, bars in view, rows under headings', async () => {
  const { page, errors } = await openPane(browser.context);
  await whenEnabled(page, 'Chèn biểu mẫu');
  // The template checklist open, as a new user reading it would have it.
  await page.getByText(/^Chọn biểu mẫu \(/).click();
  await page.getByRole('checkbox').first().waitFor();
  await page.getByRole('button', { name: 'Chèn biểu mẫu', exact: true }).click();
  const done = page.getByTestId('inject-summary');
  await done.getByText('Đã chèn biểu mẫu').waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'inject-summary');
  expect(await inView(done)).toBe(true);
  await page.screenshot({ path: screenshotPath('26-taskpane-320-inserted') });

  // A score of 0,8 where the maximum is 0,5, in a workbook otherwise empty (the outline's headings too).
  const par = buildSheetPlan('PAR');
  const leaf = PAR_ROWS.find((r) => r.children.length === 0 && r.max === 0.5)!;
  const row = par.rows.find((r) => r.key === leaf.id)!;
  const cell = `${row.inputs.score}${row.row}`;
  await page.evaluate(
    async ([sheet, address]) => {
      type Ctx = {
        workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown } } } };
        sync(): Promise<void>;
      };
      const excel = (window as unknown as { Excel: { run(f: (c: Ctx) => Promise<void>): Promise<void> } }).Excel;
      await excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).getRange(address).values = [[0.8]];
        await ctx.sync();
      });
    },
    [par.name, cell] as const,
  );

  await openTab(page, 'Kiểm tra');
  await whenEnabled(page, 'Kiểm tra dữ liệu');
  await page.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
  await page.getByText(/^Đã kiểm tra lại tất cả các trang lúc/).waitFor();
  // The error first, in view without scrolling; the outline's notes one line, closed.
  const first = page.locator('li[data-finding]').first();
  expect(await first.getAttribute('data-severity')).toBe('error');
  expect(await first.getAttribute('data-cell')).toBe(cell);
  expect(await inView(first)).toBe(true);
  const notes = page.getByRole('button', { name: /^▸ \d+ mục chưa có nội dung$/ });
  expect(await notes.getAttribute('aria-expanded')).toBe('false');
  await fits320(page);
  expect(await axeViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: screenshotPath('27-taskpane-320-check-first') });

  // The notes opened and the list scrolled: the tab bar and the counts stay in view.
  await notes.click();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const tabs = page.getByRole('tablist');
  const counts = page.getByTestId('finding-counts');
  expect(await inView(tabs)).toBe(true);
  expect(await inView(counts)).toBe(true);
  const tabsBox = (await tabs.boundingBox())!;
  const countsBox = (await counts.boundingBox())!;
  expect(countsBox.y).toBeGreaterThanOrEqual(tabsBox.y + tabsBox.height - 1);
  await page.screenshot({ path: screenshotPath('28-taskpane-320-check-scrolled') });
  // A count is a filter.
  const errorsOnly = counts.getByRole('button', { name: /^Lỗi: / });
  await errorsOnly.click();
  expect(await errorsOnly.getAttribute('aria-pressed')).toBe('true');
  expect(
    await page.locator('li[data-finding]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity'))),
  ).toEqual(expect.arrayContaining(['error']));
  expect(await page.locator('li[data-finding]:not([data-severity="error"])').count()).toBe(0);

  // The PAR sheet from the pane.
  await openTab(page, 'Biểu mẫu');
  await page.getByRole('button', { name: `Mở trang “${par.name}”` }).click();
  await page.waitForFunction(async (name) => {
    type Ctx = {
      workbook: { worksheets: { getActiveWorksheet(): { load(p: string): void; name: string } } };
      sync(): Promise<void>;
    };
    const excel = (window as unknown as { Excel: { run<T>(f: (c: Ctx) => Promise<T>): Promise<T> } }).Excel;
    const active = await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      await ctx.sync();
      return ws.name;
    });
    return active === name;
  }, par.name);

  // The unit's rows under their headings.
  await openTab(page, 'Đơn vị');
  await page.getByRole('combobox').first().selectOption({ label: 'Sở Nội vụ' });
  const heading = page.getByRole('heading', { name: '1. Tổng số biên chế cán bộ, công chức', exact: true });
  await heading.waitFor();
  await fits320(page);
  expect(await axeViolations(page, 'main')).toEqual([]);
  await page.screenshot({ path: screenshotPath('29-taskpane-320-unit-grouped'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it('starts in English when Office is in English', async () => {
  const { page, errors } = await openPane(browser.context, '?officeLanguage=en-US');
  // The earlier test's page shared this profile; a language chosen there would win, and none was chosen.
  await whenEnabled(page, 'Insert templates');
  for (const name of ['Templates', 'Check', 'Totals', 'My unit'])
    await page.getByRole('tab', { name, exact: true }).waitFor();
  await openTab(page, 'Check');
  await page.getByRole('button', { name: 'Check data', exact: true }).waitFor();
  await page.screenshot({ path: screenshotPath('25-taskpane-320-english'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it("ships no playground or in-memory workbook code in the task pane's scripts", () => {
  const scriptsOf = (html: string) =>
    new Set(
      [...readFileSync(join(site, html), 'utf8').matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)/g)].map((m) => m[1]),
    );
  const pane = scriptsOf('taskpane.html');
  const playgroundOnly = [...scriptsOf('playground.html')].filter((f) => !pane.has(f));
  // Everything the task pane can load: its own scripts and every async chunk (not the playground's, not commands).
  const reachable = readdirSync(site).filter(
    (f) => f.endsWith('.js') && !playgroundOnly.includes(f) && !f.startsWith('commands.'),
  );
  expect(reachable.length).toBeGreaterThanOrEqual(pane.size);
  for (const file of reachable) {
    // webpack emits no map for a chunk that only re-exports (engine.*.js, 1 KB): its code is read instead.
    if (!existsSync(join(site, `${file}.map`))) {
      const code = readFileSync(join(site, file), 'utf8');
      expect(code.length).toBeLessThan(4096);
      expect(code).not.toMatch(/memoryExcel|playground|cchcWorkbook/i);
      continue;
    }
    const sources = (JSON.parse(readFileSync(join(site, `${file}.map`), 'utf8')) as { sources: string[] }).sources;
    expect(sources.filter((s) => /src\/(memoryExcel|playground)\//.test(s))).toEqual([]);
    // The entry really is in what we checked.
    if (file.startsWith('taskpane.')) expect(sources.some((s) => s.includes('src/taskpane/index.tsx'))).toBe(true);
  }
});
