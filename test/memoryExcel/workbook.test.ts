import { createMemoryWorkbook } from '../../src/memoryExcel';
import { codeOf } from './helpers';

describe('worksheets', () => {
  test('add: default names, Excel name rules, case-insensitive uniqueness', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.add();
      ctx.workbook.worksheets.add('Chỉ số CCHC 2021');
      await ctx.sync();
    });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Sheet2', 'Chỉ số CCHC 2021']);
    const bad = ['a'.repeat(32), 'a/b', 'x[1]', 'q?', "'quoted'", '', 'History'];
    for (const name of bad) {
      expect(
        await codeOf(
          wb.run(async (ctx) => {
            ctx.workbook.worksheets.add(name);
            await ctx.sync();
          }),
        ),
      ).toBe('InvalidArgument');
    }
    expect(
      await codeOf(
        wb.run(async (ctx) => {
          ctx.workbook.worksheets.add('SHEET1');
          await ctx.sync();
        }),
      ),
    ).toBe('ItemAlreadyExists');
  });

  test('rename, position, visibility, tabColor, delete; getItem by name or id; getCount', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A', 'B', 'C'] });
    await wb.run(async (ctx) => {
      const b = ctx.workbook.worksheets.getItem('b').load('id');
      await ctx.sync();
      const byId = ctx.workbook.worksheets.getItem(b.id);
      byId.name = 'Bee';
      byId.position = 0;
      byId.tabColor = '#00b050';
      ctx.workbook.worksheets.getItem('C').visibility = 'Hidden';
      ctx.workbook.worksheets.getItem('A').delete();
      const count = ctx.workbook.worksheets.getCount();
      const visible = ctx.workbook.worksheets.getCount(true);
      byId.load('name, position, tabColor, visibility');
      await ctx.sync();
      expect([byId.name, byId.position, byId.tabColor, byId.visibility]).toEqual(['Bee', 0, '#00B050', 'Visible']);
      expect([count.value, visible.value]).toEqual([2, 1]);
    });
    expect(wb.sheetNames()).toEqual(['Bee', 'C']);
    expect(
      await codeOf(
        wb.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Bee').delete();
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidOperation');
  });

  test('renaming a sheet rewrites formulas that name it', async () => {
    const wb = createMemoryWorkbook({ sheets: ['Data', 'Sum'] });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [[4]];
      ctx.workbook.worksheets.getItem('Sum').getRange('A1').formulas = [['=Data!A1+1']];
      ctx.workbook.worksheets.getItem('Data').name = 'Số liệu 2021';
      await ctx.sync();
    });
    expect(wb.getCell('Sum', 'A1')).toMatchObject({ formula: "='Số liệu 2021'!A1+1", value: 5 });
  });

  test('a proxy obtained before its sheet is added resolves in queue order', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add('Mới');
      const again = ctx.workbook.worksheets.getItemOrNullObject('Mới');
      added.getRange('A1').values = [['ok']];
      again.load('name');
      await ctx.sync();
      expect(again.isNullObject).toBe(false);
      expect(again.name).toBe('Mới');
    });
    expect(wb.getCell('Mới', 'A1').value).toBe('ok');
  });

  test('freeze panes: rows, freezeAt, location, unfreeze', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const panes = ctx.workbook.worksheets.getItem('Sheet1').freezePanes;
      const none = panes.getLocationOrNullObject();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      panes.freezeRows(6);
      const rows = panes.getLocationOrNullObject().load('address');
      await ctx.sync();
      expect(rows.address).toBe('Sheet1!1:6');
      panes.freezeAt(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C6'));
      const both = panes.getLocation().load('address');
      await ctx.sync();
      expect(both.address).toBe('Sheet1!A1:C6');
      panes.unfreeze();
      await ctx.sync();
    });
    expect(wb.sheetView('Sheet1').freeze).toBeNull();
  });

  test('a getX() with nothing to return fails where getXOrNullObject() gives a null object', async () => {
    const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.9' } });
    await wb.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      ctx.workbook.names.add('RATE', '=0.5');
      ctx.workbook.names.add('ANCHOR', sheet.getRange('B2:C3'));
      const cf = sheet.getRange('D7:D9').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = '=D7<0';
      const nulls = [
        sheet.freezePanes.getLocationOrNullObject(),
        sheet.pageLayout.getPrintTitleRowsOrNullObject(),
        ctx.workbook.names.getItem('RATE').getRangeOrNullObject(),
      ];
      const anchor = ctx.workbook.names.getItem('ANCHOR').getRange().load('address');
      const anchorOrNull = ctx.workbook.names.getItem('ANCHOR').getRangeOrNullObject().load('address');
      const cfRange = cf.getRange().load('address');
      const cfRangeOrNull = cf.getRangeOrNullObject().load('address');
      await ctx.sync();
      expect(nulls.map((r) => r.isNullObject)).toEqual([true, true, true]);
      expect([anchor.address, anchorOrNull.address, cfRange.address, cfRangeOrNull.address]).toEqual([
        'Sheet1!B2:C3',
        'Sheet1!B2:C3',
        'Sheet1!D7:D9',
        'Sheet1!D7:D9',
      ]);
    });
    const failing: Array<[(ctx: Excel.RequestContext) => Excel.Range, string]> = [
      [(ctx) => ctx.workbook.worksheets.getItem('Sheet1').freezePanes.getLocation(), 'ItemNotFound'],
      [(ctx) => ctx.workbook.worksheets.getItem('Sheet1').pageLayout.getPrintTitleRows(), 'ItemNotFound'],
      [(ctx) => ctx.workbook.names.getItem('RATE').getRange(), 'InvalidArgument'],
    ];
    for (const [get, code] of failing)
      expect(
        await codeOf(
          wb.run(async (ctx) => {
            get(ctx).load('address');
            await ctx.sync();
          }),
        ),
      ).toBe(code);
  });

  test('page layout (1.9): orientation, paper size, fit to pages, print title rows', async () => {
    const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.9' } });
    await wb.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
      layout.orientation = 'Landscape';
      layout.paperSize = 'A4';
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows('$5:$6');
      const titles = layout.getPrintTitleRowsOrNullObject().load('address');
      layout.load('orientation, paperSize, zoom');
      await ctx.sync();
      expect([layout.orientation, layout.paperSize, layout.zoom]).toEqual([
        'Landscape',
        'A4',
        { horizontalFitToPages: 1, verticalFitToPages: 0 },
      ]);
      expect(titles.address).toBe('Sheet1!5:6');
    });
    expect(
      await codeOf(
        wb.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').pageLayout.paperSize = 'A9' as Excel.PaperType;
          await ctx.sync();
        }),
      ),
    ).toBe('InvalidArgument');
  });

  test('selection: select() activates, getSelectedRange and getActiveCell read it', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A', 'B'] });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('B').getRange('C3:D4').select();
      const sel = ctx.workbook.getSelectedRange().load('address');
      const cell = ctx.workbook.getActiveCell().load('address');
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect([sel.address, cell.address, active.name]).toEqual(['B!C3:D4', 'B!C3', 'B']);
    });
    expect(wb.sheetView('B')).toMatchObject({ active: true, selection: 'C3:D4' });
    wb.selectFromUser('A', 'E5');
    await wb.run(async (ctx) => {
      const sel = ctx.workbook.getSelectedRange().load('address');
      await ctx.sync();
      expect(sel.address).toBe('A!E5');
    });
  });
});

