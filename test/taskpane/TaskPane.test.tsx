import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { languageFromDisplay } from '../../src/taskpane/i18n';
import { en } from '../../src/taskpane/i18n/en';
import { vi } from '../../src/taskpane/i18n/vi';
import { memorySettings } from '../../src/taskpane/settings';
import { TEMPLATE_IDS } from '../../src/catalog';
import {
  CLEAN,
  PAR_SUMMARY,
  SUBTOTALS,
  STATUS,
  VALIDATION,
  createFakeOperations,
  finding,
  type FakeOperations,
} from './fakeOperations';

// The machine is shared: allow slow renders (these tests check behaviour, not speed).
jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });

function isDisabled(el: HTMLElement): boolean {
  return el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true';
}

function button(name: string | RegExp): HTMLElement {
  return screen.getByRole('button', { name });
}

/** One screen per job: the views are tabs. */
function openTab(name: string): void {
  fireEvent.click(screen.getByRole('tab', { name }));
}

async function renderPane(
  ops: FakeOperations = createFakeOperations(),
  settings = memorySettings(),
  lang: 'vi' | 'en' = 'vi',
) {
  const view = render(<TaskPane operations={ops} settings={settings} initialLanguage={lang} />);
  // The pane reads the workbook on open; wait until that settles.
  await waitFor(() => expect(isDisabled(button(/^(Chèn biểu mẫu|Insert templates)$/))).toBe(false));
  return { ops, settings, view };
}

afterEach(cleanup);

describe('language', () => {
  it('is Vietnamese unless Office runs in English', () => {
    expect(languageFromDisplay('vi-VN')).toBe('vi');
    expect(languageFromDisplay('en-US')).toBe('en');
    expect(languageFromDisplay('en')).toBe('en');
    expect(languageFromDisplay('EN-gb')).toBe('en');
    expect(languageFromDisplay('fr-FR')).toBe('vi');
    expect(languageFromDisplay('ena')).toBe('vi');
    expect(languageFromDisplay(undefined)).toBe('vi');
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(Object.keys(en.errorHelp).sort()).toEqual(Object.keys(vi.errorHelp).sort());
  });

  it('shows the three main buttons in Vietnamese, then English after the switch, and remembers it', async () => {
    const { settings } = await renderPane();
    for (const [tab, name] of [
      ['Biểu mẫu', 'Chèn biểu mẫu'],
      ['Kiểm tra', 'Kiểm tra dữ liệu'],
      ['Tổng điểm', 'Tính tổng và so sánh mục tiêu'],
    ]) {
      openTab(tab);
      expect(button(name)).toBeTruthy();
    }
    fireEvent.click(screen.getByRole('switch', { name: 'English' }));
    // English strings are a separate chunk, loaded on the switch.
    expect(await screen.findByRole('tab', { name: 'Totals' })).toBeTruthy();
    for (const [tab, name] of [
      ['Templates', 'Insert templates'],
      ['Check', 'Check data'],
      ['Totals', 'Totals and targets'],
    ]) {
      openTab(tab);
      expect(await screen.findByRole('button', { name })).toBeTruthy();
    }
    expect(screen.queryByRole('button', { name: 'Chèn biểu mẫu' })).toBeNull();
    expect(settings.values.get('language')).toBe('en');
    cleanup();
    // A later opening starts in the language chosen, whatever Office's display language.
    await renderPane(createFakeOperations(), settings, 'vi');
    expect(await screen.findByRole('button', { name: 'Insert templates' })).toBeTruthy();
  });

  it('starts in English when given English as its first language (the display language: entryLanguage.test.tsx)', async () => {
    await renderPane(createFakeOperations(), memorySettings(), 'en');
    await screen.findByRole('heading', { level: 1, name: en.appTitle });
    openTab('Check');
    expect(button('Check data')).toBeTruthy();
  });
});

