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

  test('rename, position, visibility, delete; getItem by name or id', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A', 'B', 'C'] });
    await wb.run(async (ctx) => {
      const b = ctx.workbook.worksheets.getItem('b').load('id');
      await ctx.sync();
      const byId = ctx.workbook.worksheets.getItem(b.id);
      byId.name = 'Bee';
      byId.position = 0;
      ctx.workbook.worksheets.getItem('C').visibility = 'Hidden';
      ctx.workbook.worksheets.getItem('A').delete();
      byId.load('name, position, visibility');
      await ctx.sync();
      expect([byId.name, byId.position, byId.visibility]).toEqual(['Bee', 0, 'Visible']);
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

  test('freeze panes: rows, freezeAt, unfreeze', async () => {
    const wb = createMemoryWorkbook();
    const panes = async (act: (p: Excel.WorksheetFreezePanes, ctx: Excel.RequestContext) => void) => {
      await wb.run(async (ctx) => {
        act(ctx.workbook.worksheets.getItem('Sheet1').freezePanes, ctx);
        await ctx.sync();
      });
      return wb.sheetView('Sheet1').freeze;
    };
    expect(await panes((p) => p.freezeRows(6))).toEqual({ rows: 6, columns: 0 });
    expect(await panes((p, ctx) => p.freezeAt(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C6')))).toEqual({
      rows: 6,
      columns: 3,
    });
    expect(await panes((p) => p.unfreeze())).toBeNull();
  });

  test('a getItem() of nothing fails with ItemNotFound where getItemOrNullObject() gives a null object', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const nulls = [
        ctx.workbook.worksheets.getItemOrNullObject('Nowhere'),
        ctx.workbook.names.getItemOrNullObject('NOTHING'),
        ctx.workbook.properties.custom.getItemOrNullObject('nothing'),
      ];
      await ctx.sync();
      expect(nulls.map((r) => r.isNullObject)).toEqual([true, true, true]);
    });
    const failing: Array<(ctx: Excel.RequestContext) => unknown> = [
      (ctx) => ctx.workbook.worksheets.getItem('Nowhere').load('name'),
      (ctx) => ctx.workbook.names.getItem('NOTHING').load('name'),
      (ctx) => ctx.workbook.properties.custom.getItem('nothing').load('key'),
    ];
    for (const get of failing)
      expect(
        await codeOf(
          wb.run(async (ctx) => {
            get(ctx);
            await ctx.sync();
          }),
        ),
      ).toBe('ItemNotFound');
  });

  test('page layout (1.9): orientation, paper size, fit to pages; print title rows taken', async () => {
    const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.9' } });
    await wb.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
      layout.orientation = 'Landscape';
      layout.paperSize = 'A4';
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows('$5:$6');
      layout.load('orientation, paperSize, zoom');
      await ctx.sync();
      expect([layout.orientation, layout.paperSize, layout.zoom]).toEqual([
        'Landscape',
        'A4',
        { horizontalFitToPages: 1, verticalFitToPages: 0 },
      ]);
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

  test('selection: select() activates, getSelectedRange reads it', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A', 'B'] });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('B').getRange('C3:D4').select();
      const sel = ctx.workbook.getSelectedRange().load('address');
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect([sel.address, active.name]).toEqual(['B!C3:D4', 'B']);
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
      custom.load('items/key');
      await ctx.sync();
      expect(custom.items.map((p) => p.key)).toEqual(['units']);
    });
  });

  test('not available under ExcelApi 1.6', async () => {
    const wb = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.6' } });
    await wb.run(async (ctx) => {
      expect(() => ctx.workbook.properties).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    });
  });
});
