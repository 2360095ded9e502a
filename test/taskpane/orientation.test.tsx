/**
 * Finding one's way at the pane's width (issue 23, item 5): the insert's confirmation appears where
 * the button was pressed and takes the focus; every template sheet has a link; rows below target
 * and overwritten totals each have "Đi tới ô"; "Đơn vị" lists rows under their sheet, table and
 * parent headings, so "Tổng số được giao" and "Giai đoạn 2001-2010" say which ones they are.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { UnitProgress } from '../../src/contracts/operations';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { memorySettings } from '../../src/taskpane/settings';
import { PAR_SUMMARY, STATUS, createFakeOperations, type FakeOperations } from './fakeOperations';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

async function renderPane(ops: FakeOperations = createFakeOperations(), settings = memorySettings()) {
  render(<TaskPane operations={ops} settings={settings} initialLanguage="vi" />);
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Chèn biểu mẫu' }).getAttribute('aria-disabled')).not.toBe('true'),
  );
  return ops;
}

it('says "Đã chèn biểu mẫu" right under the button, above the template list, and moves the focus there', async () => {
  await renderPane();
  // The checklist open (as with an upgrade to read about), the confirmation is still by the button.
  await screen.findAllByRole('checkbox');
  const insert = screen.getByRole('button', { name: 'Chèn biểu mẫu' });
  fireEvent.click(insert);
  const summary = await screen.findByTestId('inject-summary');
  expect(summary.textContent).toContain('Đã chèn biểu mẫu');
  const list = document.querySelector('details')!;
  expect(insert.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(summary.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  await waitFor(() => expect(document.activeElement).toBe(summary));
});

it('links to each template sheet of the workbook through the navigation operation', async () => {
  const ops = createFakeOperations();
  ops.inspect = async () => ({
    ...STATUS,
    present: [
      { templateId: 'I', sheet: 'I. Chỉ đạo', version: '1.0.0' },
      { templateId: 'PAR', sheet: 'PAR 2021', version: '1.0.0' },
    ],
  });
  await renderPane(ops);
  const links = within(screen.getByTestId('sheet-links')).getAllByRole('button');
  expect(links.map((b) => b.getAttribute('aria-label'))).toEqual(['Mở trang “I. Chỉ đạo”', 'Mở trang “PAR 2021”']);
  fireEvent.click(links[1]);
  await waitFor(() => expect(ops.callsTo('goToCell')).toEqual([['PAR 2021', 'A1']]));
});

it('gives every row below target and every overwritten total its "Đi tới ô", and opens the PAR sheet', async () => {
  const ops = await renderPane();
  fireEvent.click(screen.getByRole('tab', { name: 'Tổng điểm' }));
  fireEvent.click(screen.getByRole('button', { name: 'Tính tổng và so sánh mục tiêu' }));
  await screen.findByTestId('par-total');
  const lead = screen.getByRole('heading', { level: 4, name: /Sở Nội vụ/ });
  const rows = [...lead.parentElement!.querySelectorAll<HTMLElement>('li[data-row]')];
  expect(rows.map((li) => li.dataset.row)).toEqual(['1.1', '1.2']);
  for (const [li, cell] of [
    [rows[0], 'G9'],
    [rows[1], 'G10'],
  ] as const)
    expect(within(li).getByRole('button', { name: `Đi tới ô ${cell}` })).toBeTruthy();
  fireEvent.click(within(rows[1]).getByRole('button', { name: 'Đi tới ô G10' }));
  await waitFor(() => expect(ops.callsTo('goToCell')).toEqual([[PAR_SUMMARY.sheet, 'G10']]));
  // The overwritten parent total (fixture: G8) too.
  fireEvent.click(screen.getByRole('button', { name: 'Đi tới ô G8' }));
  await waitFor(() => expect(ops.callsTo('goToCell')).toHaveLength(2));
  expect(ops.callsTo('goToCell')[1]).toEqual([PAR_SUMMARY.sheet, 'G8']);
  fireEvent.click(screen.getByRole('button', { name: `Mở trang “${PAR_SUMMARY.sheet}”` }));
  await waitFor(() => expect(ops.callsTo('goToCell')[2]).toEqual([PAR_SUMMARY.sheet, 'A1']));
});

it('lists a unit’s rows under their sheet, table and parent headings', async () => {
  const progress: UnitProgress = {
    unit: 'SNV',
    rows: [
      ['IV. Tổ chức bộ máy', 'IV.1.2010', 'Giai đoạn 2001-2010 (Tính đến 31/12/2010)'],
      ['IV. Tổ chức bộ máy', 'IV.2.2010', 'Giai đoạn 2001-2010 (Tính đến 31/12/2010)'],
      ['V. Đội ngũ CBCCVC', 'V.1.a', 'Tổng số được giao'],
      ['V. Đội ngũ CBCCVC', 'V.1.b', 'Tổng số có mặt'],
      ['V. Đội ngũ CBCCVC', 'V.2.a', 'Tổng số được giao'],
      ['V. Đội ngũ CBCCVC', 'V.3', 'Số công chức được tuyển dụng theo hình thức thi cạnh tranh'],
      ['PAR 2021', '1.1', 'Ban hành kế hoạch CCHC năm'],
    ].map(([sheet, rowKey, label]) => ({ sheet, rowKey, label, cells: 2, filled: 0, firstEmpty: 'E9' })),
    cells: 14,
    filled: 0,
    nextEmpty: { sheet: 'IV. Tổ chức bộ máy', cell: 'E9' },
    missingRows: [],
  };
  const ops = createFakeOperations();
  ops.unitProgress = async () => progress;
  await renderPane(ops);
  fireEvent.click(screen.getByRole('tab', { name: 'Đơn vị' }));
  fireEvent.change(screen.getByRole('combobox'), { target: { value: 'SNV' } });
  await waitFor(() => expect(document.querySelectorAll('li[data-row]')).toHaveLength(7));
  // In reading order: each heading once, before the rows under it.
  const lines = [...document.querySelectorAll<HTMLElement>('[role="heading"][aria-level], li[data-row]')]
    .filter((el) => el.closest('[data-block]'))
    .map((el) => (el.tagName === 'LI' ? `  ${el.dataset.row}` : `${el.getAttribute('aria-level')} ${el.textContent}`));
  expect(lines).toEqual([
    '4 IV. Tổ chức bộ máy',
    '5 1. Số lượng, cơ cấu tổ chức thuộc Ủy ban nhân dân Thành phố',
    '  IV.1.2010',
    '5 2. Số lượng, cơ cấu tổ chức thuộc Ủy ban nhân dân cấp huyện',
    '  IV.2.2010',
    '4 V. Đội ngũ CBCCVC',
    '5 1. Tổng số biên chế cán bộ, công chức',
    '  V.1.a',
    '  V.1.b',
    '5 2. Tổng số biên chế viên chức',
    '  V.2.a',
    '  V.3',
    '4 PAR 2021',
    expect.stringMatching(/^5 1\. /),
    '  1.1',
  ]);
  // V.3 is no part of "2. Tổng số biên chế viên chức": its block is the sheet's own level.
  const blockOf = (row: string) =>
    document.querySelector<HTMLElement>(`li[data-row="${row}"]`)!.closest<HTMLElement>('[data-block]')!.dataset.block;
  expect(blockOf('V.2.a')).toBe('V. Đội ngũ CBCCVC › 2. Tổng số biên chế viên chức');
  expect(blockOf('V.3')).toBe('V. Đội ngũ CBCCVC');
});
