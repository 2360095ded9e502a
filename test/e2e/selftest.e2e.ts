/**
 * The built self-test page (dist/selftest.html) in Debian's Chromium with ?host=memory: no Office
 * and no network (requests to Microsoft's CDN are refused, as offline), the scenarios run against
 * the in-memory workbook and the page reports every one of them. A deliberately broken scenario
 * (?break=) must show up as failed, so this test can fail.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROBES } from '../../src/selftest/probes';
import type { SelfTestResult } from '../../src/selftest/runner';
import {
  DIST,
  ensureBuilt,
  launchChromium,
  OFFICE_JS_URL,
  screenshotPath,
  snapshotDist,
  startStaticServer,
  type Browser,
  type StaticServer,
} from './support';

jest.setTimeout(120_000);

/** The scenarios the page must run, in order (src/selftest/scenarios.ts). */
const EXPECTED = [
  'inject',
  'validate',
  'fix',
  'subtotals',
  'below-target',
  'reinject-moved-rows',
  'marker-typed-over',
  'remove-marks',
  'live-validation',
  'go-to-cell',
];

type PageResult = SelfTestResult & { fatal?: { vi: string; en: string } };

let site: string;
let server: StaticServer;
let browser: Browser;
let officeJsRequests = 0;

beforeAll(async () => {
  ensureBuilt('selftest.html');
  site = snapshotDist();
  server = await startStaticServer(site);
  browser = await launchChromium({ width: 900, height: 900 });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  // Offline, as on a machine without Office: the CDN script fails to load and the page must cope.
  await browser.context.route(OFFICE_JS_URL, (route) => {
    officeJsRequests++;
    return route.abort('internetdisconnected');
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Opens the page; uncaught errors in it are collected for the test to check. */
async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.origin}/selftest.html${query}`);
  return { page, errors };
}

/** Presses the run button and waits for the result the page leaves on window.cchcSelfTest. */
async function runAll(page: Page): Promise<PageResult> {
  await page.getByRole('button', { name: 'Chạy kiểm tra / Run self-test' }).click();
  await page.waitForFunction(() => window.cchcSelfTest?.done === true, undefined, { timeout: 90_000 });
  return page.evaluate(() => window.cchcSelfTest as PageResult);
}

test('?host=memory: every scenario passes at ExcelApi 1.8, reported on the page and as JSON', async () => {
  const { page, errors } = await open('?host=memory');
  await page.getByText('Môi trường: Sổ làm việc trong bộ nhớ (không phải Excel), ExcelApi 1.8').waitFor();
  const result = await runAll(page);
  await page.screenshot({ path: screenshotPath('selftest-memory'), fullPage: true });

  expect(result.scenarios.filter((s) => !s.ok)).toEqual([]);
  expect(result.scenarios.map((s) => s.name)).toEqual(EXPECTED);
  expect(result).toMatchObject({
    done: true,
    passed: EXPECTED.length,
    failed: 0,
    host: 'Memory',
    platform: 'Browser',
    requirementSets: { ExcelApi: '1.8' },
  });
  expect(result.broken).toBeUndefined();
  expect(result.cspViolations).toEqual([]);
  // Imitation against imitation: every probe agrees, but the one that needs ExcelApi 1.9.
  expect(result.probes.map((p) => [p.name, p.agrees])).toEqual(
    PROBES.map((p) => [p.name, p.needs === '1.9' ? null : true]),
  );
  for (const p of result.probes.filter((x) => x.agrees)) expect(p.excelDid).toBe(p.imitationAssumes);
  const rows = await page
    .locator('#probes tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  expect(rows[0]).toEqual(['percent-into-decimal-format', 'value 0.85, format 0.0##', 'value 0.85, format 0.0##', '✓']);
  expect(rows).toHaveLength(PROBES.length);
  await expect(page.locator('#cannot-tell').textContent()).resolves.toMatch(/ExcelApi 1\.9/);
  await expect(page.locator('#summary').textContent()).resolves.toBe(
    `${EXPECTED.length} đạt, 0 lỗi / ${EXPECTED.length} passed, 0 failed`,
  );
  const shown = await page
    .locator('#scenarios li')
    .evaluateAll((items) =>
      items.map((li) => `${(li as HTMLElement).dataset.scenario}:${(li as HTMLElement).dataset.ok}`),
    );
  expect(shown).toEqual(EXPECTED.map((name) => `${name}:true`));
  await expect(page.locator('#scenarios li').first().textContent()).resolves.toMatch(
    /^✓ Chèn biểu mẫu vào sổ mới \/ Inject into a fresh workbook \(\d+ ms\)$/,
  );

  // The copy button puts the same JSON on the clipboard that the page shows.
  await page.getByRole('button', { name: 'Sao chép kết quả / Copy result' }).click();
  await page.getByText('Đã sao chép. / Copied.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(copied)).toEqual(result);
  expect(JSON.parse(await page.locator('#result').inputValue())).toEqual(result);

  // The CDN was tried (the page is the one Excel loads) and its failure did not matter.
  expect(officeJsRequests).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await page.close();
});

test('?host=memory&api=1.17 runs at the newer API, and a second run in the same page passes too', async () => {
  const { page, errors } = await open('?host=memory&api=1.17');
  const first = await runAll(page);
  expect(first.requirementSets).toEqual({ ExcelApi: '1.17' });
  expect(first.scenarios.filter((s) => !s.ok)).toEqual([]);
  expect(first.probes.filter((p) => p.agrees !== true)).toEqual([]);
  // The first run cleaned up after itself, so the workbook is still safe to test.
  const second = await runAll(page);
  expect(second.refused).toBeUndefined();
  expect(second.passed).toBe(EXPECTED.length);
  expect(errors).toEqual([]);
  await page.close();
});

test('?break=validate: that scenario is reported failed with its error, the others pass', async () => {
  const { page, errors } = await open('?host=memory&break=validate');
  const result = await runAll(page);
  await page.screenshot({ path: screenshotPath('selftest-broken'), fullPage: true });
  expect(result.broken).toBe('validate');
  expect(result).toMatchObject({ passed: EXPECTED.length - 1, failed: 1 });
  const failed = result.scenarios.filter((s) => !s.ok);
  expect(failed.map((s) => s.name)).toEqual(['validate']);
  expect(failed[0].error).toMatch(/not-whole/);
  await expect(page.locator('#summary').textContent()).resolves.toBe(
    `${EXPECTED.length - 1} đạt, 1 lỗi / ${EXPECTED.length - 1} passed, 1 failed`,
  );
  const item = page.locator('li[data-scenario="validate"]');
  await expect(item.getAttribute('data-ok')).resolves.toBe('false');
  await expect(item.locator('pre').textContent()).resolves.toBe(failed[0].error);
  expect(errors).toEqual([]);
  await page.close();
});

test('outside Excel without ?host=memory: a clear message, nothing runs', async () => {
  const { page, errors } = await open('');
  await page.waitForFunction(() => window.cchcSelfTest?.done === true);
  const result = await page.evaluate(() => window.cchcSelfTest as PageResult);
  expect(result.fatal?.en).toMatch(/office\.js could not be loaded.*\?host=memory/);
  expect(result.passed).toBe(0);
  await expect(page.locator('#refused').textContent()).resolves.toContain('Không tải được office.js');
  await expect(page.getByRole('button', { name: 'Chạy kiểm tra / Run self-test' }).isDisabled()).resolves.toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test('an unknown ?break= scenario is refused rather than silently ignored', async () => {
  const { page } = await open('?host=memory&break=no-such-scenario');
  await page.waitForFunction(() => window.cchcSelfTest?.done === true);
  const result = await page.evaluate(() => window.cchcSelfTest as PageResult);
  expect(result.fatal?.en).toBe('There is no scenario "no-such-scenario".');
  await page.close();
});

test('npm run build wrote dist/manifest.selftest.xml for the production host, opening selftest.html', () => {
  const xml = readFileSync(join(DIST, 'manifest.selftest.xml'), 'utf8');
  expect(xml).not.toMatch(/localhost/);
  expect(xml).toMatch(/<SourceLocation DefaultValue="https:\/\/[^"]+\/selftest\.html"\/>/);
  expect(xml).toContain('from manifest.selftest.xml: edit that file');
});
