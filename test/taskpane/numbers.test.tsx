/**
 * Numbers in the user's own format (issue 14, item 3): the pane writes numbers with the decimal
 * separator this Excel uses, whatever the pane's language, and says it beside a "0,5" finding.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { localeFor, settingsFromDisplayLanguage, type NumberSettings } from '../../src/taskpane/numbers';
import { memorySettings } from '../../src/taskpane/settings';
import { createFakeOperations } from './fakeOperations';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

it('guesses from the display language when Excel cannot say, and picks a locale per separator', () => {
  expect(settingsFromDisplayLanguage('en-US').decimalSeparator).toBe('.');
  expect(settingsFromDisplayLanguage('vi-VN').decimalSeparator).toBe(',');
  expect(settingsFromDisplayLanguage(undefined).decimalSeparator).toBe(',');
  expect(localeFor({ decimalSeparator: '.', source: 'excel' }, 'vi-VN')).toBe('en-US');
  expect(localeFor(null, 'vi-VN')).toBe('vi-VN');
});

async function totalsAndFindings(
  numberSettings: NumberSettings | null,
): Promise<{ total: string; hint: string | null }> {
  const ops = createFakeOperations();
  render(
    <TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" numberSettings={numberSettings} />,
  );
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Chèn biểu mẫu' }).getAttribute('aria-disabled')).not.toBe('true'),
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Tổng điểm' }));
  fireEvent.click(screen.getByRole('button', { name: 'Tính tổng và so sánh mục tiêu' }));
  const total = (await screen.findByTestId('par-total')).textContent ?? '';
  fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
  fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
  await screen.findByText('Lỗi: 2');
  const hint = screen.queryByTestId('separator-hint')?.textContent ?? null;
  cleanup();
  return { total, hint };
}

it('follows Excel’s decimal separator in a Vietnamese pane, and says it beside the "0,5" finding', async () => {
  const point = await totalsAndFindings({ decimalSeparator: '.', source: 'excel' });
  expect(point.total).toContain('92.418');
  expect(point.total).not.toContain('92,418');
  expect(point.hint).toContain('dấu chấm “.”');
  const comma = await totalsAndFindings({ decimalSeparator: ',', source: 'excel' });
  expect(comma.total).toContain('92,418');
  expect(comma.hint).toContain('dấu phẩy “,”');
  // Unknown settings: the language's own way, and no claim about this Excel.
  const unknown = await totalsAndFindings(null);
  expect(unknown.total).toContain('92,418');
  expect(unknown.hint).toBeNull();
});
