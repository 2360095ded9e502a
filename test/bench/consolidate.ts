/**
 * Benchmark of "Tổng hợp từ tệp đơn vị" on 50 filled unit workbooks (every template, Appendix 1
 * figures in every year, a few invalid values): in Node through `cchc consolidate`'s own
 * functions (read, consolidate, write the .xlsx), and in headless Chromium through the built
 * playground (pick the 50 files, read them in the pane, write into the in-memory workbook).
 *
 * - nodeSeconds: consolidateFiles + consolidatedWorkbook, in-process, after a 3-file warm-up.
 * - browserSeconds: from handing the 50 files to the panel's file input until the pane reports
 *   the consolidation written (the reader chunk is fetched on the first, untimed, warm-up pick),
 *   in a page whose memory is not sampled meanwhile.
 * - browserReadSeconds: of that, from the pick until the last file is read and folded in (the
 *   pane's READ_MARK, in the page's clock); the rest writes the consolidation into the workbook.
 * - peakMemoryMB: the Node process's peak resident memory during the Node run (sampled every
 *   10 ms), the figure a zip bomb used to blow up to 1.7 GB.
 * - browserPeakMemoryMB / peakMemoryMB200: the page's peak JS heap in Chromium (CDP
 *   Performance.getMetrics, JSHeapUsedSize, sampled every 50 ms) while 50, then 200 files are
 *   read and written (a fresh page each, not the timed one): flat when one file's parts are held
 *   at a time, garbage included (V8 collects when it sees fit).
 * - retainedMemoryMB / retainedMemoryMB200: the page's JS heap once the consolidation is written and
 *   the garbage collected (CDP HeapProfiler.collectGarbage): what is held, apart from the garbage
 *   the peak also counts (V8 collects when it sees fit, later in a longer run).
 * - files200 / browserSeconds200: the same with 200 returns (the 50 and 150 more).
 * - chunkGzipBytes: the gzipped size (level 9) of the JavaScript the page fetches from the first
 *   pick until the last file is read (the pane's READ_MARK), i.e. what reads the units' files
 *   (the reader, fflate, saxes, the engine's checks and the layouts they need, the consolidation
 *   core); the panel's own UI chunk, fetched when the tab opens, is not in it.
 * - writeChunkGzipBytes: the same of what it fetches after, until the consolidation is written
 *   (the adapter's write operation, the template writer).
 * - The files are handed to the input by path, as a pick from disk gives them.
 * - loadAverage1m: the 1-minute load average at the start and the end of the section (the machine
 *   is shared: on 2 cores, above 2 means the figures are inflated by other work).
 */
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { consolidateFiles } from '../../src/cli/commands/consolidate';
import { consolidatedWorkbook } from '../../src/xlsxWrite/writeConsolidation';
import { tempDir, writeUnitWorkbooks, type Fill } from '../cli/helpers';
import type { Page } from 'playwright-core';
import { READ_MARK } from '../../src/consolidate/pane';
import { ensureBuilt, launchChromium, snapshotDist, startStaticServer } from '../e2e/support';

