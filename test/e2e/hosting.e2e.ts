/**
 * Ready to host: every built page in Chromium under its own Content-Security-Policy (the <meta> the build writes)
 * with no violation reported, the support page, and the privacy promise the support page makes: working in the
 * playground (insert the templates, check them) sends requests to the page's own origin only.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  buildOfficeStub,
  ensureBuilt,
  launchChromium,
  OFFICE_JS_URL,
  ROOT,
  screenshotPath,
  snapshotDist,
  startStaticServer,
  type Browser,
  type StaticServer,
} from './support';

jest.setTimeout(180_000);

interface WebpackConfigModule {
  contentSecurityPolicy(options?: { dev?: boolean }): string;
}
const POLICY = jest.requireActual<WebpackConfigModule>('../../webpack.config.js').contentSecurityPolicy();
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

declare global {
  interface Window {
    cchcCspViolations?: string[];
  }
}

let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt('support.html');
  const stub = await buildOfficeStub();
  site = snapshotDist();
  server = await startStaticServer(site);
  browser = await launchChromium({ width: 320, height: 900 });
  await browser.context.route(OFFICE_JS_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: stub }),
  );
  // Runs before any script of the page (and is not subject to its policy): every violation is seen.
  await browser.context.addInitScript(() => {
    const seen: string[] = [];
    window.cchcCspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'})`),
    );
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** Violations the page reported, console messages about the policy, uncaught errors. */
  problems(): Promise<{ violations: string[]; console: string[]; errors: string[] }>;
  requests: string[];
}

