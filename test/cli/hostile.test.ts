/**
 * Hostile and broken returns in `cchc consolidate` and `cchc check`: each is refused with its own
 * message, the good file is still consolidated, and nothing of a refused file is summed. The zip
 * bombs are refused before they are inflated (memory stays flat).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { SOURCES_SHEET } from '../../src/cli/commands/consolidate';
import { buildSheetPlan } from '../../src/layout';
import { hostileFiles, type HostileFile } from '../consolidate/hostileFiles';
import { cellFor, cli, fillWorkbook, tempDir } from './helpers';

const tmp = tempDir();
const f = (name: string) => path.join(tmp.dir, name);
let hostile: HostileFile[];

beforeAll(async () => {
  expect((await cli(['template', f('blank.xlsx'), '--only', 'I,PAR'])).code).toBe(0);
  const good = (name: string, value: number) =>
    fillWorkbook(f('blank.xlsx'), f(name), [
      { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'Sở Y tế' },
      { template: 'I', key: 'I.2', column: '2019', value },
    ]);
  await good('so-y-te.xlsx', 5);
  await good('so-y-te-lan-2.xlsx', 7);
  hostile = await hostileFiles(new Uint8Array(readFileSync(f('so-y-te.xlsx'))));
  for (const h of hostile) writeFileSync(f(h.name), h.bytes);
}, 120_000);
afterAll(() => tmp.remove());

describe('hostile files in cchc consolidate', () => {
  let run: { code: number; stdout: string; stderr: string };
  let total: Workbook;
  beforeAll(async () => {
    const files = ['so-y-te.xlsx', ...hostile.map((h) => h.name), 'so-y-te-lan-2.xlsx'];
    run = await cli(['consolidate', ...files, '--out', 'total.xlsx', '--json'], { cwd: tmp.dir });
    total = new Workbook();
    await total.xlsx.readFile(f('total.xlsx'));
  }, 120_000);

  it('exits 2 and reports every refused file with its own problem and message', () => {
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout) as { files: { file: string; status: string; problem?: string }[] };
    for (const h of hostile) {
      expect(json.files.find((x) => x.file === h.name)).toMatchObject({ problem: h.problem });
      const line = run.stderr.split('\n').find((l) => l.includes(`${h.name}:`));
      expect(line).toMatch(h.message);
    }
    expect(json.files.find((x) => x.file === 'so-y-te-lan-2.xlsx')).toMatchObject({
      status: 'refused',
      problem: 'duplicate-unit',
    });
    expect(json.files.find((x) => x.file === 'so-y-te.xlsx')).toMatchObject({ status: 'used' });
  });

  it('consolidates the good file alone: nothing of a refused file is summed (5, not 5 + 7 + …)', () => {
    const ws = total.getWorksheet(buildSheetPlan('I').name)!;
    expect(ws.getCell(cellFor(ws, 'I', 'I.2', '2019')).value).toBe(5);
  });

  it('lists each refused file on the sources sheet with its reason', () => {
    const rows: string[] = [];
    total.getWorksheet(SOURCES_SHEET)?.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
    for (const h of [...hostile.map((x) => x.name), 'so-y-te-lan-2.xlsx'])
      expect(rows.some((r) => r.includes(h) && /Không (đọc được|tổng hợp)/.test(r))).toBe(true);
  });
});

describe('hostile files in cchc check', () => {
  it.each(['bom-nen.xlsx', 'bom-noi-doi.xlsx', 'doctype.xlsx', 'rong.xlsx', 'opendoc.xlsx', 'bang.xlsx', 'cu.xlsx'])(
    'refuses %s with exit 2 and its message',
    async (name) => {
      const h = hostile.find((x) => x.name === name)!;
      const result = await cli(['check', name], { cwd: tmp.dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(h.message);
    },
  );

  it('refuses the zip bombs without inflating them: memory grows by far less than the 1.5 GB they claim', async () => {
    global.gc?.();
    const before = process.memoryUsage();
    for (const name of ['bom-nen.xlsx', 'bom-noi-doi.xlsx'])
      expect((await cli(['check', name], { cwd: tmp.dir })).code).toBe(2);
    const after = process.memoryUsage();
    const grown = after.rss - before.rss;
    // The lying bomb is stopped one chunk past the 50 MB part limit; the declared one is never inflated.
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });
});
