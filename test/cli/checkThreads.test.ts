/**
 * `cchc check` on several threads (src/cli/checkPool.ts): worker threads give the same reports as
 * this thread, in the order the files were given, unreadable files included; --threads is checked.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkInThreads, workerCount, WORKER_MIN_FILES } from '../../src/cli/checkPool';
import { checkFiles, checkOneFile, type FileCheckOptions } from '../../src/cli/commands/check';
import { cli, parScores, tempDir, writeUnitWorkbooks } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());
let files: string[] = [];
const options: FileCheckOptions = { lang: 'vi', decimalSeparator: null, cwd: '/' };

beforeAll(async () => {
  const units = await writeUnitWorkbooks(
    tmp.dir,
    4,
    (i, random) => [
      ...parScores(random),
      { template: 'I', key: 'meta.reporter', column: 'reporter', value: `Đơn vị ${i + 1}` },
      ...(i === 2 ? [{ template: 'II' as const, key: 'II.4', column: '2019', value: -2 }] : []),
    ],
    77,
  );
  const notXlsx = path.join(tmp.dir, 'ghi-chu.xlsx');
  writeFileSync(notXlsx, 'không phải tệp Excel');
  // Unreadable files between readable ones: their places in the report must not move.
  files = [units[0], notXlsx, units[1], path.join(tmp.dir, 'khong-co.xlsx'), units[2], units[3]];
}, 120_000);

/** The reports without their timings, which differ from one reading to the next. */
const reports = (checks: { report: unknown }[]) => checks.map((c) => c.report);

describe('cchc check on worker threads', () => {
  it('two worker threads alone give the reports this thread gives, in the order given', async () => {
    const here = [];
    for (const file of files) here.push(await checkOneFile(file, options));
    const finished: string[] = [];
    const threaded = await checkInThreads(files, options, 2, null, (file) => finished.push(file));
    expect(reports(threaded)).toEqual(reports(here));
    expect([...finished].sort()).toEqual([...files].sort());
    // The readable files were checked (an error and the PAR scores found), the others reported as unreadable.
    expect(threaded.map((c) => ('error' in c.report ? c.report.error.problem : 'read'))).toEqual([
      'read',
      expect.any(String),
      'read',
      'missing',
      'read',
      'read',
    ]);
    expect(reports(threaded).filter((r) => !('error' in (r as object)))).toHaveLength(4);
  }, 60_000);

  it('checkFiles with several threads gives the run one thread gives', async () => {
    const one = await checkFiles(files, { ...options, threads: 1 });
    const three = await checkFiles(files, { ...options, threads: 3 });
    expect(three.files).toEqual(one.files);
    expect(three.exitCode).toBe(2);
  }, 60_000);

  it('an error no file explains (a bug) in a worker stops the run and is thrown, not swallowed or waited on', async () => {
    // A cwd that is no path makes path.resolve throw a TypeError for a relative name: no file's
    // fault, so no FailedFile.
    const broken = { ...options, cwd: 42 as unknown as string };
    const names = files.map((file) => path.basename(file));
    await expect(checkInThreads(names, broken, 2, null)).rejects.toThrow(/TypeError/);
  }, 60_000);

  it('workers only for long runs, never more than asked or than files', () => {
    expect(workerCount(WORKER_MIN_FILES - 1)).toBe(0);
    expect(workerCount(10, 1)).toBe(0);
    expect(workerCount(10, 3)).toBe(2);
    expect(workerCount(2, 4)).toBe(1);
    expect(workerCount(1000, 9)).toBe(3);
  });

  it('--threads takes 1 to 4, and says so in both languages otherwise', async () => {
    const bad = await cli(['check', files[0], '--threads', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--threads nhận một số nguyên từ 1 đến 4');
    const en = await cli(['check', files[0], '--threads', 'hai', '--lang', 'en']);
    expect(en.stderr).toContain('--threads takes a whole number from 1 to 4');
    const good = await cli(['check', files[0], '--threads', '2', '--json']);
    expect(good.code).toBeLessThan(2);
    expect(JSON.parse(good.stdout).files).toHaveLength(1);
  }, 60_000);
});
