/**
 * `cchc catalog`'s summary names every PAR list the build carries with its own year, document,
 * sheet and figures: with the synthetic 2022 list beside 2021's (test/shared), both are printed,
 * the newest first, and 2021's still as Document 3541/UBND-SNV.
 */
jest.mock('../../src/catalog/parLists', () =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a jest.mock factory may not use imports
  (require('../shared/parList2022') as typeof import('../shared/parList2022')).parListsWith2022(),
);

/* eslint-disable @typescript-eslint/no-require-imports -- after jest.mock, as the code under test sees them */
const { parList } = require('../../src/catalog') as typeof import('../../src/catalog');
const { catalogText } = require('../../src/cli/commands/catalog') as typeof import('../../src/cli/commands/catalog');
const { formatNumber } = require('../../src/cli/i18n') as typeof import('../../src/cli/i18n');
/* eslint-enable @typescript-eslint/no-require-imports */

const totalOf = (year: number) => parList(year).rows.find((r) => r.id === 'total')!;

test('the summary prints each carried list under its own year and document, newest first', () => {
  const vi = catalogText('vi');
  const at22 = vi.indexOf('Chỉ số CCHC (PAR INDEX) năm 2022, Văn bản 9999/UBND-SNV — trang "Chỉ số CCHC 2022"');
  const at21 = vi.indexOf('Chỉ số CCHC (PAR INDEX) năm 2021, Văn bản 3541/UBND-SNV — trang "Chỉ số CCHC 2021"');
  expect(at22).toBeGreaterThanOrEqual(0);
  expect(at21).toBeGreaterThan(at22);
  // Each list's own total target, under its own years.
  expect(totalOf(2022).target).not.toBe(totalOf(2021).target);
  expect(vi.slice(at22, at21)).toContain(
    `năm 2021: ${formatNumber(totalOf(2022).previousScore, 'vi')} · mục tiêu 2022: ${formatNumber(totalOf(2022).target, 'vi')}`,
  );
  expect(vi.slice(at21)).toContain(
    `năm 2020: ${formatNumber(totalOf(2021).previousScore, 'vi')} · mục tiêu 2021: ${formatNumber(totalOf(2021).target, 'vi')}`,
  );
  const en = catalogText('en');
  expect(en).toContain('2022 PAR index list, Document 9999/UBND-SNV — sheet "Chỉ số CCHC 2022"');
  expect(en).toContain(`2022 target: ${formatNumber(totalOf(2022).target, 'en')}`);
  expect(en).toContain('2021 PAR index list, Document 3541/UBND-SNV — sheet "Chỉ số CCHC 2021"');
});
