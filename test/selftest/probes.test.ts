/**
 * The self-test's probes (src/selftest/probes.ts): over the in-memory workbook each reports what
 * the imitation assumes (imitation against imitation: they agree); over a fake "Excel" that does
 * otherwise, the difference is reported as `agrees: false`, and fails the self-test only where
 * the add-in depends on the guess. Scratch sheets are deleted by id, nothing else.
 */
import * as numberFormat from '../../src/memoryExcel/numberFormat';
import { NamedItemCollection } from '../../src/memoryExcel/names';
import { runProbes } from '../../src/selftest/probeRunner';
import { PROBES, type Probe } from '../../src/selftest/probes';
import { memoryTarget } from './helpers';

afterEach(() => jest.restoreAllMocks());

const byName = <T extends { name: string }>(results: T[], name: string) => results.find((r) => r.name === name);

describe.each(['1.8', '1.17'])('over the in-memory workbook at ExcelApi %s', (api) => {
  test('every probe runs and agrees with what the imitation assumes; only Sheet1 is left', async () => {
    const { wb, run } = memoryTarget({ api });
    const result = await run({ scenarios: [] });
    expect(result.refused).toBeUndefined();
    expect(result.probes.map((p) => p.name)).toEqual(PROBES.map((p) => p.name));
    for (const probe of result.probes) {
      const needs = PROBES.find((p) => p.name === probe.name)?.needs;
      if (needs && api === '1.8') {
        expect(probe).toMatchObject({ excelDid: `not run: needs ExcelApi ${needs}`, agrees: null });
      } else {
        expect({ name: probe.name, excelDid: probe.excelDid }).toEqual({
          name: probe.name,
          excelDid: probe.imitationAssumes,
        });
        expect(probe.agrees).toBe(true);
      }
    }
    expect(result.failed).toBe(0);
    expect(wb.sheetNames()).toEqual(['Sheet1']);
    expect(JSON.parse(JSON.stringify(result.probes))).toEqual(result.probes);
  });
});

test('what each probe saw, in words: the percent cell, the decimals, the rules beside a data bar', async () => {
  const { run } = memoryTarget({ api: '1.17' });
  const { probes } = await run({ scenarios: [] });
  expect(byName(probes, 'percent-into-decimal-format')?.excelDid).toBe('value 0.85, format 0.0##');
  expect(byName(probes, 'text-decimal-separators')?.excelDid).toBe('"1,5" → String "1,5"; "1.5" → Double 1.5');
  expect(byName(probes, 'name-array-constant')?.excelDid).toBe('accepted, reads ={"a","b"}');
  expect(byName(probes, 'fit-width-zoom')?.excelDid).toBe('reads {"horizontalFitToPages":1,"verticalFitToPages":0}');
  expect(byName(probes, 'other-rule-details')?.excelDid).toBe(
    'customOrNullObject: refused (GeneralException); custom: refused (InvalidOperation)',
  );
  expect(byName(probes, 'own-rule-by-id')?.excelDid).toBe('ids 0, 1; reads Custom =A1>1');
});

test('an Excel that turns "85%" into a percent format is reported as disagreeing; the self-test still passes', async () => {
  const real = numberFormat.parseInput;
  // The fake Excel: typing a percent always sets a percent format, whatever the cell had.
  jest
    .spyOn(numberFormat, 'parseInput')
    .mockImplementation((raw, fmt, source) =>
      /%$/.test(raw) ? { ...real(raw, fmt, source), numberFormat: '0%' } : real(raw, fmt, source),
    );
  const { run } = memoryTarget({ api: '1.17' });
  const result = await run({ scenarios: [] });
  const probe = byName(result.probes, 'percent-into-decimal-format');
  expect(probe).toMatchObject({
    imitationAssumes: 'value 0.85, format 0.0##',
    excelDid: 'value 0.85, format 0%',
    agrees: false,
  });
  // The add-in does not rely on this guess: reported, not failed.
  expect(result.failed).toBe(0);
  expect(result.probes.filter((p) => p.agrees === false).map((p) => p.name)).toEqual(['percent-into-decimal-format']);
});

test('an Excel that refuses an array constant in a name (a ";" list separator) fails the self-test: the add-in relies on it', async () => {
  const add = NamedItemCollection.prototype.add;
  jest.spyOn(NamedItemCollection.prototype, 'add').mockImplementation(function (this: NamedItemCollection, ...args) {
    const [, reference] = args;
    if (typeof reference === 'string' && reference.includes('","'))
      throw Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), {
        code: 'InvalidArgument',
      });
    return add.apply(this, args);
  });
  const { wb, run } = memoryTarget({ api: '1.17' });
  const result = await run({ scenarios: [] });
  expect(byName(result.probes, 'name-array-constant')).toMatchObject({
    excelDid: 'refused (InvalidArgument)',
    agrees: false,
    addinDependsOn: expect.stringMatching(/CCHC_FLAGS/),
  });
  expect(result.failed).toBe(1);
  expect(wb.sheetNames()).toEqual(['Sheet1']);
});

test('a probe’s scratch sheet is deleted by id: a co-author’s sheet added meanwhile, and a rename, are survived', async () => {
  const { wb } = memoryTarget({ api: '1.17' });
  const coauthor = wb.coauthor({ user: 'Đồng nghiệp' });
  const probe: Probe = {
    name: 'meddled',
    question: 'test',
    imitationAssumes: 'done',
    async observe({ run, sheet }) {
      await coauthor.run(async (ctx) => {
        ctx.workbook.worksheets.add('Của đồng nghiệp');
        ctx.workbook.worksheets.getItem(sheet).name = 'Đổi tên';
        await ctx.sync();
      });
      await run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Đổi tên').getRange('A1').values = [[1]];
        await ctx.sync();
      });
      return 'done';
    },
  };
  const result = await runProbes(wb.run, () => true, [probe]);
  expect(result).toEqual({
    results: [{ name: 'meddled', question: 'test', imitationAssumes: 'done', excelDid: 'done', agrees: true }],
  });
  expect(wb.sheetNames()).toEqual(['Sheet1', 'Của đồng nghiệp']);
});

test('a probe whose API is missing is reported not run, and an unexpected failure is reported, not thrown', async () => {
  const { wb } = memoryTarget({ api: '1.8' });
  const broken: Probe = {
    name: 'throws',
    question: 'test',
    imitationAssumes: 'x',
    observe: async () => {
      throw new Error('a bug in the probe');
    },
  };
  const result = await runProbes(wb.run, (_set, version) => version === '1.8', [
    { ...broken, name: 'newer', needs: '1.9' },
    broken,
  ]);
  expect(result.results.map((r) => [r.name, r.excelDid, r.agrees])).toEqual([
    ['newer', 'not run: needs ExcelApi 1.9', null],
    ['throws', 'not run: a bug in the probe', null],
  ]);
  expect(wb.sheetNames()).toEqual(['Sheet1']);
});
