/**
 * engine/parYears.ts, pure: which PAR sheet is "this year's", and the carry-forward plan by
 * criterion key (synthetic 2022 list from test/shared beside 2021's).
 */
import { newestParSnapshot, planCarryForward } from '../../src/engine/parYears';
import { cellOf, makeSnapshot } from './snapshot';

jest.mock('../../src/catalog/parLists', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory may not use imports
  (require('../shared/parList2022') as typeof import('../shared/parList2022')).parListsWith2022(),
);

const last = makeSnapshot('PAR', { parYear: 2021, values: { '1.1': { score: 0.75 }, '1.3': { score: 'abc' } } });

test('the newest year is this year, whatever the order of the sheets', () => {
  const now = makeSnapshot('PAR', { parYear: 2022 });
  expect(newestParSnapshot([last, now])).toBe(now);
  expect(newestParSnapshot([now, last])).toBe(now);
  expect(newestParSnapshot([makeSnapshot('I')])).toBeUndefined();
});

test('carries by key, keeps a typed figure, lists what does not match', () => {
  const now = makeSnapshot('PAR', { parYear: 2022, values: { '1.2': { previousScore: 0.4 } } });
  const plan = planCarryForward(now, last);
  const e = (key: string) => cellOf('PAR', key, 'score').replace(/^G/, 'E');
  expect(plan.changes.find((c) => c.key === '1.1')).toEqual({ key: '1.1', cell: e('1.1'), from: 1.5, to: 0.75 });
  expect(plan.kept.map((k) => k.key)).toEqual([]); // 1.2 was not scored last year: nothing to keep against
  expect(plan.unscored).toEqual(expect.arrayContaining(['1.2', '1.3']));
  expect(plan.newKeys).toEqual(['1.7']);
  expect(plan.droppedKeys).toEqual(['1.5']);
});

test('refuses sheets whose lists do not follow one another', () => {
  const now = makeSnapshot('PAR', { parYear: 2022 });
  expect(() => planCarryForward(now, now)).toThrow(/needs 2021's/);
});
