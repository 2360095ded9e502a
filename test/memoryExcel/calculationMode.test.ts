/**
 * Application.calculationMode: in Manual mode formulas keep their last calculated values until
 * range.calculate().
 */
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import { codeOf } from './helpers';

async function withSum(): Promise<MemoryWorkbook> {
  const wb = createMemoryWorkbook();
  await wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem('Sheet1');
    s.getRange('A1:A2').values = [[1], [2]];
    s.getRange('B1').formulas = [['=A1+A2']];
    s.getRange('C1').formulas = [['=A1*10']];
    await ctx.sync();
  });
  return wb;
}

async function values(wb: MemoryWorkbook, address: string): Promise<unknown[][]> {
  return wb.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('Sheet1').getRange(address).load('values');
    await ctx.sync();
    return r.values;
  });
}

describe('calculation mode', () => {
  test('reads Automatic; set to Manual through the API, formulas go stale until range.calculate', async () => {
    const wb = await withSum();
    await wb.run(async (ctx) => {
      const app = ctx.workbook.application.load('calculationMode');
      await ctx.sync();
      expect(app.calculationMode).toBe('Automatic');
      app.calculationMode = 'Manual';
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[5]];
      const b1 = ctx.workbook.worksheets.getItem('Sheet1').getRange('B1:C1').load('values');
      await ctx.sync();
      expect(b1.values).toEqual([[3, 10]]);
    });
    expect(wb.getCell('Sheet1', 'B1').value).toBe(3); // the playground shows what Excel shows
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B1:C1').calculate();
      await ctx.sync();
    });
    expect(await values(wb, 'B1:C1')).toEqual([[7, 50]]);
    expect(wb.getCell('Sheet1', 'B1').value).toBe(7);
  });

  test('a formula written in Manual mode reads 0 until calculated', async () => {
    const wb = await withSum();
    wb.setCalculationModeFromUser('Manual');
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('D1').formulas = [['=A1+100']];
      const d = s.getRange('D1').load('values, formulas');
      await ctx.sync();
      expect(d.values).toEqual([[0]]);
      expect(d.formulas).toEqual([['=A1+100']]);
      s.getRange('D1').calculate();
      d.load('values');
      await ctx.sync();
      expect(d.values).toEqual([[101]]);
    });
  });

  test('range.calculate calculates that range only', async () => {
    const wb = await withSum();
    wb.setCalculationModeFromUser('Manual');
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A2').values = [[20]];
      s.getRange('B1').calculate();
      const r = s.getRange('B1:C1').load('values');
      await ctx.sync();
      expect(r.values).toEqual([[21, 10]]);
    });
  });

  test('switching back to Automatic recalculates', async () => {
    const wb = await withSum();
    wb.setCalculationModeFromUser('Manual');
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[4]];
      await ctx.sync();
    });
    expect(await values(wb, 'B1')).toEqual([[3]]);
    wb.setCalculationModeFromUser('Automatic');
    expect(await values(wb, 'B1')).toEqual([[6]]);
  });

  test('conditional formats evaluate against the stale values in Manual mode', async () => {
    const wb = await withSum();
    await wb.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=B1>5';
      cf.custom.format.fill.color = '#FF0000';
      await ctx.sync();
    });
    wb.setCalculationModeFromUser('Manual');
    await wb.setCellFromUser('Sheet1', 'A1', '10');
    expect(wb.evaluateConditionalFormats('Sheet1').has('B1')).toBe(false);
  });

  test('setting the mode needs ExcelApi 1.8; reading needs 1.1; bad values are refused', async () => {
    const old = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.7' } });
    await old.run(async (ctx) => {
      const app = ctx.workbook.application.load('calculationMode');
      await ctx.sync();
      expect(app.calculationMode).toBe('Automatic');
    });
    expect(
      await codeOf(
        old.run(async (ctx) => {
          ctx.workbook.application.calculationMode = 'Manual';
          await ctx.sync();
        }),
      ),
    ).toBe('ApiNotFound');
    const wb = createMemoryWorkbook();
    expect(
      await codeOf(
        wb.run(async (ctx) => {
          ctx.workbook.application.calculationMode = 'Sometimes' as never;
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidArgument');
    expect(() => wb.setCalculationModeFromUser('Sometimes' as never)).toThrow('no calculation mode');
  });
});
