/**
 * Inject, refresh and upgrade never lose a value a co-author types at any point of the
 * operation: remote edits at every round-trip boundary of an upgrade, over many seeds.
 */
import { upgradeWhileTyping } from './coauthoringScenarios';

const SEEDS = 60;
const BOUNDARIES = [0, 1, 2, 3]; // before the read, before the write, before a follow-up, after

describe('a co-author typing during an upgrade', () => {
  test(`no value is lost over ${SEEDS} seeds × ${BOUNDARIES.length} boundaries`, async () => {
    let typed = 0;
    const during = new Set<string>();
    for (let seed = 1; seed <= SEEDS; seed++)
      for (const boundary of BOUNDARIES) {
        const r = await upgradeWhileTyping(seed, boundary);
        expect({ seed, boundary, lost: r.lost }).toEqual({ seed, boundary, lost: [] });
        typed += r.entries.length;
        for (const e of r.entries) during.add(e.when);
      }
    // The scenario did what it says: values typed before, at each boundary reached, and after.
    expect(typed).toBeGreaterThan(SEEDS * BOUNDARIES.length * 4);
    expect([...during].sort()).toEqual(['after', 'before', 'round trip 1', 'round trip 2'].sort());
  }, 120_000);

  test('a value typed between the read and the write goes to the unplaced sheet, with its row key', async () => {
    const r = await upgradeWhileTyping(5, 1);
    const late = r.entries.filter((e) => e.when === 'round trip 2');
    expect(late).toHaveLength(1);
    expect(r.lost).toEqual([]);
  });
});
