import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { TemplateId } from '../../src/catalog/types';
import { buildSheetPlan } from '../../src/layout';
import { CONSOLIDATED_PREFIX, SOURCES_SHEET } from '../../src/cli/commands/consolidate';
import { cellFor, cli, fillWorkbook, tempDir, type Fill } from './helpers';

const tmp = tempDir();
const f = (name: string) => path.join(tmp.dir, name);
let total: Workbook;
let run: { code: number; stdout: string; stderr: string };

const fill = (template: TemplateId, key: string, column: string, value: Fill['value']): Fill => ({
  template,
  key,
  column,
  value,
});

beforeAll(async () => {
  expect((await cli(['template', f('blank.xlsx'), '--only', 'I,III,VIII,PAR'])).code).toBe(0);
  await fillWorkbook(f('blank.xlsx'), f('a.xlsx'), [
    fill('I', 'meta.reporter', 'reporter', 'UBND quận Ba Đình'),
    fill('I', 'I.2', '2019', 10),
    fill('I', 'I.2', '2018', 4),
    fill('I', 'I.3.a', '2019', 1),
    fill('I', 'I.6.b', '2019', 100),
    fill('I', 'I.6.c', '2019', 0.8),
    fill('I', 'I.3.e', '2019', 'Pano, áp phích'),
    fill('III', 'III.5.a', '2019', 0.9),
    fill('VIII', 'VIII.1', 'assessment', 'Đạt'),
  ]);
  await fillWorkbook(f('blank.xlsx'), f('b.xlsx'), [
    fill('III', 'meta.reporter', 'reporter', 'Sở Y tế'),
    fill('I', 'I.2', '2019', 5),
    fill('I', 'I.2', '2018', '1.234'), // text with a Vietnamese thousands dot: read as 1234
    fill('I', 'I.3.a', '2019', 0),
    fill('I', 'I.6.b', '2019', 300),
    fill('I', 'I.6.c', '2019', 0.6),
    fill('I', 'I.3.e', '2019', 'Tin nhắn'),
    fill('III', 'III.5.a', '2019', 0.7),
    fill('VIII', 'VIII.1', 'assessment', 'Không đạt'),
  ]);
  // No reporter: the file name stands for the unit. One invalid count, a rate without its weight.
  await fillWorkbook(f('blank.xlsx'), f('c.xlsx'), [
    fill('I', 'I.2', '2019', -3),
    fill('I', 'I.3.a', '2019', 1),
    fill('I', 'I.6.c', '2019', 0.5),
    fill('III', 'III.5.a', '2019', 0.85),
    fill('VIII', 'VIII.1', 'assessment', ' đạt '),
  ]);
  writeFileSync(f('broken.xlsx'), Buffer.from('PK\x03\x04 not really a zip'));
  run = await cli(['consolidate', 'a.xlsx', 'b.xlsx', 'c.xlsx', '--out', 'total.xlsx'], { cwd: tmp.dir });
  total = new Workbook();
  await total.xlsx.readFile(f('total.xlsx'));
}, 120_000);
afterAll(() => tmp.remove());

function sheet(template: TemplateId): Worksheet {
  const ws = total.getWorksheet(buildSheetPlan(template).name);
  if (!ws) throw new Error(`no sheet for ${template}`);
  return ws;
}

function value(template: TemplateId, key: string, column: string): unknown {
  const ws = sheet(template);
  return ws.getCell(cellFor(ws, template, key, column)).value;
}

