/**
 * Co-authoring in the in-memory workbook: several people in one workbook, as Microsoft's
 * "Coauthoring in Excel add-ins" and "Events and coauthoring" describe it.
 */
import { createMemoryWorkbook } from '../../src/memoryExcel';

/** The addresses of the changes a person's add-in is told of, in order. */
async function watch(wb: ReturnType<typeof createMemoryWorkbook>, sheet: string): Promise<string[]> {
  const seen: string[] = [];
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
      seen.push(e.address);
    });
    await ctx.sync();
  });
  return seen;
}

describe('co-authoring', () => {
  test("an edit reaches the editor's add-in at once and every co-author's after the delay", async () => {
    const a = createMemoryWorkbook({ sheets: ['S'], remoteDelayMs: 30 });
    const b = a.coauthor({ user: 'B' });
    const c = a.coauthor({ user: 'C' });
    const [seenA, seenB, seenC] = [await watch(a, 'S'), await watch(b, 'S'), await watch(c, 'S')];

    await a.setCellFromUser('S', 'B2', '5');
    expect(seenA).toEqual(['B2']);
    // Not yet: the edit takes time to reach the others.
    expect(seenB).toEqual([]);
    await a.shared.whenIdle();
    for (const seen of [seenB, seenC]) expect(seen).toEqual(['B2']);
    // The value itself is there for everyone at once (one workbook).
    expect(b.getCell('S', 'B2').value).toBe(5);

    // An add-in's API write is remote for the others too.
    await b.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('C3').values = [[7]];
      await ctx.sync();
    });
    await a.shared.whenIdle();
    expect(seenA).toEqual(['B2', 'C3']);
    expect(seenB).toEqual(['B2', 'C3']);
  });

  test('a value read earlier goes stale when a co-author edits', async () => {
    const a = createMemoryWorkbook({ sheets: ['S'] });
    const b = a.coauthor();
    await a.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([['']]);
      await b.setCellFromUser('S', 'A1', 'Fabrikam');
      expect(r.values).toEqual([['']]); // cached in JavaScript: stale
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([['Fabrikam']]);
    });
  });

  test('a view-only user reads and registers events, but every write fails with AccessDenied', async () => {
    const a = createMemoryWorkbook({ sheets: ['S'] });
    const viewer = a.coauthor({ user: 'Viewer', readOnly: true });
    await a.setCellFromUser('S', 'A1', '1');
    await a.shared.whenIdle(); // that edit has reached the viewer before their handler exists
    const seen = await watch(viewer, 'S'); // registering a handler is not a write
    const value = await viewer.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.load('values');
      ctx.workbook.worksheets.getItem('S').activate(); // navigating is not a write either
      await ctx.sync();
      return r.values[0][0];
    });
    expect(value).toBe(1);

    const writes: [string, (ctx: Excel.RequestContext) => void][] = [
      ['a value', (ctx) => (ctx.workbook.worksheets.getItem('S').getRange('A1').values = [[2]])],
      ['a format', (ctx) => (ctx.workbook.worksheets.getItem('S').getRange('A1').format.fill.color = '#FF0000')],
      ['a sheet', (ctx) => ctx.workbook.worksheets.add('New')],
      ['a name', (ctx) => ctx.workbook.names.add('N', '=1')],
      ['a clear', (ctx) => ctx.workbook.worksheets.getItem('S').getRange('A1').clear()],
    ];
    for (const [what, write] of writes) {
      const outcome = await viewer
        .run(async (ctx) => {
          write(ctx);
          await ctx.sync();
        })
        .then(
          () => 'written',
          (e: { code?: string }) => e.code,
        );
      expect([what, outcome]).toEqual([what, 'AccessDenied']);
    }
    expect(a.getCell('S', 'A1').value).toBe(1);
    expect(a.sheetNames()).toEqual(['S']);
    expect(viewer.stats.writeSyncs).toBe(writes.length);
    await a.setCellFromUser('S', 'A1', '3');
    await a.shared.whenIdle();
    expect(seen).toEqual(['A1']);
  });

  test('each person has their own active sheet and selection', async () => {
    const a = createMemoryWorkbook({ sheets: ['S', 'T'] });
    const b = a.coauthor();
    await b.activateFromUser('T');
    b.selectFromUser('T', 'C4');
    expect(a.activeSheetName()).toBe('S');
    expect(b.activeSheetName()).toBe('T');
    const sel = await a.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      r.load('address');
      await ctx.sync();
      return r.address;
    });
    expect(sel).toBe('S!A1');
    expect(b.sheetView('T').selection).toBe('C4');
    expect(a.sheetView('T').selection).toBeNull();
  });

  test('betweenSyncs lets a co-author edit land between two round trips of an operation', async () => {
    const a = createMemoryWorkbook({ sheets: ['S'] });
    const b = a.coauthor();
    const points: number[] = [];
    a.shared.betweenSyncs(async ({ client, syncs }) => {
      if (client !== a) return;
      points.push(syncs);
      if (syncs === 1) await b.setCellFromUser('S', 'A1', 'B was here');
    });
    const [first, second] = await a.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.load('values');
      await ctx.sync();
      const before = r.values[0][0];
      r.load('values');
      await ctx.sync();
      return [before, r.values[0][0]];
    });
    a.shared.betweenSyncs(null);
    expect(points).toEqual([0, 1]);
    expect([first, second]).toEqual(['', 'B was here']);
  });

  test("a sync on a finished Excel.run's context is rejected; handlers are removed in Excel.run(context)", async () => {
    const a = createMemoryWorkbook({ sheets: ['S'] });
    const b = a.coauthor();
    const result = await a.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').onChanged.add(async () => undefined);
      await ctx.sync();
      return r;
    });
    await watch(b, 'S');
    expect([a.eventHandlerCount, b.eventHandlerCount]).toEqual([1, 1]);
    await expect(result.context.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    await a.run(result.context, async (ctx) => {
      result.remove();
      await ctx.sync();
    });
    // Each person's add-in keeps its own handlers.
    expect([a.eventHandlerCount, b.eventHandlerCount]).toEqual([0, 1]);
  });

  test('someone who closed the workbook gets no more events', async () => {
    const a = createMemoryWorkbook({ sheets: ['S'] });
    const b = a.coauthor();
    const seen = await watch(b, 'S');
    b.close();
    await a.setCellFromUser('S', 'A1', '1');
    await a.shared.whenIdle();
    expect(seen).toEqual([]);
  });
});

