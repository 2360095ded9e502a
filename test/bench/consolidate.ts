/**
 * Benchmark of "Tổng hợp từ tệp đơn vị" on 50 filled unit workbooks (every template, Appendix 1
 * figures in every year, a few invalid values): in Node through `cchc consolidate`'s own
 * functions (read, consolidate, write the .xlsx), and in headless Chromium through the built
 * playground (pick the 50 files, read them in the pane, write into the in-memory workbook).
 *
 * - nodeSeconds: consolidateFiles + consolidatedWorkbook, in-process, after a 3-file warm-up.
 * - browserSeconds: from handing the 50 files to the panel's file input until the pane reports
 *   the consolidation written (the reader chunk is fetched on the first, untimed, warm-up pick).
 * - peakMemoryMB: the Node process's peak resident memory during the Node run (sampled every
 *   10 ms), the figure a zip bomb used to blow up to 1.7 GB.
 * - browserPeakMemoryMB / peakMemoryMB200: the page's peak JS heap in Chromium (CDP
 *   Performance.getMetrics, JSHeapUsedSize, sampled every 50 ms) while 50, then 200 files are
 *   read and written (a fresh page each): flat when one file's parts are held at a time.
 * - files200 / browserSeconds200: the same with 200 returns (the 50 and 150 more).
 * - chunkGzipBytes: the gzipped size (level 9) of the JavaScript the page fetches when the first
 *   files are picked, i.e. what reads the units' files (the reader, fflate, saxes, the
 *   consolidation core, the adapter's write operation); the panel's own UI chunk, fetched when
 *   the tab opens, is not in it.
 * - loadAverage1m: the 1-minute load average at the start and the end of the section (the machine
 *   is shared: on 2 cores, above 2 means the figures are inflated by other work).
 */
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { consolidateFiles } from '../../src/cli/commands/consolidate';
import { consolidatedWorkbook } from '../../src/xlsxWrite/writeConsolidation';
import { tempDir, writeUnitWorkbooks, type Fill } from '../cli/helpers';
import { ensureBuilt, launchChromium, snapshotDist, startStaticServer } from '../e2e/support';

export interface ConsolidateBench {
  files: number;
  browserSeconds: number;
  nodeSeconds: number;
  peakMemoryMB: number;
  browserPeakMemoryMB: number;
  files200: number;
  browserSeconds200: number;
  peakMemoryMB200: number;
  chunkGzipBytes: number;
  /** Each script of chunkGzipBytes: 'name gzipBytes'. */
  chunkScripts: string[];
  loadAverage1m: [number, number];
}

const load = () => Math.round(os.loadavg()[0] * 100) / 100;

const FILES = 50;
const MORE_FILES = 200;

function fills(i: number, random: () => number): Fill[] {
  const out: Fill[] = [{ template: 'I', key: 'meta.reporter', column: 'reporter', value: `Đơn vị số ${i + 1}` }];
  for (const year of ['2015', '2016', '2017', '2018', '2019']) {
    const a = Math.floor(random() * 50);
    const b = Math.floor(random() * 50);
    out.push(
      { template: 'I', key: 'I.1.a', column: year, value: a },
      { template: 'I', key: 'I.1.b', column: year, value: b },
      { template: 'I', key: 'I.1', column: year, value: a + b },
      { template: 'I', key: 'I.6.b', column: year, value: 10 + Math.floor(random() * 90) },
      { template: 'I', key: 'I.6.c', column: year, value: Math.round(random() * 1000) / 1000 },
      { template: 'III', key: 'III.5.a', column: year, value: Math.round(random() * 1000) / 1000 },
      { template: 'VII', key: 'VII.1', column: year, value: Math.round(random() * 1000) / 1000 },
    );
  }
  if (i % 5 === 0) out.push({ template: 'II', key: 'II.4', column: '2019', value: -2 });
  return out;
}

async function generate(dir: string): Promise<string[]> {
  return writeUnitWorkbooks(dir, MORE_FILES, fills, 2000);
}

/** The gzipped bytes (level 9) of each built script named by `urls`. */
function gzipBytes(site: string, urls: string[]): { name: string; bytes: number }[] {
  return urls.map((url) => {
    const name = new URL(url).pathname.slice(1);
    return { name, bytes: gzipSync(readFileSync(path.join(site, name)), { level: 9 }).length };
  });
}