describe('templates', () => {
  it('reads the workbook on open and says what insertion would do', async () => {
    const { ops } = await renderPane();
    expect(ops.callsTo('inspect')).toHaveLength(1);
    expect(screen.getByText('Sổ làm việc đang dùng phiên bản 1.0.0.', { exact: false })).toBeTruthy();
    expect(screen.getByText('Đã có: trang “PAR 2021”, phiên bản 1.0.0')).toBeTruthy();
    expect(screen.getByText('Khi chèn: tạo mới 1 trang, nâng cấp 1 trang.')).toBeTruthy();
    // An upgrade is planned, so the list showing what it does is open before anything is done.
    expect(
      (screen.getByText('Nâng cấp 1.0.0 → 1.1.0, giữ giá trị').closest('details') as HTMLDetailsElement).open,
    ).toBe(true);
    expect(screen.getAllByText('Nâng cấp').length).toBeGreaterThan(0);
    // Every template is listed with a checkbox, all checked by default.
    const boxes = await screen.findAllByRole('checkbox');
    expect(boxes.length).toBe(TEMPLATE_IDS.length + 1); // select-all + every template
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
  });

  it('inserts the checked templates, shows the report and re-reads the workbook', async () => {
    const { ops } = await renderPane();
    fireEvent.click(await screen.findByRole('checkbox', { name: /^III\./ }));
    fireEvent.click(button('Chèn biểu mẫu'));
    await waitFor(() => expect(screen.getByText('Đã chèn biểu mẫu')).toBeTruthy());
    const [templates] = ops.callsTo('inject')[0] as [string[]];
    expect(templates).toEqual(TEMPLATE_IDS.filter((id) => id !== 'III'));
    expect(screen.getByText('Đã nâng cấp: PAR 2021.')).toBeTruthy();
    expect(screen.getByText('Giữ nguyên 12 giá trị đã nhập.')).toBeTruthy();
    await waitFor(() => expect(ops.callsTo('inspect')).toHaveLength(2));
  });

  it('cannot insert when nothing is checked', async () => {
    const { ops } = await renderPane();
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Chọn tất cả' }));
    expect(isDisabled(button('Chèn biểu mẫu'))).toBe(true);
    fireEvent.click(button('Chèn biểu mẫu'));
    expect(ops.callsTo('inject')).toHaveLength(0);
    expect(screen.getByText(vi.noTemplateSelected)).toBeTruthy();
  });
});

