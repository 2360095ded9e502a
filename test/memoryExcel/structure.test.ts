import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';

async function setup(): Promise<MemoryWorkbook> {
  const wb = createMemoryWorkbook({ sheets: ['PAR', 'Other'] });
  await wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem('PAR');
    // Keys are text: the format must be set before the values, or '1.2' is read as a number.
    s.getRange('A7:A10').numberFormat = [['@'], ['@'], ['@'], ['@']];
    s.getRange('A7:G10').formulas = [
      ['1.1', 'a', null, 2, null, null, 1],
      ['1.2', 'b', null, 3, null, null, 2],
      ['1', 'parent', null, 5, null, null, '=IF(COUNT(G7,G8)=2,SUM(G7:G8),"")'],
      ['total', '', null, null, null, null, '=G9'],
    ];
    s.getRange('G7:G8').dataValidation.rule = { decimal: { formula1: 0, formula2: '=$D7', operator: 'Between' } };
    const cf = s.getRange('G7:G10').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = '=G7>2';
    cf.custom.format.fill.color = '#FF0000';
    ctx.workbook.names.add('TOTAL', s.getRange('G10'));
    ctx.workbook.worksheets.getItem('Other').getRange('A1').formulas = [['=PAR!G10*2']];
    await ctx.sync();
  });
  return wb;
}

describe('inserting rows', () => {
  test('values move with their rows; formulas, names, validation and formats follow', async () => {
    const wb = await setup();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('PAR').getRange('8:8').insert('Down');
      await ctx.sync();
    });
    expect(wb.getCell('PAR', 'A9')).toMatchObject({ value: '1.2', numberFormat: '@' });
    expect(wb.getCell('PAR', 'G10').formula).toBe('=IF(COUNT(G7,G9)=2,SUM(G7:G9),"")');
    expect(wb.getCell('PAR', 'G10').value).toBe(3);
    expect(wb.getCell('Other', 'A1')).toMatchObject({ formula: '=PAR!G11*2', value: 6 });
    // The new row inherits the formats of the row above (and its validation).
    expect(wb.getCell('PAR', 'A8')).toMatchObject({ value: '', numberFormat: '@' });
    expect(wb.getCell('PAR', 'G8')).toMatchObject({ value: '', hasValidation: true });
    expect(wb.validateTypedValue('PAR', 'G9', '3').valid).toBe(true); // row 9 (was 8) still reads its own D
    expect(wb.validateTypedValue('PAR', 'G9', '4').valid).toBe(false);
    await wb.run(async (ctx) => {
      const n = ctx.workbook.names.getItem('TOTAL').load('formula');
      const cfs = ctx.workbook.worksheets.getItem('PAR').getRange('G7').conditionalFormats.load('items');
      await ctx.sync();
      expect(n.formula).toBe('=PAR!$G$11');
      const range = cfs.items[0].getRangeOrNullObject().load('address');
      await ctx.sync();
      expect(range.address).toBe('PAR!G7:G11');
    });
    expect([...wb.evaluateConditionalFormats('PAR').keys()].sort()).toEqual(['G10', 'G11']);
  });

  test('insert Down on part of the rows shifts only those columns', async () => {
    const wb = await setup();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('PAR').getRange('A7:B8').insert('Down');
      await ctx.sync();
    });
    expect(wb.getCell('PAR', 'A9').value).toBe('1.1');
    expect(wb.getCell('PAR', 'B10').value).toBe('b');
    expect(wb.getCell('PAR', 'G7').value).toBe(1);
    expect(wb.getCell('PAR', 'A7').value).toBe('');
  });

  test('a shift must match the axis', async () => {
    const wb = await setup();
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('PAR').getRange('8:8').insert('Right');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
