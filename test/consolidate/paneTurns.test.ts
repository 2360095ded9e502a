/**
 * The pane's reading loop (src/consolidate/pane.ts) gives the browser a turn once enough reading
 * has passed, not after every file, and still stops between files when cancelled. The clock is
 * a stand-in advancing 10 ms each time it is read, so nothing here depends on the machine's speed.
 */
import { BREATHE_EVERY_MS, Cancelled, readAndConsolidate, type PickedFile } from '../../src/consolidate/pane';

/** Files that are no .xlsx: each is read (and refused) in no time, which is all the loop needs. */
const files: PickedFile[] = Array.from({ length: 30 }, (_, i) => ({
  name: `don-vi-${i}.xlsx`,
  size: 5,
  arrayBuffer: async () => new TextEncoder().encode('hello').buffer as ArrayBuffer,
}));

let now = 0;
beforeEach(() => {
  now = 0;
  jest.spyOn(performance, 'now').mockImplementation(() => (now += 10));
});
afterEach(() => jest.restoreAllMocks());

describe('the pane reading the picked files', () => {
  it(`gives the browser a turn every ${BREATHE_EVERY_MS} ms of reading, not after each file`, async () => {
    const timers = jest.spyOn(globalThis, 'setTimeout');
    const consolidation = await readAndConsolidate(files, 'vi');
    expect(consolidation.sources).toHaveLength(files.length);
    expect(consolidation.sources.every((s) => s.status !== 'used')).toBe(true);
    const turns = timers.mock.calls.filter(([, ms]) => ms === 0).length;
    expect(turns).toBeGreaterThan(0);
    expect(turns).toBeLessThan(files.length / 2);
  });

  it('still stops between two files when cancelled', async () => {
    const controller = new AbortController();
    const read: number[] = [];
    await expect(
      readAndConsolidate(files, 'vi', {
        signal: controller.signal,
        onFile: (done) => {
          read.push(done);
          if (done === 3) controller.abort();
        },
      }),
    ).rejects.toBeInstanceOf(Cancelled);
    expect(read).toEqual([1, 2, 3]);
  });
});
