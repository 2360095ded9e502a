/** The self-test runner's bookkeeping, with made-up scenarios over the in-memory workbook. */
import { highestVersion, type Scenario } from '../../src/selftest/runner';
import { describeError } from '../../src/selftest/errors';
import { ExcelOperationError, type ExcelRun } from '../../src/excel';
import { memoryTarget } from './helpers';

function scenario(name: string, body: Scenario['run'] = async () => undefined): Scenario {
  return { name, title: { vi: `Kịch bản ${name}`, en: `Scenario ${name}` }, subject: ['validate'], run: body };
}

/** A scenario that adds a sheet, as every real one does, then runs `then`. */
const addsSheet = (name: string, then: () => void = () => undefined) =>
  scenario(name, async (ctx) => {
    await ctx.run(async (c) => {
      const sheet = c.workbook.worksheets.add(`scratch ${name}`);
      sheet.load('id');
      await c.sync();
      ctx.own.addId(sheet.id);
    });
    then();
  });

test('a failing scenario is reported with its error; the others still run, each cleaned up', async () => {
  const { wb, run } = memoryTarget();
  const progress: string[] = [];
  let clock = 0;
  const result = await run({
    scenarios: [
      addsSheet('a'),
      addsSheet('b', () => {
        throw new Error('expected 7, got 8');
      }),
      addsSheet('c'),
    ],
    onProgress: ({ index, total, result: r }) =>
      progress.push(`${index + 1}/${total}${r ? (r.ok ? ' ok' : ' failed') : ''}`),
    now: () => (clock += 10),
  });
  expect(result).toMatchObject({ done: true, passed: 2, failed: 1, host: 'Memory' });
  expect(result.scenarios).toEqual([
    { name: 'a', ok: true, ms: 10, cleanedUp: ['scratch a'] },
    { name: 'b', ok: false, ms: 10, error: 'expected 7, got 8', cleanedUp: ['scratch b'] },
    { name: 'c', ok: true, ms: 10, cleanedUp: ['scratch c'] },
  ]);
  expect(progress).toEqual(['1/3', '1/3 ok', '2/3', '2/3 failed', '3/3', '3/3 ok']);
  expect(wb.sheetNames()).toEqual(['Sheet1']);
  // The result is plain data: what the page puts on window.cchcSelfTest and in the copied text.
  expect(JSON.parse(JSON.stringify(result))).toEqual(result);
});

test('when clean-up fails, the scenarios after it are not run (leftovers would spoil them)', async () => {
  const { wb, base, run } = memoryTarget();
  let failNext = false;
  const result = await run({
    // Excel.run's stand-in, both forms passed through, except the one call told to fail.
    run: ((...args: unknown[]) => {
      if (failNext) {
        failNext = false;
        return Promise.reject(Object.assign(new Error('The workbook is protected.'), { code: 'AccessDenied' }));
      }
      return (base.run as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as ExcelRun,
    scenarios: [addsSheet('a', () => (failNext = true)), addsSheet('b')],
  });
  expect(result.passed).toBe(0);
  expect(result.failed).toBe(2);
  expect(result.scenarios[0].error).toMatch(/^clean-up failed: The workbook is protected\. \[AccessDenied\]/);
  expect(result.scenarios[1].error).toBe('Not run: cleaning up after "a" failed.');
  expect(wb.sheetNames()).toEqual(['Sheet1', 'scratch a']);
});

test('a sheet a co-author adds during a scenario is left alone, named in the result; the scenarios after it are not run', async () => {
  const { wb, run } = memoryTarget();
  const other = wb.coauthor({ user: 'Đồng nghiệp' });
  const result = await run({
    scenarios: [
      addsSheet('a', () => undefined),
      scenario('co-author', async (ctx) => {
        await ctx.run(async (c) => {
          const own = c.workbook.worksheets.add('scratch mine');
          own.load('id');
          await c.sync();
          ctx.own.addId(own.id);
        });
        await other.run(async (c) => {
          c.workbook.worksheets.add('Của đồng nghiệp');
          await c.sync();
        });
      }),
      addsSheet('c'),
    ],
  });
  expect(result.scenarios.map((s) => [s.name, s.ok, s.cleanedUp, s.leftAlone])).toEqual([
    ['a', true, ['scratch a'], undefined],
    ['co-author', false, ['scratch mine'], ['Của đồng nghiệp']],
    ['c', false, undefined, undefined],
  ]);
  expect(result.scenarios[1].error).toBe(
    'sheets appeared that the self-test did not create, and were left alone: "Của đồng nghiệp"',
  );
  expect(result.scenarios[2].error).toMatch(
    /^Not run: sheets the self-test did not create appeared during "co-author"/,
  );
  expect(wb.sheetNames()).toEqual(['Sheet1', 'Của đồng nghiệp']);
});

test('a sheet the adapter reports creating is claimed by id: renamed afterwards, it is still deleted', async () => {
  const { wb, run } = memoryTarget();
  const result = await run({
    scenarios: [
      scenario('renamed', async (ctx) => {
        const report = await ctx.prepare.inject(['PAR']);
        await ctx.run(async (c) => {
          c.workbook.worksheets.getItem(report.created[0]).name = 'Tên mới';
          await c.sync();
        });
      }),
    ],
  });
  expect(result.scenarios[0]).toMatchObject({ ok: true, cleanedUp: ['Tên mới'] });
  expect(wb.sheetNames()).toEqual(['Sheet1']);
});

test('highestVersion asks for each ExcelApi version in turn', () => {
  const asked: string[] = [];
  const requirements = {
    isSetSupported: (name: string, version?: string) => {
      asked.push(`${name} ${version}`);
      return name === 'ExcelApi' && Number(version?.split('.')[1]) <= 14;
    },
  };
  expect(highestVersion(requirements)).toBe('1.14');
  expect(asked).toContain('ExcelApi 1.1');
  expect(highestVersion({ isSetSupported: () => false })).toBeNull();
});

test('describeError keeps the adapter’s bilingual message, Excel’s code and where it failed', () => {
  const cause = Object.assign(new Error('Item not found'), {
    code: 'ItemNotFound',
    debugInfo: { errorLocation: 'WorksheetCollection.getItem' },
  });
  const text = describeError(ExcelOperationError.from(cause));
  expect(text).toMatch(/Không tìm thấy .* \/ .*not found/);
  expect(text).toContain('[ItemNotFound]');
  expect(text).toContain('(Excel: Item not found)');
  expect(text).toContain('at WorksheetCollection.getItem');
  expect(describeError('plain')).toBe('plain');
});
