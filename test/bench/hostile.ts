/**
 * Benchmark of hostile and accidental returns (issue #25): `cchc check` on every file of the
 * generated corpus (test/shared/hostileCorpus.ts), each in a Node process of its own, and the
 * reader on random damage (fast-check, CCHC_FUZZ_RUNS, 1,000 by default) in this process.
 *
 * - files: corpus files checked, plus the damaged copies.
 * - crashes: a check that ended other than with exit 0/1/2 and an official's sentence (an
 *   "unexpected error", a signal, the out-of-memory handler), or a damaged copy that made the
 *   reader throw anything but InputError.
 * - maxRssMB: the largest peak resident memory of one `cchc check` process (Node, tsx and the
 *   command included: baselineRssMB is the same for a good return).
 * - maxSeconds: the longest `cchc check` of one file, timed inside the process (start-up and loading
 *   the command's modules excluded; the modules the command loads lazily are included).
 * - libraryWordsInMessages: refusals whose sentence holds a library's words (shared/libraryWords.ts).
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { InputError } from '../../src/xlsx/errors';
import { readTemplateBytes } from '../../src/xlsx/reader';
import { cli, fillWorkbook, tempDir } from '../cli/helpers';
import { hostileCorpus } from '../shared/hostileCorpus';
import { libraryWordsIn } from '../shared/libraryWords';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

export interface HostileBench {
  files: number;
  crashes: number;
  maxRssMB: number;
  maxSeconds: number;
  libraryWordsInMessages: number;
  baselineRssMB: number;
  slowest: string;
  largest: string;
}

/** Runs `cchc check <file> --json` in its own process; its time and peak memory come back on stderr. */
const CHILD = `
require('tsx/cjs');
const { main } = require('./src/cli/main.ts');
const started = performance.now();
main(['check', process.argv[1], '--json']).then((code) => {
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write('\\nCCHC_BENCH ' + JSON.stringify({ code, seconds, rssKB: process.resourceUsage().maxRSS }) + '\\n');
  process.exitCode = code;
});`;

interface Checked {
  code: number;
  seconds: number;
  rssMB: number;
  crashed: boolean;
  message: string | null;
}

async function check(file: string): Promise<Checked> {
  let stdout = '';
  let stderr = '';
  let exit = 0;
  try {
    ({ stdout, stderr } = await run(process.execPath, ['-e', CHILD, file], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    }));
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number; signal?: string };
    stdout = err.stdout ?? '';
    stderr = err.stderr ?? '';
    exit = typeof err.code === 'number' ? err.code : -1;
    if (err.signal) exit = -1;
  }
  const line = /CCHC_BENCH (.*)/.exec(stderr);
  if (!line) return { code: exit, seconds: 0, rssMB: 0, crashed: true, message: null };
  const stats = JSON.parse(line[1]) as { code: number; seconds: number; rssKB: number };
  let message: string | null = null;
  try {
    const json = JSON.parse(stdout) as { files: { error?: { message: string } }[] };
    message = json.files[0]?.error?.message ?? null;
  } catch {
    return { code: stats.code, seconds: stats.seconds, rssMB: stats.rssKB / 1024, crashed: true, message: null };
  }
  const crashed = ![0, 1, 2].includes(stats.code) || /lỗi không mong đợi|unexpected error/.test(stderr);
  return { code: stats.code, seconds: stats.seconds, rssMB: stats.rssKB / 1024, crashed, message };
}

export async function benchHostile(): Promise<HostileBench> {
  const tmp = tempDir('cchc-bench-hostile-');
  try {
    const f = (name: string) => path.join(tmp.dir, name);
    if ((await cli(['template', f('blank.xlsx')])).code !== 0) throw new Error('cchc template failed');
    await fillWorkbook(f('blank.xlsx'), f('good.xlsx'), [
      { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'Sở Y tế' },
      { template: 'I', key: 'I.2', column: '2019', value: 5 },
    ]);
    const good = new Uint8Array(readFileSync(f('good.xlsx')));
    const corpus = await hostileCorpus(good);
    const baseline = await check(f('good.xlsx'));
    let crashes = 0;
    let maxRssMB = 0;
    let maxSeconds = 0;
    let libraryWords = 0;
    let slowest = '';
    let largest = '';
    for (const c of corpus) {
      writeFileSync(f(c.name), c.bytes);
      const r = await check(f(c.name));
      if (r.crashed) crashes++;
      if (r.message && libraryWordsIn(r.message)) libraryWords++;
      if (r.rssMB > maxRssMB) [maxRssMB, largest] = [r.rssMB, c.name];
      if (r.seconds > maxSeconds) [maxSeconds, slowest] = [r.seconds, c.name];
    }
    // Random damage, many more cases than the test's fixed-seed 150.
    let damaged = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 16 }),
        fc.nat(),
        async (flips, cut) => {
          const bytes = Uint8Array.from(good);
          for (const x of flips) bytes[x.at % bytes.length] = x.byte;
          damaged++;
          try {
            await readTemplateBytes('hong.xlsx', cut % 4 === 0 ? bytes.subarray(0, cut % bytes.length) : bytes);
          } catch (e) {
            if (!(e instanceof InputError)) crashes++;
            else if (libraryWordsIn(e.text.vi) || libraryWordsIn(e.text.en)) libraryWords++;
          }
        },
      ),
      { seed: 2125, numRuns: Number(process.env.CCHC_FUZZ_RUNS ?? 1000) },
    );
    return {
      files: corpus.length + damaged,
      crashes,
      maxRssMB: Math.round(maxRssMB),
      maxSeconds: Math.round(maxSeconds * 100) / 100,
      libraryWordsInMessages: libraryWords,
      baselineRssMB: Math.round(baseline.rssMB),
      slowest,
      largest,
    };
  } finally {
    tmp.remove();
  }
}

if (require.main === module) {
  benchHostile().then(
    (result) => process.stdout.write(JSON.stringify(result, null, 2) + '\n'),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