describe('custom document properties (1.7)', () => {
  test('add creates or updates; getItemOrNullObject; items; delete', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const custom = ctx.workbook.properties.custom;
      custom.add('cchcTemplateVersion', '1.0.0');
      custom.add('CCHCTEMPLATEVERSION', '1.1.0');
      custom.add('units', 3);
      const missing = custom.getItemOrNullObject('nothing');
      const got = custom.getItemOrNullObject('cchctemplateversion').load('key, value, type');
      custom.load('items/key');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect([got.key, got.value, got.type]).toEqual(['cchcTemplateVersion', '1.1.0', 'String']);
      expect(custom.items.map((p) => p.key)).toEqual(['cchcTemplateVersion', 'units']);
      got.delete();
      const count = custom.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
    });
  });

  test('not available under ExcelApi 1.6', async () => {
    const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.6' } });
    await wb.run(async (ctx) => {
      expect(() => ctx.workbook.properties).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    });
  });
});

describe('scale', () => {
  test('a thousand sheets with formulas: adding sheets and editing one cell stay incremental', async () => {
    const wb = createMemoryWorkbook();
    const rows = Array.from({ length: 10 }, (_, i) => [
      i + 1,
      `=A${i + 1}*2`,
      `=IF(COUNT(A${i + 1},B${i + 1})=2,SUM(A${i + 1}:B${i + 1}),"")`,
    ]);
    for (let batch = 0; batch < 10; batch++) {
      await wb.run(async (ctx) => {
        for (let i = 0; i < 100; i++) {
          const s = ctx.workbook.worksheets.add(`S${batch * 100 + i}`);
          s.getRange('A1:C10').formulas = rows;
        }
        await ctx.sync();
      });
    }
    expect(wb.sheetNames()).toHaveLength(1001);
    expect(wb.formulaEvaluations).toBe(20_000);
    const before = wb.formulaEvaluations;
    await wb.setCellFromUser('S500', 'A10', '100');
    expect(wb.getCell('S500', 'C10').value).toBe(300);
    expect(wb.formulaEvaluations - before).toBe(2);
  });
});
