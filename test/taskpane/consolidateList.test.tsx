/**
 * Consolidating many files (issue 23, item 4): the counts at the top say how many files were read,
 * have errors, could not be read or repeat a unit, and filter the list; while reading, each file
 * says what is true of it then (waiting, being read, read, unreadable), never "Đã tổng hợp" before
 * the totals are made. The reader is stood in for (snapshots and one refusal); the core is real.
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Consolidator } from '../../src/consolidate';
import type { Consolidation, ReadReturn, SourceFile } from '../../src/consolidate/types';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { memorySettings } from '../../src/taskpane/settings';
import { listedFiles } from '../../src/taskpane/consolidateList';
import { InputError } from '../../src/xlsx/errors';
import { makeSnapshot } from '../engine/snapshot';
import { createFakeOperations } from './fakeOperations';

/** Each file is read when the test lets it (one `step()` a file). */
const gates: (() => void)[] = [];
const step = () => act(async () => gates.shift()?.());

const READS: ReadReturn[] = [
  {
    file: 'snv.xlsx',
    book: { file: 'snv.xlsx', reporter: 'Sở Nội vụ', snapshots: [makeSnapshot('I')], otherSheets: [], parseMs: 0 },
  },
  {
    file: 'hong.xlsx',
    error: new InputError('hong.xlsx', 'not-xlsx', { vi: 'Tệp bị hỏng.', en: 'The file is damaged.' }),
  },
  {
    file: 'stp.xlsx',
    book: {
      file: 'stp.xlsx',
      reporter: 'Sở Tư pháp',
      snapshots: [makeSnapshot('I', { values: { 'I.1': { '2019': -3 } } })],
      otherSheets: [],
      parseMs: 0,
    },
  },
  {
    file: 'snv-2.xlsx',
    book: { file: 'snv-2.xlsx', reporter: 'Sở Nội vụ', snapshots: [makeSnapshot('I')], otherSheets: [], parseMs: 0 },
  },
] as ReadReturn[];

jest.mock('../../src/consolidate/pane', () => ({
  Cancelled: class Cancelled extends Error {},
  applyParChoices: (c: Consolidation) => c,
  toWrite: () => ({
    sheets: [{ templateId: 'I', values: [] }],
    par: null,
    sources: { name: 'Nguồn số liệu', rows: [] },
  }),
  readAndConsolidate: async (
    _files: unknown,
    lang: 'vi' | 'en',
    options: { onFile?: (done: number, source: SourceFile) => void },
  ) => {
    const core = new Consolidator(lang);
    for (const [i, read] of READS.entries()) {
      await new Promise<void>((resolve) => gates.push(resolve));
      options.onFile?.(i + 1, core.add(read));
    }
    await new Promise<void>((resolve) => gates.push(resolve));
    return core.finish();
  },
}));

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

const states = () =>
  Object.fromEntries(
    [...document.querySelectorAll<HTMLElement>('li[data-file]')].map((li) => [li.dataset.file, li.dataset.state]),
  );
const statusText = (file: string) =>
  document.querySelector<HTMLElement>(`li[data-file="${file}"] [data-status]`)?.textContent ?? '';

it('says what is true of each file while reading, counts read / with errors / unreadable / duplicate files and filters by them', async () => {
  const ops = createFakeOperations();
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Chèn biểu mẫu' }).getAttribute('aria-disabled')).not.toBe('true'),
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Tổng hợp' }));
  fireEvent.change(await screen.findByTestId('consolidate-files'), {
    target: { files: READS.map((r) => new File([new Uint8Array([1])], r.file)) },
  });
  // Every picked file is listed from the start: the first is being read, the others wait.
  await waitFor(() => expect(gates).toHaveLength(1));
  await waitFor(() =>
    expect(states()).toEqual({
      'snv.xlsx': 'reading',
      'hong.xlsx': 'waiting',
      'stp.xlsx': 'waiting',
      'snv-2.xlsx': 'waiting',
    }),
  );
  await step();
  await step();
  await waitFor(() =>
    expect(states()).toEqual({
      'snv.xlsx': 'read',
      'hong.xlsx': 'unreadable',
      'stp.xlsx': 'reading',
      'snv-2.xlsx': 'waiting',
    }),
  );
  // Read, not yet consolidated: no "Đã tổng hợp", no "Đã điền 0/… ô".
  expect(statusText('snv.xlsx')).toBe('Đã đọc');
  expect(document.body.textContent).not.toMatch(/Đã tổng hợp|Đã điền/);
  const summary = screen.getByTestId('consolidate-summary');
  expect(within(summary).getByRole('button', { name: 'Không đọc được: 1' })).toBeTruthy();

  await step();
  await step();
  await waitFor(() => expect(states()['snv-2.xlsx']).toBe('duplicate'));
  expect(states()['stp.xlsx']).toBe('read');
  await step(); // the totals are made
  await waitFor(() => expect(ops.callsTo('writeConsolidation')).toHaveLength(1));
  await waitFor(() => expect(states()['snv.xlsx']).toBe('used'));
  expect(statusText('snv.xlsx')).toBe('Đã tổng hợp');
  expect(states()).toEqual({
    'snv.xlsx': 'used',
    'hong.xlsx': 'unreadable',
    'stp.xlsx': 'used',
    'snv-2.xlsx': 'duplicate',
  });

  // The counts at the top, each a filter (a pressed button).
  const counts = within(summary)
    .getAllByRole('button')
    .map((b) => b.textContent);
  expect(counts).toEqual(['Đã đọc: 3', 'Có lỗi: 1', 'Không đọc được: 1', 'Trùng đơn vị: 1']);
  const unreadable = within(summary).getByRole('button', { name: 'Không đọc được: 1' });
  fireEvent.click(unreadable);
  expect(unreadable.getAttribute('aria-pressed')).toBe('true');
  expect(Object.keys(states())).toEqual(['hong.xlsx']);
  fireEvent.click(within(summary).getByRole('button', { name: 'Có lỗi: 1' }));
  expect(unreadable.getAttribute('aria-pressed')).toBe('false');
  expect(Object.keys(states())).toEqual(['stp.xlsx']);
  fireEvent.click(within(summary).getByRole('button', { name: 'Trùng đơn vị: 1' }));
  expect(Object.keys(states())).toEqual(['snv-2.xlsx']);
  fireEvent.click(within(summary).getByRole('button', { name: 'Trùng đơn vị: 1' }));
  expect(Object.keys(states())).toHaveLength(4);
});

it('says "Chưa đọc" of the files a cancelled reading left, not "Chờ đọc"', () => {
  const core = new Consolidator('vi');
  const first = core.add(READS[0]);
  const picked = READS.map((r) => r.file);
  expect(listedFiles(picked, [first], true, false).map((l) => l.state)).toEqual([
    'read',
    'reading',
    'waiting',
    'waiting',
  ]);
  expect(listedFiles(picked, [first], false, false).map((l) => l.state)).toEqual([
    'read',
    'skipped',
    'skipped',
    'skipped',
  ]);
});
