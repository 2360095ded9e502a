/**
 * Excel on the web's 5 MB request/response limit (docs/concepts/resource-limits-and-performance-
 * optimization.md), on when MemoryWorkbookOptions.payloadLimitBytes is set.
 */
import { createMemoryWorkbook } from '../../src/memoryExcel';
import { codeOf } from './helpers';

const FIVE_MB = 5 * 1024 * 1024;
const ROWS = 2000;
const COLS = 10;

/** 2000 × 10 cells of 1000 characters: 20 MB as JSON. */
function bigValues(from = 0, to = ROWS): string[][] {
  return Array.from({ length: to - from }, (_, i) =>
    Array.from({ length: COLS }, (_, j) => `${from + i}:${j}:`.padEnd(1000, 'x')),
  );
}

describe('payload size limit', () => {
  test('a 20 MB write in one sync fails RequestPayloadSizeLimitExceeded and nothing is applied', async () => {
    const wb = createMemoryWorkbook({ payloadLimitBytes: FIVE_MB });
    const code = await codeOf(
      wb.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Sheet1');
        s.getRange('Z1').values = [['first']];
        s.getRange(`A1:J${ROWS}`).values = bigValues();
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    expect(wb.stats.lastRequestBytes).toBeGreaterThan(20_000_000);
    expect(wb.getCell('Sheet1', 'Z1').value).toBe('');
    expect(wb.getCell('Sheet1', 'A1').value).toBe('');
  });

  test('the same write split into syncs under 5 MB passes', async () => {
    const wb = createMemoryWorkbook({ payloadLimitBytes: FIVE_MB });
    const sizes: number[] = [];
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      for (let from = 0; from < ROWS; from += 400) {
        s.getRange(`A${from + 1}:J${from + 400}`).values = bigValues(from, from + 400);
        await ctx.sync();
        sizes.push(wb.stats.lastRequestBytes);
      }
    });
    expect(sizes).toHaveLength(5);
    for (const n of sizes) expect(n).toBeGreaterThan(4_000_000);
    for (const n of sizes) expect(n).toBeLessThanOrEqual(FIVE_MB);
    expect(wb.getCell('Sheet1', 'J2000').value).toBe('1999:9:'.padEnd(1000, 'x'));
  });

  test('a response over the limit fails ResponsePayloadSizeLimitExceeded; loaded values are not delivered', async () => {
    const wb = createMemoryWorkbook({ payloadLimitBytes: FIVE_MB });
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      for (let from = 0; from < ROWS; from += 400) {
        s.getRange(`A${from + 1}:J${from + 400}`).values = bigValues(from, from + 400);
        await ctx.sync();
      }
    });
    await wb.run(async (ctx) => {
      const all = ctx.workbook.worksheets.getItem('Sheet1').getRange(`A1:J${ROWS}`).load('values');
      expect(await codeOf(ctx.sync())).toBe('ResponsePayloadSizeLimitExceeded');
      expect(wb.stats.lastResponseBytes).toBeGreaterThan(20_000_000);
      expect(() => all.values).toThrow(); // PropertyNotLoaded: nothing delivered
      const part = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:J400').load('values');
      await ctx.sync();
      expect(part.values).toHaveLength(400);
      expect(wb.stats.lastResponseBytes).toBeLessThanOrEqual(FIVE_MB);
    });
  });

  test('the request counts the object path of every command: many small commands add up', async () => {
    const wb = createMemoryWorkbook({ payloadLimitBytes: 100_000 });
    // 2000 one-cell writes, each through workbook.worksheets.getItem("Sheet1").getRange("A…").values.
    const code = await codeOf(
      wb.run(async (ctx) => {
        for (let i = 1; i <= 2000; i++) ctx.workbook.worksheets.getItem('Sheet1').getRange(`A${i}`).values = [[i]];
        await ctx.sync();
      }),
    );
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
    const perCommand = wb.stats.lastRequestBytes / 2000;
    // Four path segments (worksheets, getItem, getRange, values) and the action itself.
    expect(perCommand).toBeGreaterThan(4 * 64 + 64);
  });

  test('off by default; Infinity measures without a limit', async () => {
    const plain = createMemoryWorkbook();
    await plain.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['x']];
      await ctx.sync();
    });
    expect(plain.stats.lastRequestBytes).toBe(0);
    const measured = createMemoryWorkbook({ payloadLimitBytes: Infinity });
    await measured.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [['x'.repeat(1000)]];
      r.load('values');
      await ctx.sync();
    });
    expect(measured.stats.lastRequestBytes).toBeGreaterThan(1000);
    expect(measured.stats.lastResponseBytes).toBeGreaterThan(1000);
    expect(() => createMemoryWorkbook({ payloadLimitBytes: 0 })).toThrow('positive');
  });
});
