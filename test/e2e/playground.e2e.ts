/**
 * The built playground (dist/playground.html) in Debian's Chromium: an official's path through
 * the task pane against the in-memory workbook, with a screenshot at every step
 * (test-output/screenshots/). The steps share one page and run in order.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PAR_ROWS } from '../../src/catalog';
import { buildSheetPlan } from '../../src/layout';
import type { SheetPlan } from '../../src/layout/types';
import { screenshotPath, type Browser, type StaticServer, openPlayground, type PlaygroundSession } from './support';
import { axeViolations } from './axe';
import { firstInputCell } from '../../src/excel/ops/templates';

jest.setTimeout(120_000);

const PAR: SheetPlan = buildSheetPlan('PAR');
const III: SheetPlan = buildSheetPlan('III');

/** The cell of a row's input column in a freshly inserted sheet (rows are found by key, as everywhere). */
function inputCell(plan: SheetPlan, rowKey: string, columnId: string): string {
  const row = plan.rows.find((r) => r.key === rowKey);
  const letter = row?.inputs[columnId];
  if (!row || !letter) throw new Error(`${plan.name} has no input ${columnId} on row ${rowKey}`);
  return `${letter}${row.row}`;
}

function rowOf(plan: SheetPlan, rowKey: string): number {
  const row = plan.rows.find((r) => r.key === rowKey);
  if (!row) throw new Error(`${plan.name} has no row ${rowKey}`);
  return row.row;
}

function belowTargetFill(plan: SheetPlan): string {
  const cf = plan.conditionalFormats.find((c) => c.purpose === 'belowTarget');
  if (!cf?.format.fill) throw new Error('PAR plan has no below-target fill');
  return cf.format.fill;
}

/** '#FFEB9C' → 'rgb(255, 235, 156)', as getComputedStyle reports it. */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

