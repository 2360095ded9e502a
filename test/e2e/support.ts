/**
 * What the browser tests and the task-pane benchmark share: a built dist/, a tiny static
 * server on 127.0.0.1, and Debian's Chromium driven by playwright-core (no downloaded browsers).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
/** Debian's Chromium unless CHROMIUM_PATH says otherwise (scripts/test.sh exports it). */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds dist/ with `npm run build` when the page is missing (the tests run against the built files). */
export function ensureBuilt(page = 'playground.html'): void {
  if (existsSync(join(DIST, page))) return;
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(DIST, page))) throw new Error(`npm run build did not write dist/${page}`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  origin: string;
  /** Paths served, in order (to see what a page loaded). */
  served: string[];
  close(): Promise<void>;
}

/** Serves `dir` read-only on a free port of 127.0.0.1. */
export async function startStaticServer(dir: string = DIST): Promise<StaticServer> {
  const base = resolve(dir);
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path === '/' ? 'index.html' : path));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    served.push(path);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((ok, fail) => server.close((e) => (e ? fail(e) : ok()))),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile, removed on close. */
export async function launchChromium(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'cchc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'vi-VN',
  });
  return {
    context,
    close: async () => {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/** Where office.js would come from; requests there are answered with the stub. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/**';

const bundles = new Map<string, Promise<string>>();

/**
 * Bundles one test-only browser entry (a .ts/.tsx file next to this one) into a single
 * minified script with webpack's Node API, once per process.
 */
export function bundleForBrowser(entryFile: string): Promise<string> {
  let bundle = bundles.get(entryFile);
  if (!bundle) {
    bundle = (async () => {
      const { default: webpack } = await import('webpack');
      const out = mkdtempSync(join(tmpdir(), 'cchc-bundle-'));
      try {
        const compiler = webpack({
          mode: 'production',
          context: ROOT,
          entry: join(__dirname, entryFile),
          output: { path: out, filename: 'bundle.js' },
          resolve: { extensions: ['.ts', '.tsx', '.mjs', '.js'] },
          module: {
            rules: [
              {
                test: /\.tsx?$/,
                exclude: /node_modules/,
                use: {
                  loader: 'ts-loader',
                  options: { transpileOnly: true, compilerOptions: { module: 'esnext', noEmit: false } },
                },
              },
            ],
          },
          target: ['web', 'es2020'],
          devtool: false,
          performance: { hints: false },
        });
        await new Promise<void>((ok, fail) =>
          compiler.run((error, stats) => {
            compiler.close(() => undefined);
            if (error) fail(error);
            else if (stats?.hasErrors()) fail(new Error(stats.toString('errors-only')));
            else ok();
          }),
        );
        return readFileSync(join(out, 'bundle.js'), 'utf8');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    })();
    bundles.set(entryFile, bundle);
  }
  return bundle;
}

/** test/e2e/officeStub.ts as one script: the in-memory workbook behind the Office/Excel globals. */
export function buildOfficeStub(): Promise<string> {
  return bundleForBrowser('officeStub.ts');
}

/** A copy of dist/ taken now: colleagues rebuild dist/ while tests run. Removed by the caller. */
export function snapshotDist(): string {
  const copy = mkdtempSync(join(tmpdir(), 'cchc-dist-'));
  cpSync(DIST, copy, { recursive: true });
  return copy;
}

/** The built playground in Chromium: what the playground-based E2E files share. */
export interface PlaygroundSession {
  page: import('playwright-core').Page;
  browser: Browser;
  server: StaticServer;
  /** Uncaught errors in the page: each file fails the step that caused one. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Serves a snapshot of dist/ and opens playground.html in a fresh Chromium (1280×860 unless told). */
export async function openPlayground(viewport = { width: 1280, height: 860 }): Promise<PlaygroundSession> {
  ensureBuilt('playground.html');
  const site = snapshotDist();
  const server = await startStaticServer(site);
  const browser = await launchChromium(viewport);
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${server.origin}/playground.html`);
  return {
    page,
    browser,
    server,
    pageErrors,
    async close() {
      await browser.close();
      await server.close();
      rmSync(site, { recursive: true, force: true });
    },
  };
}
