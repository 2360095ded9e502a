/**
 * The check's list at the pane's width, as a new user met it (issue 23, item 1): the one error of
 * a partly filled workbook came ~1,650 px down, below 26 "Mục … chưa có nội dung" notes. Now:
 * errors first, then warnings, then the notes gathered by kind into one line that opens; the
 * counts are filters; the counts and the tab bar stay in view (sticky) while the list scrolls.
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OUTLINE } from '../../src/catalog';
import type { ValidationReport } from '../../src/contracts/operations';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { memorySettings } from '../../src/taskpane/settings';
import { createFakeOperations, finding } from './fakeOperations';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

const OUTLINE_SHEET = 'Đề cương báo cáo';
const empties = OUTLINE.filter((h) => h.leaf)
  .slice(0, 26)
  .map((h, i) =>
    finding({
      sheet: OUTLINE_SHEET,
      severity: 'info',
      code: 'outline-empty',
      cell: `C${8 + i}`,
      rowKey: `${h.id}.text`,
      column: 'text',
      message: { vi: `Mục "${h.number} ${h.label}" chưa có nội dung.`, en: `Heading "${h.label}" has no text yet.` },
      fix: undefined,
    }),
  );

/** The workbook of the report: sections I–VII partly filled, one score above its maximum. */
const REPORT: ValidationReport = {
  findings: [
    // The engine reports sheet by sheet: the outline's notes come before the PAR sheet's error.
    ...empties,
    finding({
      sheet: 'VII. Hiện đại hóa',
      severity: 'warning',
      code: 'sum-mismatch',
      cell: 'E9',
      rowKey: 'VII.1',
      fix: undefined,
      message: { vi: 'Tổng không khớp', en: 'Total does not match' },
    }),
    finding({
      sheet: 'Chỉ số CCHC',
      severity: 'error',
      code: 'bound-exceeded',
      cell: 'G12',
      rowKey: '1.2',
      column: 'score',
      fix: undefined,
      message: { vi: 'Điểm 0,8 vượt điểm tối đa 0,5', en: 'Score 0.8 is above the maximum of 0.5' },
    }),
  ],
  counts: { error: 1, warning: 1, info: 26 },
  cellsChecked: 900,
  cellsFilled: 300,
  syncs: 1,
};

async function checkedPane() {
  const ops = createFakeOperations();
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(1));
  fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
  act(() => ops.emitLive(REPORT));
  return ops;
}

const items = () => [...document.querySelectorAll<HTMLElement>('li[data-finding]')];

it('lists the one error first, then the warning, and the 26 notes as one line that opens', async () => {
  const ops = await checkedPane();
  expect(items().map((li) => li.dataset.severity)).toEqual(['error', 'warning']);
  expect(items()[0].textContent).toContain('Điểm 0,8 vượt điểm tối đa 0,5');
  expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
    'Lỗi (1)',
    'Cảnh báo (1)',
    'Lưu ý (26)',
  ]);
  // The notes: one line, closed.
  const kind = screen.getByRole('button', { name: '▸ 26 mục chưa có nội dung' });
  expect(kind.getAttribute('aria-expanded')).toBe('false');
  expect(document.querySelectorAll('li[data-finding="outline-empty"]')).toHaveLength(0);

  fireEvent.click(kind);
  expect(screen.getByRole('button', { name: '▾ 26 mục chưa có nội dung' }).getAttribute('aria-expanded')).toBe('true');
  const notes = [...document.querySelectorAll<HTMLElement>('li[data-finding="outline-empty"]')];
  expect(notes).toHaveLength(25);
  expect(screen.getByRole('button', { name: 'Xem thêm 1' })).toBeTruthy();
  // Each note says where it is (the sheet, the Phần and section above it) and goes to its cell.
  const where = notes[0].querySelector('[data-where]')?.textContent ?? '';
  expect(where).toContain(`Trang “${OUTLINE_SHEET}”`);
  expect(where).toContain('Phần thứ nhất');
  fireEvent.click(within(notes[0]).getByRole('button', { name: 'Đi tới ô C8' }));
  await waitFor(() => expect(ops.callsTo('goToCell')).toEqual([[OUTLINE_SHEET, 'C8']]));
  // Every finding listed has "Đi tới ô".
  for (const li of items())
    expect(within(li).getByRole('button', { name: `Đi tới ô ${li.dataset.cell}` })).toBeTruthy();
});

it('narrows the list to one severity with the counts, which are pressed buttons', async () => {
  await checkedPane();
  const errors = screen.getByRole('button', { name: 'Lỗi: 1' });
  const notes = screen.getByRole('button', { name: 'Lưu ý: 26' });
  expect(errors.getAttribute('aria-pressed')).toBe('false');
  fireEvent.click(errors);
  expect(errors.getAttribute('aria-pressed')).toBe('true');
  expect(items().map((li) => li.dataset.finding)).toEqual(['bound-exceeded']);
  expect(screen.queryByRole('button', { name: /mục chưa có nội dung/ })).toBeNull();
  expect(screen.getByText(/Đang chỉ hiện: Lỗi/)).toBeTruthy();

  fireEvent.click(notes);
  expect(errors.getAttribute('aria-pressed')).toBe('false');
  expect(notes.getAttribute('aria-pressed')).toBe('true');
  expect(items()).toHaveLength(0);
  expect(screen.getByRole('button', { name: '▸ 26 mục chưa có nội dung' })).toBeTruthy();

  // Pressed again: everything.
  fireEvent.click(notes);
  expect(items().map((li) => li.dataset.severity)).toEqual(['error', 'warning']);
});

it('keeps the tab bar and the counts in view while the list scrolls', async () => {
  await checkedPane();
  const top = screen.getByTestId('pane-sticky-top');
  expect(getComputedStyle(top).position).toBe('sticky');
  expect(within(top).getByRole('tablist')).toBeTruthy();
  const counts = screen.getByTestId('finding-counts');
  expect(getComputedStyle(counts).position).toBe('sticky');
  expect(within(counts).getByRole('button', { name: 'Lỗi: 1' })).toBeTruthy();
});
