/**
 * A part of the pane whose code cannot be fetched says so in place; the rest keeps working.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TEMPLATE_IDS } from '../../src/catalog';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { vi } from '../../src/taskpane/i18n/vi';
import { memorySettings } from '../../src/taskpane/settings';
import { STATUS, createFakeOperations } from './fakeOperations';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });

// As if the checklist's chunk could not be downloaded.
jest.mock('../../src/taskpane/components/TemplateChecklist', () => {
  throw Object.assign(new Error('Loading chunk template-checklist failed.'), { name: 'ChunkLoadError' });
});

afterEach(cleanup);

it('shows a readable error where the checklist would be, and the pane stays usable', async () => {
  // React (development build) reports errors caught by a boundary on the console; keep that
  // out of the test output but check it was this error.
  const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const ops = createFakeOperations();
  ops.inspect = async () => ({ ...STATUS, plan: STATUS.plan.filter((p) => p.action !== 'upgrade') });
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  const insert = await screen.findByRole('button', { name: 'Chèn biểu mẫu' });
  await waitFor(() => expect(insert.getAttribute('aria-disabled')).not.toBe('true'));
  fireEvent.click(screen.getByText(`Chọn biểu mẫu (${TEMPLATE_IDS.length}/${TEMPLATE_IDS.length})`));
  expect(await screen.findByText('Loading chunk template-checklist failed.', { exact: false })).toBeTruthy();
  expect(screen.getByText(vi.errorTitle)).toBeTruthy();
  fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
  fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra dữ liệu' }));
  await waitFor(() => expect(ops.callsTo('validate')).toHaveLength(1));
  expect(consoleError.mock.calls.some((args) => String(args[0]).includes('template-checklist'))).toBe(true);
  consoleError.mockRestore();
});
