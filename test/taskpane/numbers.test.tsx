/**
 * Numbers in the user's own format (issue 14, item 3): the pane writes numbers with the decimal
 * separator this Excel uses, whatever the pane's language; beside a "0,5" finding the separator is
 * said once, by the engine's message, never again by the pane; the consolidation's messages follow
 * the same separator.
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ValidationReport } from '../../src/contracts/operations';
import { validateSheet } from '../../src/engine';
import type { DecimalSeparator } from '../../src/layout/types';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { paneNumbers, rememberDecimal, rememberedDecimal, type NumberSettings } from '../../src/taskpane/numbers';
import { memorySettings } from '../../src/taskpane/settings';
import { makeSnapshot } from '../engine/snapshot';
import { createFakeOperations } from './fakeOperations';

/**
 * What the pane's "Tổng hợp" hands the consolidation core. The file reader (src/consolidate/pane)
 * brings ExcelJS, which this project's transform cannot load: here the real core consolidates no
 * file, with the options the panel gave (the core with the separator: test/consolidate).
 */
const consolidateCalls: { decimalSeparator?: DecimalSeparator | null }[] = [];
jest.mock('../../src/consolidate/pane', () => {
  const { Consolidator } = jest.requireActual<typeof import('../../src/consolidate')>('../../src/consolidate');
  return {
    Cancelled: class Cancelled extends Error {},
    toWrite: () => {
      throw new Error('nothing to write');
    },
    readAndConsolidate: async (
      _files: unknown,
      lang: 'vi' | 'en',
      options: { decimalSeparator?: DecimalSeparator | null },
    ) => {
      consolidateCalls.push({ decimalSeparator: options.decimalSeparator });
      return new Consolidator(lang, undefined, options).finish();
    },
  };
});

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

it('writes numbers per separator', () => {
  expect(paneNumbers('vi', { decimalSeparator: '.', source: 'excel' })(92.418)).toBe('92.418');
  expect(paneNumbers('vi', null)(92.418)).toBe('92,418');
  expect(paneNumbers('en', null)(0.8555, 2)).toBe('0.86');
});

it('writes numbers as the findings’ messages do: no thousands mark that reads as the other separator', () => {
  // Intl grouped 12345.5 as "12.345,5" (vi) and "12,345.5" (en); the engine's messages write 12345,5.
  expect(paneNumbers('vi', null)(12345.5)).toBe('12345,5');
  expect(paneNumbers('en', { decimalSeparator: ',', source: 'excel' })(12345.5)).toBe('12345,5');
  expect(paneNumbers('en', null)(12345.5)).toBe('12345.5');
});

it('remembers the official’s answer per workbook', () => {
  const settings = memorySettings();
  expect(rememberedDecimal(settings, 'https://x/a.xlsx')).toBeNull();
  void rememberDecimal(settings, 'https://x/a.xlsx', '.');
  expect(rememberedDecimal(settings, 'https://x/a.xlsx')).toEqual({ decimalSeparator: '.', source: 'official' });
  // Another workbook is asked about again; a workbook without a URL is not remembered at all.
  expect(rememberedDecimal(settings, 'https://x/b.xlsx')).toBeNull();
  void rememberDecimal(settings, null, ',');
  expect(rememberedDecimal(settings, null)).toBeNull();
  expect(settings.values.size).toBe(1);
});

function renderPane(numberSettings: NumberSettings | null) {
  const ops = createFakeOperations();
  render(
    <TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" numberSettings={numberSettings} />,
  );
  return ops;
}

async function ready(): Promise<void> {
  await waitFor(() =>
    expect(screen.getByRole('button', { name: 'Chèn biểu mẫu' }).getAttribute('aria-disabled')).not.toBe('true'),
  );
}

async function total(numberSettings: NumberSettings | null): Promise<string> {
  renderPane(numberSettings);
  await ready();
  fireEvent.click(screen.getByRole('tab', { name: 'Tổng điểm' }));
  fireEvent.click(screen.getByRole('button', { name: 'Tính tổng và so sánh mục tiêu' }));
  const text = (await screen.findByTestId('par-total')).textContent ?? '';
  cleanup();
  return text;
}

