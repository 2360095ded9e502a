/**
 * Proven equal on LibreOffice's own writing (issue #21): filled returns saved again by
 * LibreOffice Calc (headless) are read by the new reader and by ExcelJS, and the snapshots
 * must be the same (test/shared/differential.ts). LibreOffice writes shared strings, styles and
 * cell types its own way (no ExcelJS in the file any more).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { cli, fillWorkbook, parScores, prng, tempDir } from '../cli/helpers';
import { compareReaders } from '../shared/differential';
import { sofficePath } from './soffice';

const run = promisify(execFile);
const tmp = tempDir('cchc-lo-diff-');
const f = (name: string) => path.join(tmp.dir, name);
afterAll(() => tmp.remove());

beforeAll(async () => {
  expect((await cli(['template', f('blank.xlsx')])).code).toBe(0);
  await fillWorkbook(f('blank.xlsx'), f('filled.xlsx'), [
    { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'UBND quận Cầu Giấy' },
    { template: 'I', key: 'I.2', column: '2019', value: 12 },
    { template: 'I', key: 'I.2', column: '2020', value: '0,5' },
    ...parScores(prng(7)),
  ]);
  mkdirSync(f('lo'));
  await run(
    sofficePath(),
    [
      `-env:UserInstallation=file://${f('profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx',
      '--outdir',
      f('lo'),
      f('blank.xlsx'),
      f('filled.xlsx'),
    ],
    { timeout: 170_000 },
  );
}, 180_000);

it.each(['blank.xlsx', 'filled.xlsx'])(
  '%s saved by LibreOffice: the same snapshots from both readers',
  async (name) => {
    const verdict = await compareReaders(name, new Uint8Array(readFileSync(path.join(tmp.dir, 'lo', name))));
    expect(verdict).toMatchObject({ kind: 'equal', sheets: 11 });
  },
);
