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
  test('and leaves the user’s sheets, names and properties as they were', async () => {
    const { wb, run } = memoryTarget({ api, sheets: ['Sổ của tôi', 'Sheet2'] });
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sổ của tôi').getRange('A1:B2').values = [
        ['Số liệu riêng', 1],
        ['', 42],
      ];
      ctx.workbook.names.add('MyName', '=1');
      ctx.workbook.properties.custom.add('Owner', 'Phòng Nội vụ');
      await ctx.sync();
    });
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
    // Each scenario really made scratch sheets, and they are gone.
    for (const s of result.scenarios) expect(s.cleanedUp?.length).toBeGreaterThan(0);
    expect(result.scenarios.find((s) => s.name === 'reinject-moved-rows')?.cleanedUp).toContain(UNPLACED_SHEET);
    expect(wb.sheetNames()).toEqual(['Sổ của tôi', 'Sheet2']);
    expect(wb.getCell('Sổ của tôi', 'A1').value).toBe('Số liệu riêng');
    expect(wb.getCell('Sổ của tôi', 'B2').value).toBe(42);
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

test('a user sheet named like a template is left alone: the scenarios use the names the adapter chose', async () => {
  const PAR = defaultSheetName('PAR');
  const { wb, run } = memoryTarget({ sheets: ['Sheet1', PAR] });
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(PAR).getRange('C3').values = [['bảng điểm riêng']];
    await ctx.sync();
  });
  const result = await run();
  expect(result.scenarios.filter((s) => !s.ok)).toEqual([]);
  expect(wb.sheetNames()).toEqual(['Sheet1', PAR]);
  expect(wb.getCell(PAR, 'C3').value).toBe('bảng điểm riêng');
  expect(wb.getCell(PAR, 'A1').value).toBe('');
});

describe('a workbook that is not safe to test is refused, untouched', () => {
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
    expect(result.passed + result.failed).toBe(0);
    expect(result.refused?.sheets).toEqual([defaultSheetName('I'), 'Điểm của phường']);
    expect(result.refused?.vi).toContain('"Điểm của phường"');
    expect(result.refused?.en).toContain('blank workbook');
    expect(wb.sheetNames()).toEqual(sheets);
  });

  test('one holding the unplaced-values sheet', async () => {
    const { run } = memoryTarget({ sheets: ['Sheet1', UNPLACED_SHEET] });
    expect((await run()).refused?.sheets).toEqual([UNPLACED_SHEET]);
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
