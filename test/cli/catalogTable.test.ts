import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import { parList } from '../../src/catalog';
import type { ParListFile } from '../../src/catalog/parCheck';
import { readParTable, readParWorkbook, sheetGrid, type TableCell } from '../../src/cli/parTable';
import { parTableWorkbook } from '../../src/cli/parTableWrite';
import { cli, tempDir } from './helpers';

const file2021 = JSON.parse(
  readFileSync(path.join(__dirname, '../../src/catalog/par/2021.json'), 'utf8'),
) as ParListFile & { $schema: string };
const { $schema: _schema, ...list2021 } = file2021;
void _schema;

/** The exported 2021 table: header on row 4, column numbers on row 5, TỔNG ĐIỂM on row 6. */
const FIRST = 6;
const rowOf = (id: string): number => FIRST + list2021.rows.findIndex((r) => r.id === id);
const COL = { stt: 1, label: 2, max: 3, previous: 4, target: 5, lead: 6, tasks: 7, deadline: 8 };

function table2021(): { workbook: Workbook; sheet: Worksheet } {
  const workbook = parTableWorkbook(structuredClone(list2021));
  return { workbook, sheet: workbook.worksheets[0] };
}

function read(workbook: Workbook) {
  return readParWorkbook(workbook, { year: 2021 });
}

