/**
 * The command line with a synthetic 2022 list in the catalog (test/shared/parList2022.ts): `cchc
 * template --year` writes the year asked for, `cchc check` reports a 2022 file against 2022's
 * list, and `cchc consolidate` refuses a 2021 file beside 2022 ones.
 */
import path from 'node:path';
import { Workbook } from 'exceljs';
import { parseMarker } from '../../src/layout';
import { cli, fillWorkbook, tempDir } from './helpers';

jest.mock('../../src/catalog/parLists', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory may not use imports
  (require('../shared/parList2022') as typeof import('../shared/parList2022')).parListsWith2022(),
);

const tmp = tempDir();
const f = (name: string) => path.join(tmp.dir, name);
afterAll(() => tmp.remove());

it('writes, checks and consolidates one year, and refuses another', async () => {
  expect((await cli(['template', f('2022.xlsx'), '--only', 'PAR'])).code).toBe(0);
  expect((await cli(['template', f('2021.xlsx'), '--only', 'PAR', '--year', '2021'])).code).toBe(0);
  const years = async (file: string) => {
    const wb = new Workbook();
    await wb.xlsx.readFile(f(file));
    return wb.worksheets.map((ws) => [ws.name, parseMarker(ws.getCell('A1').value)?.year]);
  };
  expect(await years('2022.xlsx')).toEqual([['Chỉ số CCHC 2022', 2022]]);
  expect(await years('2021.xlsx')).toEqual([['Chỉ số CCHC 2021', 2021]]);

  await fillWorkbook(f('2022.xlsx'), f('snv.xlsx'), [
    { template: 'PAR', key: 'meta.reporter', column: 'reporter', value: 'Sở Nội vụ' },
    { template: 'PAR', key: '1.7', column: 'score', value: 0.5 },
    { template: 'PAR', key: '1.7', column: 'evidence', value: 'KH 1' },
  ]);
  await fillWorkbook(f('2021.xlsx'), f('old.xlsx'), [
    { template: 'PAR', key: 'meta.reporter', column: 'reporter', value: 'Sở Tư pháp' },
    { template: 'PAR', key: '1.6', column: 'score', value: 1 },
  ]);

  const check = await cli(['check', 'snv.xlsx', '--json'], { cwd: tmp.dir });
  const report = JSON.parse(check.stdout) as { files: { par: { year: number; sheet: string } | null }[] };
  expect(report.files[0].par).toMatchObject({ year: 2022, sheet: 'Chỉ số CCHC 2022' });
  const text = await cli(['check', 'snv.xlsx'], { cwd: tmp.dir });
  expect(text.stdout).toMatch(/Tổng điểm 2022: chưa đủ/);

  const run = await cli(['consolidate', 'snv.xlsx', 'old.xlsx', '--out', 'total.xlsx', '--json'], { cwd: tmp.dir });
  const json = JSON.parse(run.stdout) as {
    files: { file: string; status: string; message?: string }[];
    par: { merged: { rowKey: string; score: number }[] };
  };
  expect(json.files.map((s) => [path.basename(s.file), s.status])).toEqual([
    ['snv.xlsx', 'no-appendix1'], // a PAR-only return: its scores are merged, it has no Appendix 1
    ['old.xlsx', 'refused'],
  ]);
  expect(json.files[1].message).toMatch(/năm 2021, khác năm 2022/);
  expect(json.par.merged).toEqual([expect.objectContaining({ rowKey: '1.7', score: 0.5 })]);

  const bad = await cli(['template', f('x.xlsx'), '--year', '1999']);
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/--year: không có danh mục Chỉ số CCHC năm "1999". Các năm có: 2022, 2021/);
}, 60_000);