describe('validation', () => {
  it('disables checking, insertion, totals and clearing marks and shows progress while checking, then lists findings by sheet and severity', async () => {
    const ops = createFakeOperations();
    await renderPane(ops);
    const gate = ops.hold('validate');
    openTab('Kiểm tra');
    fireEvent.click(button('Kiểm tra dữ liệu'));
    await waitFor(() => expect(isDisabled(button('Kiểm tra dữ liệu'))).toBe(true));
    // Every action, in every view (the hidden views included), waits for this one.
    for (const name of ['Chèn biểu mẫu', 'Tính tổng và so sánh mục tiêu', 'Xóa đánh dấu'])
      expect(isDisabled(screen.getByRole('button', { name, hidden: true }))).toBe(true);
    // A labelled progress bar, and the operation said in the status region for screen readers.
    expect(screen.getByRole('progressbar', { name: vi.busy.validate })).toBeTruthy();
    expect(screen.getAllByRole('status').some((el) => el.textContent === vi.busy.validate)).toBe(true);
    // A second click while running does nothing.
    fireEvent.click(button('Kiểm tra dữ liệu'));
    await act(async () => gate.resolve());
    await waitFor(() => expect(isDisabled(button('Kiểm tra dữ liệu'))).toBe(false));
    expect(ops.callsTo('validate')).toHaveLength(1);
    expect(screen.queryByRole('progressbar')).toBeNull();

    expect(screen.getByText('Lỗi: 2')).toBeTruthy();
    expect(screen.getByText('Cảnh báo: 1')).toBeTruthy();
    expect(screen.getByText('Lưu ý: 0')).toBeTruthy();
    // Errors first (of every sheet), then warnings; each finding says its sheet.
    const severities = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(severities).toEqual(['Lỗi (2)', 'Cảnh báo (1)']);
    const items = [...document.querySelectorAll<HTMLElement>('li[data-finding]')];
    expect(items.map((li) => `${li.dataset.severity} ${li.querySelector('[data-where]')?.textContent}`)).toEqual([
      'error Trang “II. Văn bản QPPL”',
      'error Trang “PAR 2021” › 1. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC',
      'warning Trang “II. Văn bản QPPL”',
    ]);
    expect(screen.getByText('Số thập phân viết bằng dấu phẩy')).toBeTruthy();
    expect(screen.getByText('Ghi thành 0,5')).toBeTruthy();
  });

  it('goes to a cell, fixes one finding and fixes all fixable ones', async () => {
    const { ops } = await renderPane();
    openTab('Kiểm tra');
    fireEvent.click(button('Kiểm tra dữ liệu'));
    await screen.findByText('Lỗi: 2');
    fireEvent.click(button('Đi tới ô E9'));
    await waitFor(() => expect(ops.callsTo('goToCell')).toEqual([['II. Văn bản QPPL', 'E9']]));
    // Only the finding that has a fix offers "Sửa".
    expect(screen.queryByRole('button', { name: 'Sửa E9' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sửa G12' })).toBeNull();
    fireEvent.click(button('Sửa D7'));
    await screen.findByText('Đã sửa 1 ô.');
    expect(ops.callsTo('applyFixes')[0]).toEqual([[VALIDATION.findings[0]]]);
    expect(ops.callsTo('validate')).toHaveLength(2); // re-checked after fixing
    fireEvent.click(button('Sửa tất cả'));
    // What it will write is shown first; nothing is written before the confirmation.
    const preview = await screen.findByTestId('fix-preview');
    expect(within(preview).getByText(/D7: Ghi thành 0,5/)).toBeTruthy();
    expect(ops.callsTo('applyFixes')).toHaveLength(1);
    fireEvent.click(within(preview).getByRole('button', { name: 'Sửa 1 ô' }));
    await waitFor(() => expect(ops.callsTo('applyFixes')).toHaveLength(2));
    expect(ops.callsTo('applyFixes')[1]).toEqual([VALIDATION.findings.filter((f) => f.fix)]);
  });

  it('"Sửa tất cả" never writes a suggestion: an assessment is applied alone, by its own button', async () => {
    const { ops } = await renderPane();
    await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(1));
    openTab('Kiểm tra');
    const suggested = finding({
      sheet: 'VIII',
      severity: 'info',
      code: 'goal-suggestion',
      cell: 'D20',
      rowKey: 'VIII.13',
      column: 'assessment',
      message: { vi: 'Mục tiêu 13 chưa được đánh giá', en: 'Goal 13 is not assessed yet' },
      fix: undefined,
      suggestion: { value: 'Không đạt', description: { vi: 'Ghi "Không đạt"', en: 'Write "Không đạt"' } },
    });
    act(() => ops.emitLive({ ...VALIDATION, findings: [VALIDATION.findings[0], suggested] }));
    // A note: gathered with its kind, one line that opens.
    fireEvent.click(button('▸ 1 mục tiêu chưa đánh giá (có đề xuất)'));
    expect(screen.getByText('Đề xuất (cán bộ xem rồi tự quyết định): Ghi "Không đạt"')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sửa D20' })).toBeNull();
    fireEvent.click(button('Sửa tất cả'));
    const preview = await screen.findByTestId('fix-preview');
    expect(within(preview).queryByText(/D20/)).toBeNull();
    fireEvent.click(within(preview).getByRole('button', { name: 'Sửa 1 ô' }));
    await waitFor(() => expect(ops.callsTo('applyFixes')).toHaveLength(1));
    expect(ops.callsTo('applyFixes')[0]).toEqual([[VALIDATION.findings[0]]]);
    await waitFor(() => expect(ops.callsTo('validate')).toHaveLength(1));
    act(() => ops.emitLive({ ...VALIDATION, findings: [suggested] }));
    fireEvent.click(button('Áp dụng đề xuất D20'));
    await waitFor(() => expect(ops.callsTo('applySuggestion')).toEqual([[suggested]]));
    await screen.findByText(vi.suggestionApplied);
  });

  it('"Sửa tất cả" cancelled writes nothing', async () => {
    const { ops } = await renderPane();
    openTab('Kiểm tra');
    fireEvent.click(button('Kiểm tra dữ liệu'));
    await screen.findByText('Lỗi: 2');
    fireEvent.click(button('Sửa tất cả'));
    fireEvent.click(within(await screen.findByTestId('fix-preview')).getByRole('button', { name: 'Hủy' }));
    expect(screen.queryByTestId('fix-preview')).toBeNull();
    expect(ops.callsTo('applyFixes')).toHaveLength(0);
  });

  it('removes marks', async () => {
    const { ops } = await renderPane();
    openTab('Kiểm tra');
    fireEvent.click(button('Xóa đánh dấu'));
    await screen.findByText(vi.marksRemoved);
    expect(ops.callsTo('removeMarks')).toHaveLength(1);
  });

  it('validates live while open, shows live reports, and stops on switch-off and on close', async () => {
    const { ops, view } = await renderPane();
    await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(1));
    openTab('Kiểm tra');
    act(() => ops.emitLive(VALIDATION));
    expect(screen.getByText('Lỗi: 2')).toBeTruthy();
    // A live report only reads: the pane says the cells are marked by "Kiểm tra dữ liệu", not by typing.
    expect(screen.getByText(/chỉ đọc, không ghi gì vào sổ; bấm “Kiểm tra dữ liệu” để tô màu/)).toBeTruthy();
    act(() => ops.emitLive(CLEAN));
    expect(screen.getByText(vi.noFindings)).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: vi.liveValidation }));
    await waitFor(() => expect(ops.liveStops).toBe(1));
    fireEvent.click(screen.getByRole('switch', { name: vi.liveValidation }));
    await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(2));
    view.unmount();
    expect(ops.liveStops).toBe(2);
  });
});