let session: PlaygroundSession;
let server: StaticServer;
let browser: Browser;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  session = await openPlayground();
  ({ page, server, browser, pageErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

afterEach(() => {
  // An uncaught error in the page is a failure of whatever step caused it.
  expect(pageErrors).toEqual([]);
});

const pane = () => page.getByTestId('task-pane');
const cell = (address: string) => page.locator(`td[data-address="${address}"]`);
const shot = (name: string) => page.screenshot({ path: screenshotPath(name) });

/** One screen per job: the pane's views are tabs. */
async function openTab(name: string): Promise<void> {
  const tab = pane().getByRole('tab', { name, exact: true });
  await tab.click();
  await page.waitForFunction((el) => el?.getAttribute('aria-selected') === 'true', await tab.elementHandle());
}

async function enabled(button: Locator): Promise<void> {
  await button.waitFor();
  await page.waitForFunction(
    (el) => el !== null && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true',
    await button.elementHandle(),
  );
}

async function cellText(address: string, expected: string | RegExp): Promise<void> {
  const pattern =
    typeof expected === 'string' ? `^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : expected.source;
  await page.waitForFunction(
    ([a, p]) => new RegExp(p).test(document.querySelector(`td[data-address="${a}"]`)?.textContent ?? '\u0000'),
    [address, pattern] as const,
  );
}

async function openSheet(name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('nav button[aria-current="true"]')?.textContent === n, name);
}

async function typeInto(address: string, text: string): Promise<void> {
  await cell(address).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** A paste of plain text with Ctrl+V, through the system clipboard of the browser. */
async function pasteInto(address: string, text: string): Promise<void> {
  await cell(address).click();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

it('opens in Vietnamese with one tab per job and an empty workbook', async () => {
  for (const name of ['Biểu mẫu', 'Kiểm tra', 'Tổng điểm', 'Đơn vị'])
    await pane().getByRole('tab', { name, exact: true }).waitFor();
  await enabled(pane().getByRole('button', { name: 'Chèn biểu mẫu', exact: true }));
  await page.getByRole('button', { name: 'Sheet1', exact: true }).waitFor();
  await shot('01-start');
});

it('inserts the templates: one tab per template sheet', async () => {
  await pane().getByRole('button', { name: 'Chèn biểu mẫu', exact: true }).click();
  await pane().getByText('Đã chèn biểu mẫu').waitFor();
  for (const id of ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'PAR', 'STATUS'] as const)
    await page.getByRole('button', { name: buildSheetPlan(id).name, exact: true }).waitFor();
  // The first inserted sheet is shown with its first input cell selected, not the marker in A1.
  const first = buildSheetPlan('I');
  const selected = firstInputCell(first);
  expect(selected).not.toBeNull();
  expect(selected).not.toBe('A1');
  await page.waitForFunction(
    ([n, a]) =>
      document.querySelector('nav button[aria-current="true"]')?.textContent === n &&
      document.querySelector(`td[data-address="${a}"]`)?.getAttribute('aria-selected') === 'true',
    [first.name, selected as string] as const,
  );
  expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
  await openSheet(PAR.name);
  // The marker sits in A1 and the hidden key column holds the row keys.
  await cellText('A1', /^cchc-template:PAR@/);
  await cellText(`A${rowOf(PAR, '1.1')}`, '1.1');
  await shot('02-templates-inserted');
});

it('accepts a valid typed score and refuses an invalid one with the data-validation alert', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const g = inputCell(PAR, '1.1', 'score');
  await typeInto(g, 'abc');
  const alert = page.getByRole('alertdialog');
  await alert.waitFor();
  const rule = PAR.validations.find((v) => v.range.split(':')[0] === g);
  expect(rule).toBeDefined();
  expect(await alert.textContent()).toContain(rule!.error.title);
  await shot('03-typed-invalid-alert');
  await alert.getByRole('button', { name: 'Hủy' }).click();
  await alert.waitFor({ state: 'detached' });
  await cellText(g, '');

  // Below its 2021 target (1.5): the row is highlighted later.
  await typeInto(g, '1');
  await cellText(g, /^1([.,]0+)?$/);
  await shot('04-typed-valid');
});

it('lets a paste through where typing is refused (paste bypasses data validation): "0,5" and "85%"', async () => {
  const g = inputCell(PAR, '1.2', 'score');
  await typeInto(g, '0,5');
  const alert = page.getByRole('alertdialog');
  await alert.waitFor();
  await alert.getByRole('button', { name: 'Hủy' }).click();
  await alert.waitFor({ state: 'detached' });
  await pasteInto(g, '0,5');
  await cellText(g, '0,5');
  // Marked at once: by the sheet's "invalid" conditional format, or by live validation's flag.
  const marks = PAR.conditionalFormats
    .filter((c) => c.purpose === 'invalid' || c.purpose === 'flagged')
    .map((c) => rgb(c.format.fill ?? '#FFFFFF'));
  await page.waitForFunction(
    ([a, fills]) => {
      const td = document.querySelector(`td[data-address="${a}"]`);
      return td !== null && fills.includes(getComputedStyle(td).backgroundColor);
    },
    [g, marks] as const,
  );
  await shot('05-pasted-decimal-comma');

  await openSheet(III.name);
  const percent = inputCell(III, 'III.5.a', '2019');
  await pasteInto(percent, '85%');
  await cellText(percent, /^85([.,]0+)?%$/);
  const count = inputCell(III, 'III.1', '2019');
  await typeInto(count, '12');
  await cellText(count, '12');
  await shot('06-pasted-percent');
});

it('validates: the pasted "0,5" is listed under its sheet with a fix; applying it writes 0.5', async () => {
  const g = inputCell(PAR, '1.2', 'score');
  // "85%" typed into a PAR score: Excel (and the grid) store 0.85 with a percent format, which
  // data validation lets through as 0.85 points; the check names it.
  const leaf = PAR_ROWS.find((r) => r.children.length === 0 && r.max >= 1 && !['1.1', '1.2'].includes(r.id));
  if (!leaf) throw new Error('no PAR leaf worth 1 point or more');
  const typedPercent = inputCell(PAR, leaf.id, 'score');
  await openSheet(PAR.name);
  await typeInto(typedPercent, '85%');
  // Excel turns the cell's format into a percent when "85%" is typed over a number format; the
  // in-memory workbook keeps the template's format on typing (its own guess), so the format is
  // set here as Excel leaves it.
  await page.evaluate(
    ([sheet, address]) =>
      (
        window as unknown as {
          cchcWorkbook: { run(batch: (ctx: Excel.RequestContext) => Promise<void>): Promise<void> };
        }
      ).cchcWorkbook.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).getRange(address).numberFormat = [['0%']];
        await ctx.sync();
      }),
    [PAR.name, typedPercent] as const,
  );
  await cellText(typedPercent, /^85([.,]0+)?%$/);
  await openTab('Kiểm tra');
  await pane().getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
  const finding = pane().locator(`li[data-finding="decimal-comma"][data-cell="${g}"]`);
  await finding.waitFor();
  await enabled(pane().getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }));
  // Errors first, then warnings, each saying its sheet (issue 23).
  expect(await finding.locator('[data-where]').textContent()).toContain(PAR.name);
  const severity = await finding.getAttribute('data-severity');
  expect(await pane().locator(`[data-count="${severity}"]`).textContent()).toMatch(/: [1-9]/);
  // Nothing is reported for the 85 % pasted into a percent cell.
  expect(
    await pane()
      .locator(`li[data-cell="${inputCell(III, 'III.5.a', '2019')}"]`)
      .count(),
  ).toBe(0);
  const percentWarning = pane().locator(`li[data-finding="percent-format"][data-cell="${typedPercent}"]`);
  await percentWarning.waitFor();
  expect(await percentWarning.getAttribute('data-severity')).toBe('warning');
  // The finding names its row in words, not only its address.
  expect(await finding.textContent()).toContain('1.2 ');
  expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
  await finding.scrollIntoViewIfNeeded();
  await shot('07-validated');
  // The README's picture of the pane (committed): regenerated with UPDATE_README_IMAGES=1.
  if (process.env.UPDATE_README_IMAGES === '1') {
    // The pane from its top: title, the tabs, the Kiểm tra view with its counts and first findings.
    await pane().evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(__dirname, '..', '..', 'assets', 'readme', 'playground-validated.png') });
  }

  await openSheet(PAR.name);
  await finding.getByRole('button', { name: `Sửa ${g}` }).click();
  await pane()
    .getByText(/^Đã sửa 1 ô\.$/)
    .waitFor();
  await cellText(g, /^0[.,]50*$/);
  await pane().locator(`li[data-finding="decimal-comma"][data-cell="${g}"]`).waitFor({ state: 'detached' });
  await shot('08-fixed');
});

it('computes totals: the row below target is filled by its conditional format and listed under its lead unit', async () => {
  await openTab('Tổng điểm');
  await pane().getByRole('button', { name: 'Tính tổng và so sánh mục tiêu', exact: true }).click();
  const total = pane().getByTestId('par-total');
  await total.waitFor();
  const totalText = (await total.textContent()) ?? '';
  // The Excel being played writes a point (the playground's default): so does the pane, in Vietnamese too.
  expect(totalText).toContain('92.418');
  expect(totalText).toContain('86.07');
  const lead = pane().getByRole('heading', { level: 4, name: /Sở Nội vụ/ });
  await lead.waitFor();
  const rowButton = pane()
    .locator('li[data-row="1.1"]')
    .getByRole('button', { name: /^Đi tới ô / });
  expect(await pane().locator('li[data-row="1.1"]').textContent()).toMatch(/^1\.1\. /);
  // The row's cells carry the below-target fill (from the sheet's conditional format).
  const row = rowOf(PAR, '1.1');
  for (const column of ['C', 'F']) {
    expect(await cell(`${column}${row}`).evaluate((td) => getComputedStyle(td).backgroundColor)).toBe(
      rgb(belowTargetFill(PAR)),
    );
  }
  expect(await pane().getByTestId('area-chart').getByRole('img').count()).toBe(8);
  expect(await axeViolations(page, '[data-testid="task-pane"]')).toEqual([]);
  await rowButton.scrollIntoViewIfNeeded();
  await shot('09-totals-below-target');

  // Clicking the listed row selects its cell in the grid.
  await cell('B2').click();
  await rowButton.click();
  await page.waitForFunction(
    (a) => document.querySelector(`td[data-address="${a}"]`)?.getAttribute('aria-selected') === 'true',
    inputCell(PAR, '1.1', 'score'),
  );
});

it('lists an overwritten subtotal formula and restores it', async () => {
  const parent = `G${rowOf(PAR, '1')}`;
  await openSheet(PAR.name);
  await typeInto(parent, '7');
  await cellText(parent, /^7([.,]0+)?$/);
  await pane().getByRole('button', { name: 'Tính tổng và so sánh mục tiêu', exact: true }).click();
  const item = pane().getByText(new RegExp(`^${parent} \\(mục 1\\)`));
  await item.waitFor();
  await item.scrollIntoViewIfNeeded();
  await shot('10-overwritten-formula');
  await pane().getByRole('button', { name: 'Khôi phục công thức', exact: true }).click();
  await pane()
    .getByText(/^Đã khôi phục 1 công thức\.$/)
    .waitFor();
  const restored = (await page.evaluate(
    ([sheet, address]) =>
      (
        window as unknown as { cchcWorkbook: { getCell(s: string, a: string): { formula?: string } } }
      ).cchcWorkbook.getCell(sheet, address).formula ?? null,
    [PAR.name, parent] as const,
  )) as string | null;
  expect(restored).toMatch(/^=/);
});

it('follows my unit: its rows, how many are filled, and the next empty cell', async () => {
  await openTab('Đơn vị');
  await pane().getByRole('combobox', { name: 'Đơn vị báo cáo hoặc chủ trì tham mưu' }).selectOption('SNV');
  const filled = pane().getByText(/^Đã nhập \d+\/\d+ ô$/);
  await filled.waitFor();
  await filled.scrollIntoViewIfNeeded();
  const next = pane().getByRole('button', { name: 'Đến ô trống tiếp theo', exact: true });
  await enabled(next);
  await next.click();
  // The selection lands on an empty cell of a Sở Nội vụ row.
  await page.waitForFunction(() => {
    const td = document.querySelector('td[aria-selected="true"]');
    return td !== null && (td.textContent ?? '') === '';
  });
  await shot('11-my-unit');
});

it('a marker typed over in A1 is reported and written back on the next insert, with no "(2)" sheet', async () => {
  const III = buildSheetPlan('III');
  await openSheet(III.name);
  await typeInto('A1', 'UBND quận Ba Đình');
  await cellText('A1', 'UBND quận Ba Đình');
  await openTab('Biểu mẫu');
  await pane().getByRole('button', { name: 'Chèn biểu mẫu', exact: true }).click();
  // The insert says what it found and did; the value typed is kept on the unplaced sheet.
  await pane()
    .getByText(/ô A1 \(dấu nhận biết biểu mẫu\) đã bị ghi đè bằng "UBND quận Ba Đình"/)
    .waitFor();
  await page.getByRole('button', { name: 'CCHC – chưa xếp', exact: true }).waitFor();
  await openSheet(III.name);
  await cellText('A1', /^cchc-template:III@/);
  expect(await page.getByRole('button', { name: `${III.name} (2)`, exact: true }).count()).toBe(0);
});

it('fits the 320 px pane without sideways scrolling', async () => {
  const aside = pane();
  expect(await aside.evaluate((el) => el.clientWidth)).toBe(320);
  const overflow = await aside.evaluate((el) => {
    const main = el.querySelector('main') as HTMLElement;
    return { scroll: main.scrollWidth, client: main.clientWidth };
  });
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  await aside.evaluate((el) => el.scrollTo(0, 0));
  await aside.screenshot({ path: screenshotPath('12-pane-320-top') });
});

it('switches to English', async () => {
  await pane().getByRole('switch', { name: 'English' }).check();
  await openTab('Check');
  await pane().getByRole('button', { name: 'Check data', exact: true }).waitFor();
  expect(await pane().getByRole('button', { name: 'Chèn biểu mẫu', exact: true }).count()).toBe(0);
  await shot('13-english');
});

it('follows the number settings of the Excel being played (?decimal=.) in a Vietnamese pane, the findings too', async () => {
  const other = await browser.context.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(String(e)));
  try {
    await other.goto(`${server.origin}/playground.html?decimal=.&lang=vi`);
    const otherPane = other.getByTestId('task-pane');
    const insert = otherPane.getByRole('button', { name: 'Chèn biểu mẫu', exact: true });
    await insert.waitFor();
    await other.waitForFunction((el) => el?.getAttribute('aria-disabled') !== 'true', await insert.elementHandle());
    await insert.click();
    await otherPane.getByText('Đã chèn biểu mẫu').waitFor();
    await otherPane.getByRole('tab', { name: 'Tổng điểm', exact: true }).click();
    await otherPane.getByRole('button', { name: 'Tính tổng và so sánh mục tiêu', exact: true }).click();
    const total = (await otherPane.getByTestId('par-total').textContent()) ?? '';
    expect(total).toContain('92.418');
    expect(total).not.toContain('92,418');
    // The engine's messages follow too: a pasted "0,5" is told this Excel uses a point, and fixed to 0.5.
    const g = inputCell(PAR, '1.2', 'score');
    await other.evaluate(
      ([sheet, address]) =>
        (
          window as unknown as {
            cchcWorkbook: { pasteFromUser(s: string, a: string, rows: string[][]): Promise<void> };
          }
        ).cchcWorkbook.pasteFromUser(sheet, address, [['0,5']]),
      [PAR.name, g] as const,
    );
    await otherPane.getByRole('tab', { name: 'Kiểm tra', exact: true }).click();
    await otherPane.getByRole('button', { name: 'Kiểm tra dữ liệu', exact: true }).click();
    const comma = otherPane.locator(`li[data-finding="decimal-comma"][data-cell="${g}"]`);
    await comma.waitFor();
    const text = (await comma.textContent()) ?? '';
    expect(text).toContain('Excel này dùng dấu chấm "." làm dấu thập phân, không phải dấu phẩy.');
    // Said once, by the message: the pane adds no second sentence under it.
    expect(text.split('Excel này dùng')).toHaveLength(2);
    expect(text).toContain('Ghi số 0.5');
    await comma.scrollIntoViewIfNeeded();
    await other.screenshot({ path: screenshotPath('14-decimal-point-settings') });
  } finally {
    await other.close();
  }
  expect(errors).toEqual([]);
});
