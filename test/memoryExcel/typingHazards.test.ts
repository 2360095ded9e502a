/**
 * What an official does beside an add-in that the add-in must survive (issue 18): editing a cell
 * while a batch arrives, their undo stack, a co-author deleting or renaming a sheet, a protected
 * sheet. Each as docs/excel-semantics.md lists it.
 */
import { createMemoryWorkbook } from '../../src/memoryExcel';
import { codeOf } from './helpers';

const api = (v: string) => ({ requirementSets: { ExcelApi: v } });

async function readA1(wb: ReturnType<typeof createMemoryWorkbook>, options?: Excel.RunOptions): Promise<unknown> {
  const batch = async (ctx: Excel.RequestContext) => {
    const r = ctx.workbook.worksheets.getItem('A').getRange('A1').load('values');
    await ctx.sync();
    return r.values[0][0];
  };
  return options ? wb.run(options, batch) : wb.run(batch);
}

describe('cell-edit mode', () => {
  test('a batch without delayForCellEdit fails with InvalidOperationInCellEditMode, and nothing of it runs', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A'], ...api('1.17') });
    wb.beginCellEditFromUser('A', 'B2');
    const write = wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(await codeOf(write)).toBe('InvalidOperationInCellEditMode');
    await wb.endCellEditFromUser('7');
    expect(wb.getCell('A', 'A1').value).toBe('');
    expect(wb.getCell('A', 'B2').value).toBe(7);
  });

  test('with delayForCellEdit the batch waits until the edit ends, then sees it', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A'], ...api('1.17') });
    wb.beginCellEditFromUser('A', 'A1');
    let done = false;
    const read = readA1(wb, { delayForCellEdit: true }).then((v) => {
      done = true;
      return v;
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    await wb.endCellEditFromUser('5');
    expect(await read).toBe(5);
  });

  test('below ExcelApi 1.11 (guess) the option is not honoured: the batch fails', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A'], ...api('1.8') });
    wb.beginCellEditFromUser('A', 'A1');
    expect(await codeOf(readA1(wb, { delayForCellEdit: true }))).toBe('InvalidOperationInCellEditMode');
    await wb.endCellEditFromUser();
    expect(await readA1(wb, { delayForCellEdit: true })).toBe('');
  });

  test("a co-author's cell edit blocks nobody else", async () => {
    const wb = createMemoryWorkbook({ sheets: ['A'], ...api('1.8') });
    const other = wb.coauthor();
    other.beginCellEditFromUser('A', 'A1');
    expect(await readA1(wb)).toBe('');
    await other.endCellEditFromUser();
  });
});

describe('the undo stack', () => {
  const write = (wb: ReturnType<typeof createMemoryWorkbook>, options?: Excel.RunOptions) => {
    const batch = async (ctx: Excel.RequestContext) => {
      const s = ctx.workbook.worksheets.getItem('A');
      s.getRange('C1').values = [[1]];
      await ctx.sync();
      s.getRange('C2').values = [[2]];
      await ctx.sync();
    };
    return options ? wb.run(options, batch) : wb.run(batch);
  };

  test('below ExcelApi 1.19 an add-in write clears it; a read leaves it', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A'], ...api('1.17') });
    await wb.setCellFromUser('A', 'A1', '1');
    await readA1(wb);
    expect(wb.undo.entries).toEqual([{ by: 'user', what: 'A!A1' }]);
    await write(wb);
    expect(wb.undo.entries).toEqual([]);
  });

  test('from 1.19 each writing sync is a record; at 1.20 mergeUndoGroup makes the run one', async () => {
    const at19 = createMemoryWorkbook({ sheets: ['A'], ...api('1.19') });
    await at19.setCellFromUser('A', 'A1', '1');
    await write(at19, { mergeUndoGroup: true }); // not honoured below 1.20
    expect(at19.undo.entries.map((e) => e.by)).toEqual(['user', 'add-in', 'add-in']);

    const at20 = createMemoryWorkbook({ sheets: ['A'], ...api('1.20') });
    await at20.setCellFromUser('A', 'A1', '1');
    await write(at20, { mergeUndoGroup: true });
    expect(at20.undo.entries.map((e) => e.by)).toEqual(['user', 'add-in']);
    await write(at20);
    expect(at20.undo.entries.map((e) => e.by)).toEqual(['user', 'add-in', 'add-in', 'add-in']);
  });

  test("a co-author's edit leaves this person's stack alone", async () => {
    const wb = createMemoryWorkbook({ sheets: ['A'], ...api('1.17') });
    const other = wb.coauthor();
    await wb.setCellFromUser('A', 'A1', '1');
    await other.setCellFromUser('A', 'A2', '2');
    expect(wb.undo.entries).toEqual([{ by: 'user', what: 'A!A1' }]);
  });
});