async function open(path: string): Promise<Opened> {
  const page = await browser.context.newPage();
  const consoleLines: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (/content.security.policy/i.test(m.text())) consoleLines.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.origin}/${path}`);
  return {
    page,
    requests,
    problems: async () => ({
      violations: await page.evaluate(() => window.cchcCspViolations ?? ['(the recorder did not run)']),
      console: consoleLines,
      errors,
    }),
  };
}

const NONE = { violations: [], console: [], errors: [] };

/** What each page must show once its code has run (and, for some, after doing its work). */
const PAGES: [string, (page: Page) => Promise<void>][] = [
  ['taskpane.html', (p) => p.getByRole('tab', { name: 'Biểu mẫu', exact: true }).waitFor()],
  // The function file shows nothing: wait for office.js (the stub) and the bundle to have run.
  [
    'commands.html',
    async (p) => {
      await p.waitForFunction(() => typeof (window as { Office?: unknown }).Office === 'object');
    },
  ],
  ['playground.html', (p) => p.getByRole('button', { name: 'Chèn biểu mẫu', exact: true }).waitFor()],
  [
    'selftest.html?host=memory',
    async (p) => {
      await p.getByRole('button', { name: 'Chạy kiểm tra / Run self-test' }).click();
      await p.waitForFunction(() => window.cchcSelfTest?.done === true, undefined, { timeout: 120_000 });
    },
  ],
  ['support.html', (p) => p.getByRole('heading', { level: 1, name: 'CCHC Hà Nội – Hỗ trợ' }).waitFor()],
];

describe.each(PAGES)('%s', (path, ready) => {
  test('carries the policy before any script and runs with no violation reported', async () => {
    const opened = await open(path);
    await ready(opened.page);
    const metas = await opened.page.evaluate(() => {
      const all = [...document.head.querySelectorAll('meta, script')];
      return all.map((e) => (e.tagName === 'META' ? (e.getAttribute('http-equiv') ?? 'meta') : 'script'));
    });
    expect(metas.indexOf('Content-Security-Policy')).toBeGreaterThanOrEqual(0);
    expect(metas.indexOf('Content-Security-Policy')).toBeLessThan(
      metas.includes('script') ? metas.indexOf('script') : Infinity,
    );
    const content = await opened.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(content).toBe(POLICY);
    // No inline script left in the page as built.
    expect(await opened.page.locator('script:not([src])').count()).toBe(0);
    expect(await opened.problems()).toEqual(NONE);
    await opened.page.close();
  });
});

test('the policy is enforced and violations are seen: an injected inline script and a foreign script are blocked', async () => {
  const { page, problems } = await open('support.html');
  const injected = await page.evaluate(() => {
    const inline = document.createElement('script');
    inline.textContent = 'window.cchcInjected = true;';
    document.head.append(inline);
    const foreign = document.createElement('script');
    foreign.src = 'https://scripts.example.org/tracker.js';
    document.head.append(foreign);
    return (window as { cchcInjected?: boolean }).cchcInjected === true;
  });
  expect(injected).toBe(false);
  await page.waitForFunction(() => (window.cchcCspViolations ?? []).length >= 2);
  const { violations } = await problems();
  expect(violations).toEqual([
    'script-src-elem blocked inline (page)',
    'script-src-elem blocked https://scripts.example.org/tracker.js (page)',
  ]);
  await page.close();
});

test('taskpane.html: in an old webview (IE11’s user agent) the notice shows, from a script file, not inline', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'userAgent', {
      get: () => 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
    }),
  );
  await page.goto(`${server.origin}/taskpane.html`);
  await page.locator('#unsupported-webview').waitFor({ state: 'visible' });
  expect(await page.locator('#unsupported-webview').textContent()).toContain('WebView2');
  expect(await page.evaluate(() => window.cchcCspViolations)).toEqual([]);
  await page.close();
  // In a current browser it stays hidden.
  const { page: current } = await open('taskpane.html');
  await current.getByRole('tab', { name: 'Biểu mẫu', exact: true }).waitFor();
  expect(await current.locator('#unsupported-webview').isHidden()).toBe(true);
  await current.close();
});

test('support.html: what the add-in does, whom to contact, the version, and that workbook data goes nowhere', async () => {
  const { page, problems } = await open('support.html');
  await page.screenshot({ path: screenshotPath('support'), fullPage: true });
  const text = (await page.locator('main').textContent()) ?? '';
  expect(await page.locator('#version').textContent()).toBe(VERSION);
  for (const needle of [
    'Add-in này làm gì',
    'Liên hệ',
    'Sở Nội vụ',
    'Add-in không gửi số liệu của sổ làm việc đi đâu cả.',
    'What the add-in does',
    'Contact',
    'The add-in sends workbook data nowhere.',
  ])
    expect(text).toContain(needle);
  // The build was given no support e-mail: none is made up.
  expect(await page.locator('a[href^="mailto:"]').count()).toBe(0);
  expect(await page.locator('script').count()).toBe(0);
  expect(await problems()).toEqual(NONE);
  await page.close();
});

test('privacy: inserting the templates and checking them in the playground requests only the page’s own origin', async () => {
  const { page, requests, problems } = await open('playground.html');
  const pane = page.getByTestId('task-pane');
  const insert = pane.getByRole('button', { name: 'Chèn biểu mẫu', exact: true });
  await insert.waitFor();
  await page.waitForFunction(
    (el) => el !== null && el.getAttribute('aria-disabled') !== 'true',
    await insert.elementHandle(),
  );
  await insert.click();
  await pane.getByText('Đã chèn biểu mẫu').waitFor();
  await pane.getByRole('tab', { name: 'Kiểm tra', exact: true }).click();
  const check = pane.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true });
  await check.click();
  await pane.locator('[data-count]').first().waitFor();
  await page.waitForFunction(
    (el) => el !== null && el.getAttribute('aria-disabled') !== 'true',
    await check.elementHandle(),
  );

  // The log really saw the page and its lazily loaded code.
  expect(requests).toContain(`${server.origin}/playground.html`);
  expect(requests.filter((u) => u.endsWith('.js')).length).toBeGreaterThan(3);
  expect(requests.filter((u) => new URL(u).origin !== server.origin)).toEqual([]);
  expect(await problems()).toEqual(NONE);
  await page.close();
});