describe('cchc catalog export / import', () => {
  it('the 2021 list exported as a table and imported again gives the same data file', async () => {
    const { dir, remove } = tempDir();
    try {
      const exported = await cli(['catalog', 'export', '--year', '2021', '--out', 'par-2021.xlsx'], { cwd: dir });
      expect(exported.code).toBe(0);
      const imported = await cli(['catalog', 'import', 'par-2021.xlsx', '--year', '2021', '--out', 'par-2021.json'], {
        cwd: dir,
      });
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('97 dòng, 76 tiêu chí chấm điểm');
      expect(JSON.parse(readFileSync(path.join(dir, 'par-2021.json'), 'utf8'))).toEqual(file2021);
      // The exported table merges shared cells, as the city's does: the tasks of 1.1 cover 1.2–1.5.
      const workbook = new Workbook();
      await workbook.xlsx.readFile(path.join(dir, 'par-2021.xlsx'));
      const cell = workbook.worksheets[0].getCell(rowOf('1.3'), COL.tasks);
      expect(cell.isMerged).toBe(true);
      expect(cell.master.row).toBe(rowOf('1.1'));
    } finally {
      remove();
    }
  });

  it('refuses a table with a duplicate key, naming the table row, Vietnamese first', async () => {
    const { dir, remove } = tempDir();
    try {
      const { workbook, sheet } = table2021();
      sheet.getCell(rowOf('1.2'), COL.stt).value = '1.1';
      await workbook.xlsx.writeFile(path.join(dir, 'bad.xlsx'));
      const result = await cli(['catalog', 'import', 'bad.xlsx', '--year', '2022', '--out', 'out.json'], { cwd: dir });
      expect(result.code).toBe(1);
      const line = `Dòng ${rowOf('1.2')} (STT 1.1): STT 1.1 trùng với một dòng phía trên.\n  Row ${rowOf('1.2')} (no. 1.1): Number 1.1 repeats a row above.`;
      expect(result.stderr).toContain(line);
      expect(result.stderr).toContain('Không ghi tệp nào. — No file written.');
      expect(() => readFileSync(path.join(dir, 'out.json'))).toThrow();
    } finally {
      remove();
    }
  });

  it('refuses a parent whose maximum is not the sum of its children, on the parent’s row', () => {
    const { workbook, sheet } = table2021();
    sheet.getCell(rowOf('1.1'), COL.max).value = 2;
    const reading = read(workbook);
    expect(reading.list).toBeNull();
    expect(reading.problems).toEqual([
      expect.objectContaining({
        row: rowOf('1'),
        stt: '1',
        vi: 'Điểm tối đa 8,5 khác tổng điểm tối đa của các dòng con (9).',
      }),
    ]);
  });

  it('refuses a total that is not 100 and a target above the maximum', () => {
    const { workbook, sheet } = table2021();
    sheet.getCell(rowOf('total'), COL.max).value = 99;
    sheet.getCell(rowOf('8.2'), COL.target).value = 1.5;
    const reading = read(workbook);
    const said = reading.problems.map((p) => [p.row, p.en]);
    expect(said).toContainEqual([rowOf('total'), 'The total maximum must be 100, not 99.']);
    expect(said).toContainEqual([rowOf('8.2'), 'The target 1.5 exceeds the maximum 1.']);
  });

  it('lists an unknown lead unit as a new unit to confirm', async () => {
    const { dir, remove } = tempDir();
    try {
      const { workbook, sheet } = table2021();
      sheet.getCell(rowOf('8.2'), COL.lead).value = 'Sở Y tế';
      await workbook.xlsx.writeFile(path.join(dir, 'unit.xlsx'));
      const result = await cli(['catalog', 'import', 'unit.xlsx', '--year', '2022', '--out', 'out.json'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `Dòng ${rowOf('8.2')} (STT 8.2): Đơn vị chủ trì "Sở Y tế" chưa có trong danh mục đơn vị`,
      );
      expect(result.stderr).toContain('Đơn vị mới cần xác nhận (thêm vào danh mục đơn vị trước khi nhập): Sở Y tế');
      expect(result.stderr).toContain('New units to confirm');
      // The unknown unit is said once for its row, not again as a row without a lead.
      expect(result.stderr.match(new RegExp(`Dòng ${rowOf('8.2')} `, 'g'))).toHaveLength(1);
    } finally {
      remove();
    }
  });

  it('reads numbers typed as text with either decimal separator ("1,5" and "1.5")', () => {
    const { workbook, sheet } = table2021();
    sheet.getCell(rowOf('1.1'), COL.max).value = '1,5';
    sheet.getCell(rowOf('1.1'), COL.target).value = '1.5';
    sheet.getCell(rowOf('1'), COL.max).value = ' 8,5 ';
    sheet.getCell(rowOf('8.2'), COL.previous).value = 'một';
    const reading = read(workbook);
    expect(reading.problems).toEqual([
      expect.objectContaining({ row: rowOf('8.2'), en: 'Previous year’s score: "một" cannot be read as a number.' }),
    ]);
    sheet.getCell(rowOf('8.2'), COL.previous).value = '0';
    const fixed = read(workbook);
    expect(fixed.problems).toEqual([]);
    expect(fixed.list?.rows.find((r) => r.id === '1.1')).toMatchObject({ max: 1.5, target: 1.5 });
    expect(fixed.list?.rows.find((r) => r.id === '1')?.max).toBe(8.5);
  });

  it('gives a merged lead cell to every row it covers, and refuses the rows an unmerged cell leaves blank', () => {
    const merged = read(table2021().workbook);
    expect(table2021().sheet.getCell(rowOf('1.4'), COL.lead).isMerged).toBe(true);
    expect(merged.list?.rows.find((r) => r.id === '1.4')).toMatchObject({ lead: 'SNV', leadText: 'Sở Nội vụ' });

    const { workbook, sheet } = table2021();
    sheet.unMergeCells(rowOf('1.1'), COL.lead, rowOf('1.5'), COL.lead);
    const reading = read(workbook);
    expect(reading.problems.map((p) => [p.row, p.vi])).toEqual(
      ['1.2', '1.3', '1.4', '1.5'].map((id) => [rowOf(id), 'Chưa có đơn vị chủ trì tham mưu.']),
    );
  });

  it('skips header rows repeated inside the table, and counts them in the row numbers', () => {
    const grid = sheetGrid(table2021().sheet);
    const at = rowOf('5') - 1;
    const withHeaders: TableCell[][] = [...grid.slice(0, at), grid[3], grid[4], ...grid.slice(at)];
    const clean = readParTable(withHeaders, { year: 2021 });
    expect(clean.problems).toEqual([]);
    expect(clean.list?.rows).toEqual(list2021.rows);
    withHeaders[rowOf('5.1') + 1][COL.target - 1] = { value: 9, mergedDown: false };
    expect(readParTable(withHeaders, { year: 2021 }).problems.map((p) => [p.row, p.stt])).toEqual([
      [rowOf('5.1') + 2, '5.1'],
    ]);
  });

  it('reads a table laid out by an office: two header rows, STT with a dot, the total at the bottom', () => {
    const t = (value: string | number | null): TableCell => ({ value, mergedDown: false });
    const down = (value: string | number | null): TableCell => ({ value, mergedDown: true });
    const grid: TableCell[][] = [
      [t('DANH MỤC CHỈ TIÊU CHỈ SỐ CCHC NĂM 2022')],
      [t('(Kèm theo Công văn số 123/UBND-SNV ngày 1 tháng 3 năm 2022 của UBND Thành phố)')],
      [t('STT'), t('Lĩnh vực/tiêu chí'), t('Điểm'), t(null), t(null), t('Chủ trì tham mưu'), t('Nhiệm vụ')],
      [t(null), t(null), t('Tối đa'), t('Năm 2021'), t('Mục tiêu 2022'), t(null), t(null)],
      [t('1.'), t('Lĩnh vực một'), t(60), t('50,5'), t(55), t(null), t(null)],
      [t('1.1'), t('Tiêu chí'), t(60), t('50.5'), t(55), down('Sở Nội vụ'), t('- Việc một\n- Việc hai')],
      [t('2'), t('Lĩnh vực hai'), t(40), t(30), t(35), down('Sở Nội vụ'), t(null)],
      [t('2.1'), t('Tiêu chí'), t(40), t(30), t(35), down('Sở Nội vụ'), t(null)],
      [t('TỔNG ĐIỂM'), t(null), t(100), t(80.5), t(90), t(null), t(null)],
      [t(null)],
      [t('Ghi chú:')],
      [t('Điểm năm 2021 theo Quyết định công bố.')],
    ];
    const reading = readParTable(grid, { year: 2022 });
    expect(reading.problems).toEqual([]);
    expect(reading.list).toMatchObject({
      year: 2022,
      previousYear: 2021,
      source: { number: '123/UBND-SNV', issued: '2022-03-01', title: 'DANH MỤC CHỈ TIÊU CHỈ SỐ CCHC NĂM 2022' },
      notes: ['Điểm năm 2021 theo Quyết định công bố.'],
    });
    expect(reading.list?.rows.map((r) => [r.id, r.parent, r.max, r.previousScore, r.lead, r.tasks])).toEqual([
      ['total', null, 100, 80.5, null, []],
      ['1', 'total', 60, 50.5, null, []],
      ['1.1', '1', 60, 50.5, 'SNV', ['Việc một', 'Việc hai']],
      ['2', 'total', 40, 30, null, []],
      ['2.1', '2', 40, 30, 'SNV', []],
    ]);
  });

  it('export refuses a year the build does not carry', async () => {
    const result = await cli(['catalog', 'export', '--year', '1999', '--out', 'x.xlsx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Năm "1999" không hợp lệ');
    const none = await cli(['catalog', 'export', '--year', '2035', '--out', 'x.xlsx']);
    expect(none.stderr).toContain(`Bản này không có danh mục năm 2035 (có: ${parList(2021).year}`);
  });
});
