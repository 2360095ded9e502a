/**
 * "Tổng hợp" in a workbook that holds a unit's figures (issue 19): the adapter refuses to write
 * there, the pane says so and offers the consolidation as a workbook of its own, opened through
 * the adapter's openWorkbook (Excel.createWorkbook) with the .xlsx writer's bytes as base64.
 * The reader and the writer bring ExcelJS, which this project's DOM transform cannot load: both are
 * stood in for here (the real ones: test/consolidate/writeConsolidation.test.ts).
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { memorySettings } from '../../src/taskpane/settings';
import { createFakeOperations } from './fakeOperations';

jest.mock('../../src/consolidate/pane', () => {
  const { Consolidator } = jest.requireActual<typeof import('../../src/consolidate')>('../../src/consolidate');
  return {
    Cancelled: class Cancelled extends Error {},
    toWrite: () => ({ sheets: [], par: null, sources: { name: 'Nguồn số liệu', rows: [] } }),
    readAndConsolidate: async (_files: unknown, lang: 'vi' | 'en') => ({
      ...new Consolidator(lang).finish(),
      templates: ['I'],
    }),
  };
});

/** The bytes "PK\x03\x04" (an .xlsx starts so): base64 "UEsDBA==". */
const writerCalls: unknown[] = [];
jest.mock('../../src/xlsxWrite/writeConsolidation', () => ({
  consolidatedWorkbook: async (consolidation: unknown, lang: string) => {
    writerCalls.push([consolidation, lang]);
    return new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
  },
}));

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

it('a refused write (the workbook holds a unit’s figures) is offered as a new workbook, opened on request', async () => {
  const ops = createFakeOperations();
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Chèn biểu mẫu' }).getAttribute('aria-disabled')).not.toBe('true'),
  );
  ops.failNext('writeConsolidation', {
    code: 'HoldsUnitData',
    vi: 'Sổ làm việc đang mở chứa số liệu của một đơn vị báo cáo.',
    en: "The open workbook holds a reporting unit's own figures.",
  });
  fireEvent.click(screen.getByRole('tab', { name: 'Tổng hợp' }));
  const input = await screen.findByTestId('consolidate-files');
  fireEvent.change(input, { target: { files: [new File([new Uint8Array([1])], 'don-vi.xlsx')] } });
  const offer = await screen.findByTestId('consolidate-new-workbook');
  expect(ops.callsTo('writeConsolidation')).toHaveLength(1);
  expect(ops.callsTo('openWorkbook')).toHaveLength(0);
  fireEvent.click(within(offer).getByRole('button', { name: 'Mở bảng tổng hợp trong sổ làm việc mới' }));
  await waitFor(() => expect(ops.callsTo('openWorkbook')).toEqual([['UEsDBA==']]));
  expect(writerCalls).toHaveLength(1);
  await screen.findByText(/Đã mở bảng tổng hợp trong một sổ làm việc mới/);
});
