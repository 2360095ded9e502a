/**
 * "Đơn vị của tôi" offers the kinds of unit the plan names besides the listed departments
 * (districts and towns…), with the sheet and the outline sections that concern them.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OUTLINE } from '../../src/catalog';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { memorySettings } from '../../src/taskpane/settings';
import { createFakeOperations } from './fakeOperations';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

it('lists districts and towns, and shows their report sheet and sections without counting rows', async () => {
  const ops = createFakeOperations();
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Chèn biểu mẫu' }).getAttribute('aria-disabled')).not.toBe('true'),
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Đơn vị' }));
  const select = screen.getByRole('combobox', { name: 'Đơn vị báo cáo hoặc chủ trì tham mưu' });
  const options = within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);
  expect(options).toContain('UBND quận, huyện, thị xã');
  expect(options).toContain('Sở Nội vụ');
  fireEvent.change(select, { target: { value: 'kind:district' } });
  const guide = await screen.findByTestId('unit-kind-guide');
  expect(guide.textContent).toContain('“Đề cương báo cáo”');
  const sections = OUTLINE.filter((r) => r.level === 1);
  expect(sections.length).toBeGreaterThan(0);
  expect(within(guide).getAllByRole('listitem')).toHaveLength(sections.length);
  expect(ops.callsTo('unitProgress')).toHaveLength(0);
  // Back to a named unit: its rows are counted again.
  fireEvent.change(select, { target: { value: 'SNV' } });
  await screen.findByText('Đã nhập 3/4 ô');
  expect(screen.queryByTestId('unit-kind-guide')).toBeNull();
});
