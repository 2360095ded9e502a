/**
 * "Lấy điểm năm trước" in the pane: the first press only previews (nothing written), listing the
 * cells that would change, the figure an official typed that stays and the criteria that no
 * longer match; the write happens on the second press, with the plan the official saw.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CarryForwardPlan } from '../../src/engine/parYears';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { memorySettings } from '../../src/taskpane/settings';
import { createFakeOperations } from './fakeOperations';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

const PLAN: CarryForwardPlan = {
  sheet: 'Chỉ số CCHC 2021',
  year: 2021,
  previousSheet: 'Chỉ số CCHC 2020',
  previousYear: 2020,
  changes: [{ key: '1.1', cell: 'E7', from: 1.5, to: 0.75 }],
  kept: [{ key: '1.2', cell: 'E8', typed: 0.123, lastYear: 0.25 }],
  newKeys: ['1.7'],
  droppedKeys: ['1.5'],
  unscored: [],
};

it('previews, then writes the confirmed plan', async () => {
  const ops = createFakeOperations();
  const applied: CarryForwardPlan[] = [];
  ops.previewCarryForward = async () => PLAN;
  ops.applyCarryForward = async (plan) => {
    applied.push(plan);
    return { written: 1, skipped: 0, syncs: 2 };
  };
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Chèn biểu mẫu' }).getAttribute('aria-disabled')).not.toBe('true'),
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Tổng điểm' }));
  fireEvent.click(screen.getByRole('button', { name: 'Tính tổng và so sánh mục tiêu' }));
  const box = await screen.findByTestId('carry-forward');
  fireEvent.click(within(box).getByRole('button', { name: 'Lấy điểm năm 2020 từ trang năm trước' }));
  await within(box).findByText(/Sẽ ghi 1 ô/);
  expect(applied).toEqual([]);
  expect(box.textContent).toContain('1.1: 1,5 → 0,75');
  expect(box.textContent).toContain('1.2: giữ số cán bộ đã nhập 0,123');
  expect(box.textContent).toContain('mới năm nay: 1.7; không còn trong danh mục: 1.5');
  fireEvent.click(within(box).getByRole('button', { name: 'Ghi các điểm này' }));
  await within(box).findByText(/Đã ghi 1 ô/);
  expect(applied).toEqual([PLAN]);
});
