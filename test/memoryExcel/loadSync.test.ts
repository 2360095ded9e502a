import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import { codeOf } from './helpers';

function fresh(opts: Parameters<typeof createMemoryWorkbook>[0] = {}): MemoryWorkbook {
  return createMemoryWorkbook(opts);
}

describe('load and sync', () => {
  test('reading a property before load throws PropertyNotLoaded; after load + sync it reads', async () => {
    const wb = fresh();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.values = [[1, 'x']];
      await ctx.sync();
      const again = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      expect(() => again.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      again.load('values, address');
      expect(() => again.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(again.values).toEqual([[1, 'x']]);
      expect(again.address).toBe('Sheet1!A1:B1');
      expect(() => again.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('a property set on the proxy reads back without load, as in Office.js', async () => {
    const wb = fresh();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [[5]];
      expect(r.values).toEqual([[5]]);
      await ctx.sync();
    });
  });

  test('loads see the state at their point in the queue; writes apply in order', async () => {
    const wb = fresh();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [[1]];
      const first = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      r.values = [[2]];
      const second = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      await ctx.sync();
      expect(first.values).toEqual([[1]]);
      expect(second.values).toEqual([[2]]);
    });
  });

  test('collections need load of items; load("name") loads the items\' names', async () => {
    const wb = fresh({ sheets: ['A', 'B'] });
    await wb.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['A', 'B']);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const again = ctx.workbook.worksheets.load('name, position');
      await ctx.sync();
      expect(again.items.map((s) => [s.name, s.position])).toEqual([
        ['A', 0],
        ['B', 1],
      ]);
    });
  });

  test('getItemOrNullObject: isNullObject after sync; other properties of a null object throw', async () => {
    const wb = fresh();
    await wb.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const present = ctx.workbook.worksheets.getItemOrNullObject('sheet1');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      missing.load('name');
      present.load('name');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe('Sheet1');
      expect(() => missing.name).toThrow(/null object/);
    });
  });

  test('getItem of a missing sheet fails the sync with ItemNotFound', async () => {
    const wb = fresh();
    const code = await codeOf(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Nope');
        await ctx.sync();
      }),
    );
    expect(code).toBe('ItemNotFound');
  });

  test('a failing command stops the batch: earlier writes stay, later ones do not run', async () => {
    const wb = fresh();
    const code = await codeOf(
      wb.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Sheet1');
        s.getRange('A1').values = [[1]];
        s.getRange('A2:B2').values = [[1]];
        s.getRange('A3').values = [[3]];
        await ctx.sync();
      }),
    );
    expect(code).toBe('InvalidArgument');
    expect(wb.getCell('Sheet1', 'A1').value).toBe(1);
    expect(wb.getCell('Sheet1', 'A3').value).toBe('');
  });

  test('errors look like OfficeExtension.Error (code, message, debugInfo)', async () => {
    const wb = fresh();
    let error: unknown;
    try {
      await wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [[1, 2, 3]];
        await ctx.sync();
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      name: 'RichApi.Error',
      code: 'InvalidArgument',
      debugInfo: { code: 'InvalidArgument' },
    });
    expect((error as Error).message).toMatch(/doesn't match the size/);
  });

  test('counts round trips and queued operations; an empty sync is no round trip', async () => {
    const wb = fresh();
    wb.resetStats();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1'); // 1
      const r = s.getRange('A1:B2'); // 2
      r.values = [
        [1, 2],
        [3, 4],
      ]; // 3
      r.format.fill.color = '#FFFF00'; // 4 (navigation properties are free)
      r.load('values'); // 5
      await ctx.sync();
      await ctx.sync();
    });
    expect(wb.stats.syncs).toBe(1);
    expect(wb.stats.operations).toBe(5);
    expect(wb.stats()).toEqual({ syncs: 1, operations: 5, writeSyncs: 1 });
  });

  test('Excel.run does a final sync for commands queued after the last sync', async () => {
    const wb = fresh();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('C3').values = [['late']];
    });
    expect(wb.getCell('Sheet1', 'C3').value).toBe('late');
  });

  test('the batch must return a promise', async () => {
    const wb = fresh();
    const bad = (() => undefined) as unknown as (ctx: Excel.RequestContext) => Promise<void>;
    expect(await codeOf(wb.run(bad))).toBe('RunMustReturnPromise');
  });

  test('objects from a finished run are invalid; loaded values stay readable', async () => {
    const wb = fresh();
    const kept = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('address');
      await ctx.sync();
      return r;
    });
    expect(kept.address).toBe('Sheet1!A1');
    expect(() => kept.load('values')).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    expect(() => {
      kept.values = [[1]];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
  });

  test('an object of one context passed to another throws InvalidRequestContext', async () => {
    const wb = fresh();
    await wb.run(async (a) => {
      const range = a.workbook.worksheets.getItem('Sheet1').getRange('B2');
      await wb.run(async (b) => {
        const panes = b.workbook.worksheets.getItem('Sheet1').freezePanes;
        expect(() => panes.freezeAt(range)).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
      });
    });
  });

  test('run(context, batch) reuses a context (as Excel.run(eventResult.context, …))', async () => {
    const wb = fresh();
    let saved: Excel.RequestContext | undefined;
    await wb.run(async (ctx) => {
      saved = ctx;
    });
    await wb.run(saved as Excel.RequestContext, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[7]];
      await ctx.sync();
    });
    expect(wb.getCell('Sheet1', 'A1').value).toBe(7);
  });
});

