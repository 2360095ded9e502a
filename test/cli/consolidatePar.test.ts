/** `cchc consolidate` with PAR returns from lead units: the merged PAR sheet and the conflicts. */
import path from 'node:path';
import { Workbook } from 'exceljs';
import { buildSheetPlan } from '../../src/layout';
import { cellFor, cli, fillWorkbook, tempDir } from './helpers';

const tmp = tempDir();
const f = (name: string) => path.join(tmp.dir, name);
afterAll(() => tmp.remove());

it('takes each criterion from its lead unit, lists the conflicts and exits 1 for them', async () => {
  expect((await cli(['template', f('blank.xlsx'), '--only', 'I,PAR'])).code).toBe(0);
  // 1.1 is led by Sở Nội vụ, 2.1 by Sở Tư pháp; Sở Tư pháp also scores 1.1 (not its criterion).
  await fillWorkbook(f('blank.xlsx'), f('snv.xlsx'), [
    { template: 'PAR', key: 'meta.reporter', column: 'reporter', value: 'Sở Nội vụ' },
    { template: 'PAR', key: '1.1', column: 'score', value: 1.25 },
    { template: 'PAR', key: '1.1', column: 'evidence', value: 'QĐ 12' },
  ]);
  await fillWorkbook(f('blank.xlsx'), f('stp.xlsx'), [
    { template: 'PAR', key: 'meta.reporter', column: 'reporter', value: 'Sở Tư pháp' },
    { template: 'PAR', key: '2.1', column: 'score', value: 1.75 },
    { template: 'PAR', key: '1.1', column: 'score', value: 0.5 },
  ]);
  const run = await cli(['consolidate', 'snv.xlsx', 'stp.xlsx', '--out', 'total.xlsx', '--json'], { cwd: tmp.dir });
  expect(run.code).toBe(1);
  const json = JSON.parse(run.stdout) as {
    par: { merged: { rowKey: string; score: number; file: string }[]; conflicts: { rowKey: string; reason: string }[] };
  };
  expect(json.par.merged.map((m) => [m.rowKey, m.score, m.file])).toEqual([['2.1', 1.75, 'stp.xlsx']]);
  expect(json.par.conflicts.map((c) => [c.rowKey, c.reason])).toEqual([['1.1', 'several-files']]);
  expect(run.stderr).toMatch(/PAR Tiêu chí 1\.1 được chấm trong 2 tệp/);

  const total = new Workbook();
  await total.xlsx.readFile(f('total.xlsx'));
  const ws = total.getWorksheet(buildSheetPlan('PAR').name)!;
  expect(ws.getCell(cellFor(ws, 'PAR', '2.1', 'score')).value).toBe(1.75);
  // The conflict is not silently chosen: the cell stays empty for the official.
  expect(ws.getCell(cellFor(ws, 'PAR', '1.1', 'score')).value).toBeNull();
}, 60_000);

it('--choose takes the named file’s score for a conflict, writes it and records the choice on the sources sheet', async () => {
  // snv.xlsx and stp.xlsx from the test above: 1.1 is scored in both.
  const run = await cli(
    ['consolidate', 'snv.xlsx', 'stp.xlsx', '--out', 'chosen.xlsx', '--json', '--choose', '1.1=snv.xlsx'],
    { cwd: tmp.dir },
  );
  expect(run.stderr).not.toMatch(/PAR Tiêu chí/);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as {
    par: { merged: { rowKey: string; score: number; file: string }[]; conflicts: unknown[] };
  };
  expect(json.par.merged.map((m) => [m.rowKey, m.score, m.file])).toEqual([
    ['1.1', 1.25, 'snv.xlsx'],
    ['2.1', 1.75, 'stp.xlsx'],
  ]);
  expect(json.par.conflicts).toEqual([]);
  const total = new Workbook();
  await total.xlsx.readFile(f('chosen.xlsx'));
  const ws = total.getWorksheet(buildSheetPlan('PAR').name)!;
  expect(ws.getCell(cellFor(ws, 'PAR', '1.1', 'score')).value).toBe(1.25);
  const sources: string[] = [];
  total.getWorksheet('Nguồn số liệu')!.eachRow((row) => sources.push(JSON.stringify(row.values)));
  expect(sources.join('\n')).toMatch(
    /"1\.1","Đã chọn",1\.25,"Sở Nội vụ","snv\.xlsx","Xung đột, điểm được chọn bằng lệnh cchc consolidate --choose/,
  );

  // A file that is not among the inputs is a usage error, nothing written.
  const wrong = await cli(['consolidate', 'snv.xlsx', 'stp.xlsx', '--out', 'x.xlsx', '--choose', '1.1=khac.xlsx'], {
    cwd: tmp.dir,
  });
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(/khac\.xlsx/);
}, 60_000);
