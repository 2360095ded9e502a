/**
 * An official's ordinary paste of copied cells: contents (references shifted), number formats,
 * cell formats, data validation and conditional formats of the target are replaced; validation is
 * not applied; one onChanged for the area.
 */
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';

type Args = Record<string, unknown>;

/** Source A1:B2 (values, a formula, a format, validation, a rule); target D1:E2 with its own. */
async function setUp(): Promise<MemoryWorkbook> {
  const wb = createMemoryWorkbook({ sheets: ['S'] });
  await wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem('S');
    s.getRange('A1:B2').formulas = [
      [10, '=A1*2'],
      ['text', '=$A$1+A2'],
    ];
    s.getRange('A1').numberFormat = [['0.00']];
    s.getRange('A1').format.fill.color = '#FFFF00';
    s.getRange('A1:A2').dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 5, operator: 'Between' } };
    const cf = s.getRange('A1:B2').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=A1>5';
    cf.custom.format.font.color = '#0000FF';
    // The target's own: values, a list validation, a rule over more than the target.
    s.getRange('D1:E2').values = [
      [1, 2],
      [3, 4],
    ];
    s.getRange('D1:E2').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
    const own = s.getRange('D1:D5').conditionalFormats.add('Custom');
    own.custom.rule.formula = '=D1=3';
    own.custom.format.fill.color = '#00FF00';
    await ctx.sync();
  });
  return wb;
}

describe('pasting copied cells', () => {
  test('contents are replaced, relative references shifted, absolute ones kept', async () => {
    const wb = await setUp();
    await wb.pasteCopiedCellsFromUser('S', 'A1:B2', 'S', 'D1');
    expect(wb.getCell('S', 'D1')).toMatchObject({ value: 10, numberFormat: '0.00', fill: '#FFFF00' });
    expect(wb.getCell('S', 'E1')).toMatchObject({ formula: '=D1*2', value: 20 });
    expect(wb.getCell('S', 'D2').value).toBe('text');
    expect(wb.getCell('S', 'E2').formula).toBe('=$A$1+D2');
    expect(wb.getCell('S', 'E2').numberFormat).toBe('General');
  });

  test("the target's validation is replaced by the source's, or removed where the source has none", async () => {
    const wb = await setUp();
    await wb.pasteCopiedCellsFromUser('S', 'A1:B2', 'S', 'D1');
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const d = s.getRange('D1:D2').dataValidation.load('type, rule');
      const e = s.getRange('E1:E2').dataValidation.load('type');
      await ctx.sync();
      expect(d.type).toBe('WholeNumber');
      expect(d.rule.wholeNumber).toMatchObject({ formula1: '=0', formula2: '=5', operator: 'Between' });
      expect(e.type).toBe('None');
    });
    // The source's validation still holds at the source, independently.
    expect(wb.validateTypedValue('S', 'A1', '9').valid).toBe(false);
    expect(wb.validateTypedValue('S', 'D1', '9').valid).toBe(false);
    expect(wb.validateTypedValue('S', 'D1', '3').valid).toBe(true);
  });

  test('data validation does not run on paste: an invalid value is pasted', async () => {
    const wb = await setUp();
    // A1 holds 10, which A1's own whole-number 0…5 rule refuses; pasting it into D1 is not checked.
    await wb.pasteCopiedCellsFromUser('S', 'A1', 'S', 'D1');
    expect(wb.getCell('S', 'D1').value).toBe(10);
  });

  test('conditional formats: the source rule is copied for the target, target rules lose the area', async () => {
    const wb = await setUp();
    expect(wb.evaluateConditionalFormats('S').get('D2')).toEqual({ fill: '#00FF00' }); // before: D2 holds 3
    await wb.pasteCopiedCellsFromUser('S', 'A1:B2', 'S', 'D1');
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const cfs = s.getRange('D1:E5').conditionalFormats;
      cfs.load('items/type,items/custom/rule/formula');
      await ctx.sync();
      const ranges = cfs.items.map((i) => i.getRangeOrNullObject().load('address'));
      await ctx.sync();
      expect(cfs.items.map((i, k) => [ranges[k].address, i.custom.rule.formula])).toEqual([
        ['S!D1:E2', '=D1>5'],
        ['S!D3:D5', '=D3=3'],
      ]);
    });
    const drawn = wb.evaluateConditionalFormats('S');
    expect(drawn.get('D1')).toEqual({ fontColor: '#0000FF' });
    expect(drawn.get('E1')).toEqual({ fontColor: '#0000FF' });
    expect(drawn.get('D2')?.fill).toBeUndefined(); // the target's own rule lost the area
  });

  test('pasting onto another sheet copies too; a blank source cell clears the target cell', async () => {
    const wb = await setUp();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add('T');
      ctx.workbook.worksheets.getItem('T').getRange('B2:C2').values = [['x', 'y']];
      await ctx.sync();
    });
    await wb.pasteCopiedCellsFromUser('S', 'B1:C1', 'T', 'B2:C2');
    expect(wb.getCell('T', 'B2')).toMatchObject({ formula: '=A2*2', value: 0 });
    expect(wb.getCell('T', 'C2').value).toBe('');
  });

  test('one onChanged for the pasted area', async () => {
    const wb = await setUp();
    const seen: Args[] = [];
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').onChanged.add(async (e: unknown) => {
        seen.push(e as Args);
      });
      await ctx.sync();
    });
    await wb.pasteCopiedCellsFromUser('S', 'A1:B2', 'S', 'D1');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ address: 'D1:E2', changeType: 'RangeEdited' });
  });

  test('a target of another size is refused by the helper', async () => {
    const wb = await setUp();
    await expect(wb.pasteCopiedCellsFromUser('S', 'A1:B2', 'S', 'D1:D2')).rejects.toThrow('size of the copied cells');
  });
});
