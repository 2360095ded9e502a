/**
 * A PAR conflict chosen in the "Tổng hợp" panel (issue 19): each conflicting criterion lists its
 * claims with a button; "Lấy điểm của đơn vị chủ trì" takes the lead unit's score, the merge is made
 * again without reading the files, and the consolidation is written again. Consolidating again with
 * the same files keeps the choice; a changed file brings the conflict back. The reader (ExcelJS) is
 * stood in for by snapshots with content hashes; the merge itself is the real core.
 */
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Consolidation, ParChoice, ReadReturn } from '../../src/consolidate/types';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { memorySettings } from '../../src/taskpane/settings';
import { makeSnapshot } from '../engine/snapshot';
import { createFakeOperations } from './fakeOperations';

/** The hash each file name reads as: a test changes one to stand for an edited file. */
const hashes: Record<string, string> = { 'snv.xlsx': 'h-snv-1', 'stp.xlsx': 'h-stp-1' };
const seenChoices: (readonly ParChoice[])[] = [];
const written: Consolidation[] = [];

jest.mock('../../src/consolidate/pane', () => {
  const core = jest.requireActual<typeof import('../../src/consolidate')>('../../src/consolidate');
  const books = (): ReadReturn[] =>
    [
      ['snv.xlsx', 'Sở Nội vụ', 0.5],
      ['stp.xlsx', 'Sở Tư pháp', 0.25],
    ].map(([file, reporter, score]) => ({
      file: file as string,
      hash: hashes[file as string],
      book: {
        file: file as string,
        reporter: reporter as string,
        snapshots: [makeSnapshot('PAR', { values: { '1.2': { score: score } } })],
        otherSheets: [],
        parseMs: 0,
      },
    }));
  return {
    Cancelled: class Cancelled extends Error {},
    applyParChoices: core.applyParChoices,
    toWrite: (consolidation: Consolidation) => {
      written.push(consolidation);
      return {
        sheets: [{ templateId: 'PAR', values: [] }],
        par: consolidation.par?.merged.map((m) => ({ rowKey: m.rowKey, score: m.score, evidence: m.evidence })) ?? null,
        sources: { name: 'Nguồn số liệu', rows: [] },
      };
    },
    readAndConsolidate: async (_files: unknown, lang: 'vi' | 'en', options: { choices?: readonly ParChoice[] }) => {
      seenChoices.push([...(options.choices ?? [])]);
      return core.consolidate(books(), lang, undefined, {}, options.choices);
    },
  };
});

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

const pick = () =>
  fireEvent.change(screen.getByTestId('consolidate-files'), {
    target: { files: [new File([new Uint8Array([1])], 'snv.xlsx'), new File([new Uint8Array([2])], 'stp.xlsx')] },
  });

it('takes the lead unit’s score of a conflict on a button press, keeps it on a re-run, drops it when the file changed', async () => {
  const ops = createFakeOperations();
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Chèn biểu mẫu' }).getAttribute('aria-disabled')).not.toBe('true'),
  );
  fireEvent.click(screen.getByRole('tab', { name: 'Tổng hợp' }));
  await screen.findByTestId('consolidate-files');
  pick();
  await waitFor(() => expect(ops.callsTo('writeConsolidation')).toHaveLength(1));
  const item = await waitFor(() => {
    const li = document.querySelector('[data-conflict="1.2"]');
    if (!(li instanceof HTMLElement)) throw new Error('no conflict listed');
    return li;
  });
  // Both claims listed, the lead's marked; nothing chosen yet.
  expect(within(item).getByText(/Sở Nội vụ \(snv\.xlsx\), đơn vị chủ trì/)).toBeTruthy();
  expect(within(item).getByText(/Sở Tư pháp \(stp\.xlsx\)$/)).toBeTruthy();
  expect(within(item).getByRole('button', { name: 'Lấy điểm này' })).toBeTruthy();
  const take = within(item).getByRole('button', { name: 'Lấy điểm của đơn vị chủ trì' });
  await waitFor(() => expect((take as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(take);

  await waitFor(() => expect(ops.callsTo('writeConsolidation')).toHaveLength(2));
  const [input] = ops.callsTo('writeConsolidation')[1] as [{ par: { rowKey: string; score: number }[] }];
  expect(input.par).toEqual([{ rowKey: '1.2', score: 0.5, evidence: '' }]);
  expect(written.at(-1)?.par?.merged[0].chosen).toMatchObject({ rowKey: '1.2', hash: 'h-snv-1', unit: 'Sở Nội vụ' });
  expect(
    within(await screen.findByTestId('consolidate-chosen')).getByText(/Tiêu chí 1\.2: lấy 0,5 điểm của Sở Nội vụ/),
  ).toBeTruthy();
  expect(document.querySelector('[data-conflict]')).toBeNull();

  // Consolidating again with the same files keeps the choice.
  pick();
  await waitFor(() => expect(ops.callsTo('writeConsolidation')).toHaveLength(3));
  expect(seenChoices.at(-1)?.map((x) => [x.rowKey, x.hash])).toEqual([['1.2', 'h-snv-1']]);
  expect(written.at(-1)?.par?.merged.map((m) => [m.rowKey, m.score])).toEqual([['1.2', 0.5]]);
  await screen.findByTestId('consolidate-chosen');
  expect(document.querySelector('[data-conflict]')).toBeNull();

  // The lead's file changed: the conflict is back, saying so.
  hashes['snv.xlsx'] = 'h-snv-2';
  pick();
  await waitFor(() => expect(ops.callsTo('writeConsolidation')).toHaveLength(4));
  expect(written.at(-1)?.par?.merged).toEqual([]);
  await screen.findByText(/tệp đó đã thay đổi/);
  expect(screen.queryByTestId('consolidate-chosen')).toBeNull();
});