export interface ConsolidateBench {
  files: number;
  browserSeconds: number;
  /** Of browserSeconds, the time until the last file was read and folded in (the rest writes the result). */
  browserReadSeconds: number;
  nodeSeconds: number;
  peakMemoryMB: number;
  browserPeakMemoryMB: number;
  files200: number;
  browserSeconds200: number;
  browserReadSeconds200: number;
  peakMemoryMB200: number;
  retainedMemoryMB: number;
  retainedMemoryMB200: number;
  chunkGzipBytes: number;
  /** Each script of chunkGzipBytes: 'name gzipBytes'. */
  chunkScripts: string[];
  writeChunkGzipBytes: number;
  /** Each script of writeChunkGzipBytes: 'name gzipBytes'. */
  writeChunkScripts: string[];
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
interface Chunk {
  name: string;
  bytes: number;
}

function gzipBytes(site: string, urls: string[]): Chunk[] {
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
  /** From the pick until the last file was read and folded in (READ_MARK), in the page's own clock. */
  readSeconds: number;
  peakMB: number;
  retainedMB: number;
  /** Scripts the first pick fetched until the last file was read: what reads the units' files. */
  readerScripts: string[];
  /** Scripts it fetched after, until the consolidation was written: what writes it. */
  writerScripts: string[];
}

async function browser(runs: string[][]): Promise<{ runs: BrowserRun[]; chunks: Chunk[]; writeChunks: Chunk[] }> {
  ensureBuilt('playground.html');
  const site = snapshotDist();
  const server = await startStaticServer(site);
  const chromium = await launchChromium({ width: 1280, height: 860 });
  try {
    const out: BrowserRun[] = [];
    for (const files of runs) {
      // Timed without the memory probe (its CDP calls every 50 ms take the page's main thread),
      // then weighed in a page of its own.
      const timed = await browserRun(chromium, server.origin, files, false);
      const weighed = await browserRun(chromium, server.origin, files, true);
      out.push({ ...timed, peakMB: weighed.peakMB, retainedMB: weighed.retainedMB });
    }
    return {
      runs: out,
      chunks: gzipBytes(site, out[0].readerScripts),
      writeChunks: gzipBytes(site, out[0].writerScripts),
    };
  } finally {
    await chromium.close();
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
}

/**
 * The scripts the page fetched from `since` (page time, ms) on, split at READ_MARK: those that
 * started before the last file was read belong to reading, the later ones to writing.
 */
async function scriptsSince(page: Page, since: number): Promise<{ reader: string[]; writer: string[] }> {
  return page.evaluate(
    ({ since, mark }) => {
      const read = performance.getEntriesByName(mark, 'mark').at(-1)?.startTime;
      if (read === undefined) throw new Error(`the pane set no ${mark} mark`);
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js') && e.startTime >= since);
      return {
        reader: scripts.filter((e) => e.startTime < read).map((e) => e.name),
        writer: scripts.filter((e) => e.startTime >= read).map((e) => e.name),
      };
    },
    { since, mark: READ_MARK },
  );
}

async function browserRun(
  chromium: Awaited<ReturnType<typeof launchChromium>>,
  origin: string,
  files: string[],
  sampleMemory: boolean,
): Promise<BrowserRun> {
  const page = await chromium.context.newPage();
  try {
    await page.goto(`${origin}/playground.html`);
    await page.evaluate(() => performance.setResourceTimingBufferSize(10_000));
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const pane = page.getByTestId('task-pane');
    const tab = pane.getByRole('tab', { name: 'Tổng hợp' });
    if (await tab.count()) await tab.click();
    const input = pane.getByTestId('consolidate-files');
    const written = pane.getByTestId('consolidate-written');
    // The files are handed over by path, as a person's pick gives the page files on disk (the
    // browser reads them when the pane asks): no copy of every file's bytes is built in the page
    // first, which timed and weighed the benchmark's own transfer (Playwright's base64 payload).
    const pickedAt = await page.evaluate(() => performance.now());
    await input.setInputFiles(files.slice(0, 2)); // warm-up: fetches the reader chunk
    await written.waitFor({ timeout: 120_000 });
    const { reader, writer } = await scriptsSince(page, pickedAt);
    let peak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling && sampleMemory) {
        const { metrics } = await cdp.send('Performance.getMetrics');
        const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
        peak = Math.max(peak, used);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const pickAt = await page.evaluate(() => performance.now());
    const started = performance.now();
    await input.setInputFiles(files);
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('li[data-file]').length === n &&
        document.querySelector('[data-testid="consolidate-written"]') !== null,
      files.length,
      { timeout: 600_000, polling: 50 },
    );
    const seconds = (performance.now() - started) / 1000;
    const readAt = await page.evaluate(
      (mark) => performance.getEntriesByName(mark, 'mark').at(-1)?.startTime,
      READ_MARK,
    );
    if (readAt === undefined || readAt < pickAt) throw new Error('the pane set no READ_MARK for this pick');
    sampling = false;
    await sampler;
    // What stays once the garbage is collected: the consolidation, the list, the page itself.
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const retained = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    return {
      seconds,
      readSeconds: (readAt - pickAt) / 1000,
      peakMB: Math.round(peak / (1024 * 1024)),
      retainedMB: Math.round((10 * retained) / (1024 * 1024)) / 10,
      readerScripts: reader,
      writerScripts: writer,
    };
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
      browserReadSeconds: b.runs[0].readSeconds,
      nodeSeconds: n.seconds,
      peakMemoryMB: Math.round(n.peakMB),
      browserPeakMemoryMB: b.runs[0].peakMB,
      files200: all.length,
      browserSeconds200: b.runs[1].seconds,
      browserReadSeconds200: b.runs[1].readSeconds,
      peakMemoryMB200: b.runs[1].peakMB,
      retainedMemoryMB: b.runs[0].retainedMB,
      retainedMemoryMB200: b.runs[1].retainedMB,
      chunkGzipBytes: b.chunks.reduce((n, c) => n + c.bytes, 0),
      chunkScripts: b.chunks.map((c) => `${c.name} ${c.bytes}`),
      writeChunkGzipBytes: b.writeChunks.reduce((n, c) => n + c.bytes, 0),
      writeChunkScripts: b.writeChunks.map((c) => `${c.name} ${c.bytes}`),
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
