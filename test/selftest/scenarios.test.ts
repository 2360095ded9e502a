/**
 * The self-test's scenarios against the in-memory workbook (the page's ?host=memory mode, without
 * the browser): they pass on the adapter as it is, each fails when the operation it is about
 * does nothing, and the workbook is left exactly as it was found.
 */
import { UNPLACED_SHEET, VERSION_NAME, VERSION_PROPERTY } from '../../src/excel';
import { defaultSheetName } from '../../src/layout';
import { SCENARIOS } from '../../src/selftest/scenarios';
import { memoryTarget, type MemoryWorkbook } from './helpers';

jest.setTimeout(60_000);

/** Everything outside the scratch sheets that a scenario could leave behind. */
async function workbookLevel(wb: MemoryWorkbook): Promise<{ names: string[]; properties: string[] }> {
  return wb.run(async (ctx) => {
    const names = ctx.workbook.names;
    names.load('items/name,items/formula');
    const properties = ctx.workbook.properties.custom;
    properties.load('items/key,items/value');
    await ctx.sync();
    return {
      names: names.items.map((n) => `${n.name}=${String(n.formula)}`),
      properties: properties.items.map((p) => `${p.key}=${String(p.value)}`),
    };
  });
}

test('the scenario list, in order', () => {
  expect(SCENARIOS.map((s) => s.name)).toEqual([
    'inject',
    'validate',
    'fix',
    'subtotals',
    'below-target',
    'reinject-moved-rows',
    'marker-typed-over',
    'remove-marks',
    'live-validation',
    'go-to-cell',
  ]);
  for (const s of SCENARIOS) {
    expect(s.title.vi).not.toBe(s.title.en);
    expect(s.subject.length).toBeGreaterThan(0);
  }
});

describe.each(['1.8', '1.17'])('every scenario passes at ExcelApi %s', (api) => {
  test('in a new, empty workbook, which is left as it was found', async () => {
    const { wb, run } = memoryTarget({ api });
    const before = await workbookLevel(wb);
    const result = await run();
    expect(result.scenarios.filter((s) => !s.ok)).toEqual([]);
    expect(result).toMatchObject({
      done: true,
      passed: SCENARIOS.length,
      failed: 0,
      requirementSets: { ExcelApi: api },
    });
    expect(result.scenarios.map((s) => s.name)).toEqual(SCENARIOS.map((s) => s.name));
    // Each scenario really made scratch sheets, and they are gone; none was someone else's.
    for (const s of result.scenarios) {
      expect(s.cleanedUp?.length).toBeGreaterThan(0);
      expect(s.leftAlone).toBeUndefined();
    }
    expect(result.scenarios.find((s) => s.name === 'reinject-moved-rows')?.cleanedUp).toContain(UNPLACED_SHEET);
    expect(wb.sheetNames()).toEqual(['Sheet1']);
    expect(await workbookLevel(wb)).toEqual(before);
  });
});

test('a version name and property the workbook already had are put back, not deleted', async () => {
  const { wb, run } = memoryTarget();
  await wb.run(async (ctx) => {
    ctx.workbook.names.add(VERSION_NAME, '="0.1.0"');
    ctx.workbook.properties.custom.add(VERSION_PROPERTY, '0.1.0');
    await ctx.sync();
  });
  const before = await workbookLevel(wb);
  const result = await run({ scenarios: SCENARIOS.filter((s) => s.name === 'inject') });
  expect(result.passed).toBe(1);
  expect(await workbookLevel(wb)).toEqual(before);
});

