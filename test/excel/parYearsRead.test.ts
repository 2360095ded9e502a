/**
 * With 2022's PAR sheet beside 2021's (the synthetic 2022 list of test/shared), what reads a PAR
 * sheet reads it against the list of its own year, from its marker: "Đơn vị của tôi" (the unit's
 * criteria and cells), the read's size estimates and the pane's notes on last year's rounding.
 */
import { buildSheetPlan } from '../../src/layout';
import { planGrid } from '../../src/layout/planGrid';
import { jsonBytes } from '../../src/excel/session';
import { setup } from './helpers';

jest.mock('../../src/catalog/parLists', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory may not use imports
  (require('../shared/parList2022') as typeof import('../shared/parList2022')).parListsWith2022(),
);

// The estimates as the adapter's reads ask for them, recorded.
jest.mock('../../src/excel/estimates', () => {
  const actual = jest.requireActual<typeof import('../../src/excel/estimates')>('../../src/excel/estimates');
  return { ...actual, readEstimate: jest.fn(actual.readEstimate) };
});

/* eslint-disable @typescript-eslint/no-require-imports -- after jest.mock, as the code under test sees them */
const { parList } = require('../../src/catalog') as typeof import('../../src/catalog');
const { readEstimate } = require('../../src/excel/estimates') as typeof import('../../src/excel/estimates');
const { parLabel, roundedParents } = require('../../src/taskpane/model') as typeof import('../../src/taskpane/model');
const { roundedPreviousScores } = require('../../src/engine/sums') as typeof import('../../src/engine/sums');
/* eslint-enable @typescript-eslint/no-require-imports */

const P21 = buildSheetPlan('PAR', { parYear: 2021 });
const P22 = buildSheetPlan('PAR', { parYear: 2022 });

test('"Đơn vị của tôi" lists each year’s sheet by its own list: 2022’s new criterion there, 2021’s removed one in 2021’s only', async () => {
  const { ops } = setup();
  await ops.inject(['PAR'], undefined, 2021);
  await ops.inject(['PAR'], undefined, 2022);
  const unit = parList(2022).rows.find((r) => r.id === '1.7')!.lead!;
  const ledBy = (year: number) =>
    parList(year)
      .rows.filter((r) => r.children.length === 0 && r.lead === unit)
      .map((r) => r.id);
  // The synthetic list moved criteria: the unit's criteria differ between the years.
  expect(ledBy(2022)).toContain('1.7');
  expect(ledBy(2021)).not.toContain('1.7');

  const progress = await ops.unitProgress(unit);
  expect(progress.missingRows).toEqual([]);
  const keysOn = (sheet: string) => progress.rows.filter((r) => r.sheet === sheet).map((r) => r.rowKey);
  expect(keysOn(P22.name)).toEqual(ledBy(2022));
  expect(keysOn(P21.name)).toEqual(ledBy(2021));
  const row17 = progress.rows.find((r) => r.sheet === P22.name && r.rowKey === '1.7')!;
  expect(row17.label).toBe(parList(2022).rows.find((r) => r.id === '1.7')!.label);
  expect(row17.filled).toBe(0);
});

test('a read asks for each PAR sheet’s estimate by the year of its marker', async () => {
  const { ops } = setup();
  await ops.inject(['PAR'], undefined, 2021);
  await ops.inject(['PAR'], undefined, 2022);
  const asked = readEstimate as jest.MockedFunction<typeof readEstimate>;
  asked.mockClear();
  await ops.unitProgress('SNV');
  expect(asked.mock.calls.filter(([id]) => id === 'PAR')).toEqual(
    expect.arrayContaining([
      ['PAR', 2021],
      ['PAR', 2022],
    ]),
  );
});

test('a PAR sheet’s read is estimated from its own year’s layout; a sheet of unknown year from the largest', () => {
  const answerOf = (year: number) => {
    const grid = planGrid(buildSheetPlan('PAR', { parYear: year }));
    const values = grid.formulas.map((row) => row.map((v) => (typeof v === 'string' && v.startsWith('=') ? 0 : v)));
    return jsonBytes(grid.formulas) + jsonBytes(values) + jsonBytes(grid.numberFormat);
  };
  // The two lists' texts differ, so their answers do.
  expect(answerOf(2021)).not.toBe(answerOf(2022));
  for (const year of [2021, 2022]) {
    // A tenth more than the layout's own answer, as estimates.ts says, within rounding.
    expect(Math.abs(readEstimate('PAR', year) - 1.1 * answerOf(year))).toBeLessThanOrEqual(1);
  }
  expect(readEstimate('PAR')).toBe(Math.max(readEstimate('PAR', 2021), readEstimate('PAR', 2022)));
  expect(readEstimate(null)).toBeGreaterThanOrEqual(readEstimate('PAR'));
});

test('the pane’s rounding notes and criterion names are those of the summary’s year', () => {
  const ids = (year: number) => roundedPreviousScores(parList(year).rows).map(({ row }) => row.id);
  // 2022's list replaced a criterion of area 1 by one with no published score: area 1 no longer adds up.
  expect(ids(2022)).not.toEqual(ids(2021));
  expect(roundedParents(2022).map((r) => r.id)).toEqual(ids(2022));
  expect(roundedParents(2021).map((r) => r.id)).toEqual(ids(2021));
  expect(parLabel('1.7', 2022)).toBe(`1.7. ${parList(2022).rows.find((r) => r.id === '1.7')!.label}`);
  expect(parLabel('1.7', 2021)).toBe('1.7');
});