describe('a co-author deleting or renaming a sheet', () => {
  async function listen(wb: ReturnType<typeof createMemoryWorkbook>, names: boolean) {
    const seen: Record<string, unknown>[] = [];
    const push = async (e: unknown) => {
      seen.push({ ...(e as Record<string, unknown>) });
    };
    await wb.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.onAdded.add(push);
      sheets.onDeleted.add(push);
      if (names) sheets.onNameChanged.add(push);
      await ctx.sync();
    });
    return seen;
  }

  test('reach the other clients as events with the sheet id, and the new name of a renamed one', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A', 'B', 'C'], ...api('1.17') });
    const other = wb.coauthor();
    const seen = await listen(wb, true);
    const ids = await wb.run(async (ctx) => {
      const items = ctx.workbook.worksheets.load('items/id,items/name');
      await ctx.sync();
      return Object.fromEntries(items.items.map((s) => [s.name, s.id]));
    });
    await other.deleteSheetFromUser('B');
    await other.renameSheetFromUser('C', 'D');
    await other.run(async (ctx) => {
      ctx.workbook.worksheets.add('E');
      await ctx.sync();
    });
    await wb.shared.whenIdle();
    expect(
      seen.map(({ type, worksheetId, nameAfter }) => ({ type, worksheetId, ...(nameAfter ? { nameAfter } : {}) })),
    ).toEqual([
      { type: 'WorksheetDeleted', worksheetId: ids.B },
      { type: 'WorksheetNameChanged', worksheetId: ids.C, nameAfter: 'D' },
      { type: 'WorksheetAdded', worksheetId: expect.any(String) },
    ]);
    // The deleted sheet is gone for everyone: its id is not found.
    const gone = wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(ids.B).load('name');
      await ctx.sync();
    });
    expect(await codeOf(gone)).toBe('ItemNotFound');
  });

  test('onNameChanged is ExcelApi 1.17: below, touching it throws ApiNotFound; added/deleted still arrive', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A', 'B'], ...api('1.8') });
    const other = wb.coauthor();
    await expect(wb.run(async (ctx) => void ctx.workbook.worksheets.onNameChanged)).rejects.toMatchObject({
      code: 'ApiNotFound',
    });
    const seen = await listen(wb, false);
    await other.renameSheetFromUser('A', 'Z');
    await other.deleteSheetFromUser('B');
    await wb.shared.whenIdle();
    expect(seen.map((e) => e.type)).toEqual(['WorksheetDeleted']);
  });
});

describe('a protected sheet', () => {
  test('refuses every write on it with AccessDenied, reads go on, other sheets are writable', async () => {
    const wb = createMemoryWorkbook({ sheets: ['A', 'B'], ...api('1.8') });
    wb.protectSheetFromUser('A');
    const state = await wb.run(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('A').protection.load('protected');
      await ctx.sync();
      return p.protected;
    });
    expect(state).toBe(true);
    for (const write of [
      (s: Excel.Worksheet) => (s.getRange('A1').values = [[1]]),
      (s: Excel.Worksheet) => (s.getRange('A1').format.fill.color = '#FF0000'),
      (s: Excel.Worksheet) => s.names.add('X', '={"A1"}'),
    ]) {
      const run = wb.run(async (ctx) => {
        write(ctx.workbook.worksheets.getItem('A'));
        await ctx.sync();
      });
      expect(await codeOf(run)).toBe('AccessDenied');
    }
    expect(await readA1(wb)).toBe('');
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('B').getRange('A1').values = [[2]];
      await ctx.sync();
    });
    expect(wb.getCell('B', 'A1').value).toBe(2);
    // Unprotecting through the API is allowed; then the write goes through.
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('A');
      s.protection.unprotect();
      s.getRange('A1').values = [[3]];
      await ctx.sync();
    });
    expect(wb.getCell('A', 'A1').value).toBe(3);
  });
});
