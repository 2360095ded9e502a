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