describe('errors', () => {
  it('shows an Excel error as what to do, with its code, never the stack', async () => {
    const ops = createFakeOperations();
    await renderPane(ops);
    const error = Object.assign(new Error('The operation is not allowed in cell edit mode.'), {
      code: 'InvalidOperationInCellEditMode',
    });
    error.stack = 'Error: The operation…\n    at Object.run (excel.js:1:1)';
    ops.failNext('inject', error);
    fireEvent.click(button('Chèn biểu mẫu'));
    await screen.findByText(vi.errorTitle);
    expect(screen.getByText(vi.errorHelp.cellEditMode, { exact: false })).toBeTruthy();
    expect(screen.getByText('Mã lỗi: InvalidOperationInCellEditMode')).toBeTruthy();
    expect(document.body.textContent).not.toContain('excel.js:1:1');
    expect(isDisabled(button('Chèn biểu mẫu'))).toBe(false);
    // The message follows the language switch, and can be dismissed.
    fireEvent.click(screen.getByRole('switch', { name: 'English' }));
    expect(await screen.findByText(en.errorHelp.cellEditMode, { exact: false })).toBeTruthy();
    fireEvent.click(button('Dismiss'));
    expect(screen.queryByText(en.errorTitle)).toBeNull();
  });

  it('explains an unknown failure generically with its message', async () => {
    const ops = createFakeOperations();
    ops.failNext('inspect', new Error('Something odd\nsecond line'));
    render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
    await screen.findByText(vi.errorTitle);
    expect(screen.getByText(vi.errorHelp.generic, { exact: false })).toBeTruthy();
    expect(screen.getByText('Something odd')).toBeTruthy();
    expect(document.body.textContent).not.toContain('second line');
  });

  it('says so when live validation cannot start, and turns the switch off', async () => {
    const ops = createFakeOperations();
    ops.failNext('startLiveValidation', Object.assign(new Error('denied'), { code: 'AccessDenied' }));
    render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
    await screen.findByText(vi.errorHelp.protected, { exact: false });
    openTab('Kiểm tra');
    expect((screen.getByRole('switch', { name: vi.liveValidation }) as HTMLInputElement).checked).toBe(false);
  });
});