describe('load forms', () => {
  test('load accepts arrays, select/expand and option objects', async () => {
    const wb = fresh();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.format.fill.color = '#D9D9D9';
      r.format.font.bold = true;
      r.format.font.size = 14;
      r.format.wrapText = true;
      r.values = [['a', 'b']];
      const a = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').load(['values', 'format/fill/color']);
      const b = ctx.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1:B1')
        .load({ select: 'address', expand: 'format/font' });
      const c = ctx.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1:B1')
        .load({ numberFormat: true, format: { wrapText: true } });
      await ctx.sync();
      expect(a.values).toEqual([['a', 'b']]);
      expect(a.format.fill.color).toBe('#D9D9D9');
      expect([b.address, b.format.font.bold, b.format.font.size]).toEqual(['Sheet1!A1:B1', true, 14]);
      expect([c.numberFormat, c.format.wrapText]).toEqual([[['General', 'General']], true]);
    });
  });
});

describe('the guard', () => {
  test('unimplemented members throw "not implemented" synchronously', async () => {
    const wb = fresh();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const anyS = s as unknown as Record<string, unknown>;
      expect(() => anyS.charts).toThrow('memoryExcel: Worksheet.charts is not implemented');
      const r = s.getRange('A1') as unknown as Record<string, unknown>;
      expect(() => r.find).toThrow('memoryExcel: Range.find is not implemented');
      expect(() => (ctx as unknown as Record<string, unknown>).runtime).toThrow(
        'memoryExcel: RequestContext.runtime is not implemented',
      );
      expect(() => s.getRange('A1').load('hyperlink')).toThrow('memoryExcel: Range.hyperlink is not implemented');
      expect(() => {
        (r as { style?: string }).style = 'Normal';
      }).toThrow(/Range.style \(set\) is not implemented/);
    });
  });

  test('read-only properties refuse assignment', async () => {
    const wb = fresh();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1') as unknown as { address: string };
      expect(() => {
        r.address = 'B2';
      }).toThrow(TypeError);
    });
  });

  test('awaiting a proxy and printing one with jest does not throw', async () => {
    const wb = fresh();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      const same = await (r as unknown as Promise<unknown>);
      expect(same).toBe(r);
      r.load('address');
      await ctx.sync();
      // A failing matcher prints the proxy: the failure must be jest's, not the guard's.
      let failure: unknown;
      try {
        expect(r).toEqual({ address: 'elsewhere' });
      } catch (e) {
        failure = e;
      }
      expect(String((failure as Error).message)).toMatch(/toEqual/);
      expect(String((failure as Error).message)).not.toMatch(/not implemented/);
    });
  });
});

describe('requirement sets', () => {
  test('pageLayout throws ApiNotFound under ExcelApi 1.8 and works under 1.9', async () => {
    const old = fresh({ requirementSets: { ExcelApi: '1.8' } });
    expect(old.isSetSupported('ExcelApi', '1.9')).toBe(false);
    await old.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => s.pageLayout).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => s.getRange('A1').format.indentLevel).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => ctx.workbook.getIsActiveCollabSession).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => s.onChanged).not.toThrow();
    });
    const recent = fresh({ requirementSets: { ExcelApi: '1.9' } });
    await recent.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
      layout.orientation = 'Landscape';
      layout.load('orientation');
      await ctx.sync();
      expect(layout.orientation).toBe('Landscape');
    });
  });

  test('data validation needs ExcelApi 1.8', async () => {
    const wb = fresh({ requirementSets: { ExcelApi: '1.7' } });
    await wb.run(async (ctx) => {
      expect(() => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation).toThrow(
        expect.objectContaining({ code: 'ApiNotFound' }),
      );
    });
  });
});
