/**
 * The pane's legend of the sheet's colours: each finding's cell reference is drawn as the check's
 * mark draws that cell in the sheet (errors red, warnings orange, the plan's own colours).
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TaskPane } from '../../src/taskpane/components/TaskPane';
import { memorySettings } from '../../src/taskpane/settings';
import { CF_FORMATS } from '../../src/layout/rules';
import type { ValidationReport } from '../../src/contracts/operations';
import { createFakeOperations, finding } from './fakeOperations';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

const REPORT: ValidationReport = {
  findings: [
    finding({ cell: 'D7', severity: 'error' }),
    finding({ cell: 'E9', severity: 'warning', code: 'sum-mismatch', fix: undefined }),
    // One cell, an error and a warning: the sheet marks it as an error.
    finding({ cell: 'F11', severity: 'warning', code: 'percent-format', fix: undefined }),
    finding({ cell: 'F11', severity: 'error', code: 'not-a-number', fix: undefined }),
    // A whole-row finding points at the key column: never marked.
    finding({ cell: 'A12', severity: 'error', code: 'row-missing', column: null, fix: undefined }),
    // Notes are not marked.
    finding({ cell: 'G13', severity: 'info', code: 'implausible-jump', fix: undefined }),
    // Another sheet's D7 is another cell: marked by its own findings only.
    finding({ sheet: 'PAR 2021', cell: 'D7', severity: 'warning', code: 'evidence-missing', fix: undefined }),
  ],
  counts: { error: 3, warning: 3, info: 1 },
  cellsChecked: 120,
  cellsFilled: 30,
  syncs: 1,
  notes: [],
};

/** '#RRGGBB' as getComputedStyle reports a colour. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

it('draws each finding’s cell as the sheet marks it: errors red, warnings orange, unmarked plain', async () => {
  const ops = createFakeOperations();
  render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage="vi" />);
  await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(1));
  fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
  act(() => ops.emitLive(REPORT));
  // Notes are gathered by kind, one line that opens: opened, their cells are listed too.
  fireEvent.click(screen.getByRole('button', { name: '▸ 1 số liệu thay đổi bất thường' }));

  const chips = (sheet: string) =>
    [...document.querySelectorAll<HTMLElement>('li[data-finding]')]
      .filter((li) => li.dataset.key?.startsWith(`${sheet}!`))
      .map((li) => {
        const chip = [...li.querySelectorAll<HTMLElement>('span')].find((s) => s.textContent === li.dataset.cell)!;
        return { key: `${li.dataset.cell}:${li.dataset.finding}`, mark: chip.dataset.mark ?? null, chip };
      });
  const ii = chips('II. Văn bản QPPL');
  expect(Object.fromEntries(ii.map((c) => [c.key, c.mark]))).toEqual({
    'D7:decimal-comma': 'error',
    'E9:sum-mismatch': 'warning',
    'F11:percent-format': 'error',
    'F11:not-a-number': 'error',
    'A12:row-missing': null,
    'G13:implausible-jump': null,
  });
  expect(chips('PAR 2021').map((c) => c.mark)).toEqual(['warning']);

  // The colours are the plan's: what the sheet's 'flagged' and 'flaggedWarning' rules paint.
  const style = (key: string) => getComputedStyle(ii.find((c) => c.key === key)!.chip);
  expect(style('D7:decimal-comma').backgroundColor).toBe(rgb(CF_FORMATS.flagged.fill!));
  expect(style('D7:decimal-comma').color).toBe(rgb(CF_FORMATS.flagged.fontColor!));
  expect(style('E9:sum-mismatch').backgroundColor).toBe(rgb(CF_FORMATS.flaggedWarning.fill!));
  expect(style('E9:sum-mismatch').color).toBe(rgb(CF_FORMATS.flaggedWarning.fontColor!));
  expect(style('A12:row-missing').backgroundColor).not.toBe(rgb(CF_FORMATS.flagged.fill!));
});

it('explains every colour a template sheet draws, in the plan’s own colours, in both languages', async () => {
  const { CONDITIONAL_PURPOSES } = await import('../../src/layout/types');
  for (const language of ['vi', 'en'] as const) {
    const ops = createFakeOperations();
    render(<TaskPane operations={ops} settings={memorySettings()} initialLanguage={language} />);
    await waitFor(() => expect(ops.callsTo('startLiveValidation')).toHaveLength(1));
    fireEvent.click(screen.getByRole('tab', { name: language === 'vi' ? 'Kiểm tra' : 'Check' }));
    const legend = await screen.findByTestId('marks-legend');
    const items = [...legend.querySelectorAll<HTMLElement>('li[data-purpose]')];
    // Every rule of every template sheet has its line, the sheet's own new ones included.
    expect(items.map((li) => li.dataset.purpose).sort()).toEqual([...CONDITIONAL_PURPOSES].sort());
    for (const li of items) {
      const f = CF_FORMATS[li.dataset.purpose as keyof typeof CF_FORMATS];
      const swatch = getComputedStyle(li.querySelector('span')!);
      expect(swatch.backgroundColor).toBe(rgb(f.fill!));
      expect(swatch.color).toBe(rgb(f.fontColor!));
      expect(li.textContent!.length).toBeGreaterThan(20);
    }
    const sum = items.find((li) => li.dataset.purpose === 'sumMismatch')!.textContent;
    expect(sum).toMatch(language === 'vi' ? /dòng tổng/ : /total row/);
    cleanup();
  }
});
