/**
 * Benchmark of `cchc check` over many returns, as the Department runs it at collection time:
 * the command's own function in-process (no process per file), on 50 and 500 filled workbooks; the
 * 500 also on one thread (--threads 1), since the command reads long runs on every core.
 * Reports how the time splits between parsing .xlsx (src/xlsx: unzip + XML) and validating (engine),
 * and the reader beside ExcelJS on the same 50 files in the same run (bytes already in memory,
 * after a warm-up): readerMsPerFile (inflating with Node's zlib, as the CLI reads), readerFflateMsPerFile
 * (inflating with fflate, as the pane reads) and excelJsMsPerFile (test/shared/excelJsReader.ts),
 * interleaved over three rounds, best round of each, so a burst of load on the shared machine hits both.
 * loadAverage1m is taken at the start and at the end of the section.
 *
 * 50 distinct workbooks are generated (random valid PAR scores, some Appendix 1 figures, a few
 * errors); the 500-file run reads each of them ten times from ten copies on disk, since the cost of
 * a file depends on its size, not on which valid numbers it holds.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { workerCount } from '../../src/cli/checkPool';
import { checkFiles } from '../../src/cli/commands/check';
import { nodeReadOptions } from '../../src/cli/xlsx/readSnapshots';
import { readTemplateBytes } from '../../src/xlsx/reader';
import { parScores, tempDir, writeUnitWorkbooks, type Fill } from '../cli/helpers';
import { readWithExcelJs } from '../shared/excelJsReader';

export interface CliBench {
  check50Seconds: number;
  /** As `cchc check` runs: on `threads500` threads (src/cli/checkPool.ts). */
  check500Seconds: number;
  threads500: number;
  /** The same 500 files on this thread alone (--threads 1). */
  check500OneThreadSeconds: number;
  /** Share of the one-thread 500-file run's time spent parsing .xlsx (the rest: validating). */
  parseShare: number;
  /** Reading one of the 50 returns into snapshots (bytes in memory): src/xlsx's reader, then ExcelJS. */
  readerMsPerFile: number;
  readerFflateMsPerFile: number;
  excelJsMsPerFile: number;
  /** excelJsMsPerFile / readerMsPerFile, same run. */
  readerSpeedup: number;
  /** The same in this process's CPU time (process.cpuUsage), less swayed by other work on the machine. */
  readerCpuMsPerFile: number;
  excelJsCpuMsPerFile: number;
  readerCpuSpeedup: number;
  /** 1-minute load average at the start and the end of the section (2 cores: above 2 is a busy machine). */
  loadAverage1m: [number, number];
}

const load = () => Math.round(os.loadavg()[0] * 100) / 100;

/** Milliseconds per file of `read` over `all` (twice over, the first pass a warm-up). */
/** Milliseconds per file of `read` over `all` (after a 5-file warm-up): wall clock and this process's CPU time. */
async function msPerFile(
  all: Uint8Array[],
  read: (bytes: Uint8Array) => Promise<unknown>,
): Promise<{ wall: number; cpu: number }> {
  for (const bytes of all.slice(0, 5)) await read(bytes);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const bytes of all) await read(bytes);
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - started) / all.length, cpu: (used.user + used.system) / 1000 / all.length };
}

const DISTINCT = 50;

function unitFills(i: number, random: () => number): Fill[] {
  const fills: Fill[] = [
    ...parScores(random),
    { template: 'I', key: 'meta.reporter', column: 'reporter', value: `Đơn vị số ${i + 1}` },
  ];
  for (const year of ['2015', '2016', '2017', '2018', '2019']) {
    const a = Math.floor(random() * 50);
    const b = Math.floor(random() * 50);
    fills.push(
      { template: 'I', key: 'I.1.a', column: year, value: a },
      { template: 'I', key: 'I.1.b', column: year, value: b },
      { template: 'I', key: 'I.1', column: year, value: a + b },
      { template: 'III', key: 'III.5.a', column: year, value: Math.round(random() * 1000) / 1000 },
      { template: 'VII', key: 'VII.1', column: year, value: Math.round(random() * 1000) / 1000 },
    );
  }
  // Every fifth unit makes the usual mistakes: a negative count, text with a decimal comma.
  if (i % 5 === 0)
    fills.push(
      { template: 'II', key: 'II.4', column: '2019', value: -2 },
      { template: 'VII', key: 'VII.6', column: '2019', value: '0,85' },
    );
  return fills;
}

