/**
 * The imitation's person has one decimal separator (session option `decimalSeparator`): the
 * Application says it (ExcelApi 1.11: decimalSeparator, useSystemSeparators,
 * cultureInfo.numberFormat), cells show numbers with it, and typed or pasted text is read with it.
 * The adapter reads it the same way it reads a real Excel's (src/excel/numberSettings.ts).
 */
import { excelDecimalSeparator, numberSettingsOfExcel } from '../../src/excel/numberSettings';
import { createMemoryWorkbook } from '../../src/memoryExcel';

describe('an Excel whose decimal separator is ","', () => {
  it('says so through Application (ExcelApi 1.11), as a real Excel does', async () => {
    const comma = createMemoryWorkbook({ sheets: ['S'], decimalSeparator: ',' });
    expect(await excelDecimalSeparator(comma.run)).toBe(',');
    await comma.run(async (context) => {
      const culture = context.application.cultureInfo;
      culture.load('name');
      await context.sync();
      expect(culture.name).toBe('vi-VN');
    });
    expect(await excelDecimalSeparator(createMemoryWorkbook({ sheets: ['S'] }).run)).toBe('.');
  });

  it('cannot say below ExcelApi 1.11: the read is not even tried', async () => {
    const old = createMemoryWorkbook({ sheets: ['S'], decimalSeparator: ',', requirementSets: { ExcelApi: '1.10' } });
    const requirements = { isSetSupported: (name: string, version: string) => old.isSetSupported(name, version) };
    expect(await numberSettingsOfExcel(old.run, requirements)).toBeNull();
    await expect(excelDecimalSeparator(old.run)).rejects.toThrow();
  });

  it('reads typed and pasted "0,5" and "1.234,5" as numbers, "0.5" as text, and shows numbers with a comma', async () => {
    const wb = createMemoryWorkbook({ sheets: ['S'], decimalSeparator: ',' });
    await wb.setCellFromUser('S', 'A1', '0,5');
    await wb.setCellFromUser('S', 'A2', '1.234,5');
    await wb.setCellFromUser('S', 'A3', '0.5');
    await wb.pasteFromUser('S', 'A4', [['2,25'], ['2.25']]);
    const cell = (a: string) => wb.getCell('S', a);
    expect(['A1', 'A2', 'A3', 'A4', 'A5'].map((a) => cell(a).value)).toEqual([0.5, 1234.5, '0.5', 2.25, '2.25']);
    expect(cell('A1').text).toBe('0,5');
    expect(cell('A2').text).toBe('1234,5');
  });

  it('a "." Excel keeps reading "0,5" as text (the default)', async () => {
    const wb = createMemoryWorkbook({ sheets: ['S'] });
    await wb.setCellFromUser('S', 'A1', '0,5');
    await wb.setCellFromUser('S', 'A2', '0.5');
    expect([wb.getCell('S', 'A1').value, wb.getCell('S', 'A2').value, wb.getCell('S', 'A2').text]).toEqual([
      '0,5',
      0.5,
      '0.5',
    ]);
  });
});
