import { createMemoryWorkbook } from '../../src/memoryExcel';

type Args = Record<string, unknown>;

describe('events', () => {
  test('onChanged after a typed edit and after a paste: type, address without the sheet, sheet id, change type', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A'] });
    const seen: Args[] = [];
    let sheetId = '';
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('A').load('id');
      s.getRange('B2').values = [[1]];
      s.onChanged.add(async (e: unknown) => {
        seen.push(e as Args);
      });
      await ctx.sync();
      sheetId = s.id;
    });
    await wb.whenIdle();
    seen.length = 0; // the API write above fired too (Excel fires onChanged for add-in edits)
    await wb.setCellFromUser('A', 'B2', '5');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      type: 'WorksheetChanged',
      address: 'B2',
      worksheetId: sheetId,
      changeType: 'RangeEdited',
    });
    await wb.pasteFromUser('A', 'C3', [
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(seen).toHaveLength(2);
    expect(seen[1].address).toBe('C3:D4');
    expect(wb.getCell('A', 'D4').value).toBe(4);
  });

  test('handlers are awaited and can run their own batch reading the changed cell', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A'] });
    const values: unknown[] = [];
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').onChanged.add(async (e: unknown) => {
        await wb.run(async (c2) => {
          const { worksheetId, address } = e as { worksheetId: string; address: string };
          const r = c2.workbook.worksheets.getItem(worksheetId).getRange(address).load('values');
          await c2.sync();
          values.push(r.values[0][0]);
        });
      });
      await ctx.sync();
    });
    await wb.setCellFromUser('A', 'A1', 'xin chào');
    expect(values).toEqual(['xin chào']);
  });

  test('API edits fire onChanged in the background, after the sync', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A'] });
    const seen: Args[] = [];
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').onChanged.add(async (e: unknown) => {
        seen.push(e as Args);
      });
      await ctx.sync();
    });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').getRange('A1:B1').values = [[1, 2]];
      await ctx.sync();
    });
    expect(seen).toHaveLength(0);
    await wb.whenIdle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ address: 'A1:B1' });
  });

  test("remove() needs a sync on the handler's context", async () => {
    const wb = createMemoryWorkbook({ sheets: ['A', 'B'] });
    let count = 0;
    const result = await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('B').onChanged.add(async () => {
        count++;
      });
      await ctx.sync();
      return r;
    });
    await wb.setCellFromUser('B', 'A1', '1');
    expect(count).toBe(1);
    expect(wb.eventHandlerCount).toBe(1);
    // Outside an Excel.run on the handler's context, remove() is refused (Excel ignores it silently).
    expect(() => result.remove()).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    await expect(result.context.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    await wb.run(result.context, async (ctx) => {
      result.remove();
      expect(wb.eventHandlerCount).toBe(1); // applied at the sync
      await ctx.sync();
    });
    expect(wb.eventHandlerCount).toBe(0);
    await wb.setCellFromUser('B', 'A1', '2');
    expect(count).toBe(1);
  });

  test('onActivated fires for a user click and for activate() through the API', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A', 'B'] });
    const activated: string[] = [];
    let ids: Record<string, string> = {};
    await wb.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/id, items/name');
      for (const name of ['A', 'B'])
        sheets.getItem(name).onActivated.add(async (e: unknown) => {
          activated.push((e as { worksheetId: string }).worksheetId);
        });
      await ctx.sync();
      ids = Object.fromEntries(sheets.items.map((s) => [s.name, s.id]));
    });
    await wb.activateFromUser('B');
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').activate();
      await ctx.sync();
    });
    await wb.whenIdle();
    expect(activated).toEqual([ids.B, ids.A]);
    expect(wb.activeSheetName()).toBe('A');
  });

  test('a failing handler of an API-triggered event surfaces through whenIdle', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async () => {
        throw new Error('handler broke');
      });
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    await expect(wb.whenIdle()).rejects.toThrow('handler broke');
  });

  test('subscribe is told after syncs and user edits', async () => {
    const wb = createMemoryWorkbook();
    let calls = 0;
    const stop = wb.subscribe(() => calls++);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    await wb.setCellFromUser('Sheet1', 'A2', '2');
    expect(calls).toBe(2);
    stop();
    await wb.setCellFromUser('Sheet1', 'A3', '3');
    expect(calls).toBe(2);
  });
});
