/**
 * "So sánh mục tiêu" checks each PAR sheet's rules against the plan of its own year: with a 2022
 * list a row longer than 2021's (test/shared, eighthCriterion), 2021's intact sheet gets no rule
 * added on top, and 2022's neither.
 */
import { buildSheetPlan } from '../../src/layout';
import { setup, type MemoryWorkbook } from './helpers';

jest.mock('../../src/catalog/parLists', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory may not use imports
  (require('../shared/parList2022') as typeof import('../shared/parList2022')).parListsWith2022({
    eighthCriterion: true,
  }),
);

const P21 = buildSheetPlan('PAR', { parYear: 2021 });
const P22 = buildSheetPlan('PAR', { parYear: 2022 });

async function ruleCount(wb: MemoryWorkbook, sheet: string): Promise<number> {
  let n = 0;
  await wb.run(async (context) => {
    const count = context.workbook.worksheets.getItem(sheet).getRange('A1:Z300').conditionalFormats.getCount();
    await context.sync();
    n = count.value;
  });
  return n;
}

test('each PAR sheet’s rules are probed at its own year’s plan: intact rules of either year are left alone', async () => {
  // The years' rules differ in place: a probe at the other year's plan would miss them.
  expect(P22.conditionalFormats.map((c) => c.range)).not.toEqual(P21.conditionalFormats.map((c) => c.range));
  const { wb, ops } = setup();
  await ops.inject(['PAR'], undefined, 2021);
  await ops.inject(['PAR'], undefined, 2022);
  const before = { [P21.name]: await ruleCount(wb, P21.name), [P22.name]: await ruleCount(wb, P22.name) };
  expect(before).toEqual({ [P21.name]: P21.conditionalFormats.length, [P22.name]: P22.conditionalFormats.length });

  const summary = await ops.highlightBelowTarget();
  expect(summary?.year).toBe(2022);
  expect({ [P21.name]: await ruleCount(wb, P21.name), [P22.name]: await ruleCount(wb, P22.name) }).toEqual(before);
});