describe('totals and targets', () => {
  it('compares the PAR total with 92.418 and 86.07, draws areas and lists rows below target by lead unit', async () => {
    const { ops } = await renderPane();
    openTab('Tổng điểm');
    fireEvent.click(button('Tính tổng và so sánh mục tiêu'));
    await screen.findByTestId('par-total');
    expect(ops.callsTo('subtotals')).toEqual([[false]]);
    expect(ops.callsTo('highlightBelowTarget')).toHaveLength(1);
    const total = screen.getByTestId('par-total');
    expect(total.textContent).toContain('92,418');
    expect(total.textContent).toContain('86,07');
    expect(total.textContent).toContain('90,5');
    expect(total.textContent).toContain('Còn thiếu 1,918 điểm so với mục tiêu');
    const chart = screen.getByTestId('area-chart');
    expect(within(chart).getAllByRole('img')).toHaveLength(1);
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toContain('mục tiêu 2021 8,3');
    const lead = screen.getByRole('heading', { level: 4, name: /Sở Nội vụ/ });
    expect(lead.textContent).toContain('thiếu 0,8 điểm');
    const rows = [...lead.parentElement!.querySelectorAll<HTMLElement>('li[data-row]')].map((li) => li.textContent);
    expect(rows[0]).toMatch(/^1\.1\. /); // largest gap first
    expect(rows[1]).toMatch(/^1\.2\. /);
    fireEvent.click(within(lead.parentElement!).getAllByRole('button', { name: /^Đi tới ô / })[0]);
    await waitFor(() => expect(ops.callsTo('goToCell')).toEqual([[PAR_SUMMARY.sheet, 'G9']]));
  });

  it('labels the total and the chart with the years of the sheet it read (a 2022 sheet: 2022 and 2021)', async () => {
    const ops = createFakeOperations();
    const par = { ...PAR_SUMMARY, year: 2022, previousYear: 2021 };
    ops.subtotals = async () => ({ ...SUBTOTALS, par });
    ops.highlightBelowTarget = async () => par;
    await renderPane(ops);
    openTab('Tổng điểm');
    fireEvent.click(button('Tính tổng và so sánh mục tiêu'));
    const total = await screen.findByTestId('par-total');
    expect(total.textContent).toContain('Điểm 2022');
    expect(total.textContent).toContain('Mục tiêu 2022');
    expect(total.textContent).toContain('Năm 2021');
    expect(total.textContent).not.toMatch(/2020/);
    const chart = screen.getByTestId('area-chart');
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toContain('năm 2021 8,286, mục tiêu 2022 8,3');
  });

  it('lists the filled scores the total leaves out, each with "Đi tới ô"', async () => {
    const ops = createFakeOperations();
    const summary = {
      ...PAR_SUMMARY,
      excluded: [
        { id: '1.2', cell: 'G10', value: 0.8, reason: { vi: 'vượt điểm tối đa 0,5', en: 'above the maximum of 0.5' } },
      ],
    };
    ops.highlightBelowTarget = async () => summary;
    const subtotals = ops.subtotals;
    ops.subtotals = async (restore) => ({ ...(await subtotals(restore)), par: summary });
    await renderPane(ops);
    openTab('Tổng điểm');
    fireEvent.click(button('Tính tổng và so sánh mục tiêu'));
    const list = await screen.findByTestId('par-excluded');
    expect(list.textContent).toContain('Không tính vào tổng (1 ô');
    expect(list.textContent).toContain('“0,8” — vượt điểm tối đa 0,5');
    fireEvent.click(within(list).getByRole('button', { name: 'Đi tới ô G10' }));
    await waitFor(() => expect(ops.callsTo('goToCell')).toEqual([[PAR_SUMMARY.sheet, 'G10']]));
  });

  it('shows overwritten formulas first, then restores them on request', async () => {
    const { ops } = await renderPane();
    openTab('Tổng điểm');
    fireEvent.click(button('Tính tổng và so sánh mục tiêu'));
    await screen.findByText('G8 (mục 1): đang là 7');
    expect(ops.callsTo('subtotals')).toEqual([[false]]);
    fireEvent.click(button('Khôi phục công thức'));
    await screen.findByText('Đã khôi phục 1 công thức.');
    expect(ops.callsTo('subtotals')[1]).toEqual([true]);
  });
});

describe('my unit', () => {
  it('loads the chosen unit, remembers it, and goes to its next empty cell', async () => {
    const { ops, settings } = await renderPane();
    expect(ops.callsTo('unitProgress')).toHaveLength(0);
    openTab('Đơn vị');
    fireEvent.change(screen.getByRole('combobox', { name: vi.chooseUnit }), { target: { value: 'SNV' } });
    await screen.findByText('Đã nhập 3/4 ô');
    expect(ops.callsTo('unitProgress')).toEqual([['SNV']]);
    expect(settings.values.get('unit')).toBe('SNV');
    fireEvent.click(button('Đến ô trống tiếp theo'));
    await waitFor(() => expect(ops.callsTo('goToCell')).toEqual([['PAR 2021', 'L9']]));
    cleanup();

    const again = createFakeOperations();
    await renderPane(again, settings);
    await waitFor(() => expect(again.callsTo('unitProgress')).toEqual([['SNV']]));
    openTab('Đơn vị');
    expect((screen.getByRole('combobox', { name: vi.chooseUnit }) as HTMLSelectElement).value).toBe('SNV');
    await screen.findByText('Đã nhập 3/4 ô');
    fireEvent.click(button('1.1. Thực hiện Kế hoạch CCHC'));
    await waitFor(() => expect(again.callsTo('goToCell')).toEqual([['PAR 2021', 'L9']]));
  });
});

