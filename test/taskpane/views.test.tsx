/**
 * The pane as officials use it (issue 14): one view per job, findings that name their row,
 * focus that follows a fix, an empty workbook that is not "no problems", source notes shown once.
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { vi } from '../../src/taskpane/i18n/vi';
import { findingRowTitle } from '../../src/engine/findingPlace';
import { roundedParents } from '../../src/taskpane/model';
import { memorySettings } from '../../src/taskpane/settings';
import { CLEAN, VALIDATION, createFakeOperations, finding, type FakeOperations } from './fakeOperations';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

function isDisabled(el: HTMLElement): boolean {
  return el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
}

async function renderPane(ops: FakeOperations = createFakeOperations()) {
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  await waitFor(() => expect(isDisabled(screen.getByRole('button', { name: 'Chèn biểu mẫu' }))).toBe(false));
  return ops;
}

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('one view per job', () => {
  it('shows one view at a time and keeps each view’s last result when coming back', async () => {
    const ops = await renderPane();
    for (const name of ['Biểu mẫu', 'Kiểm tra', 'Tổng điểm', 'Đơn vị'])
      expect(screen.getByRole('tab', { name })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Biểu mẫu' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Kiểm tra dữ liệu' })).toBeNull();
    openTab('Kiểm tra');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    await screen.findByText('Lỗi: 2');
    const view = () => screen.getByText('Lỗi: 2').closest('[role="tabpanel"]');
    openTab('Tổng điểm');
    expect(view()?.hasAttribute('hidden')).toBe(true);
    openTab('Kiểm tra');
    expect(view()?.hasAttribute('hidden')).toBe(false);
    expect(ops.callsTo('validate')).toHaveLength(1);
  });

  it('after a click on "Kiểm tra dữ liệu" with live checking on, says when the sheets were checked again', async () => {
    const ops = await renderPane();
    await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(1));
    openTab('Kiểm tra');
    act(() => ops.emitLive(VALIDATION));
    expect(screen.queryByTestId('rechecked')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    const said = await screen.findByTestId('rechecked');
    expect(said.textContent).toMatch(/^Đã kiểm tra lại tất cả các trang lúc \d\d:\d\d:\d\d\.$/);
  });
});

describe('findings an official can act on', () => {
  it('names the row in words: the criterion, or the indicator and the year', async () => {
    expect(findingRowTitle({ rowKey: '1.5', column: 'score' }, 'vi')).toMatch(/^1\.5 Sáng kiến/);
    expect(findingRowTitle({ rowKey: 'III.1', column: '2019' }, 'vi')).toMatch(/^III\.1 Tổng số TTHC.*, năm 2019$/);
    expect(findingRowTitle({ rowKey: 'nope', column: null }, 'vi')).toBeNull();
    await renderPane();
    openTab('Kiểm tra');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    await screen.findByText('Lỗi: 2');
    const item = screen.getByText('Điểm vượt tối đa').closest('li')!;
    expect(within(item).getByText(/^1\.3 /)).toBeTruthy();
  });

  it('moves the focus to the next finding after "Sửa"', async () => {
    const ops = await renderPane();
    const fixable = [
      finding({ cell: 'D7' }),
      finding({ cell: 'D8', rowKey: 'II.2' }),
      finding({ cell: 'D9', rowKey: 'II.3' }),
    ];
    let round = 0;
    ops.validate = async () => {
      round += 1;
      // After the fix of D8 the list no longer holds it.
      const findings = round === 1 ? fixable : fixable.filter((f) => f.cell !== 'D8');
      return { ...VALIDATION, findings, counts: { error: findings.length, warning: 0, info: 0 } };
    };
    openTab('Kiểm tra');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    const fix = await screen.findByRole('button', { name: 'Sửa D8' });
    fix.focus();
    fireEvent.click(fix);
    await screen.findByText('Đã sửa 1 ô.');
    await waitFor(() => expect(document.activeElement?.closest('li')?.getAttribute('data-cell')).toBe('D9'));
  });

  it('says precisely what "Xóa đánh dấu" leaves', async () => {
    await renderPane();
    openTab('Kiểm tra');
    fireEvent.click(screen.getByRole('button', { name: 'Xóa đánh dấu' }));
    expect((await screen.findByText(vi.marksRemoved)).textContent).toContain('vẫn được tô màu');
  });
});

describe('an empty workbook and the source notes', () => {
  it('says there is nothing to check yet and points to "Chèn biểu mẫu"', async () => {
    const ops = await renderPane();
    ops.validate = async () => ({ ...CLEAN, cellsChecked: 0, cellsFilled: 0 });
    openTab('Kiểm tra');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    const said = await screen.findByTestId('nothing-to-check');
    expect(said.textContent).toContain('“Chèn biểu mẫu”');
    expect(screen.queryByText(vi.noFindings)).toBeNull();
  });

  it('keeps the rounding notes (6.1, 7.1) out of the findings and shows them once in the totals view', async () => {
    expect(roundedParents(2021).map((r) => r.id)).toEqual(['6.1', '7.1']);
    const ops = await renderPane();
    const rounding = finding({
      severity: 'info',
      code: 'par-previous-rounding',
      sheet: 'PAR 2021',
      cell: 'F80',
      rowKey: '6.1',
      column: 'previousScore',
      message: { vi: 'Trong phạm vi làm tròn', en: 'Within rounding' },
      fix: undefined,
    });
    ops.validate = async () => ({ ...CLEAN, findings: [rounding], counts: { error: 0, warning: 0, info: 1 } });
    openTab('Kiểm tra');
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
    await screen.findByText(vi.noFindings);
    expect(screen.queryByText('Trong phạm vi làm tròn')).toBeNull();
    expect(screen.getByText('Lưu ý: 0')).toBeTruthy();
    openTab('Tổng điểm');
    fireEvent.click(screen.getByRole('button', { name: 'Tính tổng và so sánh mục tiêu' }));
    const notes = await screen.findByTestId('source-notes');
    expect(
      within(notes)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.slice(0, 4)),
    ).toEqual(['6.1 ', '7.1 ']);
  });
});

describe('what the totals button says it filled', () => {
  it('names each sheet as its tab shows it, never in sheet!cell syntax', async () => {
    const ops = await renderPane();
    const base = await ops.subtotals(false);
    ops.subtotals = async () => ({
      ...base,
      totalsFilled: [
        { sheet: 'I. Chỉ đạo điều hành', cell: 'E7', rowKey: 'I.1', formula: '=1' },
        { sheet: 'I. Chỉ đạo điều hành', cell: 'F7', rowKey: 'I.1', formula: '=1' },
        { sheet: 'III. Thủ tục hành chính', cell: 'D9', rowKey: 'III.1', formula: '=1' },
      ],
    });
    openTab('Tổng điểm');
    fireEvent.click(screen.getByRole('button', { name: 'Tính tổng và so sánh mục tiêu' }));
    const said = await screen.findByText(/Đã điền công thức tổng/);
    expect(said.textContent).toContain('“I. Chỉ đạo điều hành”: E7, F7; “III. Thủ tục hành chính”: D9');
    expect(said.textContent).not.toMatch(/![A-Z]+\d/);
  });
});
