/**
 * ConditionalFormat.id is the rule's priority in its collection (typings), not a stable id:
 * adding or deleting a rule renumbers the others, and getItem(id) resolves when its command runs.
 */
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import { codeOf } from './helpers';

/** Three custom rules on A1:A5, added so that the top priority is '=A1=1'. */
async function withThreeRules(): Promise<MemoryWorkbook> {
  const wb = createMemoryWorkbook();
  await wb.run(async (ctx) => {
    const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').conditionalFormats;
    for (const f of ['=A1=3', '=A1=2', '=A1=1']) cfs.add('Custom').custom.rule.formula = f;
    await ctx.sync();
  });
  return wb;
}

async function formulas(wb: MemoryWorkbook): Promise<{ id: string; formula: string }[]> {
  return wb.run(async (ctx) => {
    const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').conditionalFormats;
    cfs.load('items/id,items/custom/rule/formula');
    await ctx.sync();
    return cfs.items.map((i) => ({ id: i.id, formula: i.custom.rule.formula }));
  });
}

describe('conditional format ids are priorities', () => {
  test('ids read "0", "1", "2" in priority order; an added rule goes on top', async () => {
    const wb = await withThreeRules();
    expect(await formulas(wb)).toEqual([
      { id: '0', formula: '=A1=1' },
      { id: '1', formula: '=A1=2' },
      { id: '2', formula: '=A1=3' },
    ]);
  });

  test('deleting a rule renumbers the ones after it', async () => {
    const wb = await withThreeRules();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').conditionalFormats.getItem('0').delete();
      await ctx.sync();
    });
    expect(await formulas(wb)).toEqual([
      { id: '0', formula: '=A1=2' },
      { id: '1', formula: '=A1=3' },
    ]);
  });

  test('deleting by ids read earlier, in one batch, hits the wrong rule or fails ItemNotFound', async () => {
    const wb = await withThreeRules();
    // Meant: delete '=A1=2' (id 1) and '=A1=3' (id 2). After the first delete, id 1 is '=A1=3'
    // and there is no id 2 any more.
    const code = await codeOf(
      wb.run(async (ctx) => {
        const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').conditionalFormats;
        cfs.getItem('1').delete();
        cfs.getItem('2').delete();
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
    // No rollback: the first delete removed '=A1=2'.
    expect((await formulas(wb)).map((r) => r.formula)).toEqual(['=A1=1', '=A1=3']);

    const wb2 = await withThreeRules();
    // Meant: delete '=A1=1' (id 0) and '=A1=2' (id 1): the second delete removes '=A1=3'.
    await wb2.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').conditionalFormats;
      cfs.getItem('0').delete();
      cfs.getItem('1').delete();
      await ctx.sync();
    });
    expect((await formulas(wb2)).map((r) => r.formula)).toEqual(['=A1=2']);
  });

  test('an id read before a batch that adds a rule names the rule above it', async () => {
    const wb = await withThreeRules();
    await wb.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').conditionalFormats;
      cfs.add('Custom').custom.rule.formula = '=A1=0';
      cfs.getItem('0').delete(); // meant '=A1=1', which is now '1'
      await ctx.sync();
    });
    expect((await formulas(wb)).map((r) => r.formula)).toEqual(['=A1=1', '=A1=2', '=A1=3']);
  });

  test('an object stands for a priority: after a delete it acts on the rule that moved up', async () => {
    const wb = await withThreeRules();
    await wb.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').conditionalFormats;
      const top = cfs.getItemAt(0);
      top.load('id');
      await ctx.sync();
      top.delete();
      await ctx.sync();
      top.load('custom/rule/formula');
      await ctx.sync();
      expect(top.custom.rule.formula).toBe('=A1=2');
    });
  });

  test('priorities count within the collection: rules outside the range do not number', async () => {
    const wb = await withThreeRules();
    await wb.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('C1').conditionalFormats.add('Custom').custom.rule.formula = '=C1=1';
      const cfs = sheet.getRange('A1:A5').conditionalFormats;
      cfs.load('items/id,items/custom/rule/formula');
      const c = sheet.getRange('C1').conditionalFormats.load('items/id');
      await ctx.sync();
      expect(cfs.items.map((i) => [i.id, i.custom.rule.formula])).toEqual([
        ['0', '=A1=1'],
        ['1', '=A1=2'],
        ['2', '=A1=3'],
      ]);
      expect(c.items.map((i) => i.id)).toEqual(['0']);
    });
  });

  test('ids are decimal priorities only; a stale or odd id is not found', async () => {
    const wb = await withThreeRules();
    for (const id of ['3', '01', '{CF-00000001}', '-1'])
      expect(
        await codeOf(
          wb.run(async (ctx) => {
            ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A5').conditionalFormats.getItem(id).load('id');
            await ctx.sync();
          }),
        ),
      ).toBe('ItemNotFound');
  });
});
