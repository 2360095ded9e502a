/**
 * The playground's grid against a real in-memory workbook (templates inserted by the real
 * adapter): typing commits through data validation, paste bypasses it, tabs switch sheets.
 */
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createExcelOperations } from '../../src/excel';
import { buildSheetPlan } from '../../src/layout';
import { parseCell, parseRange } from '../../src/layout/a1';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import { clipboardRows } from '../../src/playground/cellEditing';
import { SheetGrid } from '../../src/playground/SheetGrid';
import { PLAYGROUND_STRINGS } from '../../src/playground/strings';

jest.setTimeout(60_000);
configure({ asyncUtilTimeout: 10_000 });

const II = buildSheetPlan('II');
const row = II.rows.find((r) => r.key === 'II.1')!;
const COUNT = `${row.inputs['2019']}${row.row}`;
const NEXT = `${row.inputs['2020']}${row.row}`;

async function workbookWithII(): Promise<MemoryWorkbook> {
  const workbook = createMemoryWorkbook();
  const ops = createExcelOperations({
    run: workbook.run,
    requirements: { isSetSupported: (name, version) => workbook.isSetSupported(name, version) },
  });
  await ops.inject(['II']);
  return workbook;
}

const td = (address: string) => document.querySelector(`td[data-address="${address}"]`) as HTMLElement;
const editor = () => screen.getByTestId('cell-editor') as HTMLInputElement;

async function showII(workbook: MemoryWorkbook) {
  render(<SheetGrid workbook={workbook} strings={PLAYGROUND_STRINGS.vi} />);
  fireEvent.click(screen.getByRole('button', { name: II.name }));
  await waitFor(() => expect(workbook.activeSheetName()).toBe(II.name));
}

function typeInto(address: string, text: string) {
  fireEvent.mouseDown(td(address));
  fireEvent.keyDown(editor(), { key: text[0] });
  if (text.length > 1) fireEvent.change(editor(), { target: { value: text } });
  fireEvent.keyDown(editor(), { key: 'Enter' });
}

beforeAll(() => {
  // jsdom does no layout; the grid scrolls the selected cell into view.
  Element.prototype.scrollIntoView = function scrollIntoView() {};
});

afterEach(cleanup);

it('reads pasted text as rows of tab-separated cells', () => {
  expect(clipboardRows('0,5')).toEqual([['0,5']]);
  expect(clipboardRows('a\tb\r\nc\td\r\n')).toEqual([
    ['a', 'b'],
    ['c', 'd'],
  ]);
  expect(clipboardRows('x\n\ny')).toEqual([['x'], [''], ['y']]);
});

it('draws every cell with its address and one tab button per sheet', async () => {
  const workbook = await workbookWithII();
  await showII(workbook);
  expect(screen.getByRole('button', { name: 'Sheet1' })).toBeTruthy();
  expect(td('A1').textContent).toMatch(/^cchc-template:II@/);
  expect(td(COUNT)).toBeTruthy();
  // The hidden key column is drawn narrow and says so.
  expect(td(`A${row.row}`).getAttribute('title')).toBe(PLAYGROUND_STRINGS.vi.hiddenColumn);
});

it('commits a valid typed value with Enter and moves down', async () => {
  const workbook = await workbookWithII();
  await showII(workbook);
  typeInto(COUNT, '12');
  await waitFor(() => expect(td(COUNT).textContent).toBe('12'));
  expect(workbook.getCell(II.name, COUNT).value).toBe(12);
  const below = `${row.inputs['2019']}${row.row + 1}`;
  await waitFor(() => expect(td(below).getAttribute('aria-selected')).toBe('true'));
});

it("refuses an invalid typed value with Excel's alert; Retry reopens the entry, Cancel drops it", async () => {
  const workbook = await workbookWithII();
  await showII(workbook);
  typeInto(COUNT, 'abc');
  const alert = await screen.findByRole('alertdialog');
  const { row: r, col: c } = parseCell(COUNT);
  const rule = II.validations.find((v) => {
    const area = parseRange(v.range);
    return area.top <= r && r <= area.bottom && area.left <= c && c <= area.right;
  });
  expect(rule).toBeDefined();
  expect(within(alert).getByRole('heading').textContent).toBe(rule?.error.title);
  expect(workbook.getCell(II.name, COUNT).value).toBe('');
  fireEvent.click(within(alert).getByRole('button', { name: 'Thử lại' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(editor().value).toBe('abc');
  fireEvent.keyDown(editor(), { key: 'Enter' });
  fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Hủy' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(td(COUNT).textContent).toBe('');
});

it('pastes text into the selected cell without data validation, as Excel does', async () => {
  const workbook = await workbookWithII();
  await showII(workbook);
  const paste = jest.spyOn(workbook, 'pasteFromUser');
  fireEvent.mouseDown(td(NEXT));
  await act(async () => {
    fireEvent.paste(editor(), { clipboardData: { getData: (type: string) => (type === 'text/plain' ? '0,5' : '') } });
  });
  expect(paste).toHaveBeenCalledWith(II.name, NEXT, [['0,5']]);
  await waitFor(() => expect(td(NEXT).textContent).toBe('0,5'));
  expect(workbook.getCell(II.name, NEXT).value).toBe('0,5');
  expect(screen.queryByRole('alertdialog')).toBeNull();
});
