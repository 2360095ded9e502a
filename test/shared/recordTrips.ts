/**
 * An Excel.run over the in-memory workbook that records every round trip it makes: which run of
 * the adapter sent it and the bytes each way, as the imitation counted them. Shared by the
 * round-trip test and the bench's adapter section.
 */
import type { MemoryWorkbook } from '../../src/memoryExcel';

export interface Trip {
  /** Which Excel.run sent it (a button may run several operations). */
  run: number;
  request: number;
  response: number;
}

export function recordingRun(wb: MemoryWorkbook, trips: Trip[]) {
  let runs = 0;
  return <T>(options: Excel.RunOptions, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const n = ++runs;
    return wb.run(options, (ctx) =>
      batch(
        new Proxy(ctx, {
          get: (t, p) =>
            p === 'sync'
              ? async () => {
                  const before = wb.stats.syncs;
                  await t.sync();
                  if (wb.stats.syncs > before)
                    trips.push({ run: n, request: wb.stats.lastRequestBytes, response: wb.stats.lastResponseBytes });
                }
              : Reflect.get(t, p),
        }),
      ),
    );
  };
}
