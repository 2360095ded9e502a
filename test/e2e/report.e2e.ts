/**
 * The Word export in the built playground (dist/playground.html) in Debian's Chromium: insert the
 * templates, type a heading's text in the "Đề cương báo cáo" sheet, press "Xuất báo cáo (.docx)" (the
 * report to send) and "Xuất bản làm việc (.docx)" (the working draft), and read each downloaded
 * file's word/document.xml.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { buildSheetPlan, outlineTextKey } from '../../src/layout';
import { screenshotPath, openPlayground, type PlaygroundSession } from './support';

jest.setTimeout(120_000);

const OUTLINE = buildSheetPlan('OUTLINE');
const TEXT = 'Năm 2019 huyện ban hành 12 văn bản chỉ đạo về CCHC (kiểm thử E2E).';

function textCell(id: string): string {
  const row = OUTLINE.rows.find((r) => r.key === outlineTextKey(id));
  if (!row) throw new Error(`no text row for ${id}`);
  return `${row.inputs.text}${row.row}`;
}

let session: PlaygroundSession;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  session = await openPlayground();
  ({ page, pageErrors } = session);
});

afterAll(async () => {
  await session?.close();
});

const pane = () => page.getByTestId('task-pane');

async function clickWhenEnabled(name: string): Promise<void> {
  const button = pane().getByRole('button', { name, exact: true });
  await button.waitFor();
  await page.waitForFunction(
    (el) => el !== null && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true',
    await button.elementHandle(),
  );
  await button.click();
}

it('exports the heading text typed in the outline sheet into the .docx download', async () => {
  await clickWhenEnabled('Chèn biểu mẫu');
  await pane().getByText('Đã chèn biểu mẫu').waitFor();

  await page.getByRole('button', { name: 'Đề cương báo cáo', exact: true }).click();
  const address = textCell('P1.I.1');
  await page.locator(`td[data-address="${address}"]`).click();
  await page.keyboard.type(TEXT);
  await page.keyboard.press('Enter');
  await page.waitForFunction(([a, t]) => document.querySelector(`td[data-address="${a}"]`)?.textContent === t, [
    address,
    TEXT,
  ] as const);

  // With the pane's tabs, the report has its own tab; without them the panel is in the list.
  const tab = pane().getByRole('tab', { name: 'Báo cáo' });
  if (await tab.count()) await tab.click();
  const xmlOf = async (button: string, file: RegExp) => {
    const [download] = await Promise.all([page.waitForEvent('download'), clickWhenEnabled(button)]);
    expect(download.suggestedFilename()).toMatch(file);
    const path = await download.path();
    if (!path) throw new Error('the download was not saved');
    const zip = await JSZip.loadAsync(readFileSync(path));
    return (await zip.file('word/document.xml')?.async('string')) ?? '';
  };
  const clean = await xmlOf('Xuất báo cáo (.docx)', /^bao-cao(?!.*ban-lam-viec).*\.docx$/);
  expect(clean).toContain(TEXT);
  expect(clean).toContain('TÌNH HÌNH TRIỂN KHAI');
  expect(clean).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(clean).toContain('Nơi nhận:');
  expect(clean).not.toContain('[Gợi ý]');
  const working = await xmlOf('Xuất bản làm việc (.docx)', /^bao-cao.*-ban-lam-viec\.docx$/);
  expect(working).toContain(TEXT);
  expect(working).toContain('[Gợi ý]');
  await pane()
    .getByText(/Đã tạo bao-cao/)
    .waitFor();
  await page.screenshot({ path: screenshotPath('report-exported') });
  expect(pageErrors).toEqual([]);
});