describe('only a new, unshared, empty workbook is tested: any other is refused, untouched, saying why', () => {
  test('one holding template sheets: they are named', async () => {
    const { wb, run, base } = memoryTarget();
    await base.makeOperations().inject(['I', 'PAR']);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(defaultSheetName('PAR')).name = 'Điểm của phường';
      await ctx.sync();
    });
    const sheets = wb.sheetNames();
    const result = await run();
    expect(result.done).toBe(true);
    expect(result.scenarios).toEqual([]);
    expect(result.probes).toEqual([]);
    expect(result.passed + result.failed).toBe(0);
    expect(result.refused?.reasons).toEqual(['several-sheets', 'not-empty']);
    expect(result.refused?.sheets).toEqual(sheets);
    expect(result.refused?.vi).toContain('"Điểm của phường"');
    expect(result.refused?.en).toContain('blank, one-sheet workbook');
    expect(wb.sheetNames()).toEqual(sheets);
  });

  test('one sheet with something typed in it', async () => {
    const { wb, run } = memoryTarget();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('C3').values = [['bảng điểm riêng']];
      await ctx.sync();
    });
    const result = await run();
    expect(result.refused).toMatchObject({ reasons: ['not-empty'], sheets: ['Sheet1'] });
    expect(result.refused?.vi).toContain('có trang không trống ("Sheet1")');
    expect(result.refused?.en).toContain('a sheet is not empty ("Sheet1")');
    expect(wb.getCell('Sheet1', 'C3').value).toBe('bảng điểm riêng');
  });

  test('one sheet with formatting only (a used range without values)', async () => {
    const { wb, run } = memoryTarget();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B2').format.fill.color = '#FFFF00';
      await ctx.sync();
    });
    expect((await run()).refused?.reasons).toEqual(['not-empty']);
  });

  test('two empty sheets', async () => {
    const { wb, run } = memoryTarget({ sheets: ['Sheet1', 'Sheet2'] });
    const result = await run();
    expect(result.refused).toMatchObject({ reasons: ['several-sheets'], sheets: ['Sheet1', 'Sheet2'] });
    expect(wb.sheetNames()).toEqual(['Sheet1', 'Sheet2']);
  });

  test('one holding the unplaced-values sheet', async () => {
    const { run } = memoryTarget({ sheets: ['Sheet1', UNPLACED_SHEET] });
    expect((await run()).refused?.sheets).toEqual(['Sheet1', UNPLACED_SHEET]);
  });

  test('a workbook someone else has open (ExcelApi 1.9: getIsActiveCollabSession)', async () => {
    const { wb, run } = memoryTarget({ api: '1.9' });
    const other = wb.coauthor({ user: 'Đồng nghiệp' });
    const result = await run();
    expect(result.refused?.reasons).toEqual(['shared']);
    expect(result.refused?.vi).toContain('đồng soạn thảo');
    // Once the other person has closed it, the workbook may be tested.
    other.close();
    const again = await run({ scenarios: [] });
    expect(again.refused).toBeUndefined();
  });

  test('below ExcelApi 1.9 a co-author cannot be seen: the result says so', async () => {
    const { wb, run } = memoryTarget({ api: '1.8' });
    wb.coauthor({ user: 'Đồng nghiệp' });
    const result = await run({ scenarios: [] });
    expect(result.refused).toBeUndefined();
    expect(result.cannotTell.join(' ')).toMatch(/getIsActiveCollabSession needs ExcelApi 1\.9/);
    expect(result.cannotTell.join(' ')).toMatch(/deletes only the sheets the self-test created, by id/);
  });

  test('a view-only user (Workbook.readOnly), or Office.context.document.mode ReadOnly', async () => {
    const viewer = memoryTarget({ readOnly: true });
    expect((await viewer.run()).refused?.reasons).toEqual(['read-only']);
    const told = memoryTarget();
    expect((await told.run({ documentMode: 'ReadOnly' })).refused?.reasons).toEqual(['read-only']);
    expect(told.wb.sheetNames()).toEqual(['Sheet1']);
  });

  test('an Excel without ExcelApi 1.8', async () => {
    const { run } = memoryTarget({ api: '1.7' });
    const result = await run();
    expect(result.refused?.en).toMatch(/lacks ExcelApi 1\.8/);
    expect(result.requirementSets).toEqual({ ExcelApi: '1.7' });
  });
});

describe('each scenario fails when the operation it is about does nothing', () => {
  test.each(SCENARIOS.map((s) => [s.name]))('%s', async (name) => {
    const { wb, run } = memoryTarget();
    const result = await run({ broken: name });
    expect(result.broken).toBe(name);
    const failed = result.scenarios.filter((s) => !s.ok);
    expect(failed.map((s) => s.name)).toEqual([name]);
    expect(failed[0].error).toMatch(/\S{3,}/);
    expect(result).toMatchObject({ passed: SCENARIOS.length - 1, failed: 1 });
    // Clean-up ran after the failure as after a pass (a broken inject leaves nothing to clean).
    expect(Array.isArray(failed[0].cleanedUp)).toBe(true);
    expect(wb.sheetNames()).toEqual(['Sheet1']);
  });
});
