/**
 * Adding a year is adding a list: with a synthetic 2022 list in the catalog (test/shared), the
 * adapter inserts 2022's PAR sheet beside 2021's, carries 2021's self-scores into 2022's
 * previous-year column only on the official's confirmation, and validates and totals 2022's
 * sheet against 2022's list, all in the imitation (src/memoryExcel).
 */
import { buildSheetPlan, parseMarker } from '../../src/layout';
import { buildReportModel } from '../../src/report/model';
import { cellOf, setup, type MemoryWorkbook } from './helpers';

jest.mock('../../src/catalog/parLists', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory may not use imports
  (require('../shared/parList2022') as typeof import('../shared/parList2022')).parListsWith2022(),
);

// eslint-disable-next-line @typescript-eslint/no-require-imports -- after jest.mock, as the code under test sees it
const { parList } = require('../../src/catalog') as typeof import('../../src/catalog');

const P21 = buildSheetPlan('PAR', { parYear: 2021 });
const P22 = buildSheetPlan('PAR', { parYear: 2022 });

async function typeValues(wb: MemoryWorkbook, sheet: string, cells: Record<string, string | number>): Promise<void> {
  await wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const [cell, v] of Object.entries(cells)) ws.getRange(cell).values = [[v]];
    await context.sync();
  });
}

const leaves = (year: number) => parList(year).rows.filter((r) => r.children.length === 0);

test('the synthetic list is the newest: 2022, one criterion added, one removed, one renumbered', () => {
  expect(P22.name).toBe('Chỉ số CCHC 2022');
  expect(P21.name).toBe('Chỉ số CCHC 2021');
  const keys22 = P22.rows.map((r) => r.key);
  expect(keys22).toContain('1.7');
  expect(keys22).not.toContain('1.5');
  expect(buildSheetPlan('PAR').name).toBe(P22.name);
});

test('2022 beside 2021: insert, carry forward on confirmation, validate and total by the sheet’s own year', async () => {
  const { wb, ops } = setup();
  await ops.inject(['PAR'], undefined, 2021);
  // Last year's self-scores: every leaf at half its maximum (none equal to a published figure), with evidence.
  const scores21: Record<string, number> = {};
  const typed21: Record<string, string | number> = {};
  for (const r of leaves(2021)) {
    scores21[r.id] = Math.round(r.max * 500) / 1000;
    typed21[cellOf(P21, r.id, 'score')] = scores21[r.id];
    typed21[cellOf(P21, r.id, 'evidence')] = `VB ${r.id}`;
  }
  await typeValues(wb, P21.name, typed21);

  const report = await ops.inject(['PAR'], undefined, 2022);
  expect(report.created).toEqual([P22.name]);
  expect(wb.sheetNames()).toEqual(expect.arrayContaining([P21.name, P22.name]));
  expect(parseMarker(wb.getCell(P22.name, 'A1').value)).toMatchObject({ templateId: 'PAR', year: 2022 });
  expect(parseMarker(wb.getCell(P21.name, 'A1').value)).toMatchObject({ templateId: 'PAR', year: 2021 });
  expect(String(wb.getCell(P22.name, 'B1').value)).toContain('NĂM 2022');
  // 2021's sheet was left as it was.
  expect(wb.getCell(P21.name, cellOf(P21, '1.1', 'score')).value).toBe(scores21['1.1']);

  // An official typed their own figure for 1.2 last year: it is never overwritten.
  const typedCell = cellOf(P22, '1.2', 'score').replace(/^G/, 'E');
  await typeValues(wb, P22.name, { [typedCell]: 0.123 });
  const preview = await ops.previewCarryForward!();
  expect(preview).not.toBeNull();
  const plan = preview!;
  expect({ sheet: plan.sheet, year: plan.year, previousYear: plan.previousYear }).toEqual({
    sheet: P22.name,
    year: 2022,
    previousYear: 2021,
  });
  expect(plan.newKeys).toEqual(['1.7']);
  expect(plan.droppedKeys).toEqual(['1.5']);
  expect(plan.kept).toEqual([{ key: '1.2', cell: typedCell, typed: 0.123, lastYear: scores21['1.2'] }]);
  const e11 = cellOf(P22, '1.1', 'score').replace(/^G/, 'E');
  expect(plan.changes.find((c) => c.key === '1.1')).toEqual({
    key: '1.1',
    cell: e11,
    from: parList(2022).rows.find((r) => r.id === '1.1')!.previousScore,
    to: scores21['1.1'],
  });
  // The preview wrote nothing.
  expect(wb.getCell(P22.name, e11).value).toBe(plan.changes.find((c) => c.key === '1.1')!.from);

  const applied = await ops.applyCarryForward!(plan);
  expect(applied.written).toBe(plan.changes.length);
  expect(wb.getCell(P22.name, e11).value).toBe(scores21['1.1']);
  expect(wb.getCell(P22.name, typedCell).value).toBe(0.123);
  // Pressed again: nothing left to change.
  expect((await ops.previewCarryForward!())!.changes).toEqual([]);

  // This year's scores: every leaf at its 2022 target except 1.7, one point short.
  const typed22: Record<string, string | number> = {};
  for (const r of leaves(2022)) {
    typed22[cellOf(P22, r.id, 'score')] = r.id === '1.7' ? r.target - 1 : r.target;
    typed22[cellOf(P22, r.id, 'evidence')] = `VB ${r.id}`;
  }
  await typeValues(wb, P22.name, typed22);

  const validation = await ops.validate();
  const below = validation.findings.filter((f) => f.code === 'below-target' && f.sheet === P22.name);
  expect(below.map((f) => f.rowKey)).toEqual(expect.arrayContaining(['1.7']));
  expect(below.find((f) => f.rowKey === '1.7')?.message.vi).toMatch(/^Điểm 2022 của 1\.7/);

  const totals = await ops.subtotals(false);
  expect(totals.par?.sheet).toBe(P22.name);
  expect(totals.par?.year).toBe(2022);
  const total22 = parList(2022).rows.find((r) => r.id === 'total')!;
  expect(totals.par?.total.target).toBe(total22.target);
  expect(totals.par?.total.score).toBeCloseTo(total22.target - 1, 6);

  // The report reads the same sheet: 2022's list, its document and its years.
  const model = buildReportModel((await ops.reportData()).snapshots);
  expect(model.par?.sheet).toBe(P22.name);
  expect(model.par?.list.source.number).toBe('9999/UBND-SNV');
  expect(model.par?.verdict).toMatch(/^Tổng điểm tự chấm năm 2022: .*; năm 2021 đạt /);
});