async function generate(dir: string): Promise<string[]> {
  return writeUnitWorkbooks(dir, DISTINCT, unitFills, 1000);
}

async function timeCheck(
  files: string[],
  threads?: number,
): Promise<{ seconds: number; parseMs: number; validateMs: number; exitCode: number }> {
  const started = performance.now();
  const run = await checkFiles(files, { lang: 'vi', cwd: '/', threads });
  const seconds = (performance.now() - started) / 1000;
  if (run.files.length !== files.length) throw new Error('check skipped files');
  return { seconds, parseMs: run.parseMs, validateMs: run.validateMs, exitCode: run.exitCode };
}

export async function benchCli(): Promise<CliBench> {
  const loadAtStart = load();
  const tmp = tempDir('cchc-bench-');
  try {
    const distinct = await generate(tmp.dir);
    const many: string[] = [];
    for (let copy = 0; copy < 10; copy++)
      for (const file of distinct) {
        const target = file.replace(/\.xlsx$/, `-${copy}.xlsx`);
        copyFileSync(file, target);
        many.push(target);
      }
    await timeCheck(distinct.slice(0, 3)); // warm up the JIT and module caches
    const fifty = await timeCheck(distinct);
    const five = await timeCheck(many);
    const fiveOne = await timeCheck(many, 1);
    // The generated errors must be found: a benchmark of a check that finds nothing proves nothing.
    if (fifty.exitCode !== 1 || five.exitCode !== 1 || fiveOne.exitCode !== 1)
      throw new Error('expected errors were not reported');
    const bytes = distinct.map((file) => new Uint8Array(readFileSync(file)));
    const readers = {
      zlib: (b: Uint8Array) => readTemplateBytes('unit.xlsx', b, nodeReadOptions()),
      fflate: (b: Uint8Array) => readTemplateBytes('unit.xlsx', b),
      excelJs: async (b: Uint8Array) => {
        const read = await readWithExcelJs(b);
        if ('error' in read) throw new Error(read.error);
      },
    };
    const best = { zlib: Infinity, fflate: Infinity, excelJs: Infinity };
    const cpu = { zlib: Infinity, fflate: Infinity, excelJs: Infinity };
    for (let round = 0; round < 3; round++)
      for (const key of ['zlib', 'fflate', 'excelJs'] as const) {
        const ms = await msPerFile(bytes, readers[key]);
        best[key] = Math.min(best[key], ms.wall);
        cpu[key] = Math.min(cpu[key], ms.cpu);
      }
    return {
      check50Seconds: fifty.seconds,
      check500Seconds: five.seconds,
      threads500: 1 + workerCount(many.length),
      check500OneThreadSeconds: fiveOne.seconds,
      parseShare: fiveOne.parseMs / (fiveOne.parseMs + fiveOne.validateMs),
      readerMsPerFile: best.zlib,
      readerFflateMsPerFile: best.fflate,
      excelJsMsPerFile: best.excelJs,
      readerSpeedup: best.excelJs / best.zlib,
      readerCpuMsPerFile: cpu.zlib,
      excelJsCpuMsPerFile: cpu.excelJs,
      readerCpuSpeedup: cpu.excelJs / cpu.zlib,
      loadAverage1m: [loadAtStart, load()],
    };
  } finally {
    tmp.remove();
  }
}

if (require.main === module) {
  benchCli().then(
    (result) => process.stdout.write(JSON.stringify(result, null, 2) + '\n'),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
