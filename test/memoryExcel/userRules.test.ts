/**
 * Rules an official adds in Excel's UI (colour scales, data bars, cell-value rules…) next to the
 * add-in's own: reading their details back fails (office-js #2180, #6835, #6827).
 */
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import { codeOf } from './helpers';

async function withOwnAndUserRules(type: Parameters<MemoryWorkbook['addUserConditionalFormat']>[2]) {
  const wb = createMemoryWorkbook();
  await wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem('Sheet1');
    s.getRange('A1:A3').values = [[1], [2], [3]];
    const cf = s.getRange('A1:A3').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=A1>1';
    cf.custom.format.fill.color = '#FF0000';
    await ctx.sync();
  });
  wb.addUserConditionalFormat('Sheet1', 'A1:A3', type);
  return wb;
}

describe('rules added by the user in Excel', () => {
  test.each(['ColorScale', 'DataBar', 'IconSet', 'CellValue', 'ContainsText', 'PresetCriteria'] as const)(
    'with a %s rule present, loading items/customOrNullObject/rule/formula fails the sync',
    async (type) => {
      const wb = await withOwnAndUserRules(type);
      const code = await codeOf(
        wb.run(async (ctx) => {
          const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats;
          cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
          await ctx.sync();
        }),
      );
      expect(code).toBe('GeneralException');
    },
  );

  test('loading items/custom/… with another type present fails as office-js #2180 reports', async () => {
    const wb = await withOwnAndUserRules('ColorScale');
    const err = await wb
      .run(async (ctx) => {
        const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats;
        cfs.load('items/custom/rule/formula');
        await ctx.sync();
      })
      .then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
    expect(err?.code).toBe('InvalidOperation');
    expect(err?.message).toBe('This operation is not permitted for the current object.');
  });

  test('ids and types still load; the user rule is on top', async () => {
    const wb = await withOwnAndUserRules('DataBar');
    await wb.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').conditionalFormats;
      cfs.load('items/id,items/type');
      await ctx.sync();
      expect(cfs.items.map((i) => [i.id, i.type])).toEqual([
        ['0', 'DataBar'],
        ['1', 'Custom'],
      ]);
      // The add-in's own rule can be read by its id.
      const own = cfs.getItem('1').custom.rule.load('formula');
      await ctx.sync();
      expect(own.formula).toBe('=A1>1'); // written for the rule's own top-left cell
    });
  });

  test('the playground draws the add-in rule and ignores the user rule', async () => {
    const wb = await withOwnAndUserRules('IconSet');
    const drawn = wb.evaluateConditionalFormats('Sheet1');
    expect([...drawn.keys()].sort()).toEqual(['A2', 'A3']);
    expect(drawn.get('A2')).toEqual({ fill: '#FF0000' });
  });

  test('clearAll removes user rules too', async () => {
    const wb = await withOwnAndUserRules('ColorScale');
    await wb.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats;
      cfs.clearAll();
      const count = cfs.getCount();
      await ctx.sync();
      expect(count.value).toBe(0);
    });
  });

  test('an unknown type is refused by the helper', () => {
    const wb = createMemoryWorkbook();
    expect(() => wb.addUserConditionalFormat('Sheet1', 'A1', 'Gradient' as never)).toThrow('a user rule is one of');
  });

  test("an official's own formula rule (type Custom) loads its id and type, but not its formula, format or range", async () => {
    const wb = await withOwnAndUserRules('Custom');
    const types = await wb.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats;
      cfs.load('items/id,items/type');
      await ctx.sync();
      return cfs.items.map((i) => [i.id, i.type]);
    });
    expect(types).toEqual([
      ['0', 'Custom'],
      ['1', 'Custom'],
    ]);
    const reads: ((cfs: Excel.ConditionalFormatCollection) => void)[] = [
      (cfs) => cfs.getItem('0').custom.rule.load('formula'),
      (cfs) => cfs.getItem('0').custom.format.fill.load('color'),
      (cfs) => cfs.getItem('0').getRangeOrNullObject().load('address'),
    ];
    for (const read of reads) {
      const code = await codeOf(
        wb.run(async (ctx) => {
          read(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats);
          await ctx.sync();
        }),
      );
      expect(code).toBe('GeneralException');
    }
    // The add-in's own rule, just below it, still reads.
    const own = await wb.run(async (ctx) => {
      const rule = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats.getItem('1')
        .custom.rule;
      rule.load('formula');
      await ctx.sync();
      return rule.formula;
    });
    expect(own).toBe('=A1>1');
  });
});

describe('rules of another type added through the API (the self-test’s probe, src/selftest/probes.ts)', () => {
  async function withApiDataBar(type: 'DataBar' | 'ColorScale') {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3');
      const cf = range.conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=A1>1';
      cf.custom.format.fill.color = '#FF0000';
      range.conditionalFormats.add(type);
      await ctx.sync();
    });
    return wb;
  }

  test.each(['DataBar', 'ColorScale'] as const)(
    'a %s is added on top; its details read like a user rule (customOrNullObject fails the sync)',
    async (type) => {
      const wb = await withApiDataBar(type);
      await wb.run(async (ctx) => {
        const items = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats;
        items.load('items/id,items/type');
        await ctx.sync();
        expect(items.items.map((i) => [i.id, i.type])).toEqual([
          ['0', type],
          ['1', 'Custom'],
        ]);
      });
      const code = await codeOf(
        wb.run(async (ctx) => {
          const items = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats;
          items.load('items/customOrNullObject/rule/formula');
          await ctx.sync();
        }),
      );
      expect(code).toBe('GeneralException');
    },
  );

  test('other types stay refused by add; the Custom rule is still read through getItem(id)', async () => {
    const wb = await withApiDataBar('DataBar');
    const refused = await codeOf(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').conditionalFormats.add('IconSet');
        await ctx.sync();
      }),
    );
    expect(refused).toMatch(/IconSet.*not implemented/);
    const formula = await wb.run(async (ctx) => {
      const rule = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').conditionalFormats.getItem('1')
        .custom.rule;
      rule.load('formula');
      await ctx.sync();
      return rule.formula;
    });
    expect(formula).toBe('=A1>1');
  });
});