async function node(files: string[]): Promise<{ seconds: number; peakMB: number }> {
  await consolidateFiles(files.slice(0, 3), { lang: 'vi', cwd: '/' });
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const started = performance.now();
    const consolidation = await consolidateFiles(files, { lang: 'vi', cwd: '/' });
    await consolidatedWorkbook(consolidation, 'vi');
    const seconds = (performance.now() - started) / 1000;
    // A benchmark of a consolidation that used nothing would prove nothing.
    if (consolidation.sources.filter((s) => s.status === 'used').length !== files.length)
      throw new Error('not every file was consolidated');
    if (consolidation.leftOut.length === 0) throw new Error('the invalid values were not left out');
    return { seconds, peakMB: Math.max(peak, process.memoryUsage().rss) / (1024 * 1024) };
  } finally {
    clearInterval(timer);
  }
}

interface BrowserRun {
  seconds: number;
  peakMB: number;
  /** Scripts fetched by the first pick: what reads the units' files. */
  readerScripts: string[];
}

async function browser(runs: string[][]): Promise<{ runs: BrowserRun[]; chunks: { name: string; bytes: number }[] }> {
  ensureBuilt('playground.html');
  const site = snapshotDist();
  const server = await startStaticServer(site);
  const chromium = await launchChromium({ width: 1280, height: 860 });
  try {
    const out: BrowserRun[] = [];
    for (const files of runs) out.push(await browserRun(chromium, server.origin, files));
    return { runs: out, chunks: gzipBytes(site, out[0].readerScripts) };
  } finally {
    await chromium.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

async function browserRun(
  chromium: Awaited<ReturnType<typeof launchChromium>>,
  origin: string,
  files: string[],
): Promise<BrowserRun> {
  const page = await chromium.context.newPage();
  try {
    await page.goto(`${origin}/playground.html`);
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const pane = page.getByTestId('task-pane');
    const tab = pane.getByRole('tab', { name: 'Tổng hợp' });
    if (await tab.count()) await tab.click();
    const input = pane.getByTestId('consolidate-files');
    const written = pane.getByTestId('consolidate-written');
    const payload = await Promise.all(
      files.map(async (f) => ({
        name: path.basename(f),
        mimeType: 'application/octet-stream',
        buffer: await readFile(f),
      })),
    );
    const readerScripts: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().endsWith('.js')) readerScripts.push(request.url());
    };
    page.on('request', onRequest);
    await input.setInputFiles(payload.slice(0, 2)); // warm-up: fetches the reader chunk
    await written.waitFor({ timeout: 120_000 });
    page.off('request', onRequest);
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        peak = Math.max(peak, used);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    await input.setInputFiles(payload);
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('li[data-file]').length === n &&
        document.querySelector('[data-testid="consolidate-written"]') !== null,
      payload.length,
      { timeout: 600_000, polling: 50 },
    );
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    return { seconds, peakMB: Math.round(peak / (1024 * 1024)), readerScripts };
  } finally {
    await page.close();
  }
}

export async function benchConsolidate(): Promise<ConsolidateBench> {
  const loadAtStart = load();
  const tmp = tempDir('cchc-bench-consolidate-');
  try {
    const all = await generate(tmp.dir);
    const files = all.slice(0, FILES);
    const n = await node(files);
    const b = await browser([files, all]);
    return {
      files: files.length,
      browserSeconds: b.runs[0].seconds,
      nodeSeconds: n.seconds,
      peakMemoryMB: Math.round(n.peakMB),
      browserPeakMemoryMB: b.runs[0].peakMB,
      files200: all.length,
      browserSeconds200: b.runs[1].seconds,
      peakMemoryMB200: b.runs[1].peakMB,
      chunkGzipBytes: b.chunks.reduce((n, c) => n + c.bytes, 0),
      chunkScripts: b.chunks.map((c) => `${c.name} ${c.bytes}`),
      loadAverage1m: [loadAtStart, load()],
    };
  } finally {
    tmp.remove();
  }
}

if (require.main === module) {
  benchConsolidate().then(
    (result) => process.stdout.write(JSON.stringify(result, null, 2) + '\n'),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