it('follows Excel’s decimal separator in a Vietnamese pane', async () => {
  const point = await total({ decimalSeparator: '.', source: 'excel' });
  expect(point).toContain('92.418');
  expect(point).not.toContain('92,418');
  expect(await total({ decimalSeparator: ',', source: 'excel' })).toContain('92,418');
  // Unknown settings: the language's own way.
  expect(await total(null)).toContain('92,418');
});

/**
 * The text of the "0,5" finding's list item, the finding as the engine writes it for an adapter
 * told `excel` (null: Excel did not say), shown in a pane with `numberSettings`.
 */
async function commaFindingText(excel: DecimalSeparator | null, numberSettings: NumberSettings | null) {
  const snapshot = makeSnapshot('PAR', { values: { '1.1': { score: '0,5' } } });
  const findings = validateSheet(snapshot, { decimalSeparator: excel }).findings;
  const report: ValidationReport = {
    findings,
    counts: { error: 0, warning: findings.length, info: 0 },
    cellsChecked: 1,
    cellsFilled: 1,
    syncs: 1,
    notes: [],
  };
  const ops = renderPane(numberSettings);
  await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(1));
  fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
  act(() => ops.emitLive(report));
  const item = document.querySelector<HTMLElement>('li[data-finding="decimal-comma"]');
  const text = item?.textContent ?? '';
  cleanup();
  return text;
}

const claims = (text: string) => text.split('Excel này dùng').length - 1;

it('says which separator this Excel uses once, in the finding’s own words, not again under it', async () => {
  const told = await commaFindingText('.', { decimalSeparator: '.', source: 'excel' });
  expect(told).toContain('Excel này dùng dấu chấm "." làm dấu thập phân, không phải dấu phẩy.');
  expect(claims(told)).toBe(1);
  // An Excel set to ",", or one that could not say and the official has not answered: no claim.
  for (const settings of [{ decimalSeparator: ',', source: 'excel' } as const, null]) {
    const text = await commaFindingText(settings?.decimalSeparator ?? null, settings);
    expect(text).toContain('"0,5" đang lưu dạng văn bản');
    expect(claims(text)).toBe(0);
  }
});

it('hands the consolidation this Excel’s separator, so its lists write numbers as Excel does', async () => {
  renderPane({ decimalSeparator: '.', source: 'excel' });
  await ready();
  fireEvent.click(screen.getByRole('tab', { name: 'Tổng hợp' }));
  const input = await screen.findByTestId('consolidate-files');
  const file = new File([new Uint8Array([1])], 'don-vi.xlsx');
  fireEvent.change(input, { target: { files: [file] } });
  await waitFor(() => expect(consolidateCalls).toHaveLength(1));
  expect(consolidateCalls[0].decimalSeparator).toBe('.');
});

it('hands the consolidation the official’s answer where Excel could not say', async () => {
  consolidateCalls.length = 0;
  renderPane({ decimalSeparator: '.', source: 'official' });
  await ready();
  fireEvent.click(screen.getByRole('tab', { name: 'Tổng hợp' }));
  const input = await screen.findByTestId('consolidate-files');
  fireEvent.change(input, { target: { files: [new File([new Uint8Array([1])], 'don-vi.xlsx')] } });
  await waitFor(() => expect(consolidateCalls).toHaveLength(1));
  expect(consolidateCalls[0].decimalSeparator).toBe('.');
});

it('asks once where Excel cannot say, and hands the answer on instead of guessing', async () => {
  const answers: string[] = [];
  const ops = createFakeOperations();
  const view = render(
    <TaskPane
      operations={ops}
      settings={memorySettings()}
      initialLanguage="en"
      numberSettings={null}
      askDecimal={(separator) => answers.push(separator)}
    />,
  );
  const question = await screen.findByTestId('decimal-question');
  expect(question.textContent).toContain('How is one half written');
  fireEvent.click(screen.getByRole('button', { name: '0,5 (comma)' }));
  expect(answers).toEqual([',']);
  // Given the answer, the pane stops asking and writes numbers with it.
  view.rerender(
    <TaskPane
      operations={ops}
      settings={memorySettings()}
      initialLanguage="en"
      numberSettings={{ decimalSeparator: ',', source: 'official' }}
      askDecimal={(separator) => answers.push(separator)}
    />,
  );
  expect(screen.queryByTestId('decimal-question')).toBeNull();
});
