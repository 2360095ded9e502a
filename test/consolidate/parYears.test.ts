/**
 * Consolidation works on one PAR year: a unit's file holding last year's sheet beside this year's
 * is read for this year's; a file of another year is refused with a message naming both years,
 * Vietnamese first; the consolidated PAR sheet is written with that year's plan.
 */
import { consolidate, type ReadReturn } from '../../src/consolidate';
import { toWrite } from '../../src/consolidate/paneWrite';
import type { SheetSnapshot } from '../../src/engine/types';
import { buildSheetPlan } from '../../src/layout';
import { makeSnapshot } from '../engine/snapshot';
import { cellOf, setup } from '../excel/helpers';

jest.mock('../../src/catalog/parLists', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory may not use imports
  (require('../shared/parList2022') as typeof import('../shared/parList2022')).parListsWith2022(),
);

function book(file: string, reporter: string, sheets: SheetSnapshot[]): ReadReturn {
  return { file, book: { file, snapshots: sheets, reporter, otherSheets: [], parseMs: 0 } };
}

// 1.7 exists only in 2022's list; 1.1 and 1.2 are led by Sở Nội vụ in both.
const snv2022 = book('snv.xlsx', 'Sở Nội vụ', [
  makeSnapshot('PAR', { parYear: 2021, values: { '1.1': { score: 0.1, evidence: 'cũ' } } }),
  makeSnapshot('PAR', { parYear: 2022, values: { '1.1': { score: 1.5, evidence: 'QĐ 1' }, '1.7': { score: 0.5 } } }),
]);
const snv2021 = book('snv-2021.xlsx', 'Sở Tư pháp', [
  makeSnapshot('PAR', { parYear: 2021, values: { '1.2': { score: 0.5 } } }),
]);

test('each file is read for its newest PAR sheet, and the year is the consolidation’s', () => {
  const c = consolidate([snv2022], 'vi');
  expect(c.parYear).toBe(2022);
  expect(c.par?.claims.map((x) => [x.rowKey, x.score])).toEqual([
    ['1.1', 1.5],
    ['1.7', 0.5],
  ]);
});

test('a file of another year is refused, in Vietnamese and in English', () => {
  const vi = consolidate([snv2022, snv2021], 'vi');
  expect(vi.sources[1].status).toBe('refused');
  expect(vi.sources[1].problem).toBe('par-year');
  expect(vi.sources[1].message).toBe(
    'trang Chỉ số CCHC của tệp là năm 2021, khác năm 2022 của các tệp đã tổng hợp: không tổng hợp điểm của hai năm cùng lúc. Hãy tổng hợp riêng các tệp năm 2021.',
  );
  expect(vi.par?.claims.every((x) => x.source === 0)).toBe(true);
  const en = consolidate([snv2021, snv2022], 'en');
  expect(en.parYear).toBe(2021);
  expect(en.sources[1].message).toMatch(/^the file's PAR sheet is for 2022, not 2021/);
});

test('the consolidated PAR sheet is written with its year’s plan', async () => {
  const { wb, ops } = setup();
  const input = toWrite(consolidate([snv2022], 'vi'), 'vi', 'add-in CCHC', new Date(2026, 0, 2));
  expect(input.parYear).toBe(2022);
  const report = await ops.writeConsolidation(input);
  const plan = buildSheetPlan('PAR', { parYear: 2022 });
  expect(report.created).toContain(plan.name);
  expect(wb.getCell(plan.name, cellOf(plan, '1.1', 'score')).value).toBe(1.5);
  expect(wb.getCell(plan.name, cellOf(plan, '1.7', 'score')).value).toBe(0.5);
});