describe('what the API tells of the workbook being shared', () => {
  const collab = (wb: ReturnType<typeof createMemoryWorkbook>) =>
    wb.run(async (ctx) => {
      const shared = ctx.workbook.getIsActiveCollabSession();
      ctx.workbook.load('readOnly');
      await ctx.sync();
      return { shared: shared.value, readOnly: ctx.workbook.readOnly };
    });

  test('getIsActiveCollabSession is true while someone else has the workbook open; readOnly for a viewer', async () => {
    const a = createMemoryWorkbook({ sheets: ['S'] });
    expect(await collab(a)).toEqual({ shared: false, readOnly: false });
    const viewer = a.coauthor({ user: 'B', readOnly: true });
    expect(await collab(a)).toEqual({ shared: true, readOnly: false });
    expect(await collab(viewer)).toEqual({ shared: true, readOnly: true });
    viewer.close();
    expect(await collab(a)).toEqual({ shared: false, readOnly: false });
  });

  test('getIsActiveCollabSession needs ExcelApi 1.9, readOnly 1.8', async () => {
    const old = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.8' } });
    const err = await old
      .run(async (ctx) => {
        ctx.workbook.getIsActiveCollabSession();
        await ctx.sync();
      })
      .then(
        () => null,
        (e: { code: string }) => e.code,
      );
    expect(err).toBe('ApiNotFound');
    const older = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.7' } });
    const readOnly = await older
      .run(async (ctx) => {
        ctx.workbook.load('readOnly');
        await ctx.sync();
      })
      .then(
        () => null,
        (e: { code: string }) => e.code,
      );
    expect(readOnly).toBe('ApiNotFound');
  });
});