function sourceRows(): string[][] {
  const ws = total.getWorksheet(SOURCES_SHEET);
  if (!ws) throw new Error('no sources sheet');
  const rows: string[][] = [];
  ws.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

describe('cchc consolidate', () => {
  it('exits 1 because a value was left out, and says where the details are', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('total.xlsx');
    expect(run.stdout).toContain(SOURCES_SHEET);
  });

  it('writes the form of each Appendix 1 template present, marked as a consolidation (not a return)', () => {
    expect(total.worksheets.map((ws) => ws.name)).toEqual([
      buildSheetPlan('I').name,
      buildSheetPlan('III').name,
      buildSheetPlan('VIII').name,
      SOURCES_SHEET,
    ]);
    expect(sheet('I').getCell('A1').value).toBe(`${CONSOLIDATED_PREFIX}I@1.0.0`);
  });

  it('sums counts over units, leaving the invalid value out and reading "1.234" as 1234', () => {
    expect(value('I', 'I.2', '2019')).toBe(15);
    expect(value('I', 'I.2', '2018')).toBe(1238);
    expect(value('I', 'I.2', '2017')).toBeNull();
  });

  it('gives the number of units answering 1 for a flag', () => {
    expect(value('I', 'I.3.a', '2019')).toBe(2);
    const ws = sheet('I');
    expect(String(ws.getCell(cellFor(ws, 'I', 'I.3.a', '2019')).note)).toContain('2/3');
  });

  it('averages rates instead of summing them: plain mean, or weighted by the catalog’s weight row', () => {
    expect(value('III', 'III.5.a', '2019')).toBeCloseTo((0.9 + 0.7 + 0.85) / 3, 9);
    expect(value('I', 'I.6.c', '2019')).toBeCloseTo((0.8 * 100 + 0.6 * 300) / 400, 9);
  });

  it('counts Đạt and Không đạt, reading " đạt " as Đạt', () => {
    expect(value('VIII', 'VIII.1', 'assessment')).toBe('Đạt: 2; Không đạt: 1');
  });

  it('labels how each row was consolidated, and notes which unit gave what', () => {
    const ws = sheet('I');
    const labelOf = (key: string) => {
      const row = Number(cellFor(ws, 'I', key, '2019').replace(/^[A-Z]+/, ''));
      const values = (ws.getRow(row).values as unknown[]).filter((v) => typeof v === 'string') as string[];
      return values[values.length - 1];
    };
    expect(labelOf('I.2')).toMatch(/^Tổng cộng/);
    expect(labelOf('I.3.a')).toMatch(/Số đơn vị trả lời Có/);
    expect(labelOf('I.6.c')).toMatch(/Bình quân gia quyền theo I\.6\.b/);
    expect(labelOf('I.6.c')).toMatch(/không phải tổng/);
    const note = String(ws.getCell(cellFor(ws, 'I', 'I.2', '2019')).note);
    expect(note).toContain('UBND quận Ba Đình: 10');
    expect(note).toContain('Sở Y tế: 5');
    expect(note).not.toContain('c.xlsx');
    expect(value('I', 'I.3.e', '2019')).toBe('UBND quận Ba Đình: Pano, áp phích\nSở Y tế: Tin nhắn');
  });

  it('lists on "Nguồn số liệu" who supplied what, and each cell left out with its reason', async () => {
    const rows = sourceRows();
    const fileRow = (name: string) => rows.find((r) => r[1] === name);
    expect(fileRow('a.xlsx')?.[2]).toBe('UBND quận Ba Đình');
    expect(fileRow('b.xlsx')?.[2]).toBe('Sở Y tế');
    expect(fileRow('c.xlsx')?.[2]).toBe('c.xlsx');
    expect(fileRow('c.xlsx')?.[7]).toMatch(/dùng tên tệp/);

    const cWorkbook = new Workbook();
    await cWorkbook.xlsx.readFile(f('c.xlsx'));
    const cSheet = cWorkbook.getWorksheet(buildSheetPlan('I').name) as Worksheet;
    const invalid = rows.find((r) => r[1] === 'c.xlsx' && r[5] === 'I.2');
    expect(invalid).toBeDefined();
    expect(invalid?.[4]).toBe(cellFor(cSheet, 'I', 'I.2', '2019'));
    expect(invalid?.[7]).toBe('-3');
    expect(invalid?.[8]).toMatch(/Số âm/);
    const unweighted = rows.find((r) => r[1] === 'c.xlsx' && r[5] === 'I.6.c');
    expect(unweighted?.[8]).toMatch(/trọng số I\.6\.b/);
    const normalised = rows.find((r) => r[1] === 'b.xlsx' && r[5] === 'I.2');
    expect(normalised?.slice(7, 9)).toEqual(['1.234', '1234']);
  });

  it('--json reports the same figures', async () => {
    const result = await cli(['consolidate', 'a.xlsx', 'b.xlsx', 'c.xlsx', '--out', 'total2.xlsx', '--json'], {
      cwd: tmp.dir,
    });
    const json = JSON.parse(result.stdout) as {
      values: Record<string, { id: string; column: string; value: unknown; units: number; method: string }[]>;
      leftOut: { file: string; rowKey: string }[];
    };
    const find = (t: string, id: string, column: string) =>
      json.values[t].find((v) => v.id === id && v.column === column);
    expect(find('I', 'I.2', '2019')).toMatchObject({ value: 15, units: 2, method: 'sum' });
    expect(find('I', 'I.6.c', '2019')).toMatchObject({ method: 'weighted', units: 2 });
    expect(find('III', 'III.5.a', '2019')).toMatchObject({ method: 'mean', units: 3 });
    expect(json.leftOut.map((l) => `${l.file}:${l.rowKey}`).sort()).toEqual(['c.xlsx:I.2', 'c.xlsx:I.6.c']);
  });

  it('still writes the total when a file cannot be read, lists it, and exits 2', async () => {
    const result = await cli(['consolidate', 'a.xlsx', 'broken.xlsx', '--out', 'total3.xlsx'], { cwd: tmp.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('broken.xlsx');
    const wb = new Workbook();
    await wb.xlsx.readFile(f('total3.xlsx'));
    const rows: string[] = [];
    wb.getWorksheet(SOURCES_SHEET)?.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
    expect(rows.some((r) => r.includes('broken.xlsx') && r.includes('Không đọc được'))).toBe(true);
  });

  it('refuses to run without --out, or with --out naming an input', async () => {
    expect((await cli(['consolidate', 'a.xlsx'], { cwd: tmp.dir })).code).toBe(2);
    const same = await cli(['consolidate', 'a.xlsx', '--out', 'a.xlsx'], { cwd: tmp.dir });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('a.xlsx');
  });

  it('--decimal . writes the reasons and the notes’ numbers as an Excel set to "1.5"; without it, 1,5', async () => {
    await fillWorkbook(f('blank.xlsx'), f('d.xlsx'), [
      fill('I', 'meta.reporter', 'reporter', 'Sở Tư pháp'),
      fill('I', 'I.6.b', '2019', 10),
      fill('I', 'I.6.c', '2019', 0.855),
      fill('PAR', '2.3', 'score', 9), // above the maximum 1.5: left out
    ]);
    const read = async (decimal: string[]) => {
      const out = `d-${decimal.length ? 'point' : 'default'}.xlsx`;
      const result = await cli(['consolidate', 'd.xlsx', '--out', out, ...decimal], { cwd: tmp.dir });
      expect(result.code).toBe(1);
      const wb = new Workbook();
      await wb.xlsx.readFile(f(out));
      const ws = wb.getWorksheet(buildSheetPlan('I').name) as Worksheet;
      const rows: string[] = [];
      wb.getWorksheet(SOURCES_SHEET)?.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
      return {
        note: String(ws.getCell(cellFor(ws, 'I', 'I.6.c', '2019')).note),
        reason: rows.find((r) => r.includes('|2.3|')) ?? '',
      };
    };
    const point = await read(['--decimal', '.']);
    expect(point.note).toContain('Sở Tư pháp: 85.5%');
    expect(point.reason).toContain('vượt điểm tối đa 1.5');
    const comma = await read([]);
    expect(comma.note).toContain('Sở Tư pháp: 85,5%');
    expect(comma.reason).toContain('vượt điểm tối đa 1,5');
  });

  it('is not itself accepted by check as a unit’s return', async () => {
    const result = await cli(['check', 'total.xlsx'], { cwd: tmp.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bảng tổng hợp/);
  });
});