it('says when a feature is degraded by the Excel version', async () => {
  const ops = createFakeOperations();
  ops.host = { ...ops.host, supports: { excelApi18: true, excelApi19: false, customProperties: true } };
  await renderPane(ops);
  expect(screen.getByText(vi.degradedPrint)).toBeTruthy();
  expect(screen.queryByText(vi.readOnlyWorkbook)).toBeNull(); // an editor is not told they can only view
  expect(STATUS.plan.length).toBeGreaterThan(0);
});

it('tells a co-author with view rights what the pane still does', async () => {
  const ops = createFakeOperations();
  ops.host = { ...ops.host, readOnly: true };
  await renderPane(ops);
  expect(screen.getByText(vi.readOnlyWorkbook)).toBeTruthy();
});

it("uses the Excel adapter's own bilingual advice when it gives one", async () => {
  const ops = createFakeOperations();
  await renderPane(ops);
  ops.failNext(
    'validate',
    Object.assign(new Error('Sổ bị khóa / Workbook locked'), {
      vi: 'Sổ đang bị khóa bởi người khác.',
      en: 'The workbook is locked by someone else.',
      code: 'AccessDenied',
    }),
  );
  openTab('Kiểm tra');
  fireEvent.click(button('Kiểm tra dữ liệu'));
  await screen.findByText('Sổ đang bị khóa bởi người khác.', { exact: false });
  expect(screen.getByText('Mã lỗi: AccessDenied')).toBeTruthy();
  expect(screen.queryByText(vi.errorHelp.protected, { exact: false })).toBeNull();
  fireEvent.click(screen.getByRole('switch', { name: 'English' }));
  expect(await screen.findByText('The workbook is locked by someone else.', { exact: false })).toBeTruthy();
});

it("shows a failure inside live validation and the adapter's notes", async () => {
  const { ops } = await renderPane();
  await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(1));
  openTab('Kiểm tra');
  act(() =>
    ops.emitLive({
      ...VALIDATION,
      notes: [{ vi: 'Chỉ đánh dấu 500 ô đầu.', en: 'Only the first 500 cells were marked.' }],
    }),
  );
  expect(screen.getByText('Chỉ đánh dấu 500 ô đầu.')).toBeTruthy();
  act(() =>
    ops.emitLiveError({ vi: 'Không đọc được trang.', en: 'Could not read the sheet.', code: 'GeneralException' }),
  );
  expect(screen.getByText('Không đọc được trang.', { exact: false })).toBeTruthy();
  expect(screen.getByText('Mã lỗi: GeneralException')).toBeTruthy();
});

it('keeps the template list folded when nothing is upgraded, and unfolds it on request', async () => {
  const ops = createFakeOperations();
  ops.inspect = async () => ({ ...STATUS, plan: STATUS.plan.filter((p) => p.action !== 'upgrade') });
  await renderPane(ops);
  expect(screen.getByText('Khi chèn: tạo mới 1 trang.')).toBeTruthy();
  expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
  const n = TEMPLATE_IDS.length;
  fireEvent.click(screen.getByText(`Chọn biểu mẫu (${n}/${n})`));
  expect(await screen.findAllByRole('checkbox')).toHaveLength(n + 1);
});

it('starts live validation only after the first read of the workbook', async () => {
  const ops = createFakeOperations();
  const gate = ops.hold('inspect');
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  await waitFor(() => expect(ops.callsTo('inspect')).toHaveLength(1));
  expect(isDisabled(button('Chèn biểu mẫu'))).toBe(true);
  expect(ops.callsTo('startLiveValidation')).toHaveLength(0);
  await act(async () => gate.resolve());
  await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(1));
  expect(isDisabled(button('Chèn biểu mẫu'))).toBe(false);
});
