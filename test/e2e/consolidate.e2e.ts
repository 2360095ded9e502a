/**
 * "Tổng hợp từ tệp đơn vị" in the built playground (Chromium): the official picks three units'
 * returns (one clean, one with an invalid value, one corrupt), the pane reads them in the browser,
 * lists each file and writes the consolidated Appendix 1 and the sources sheet into the open
 * (in-memory) workbook. Then the hostile files: each is refused with its message, nothing of it
 * is summed. The files are made here with the CLI's template writer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Page } from 'playwright-core';
import { READ_MARK } from '../../src/consolidate/pane';
import { buildSheetPlan } from '../../src/layout';
import { hostileFiles, type HostileFile } from '../consolidate/hostileFiles';
import { hostileCorpus } from '../shared/hostileCorpus';
import { cli, fillWorkbook, tempDir } from '../cli/helpers';
import { screenshotPath, type StaticServer, openPlayground, type PlaygroundSession } from './support';

jest.setTimeout(180_000);

const I = buildSheetPlan('I');
const SOURCES = 'Nguồn số liệu';
const tmp = tempDir('cchc-e2e-consolidate-');
const f = (name: string) => path.join(tmp.dir, name);

function inputCell(rowKey: string, columnId: string): string {
  const row = I.rows.find((r) => r.key === rowKey);
  const letter = row?.inputs[columnId];
  if (!row || !letter) throw new Error(`no input ${columnId} on ${rowKey}`);
  return `${letter}${row.row}`;
}

let session: PlaygroundSession;
let server: StaticServer;
let page: Page;
let pageErrors: string[] = [];
const files: Record<string, Buffer> = {};
let hostile: HostileFile[];

beforeAll(async () => {
  expect((await cli(['template', f('blank.xlsx'), '--only', 'I,PAR'])).code).toBe(0);
  await fillWorkbook(f('blank.xlsx'), f('ba-dinh.xlsx'), [
    { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'UBND quận Ba Đình' },
    { template: 'I', key: 'I.2', column: '2019', value: 10 },
    { template: 'I', key: 'I.2', column: '2018', value: 3 },
  ]);
  await fillWorkbook(f('blank.xlsx'), f('so-y-te.xlsx'), [
    { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'Sở Y tế' },
    { template: 'I', key: 'I.2', column: '2019', value: -3 }, // an error: left out
    { template: 'I', key: 'I.2', column: '2018', value: 4 },
  ]);
  await fillWorkbook(f('blank.xlsx'), f('tay-ho.xlsx'), [
    { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'UBND quận Tây Hồ' },
    { template: 'I', key: 'I.2', column: '2019', value: 5 },
  ]);
  for (const name of ['ba-dinh.xlsx', 'so-y-te.xlsx', 'tay-ho.xlsx']) files[name] = readFileSync(f(name));
  const xfd = (await hostileCorpus(new Uint8Array(files['tay-ho.xlsx']))).find((c) => c.finding === 'XFD1048576')!;
  files['tay-ho-XFD.xlsx'] = Buffer.from(xfd.bytes);
  files['hong.xlsx'] = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 7)]);
  hostile = await hostileFiles(new Uint8Array(files['ba-dinh.xlsx']));

  session = await openPlayground();
  ({ page, server, pageErrors } = session);
});

afterAll(async () => {
  await session?.close();
  tmp.remove();
});

afterEach(() => expect(pageErrors).toEqual([]));

const pane = () => page.getByTestId('task-pane');
const fileItem = (name: string) => pane().locator(`li[data-file="${name}"]`);

async function openPanel(): Promise<void> {
  // With the pane's tabs (issue 14) the panel has its own tab; without them it is the last panel.
  const tab = pane().getByRole('tab', { name: 'Tổng hợp' });
  if (await tab.count()) await tab.click();
  await pane().getByRole('button', { name: 'Tổng hợp từ tệp đơn vị' }).waitFor();
}

async function pick(names: string[], extra: { name: string; bytes: Uint8Array }[] = []): Promise<void> {
  await pane()
    .getByTestId('consolidate-files')
    .setInputFiles([
      ...names.map((name) => ({ name, mimeType: 'application/octet-stream', buffer: files[name] })),
      ...extra.map((x) => ({ name: x.name, mimeType: 'application/octet-stream', buffer: Buffer.from(x.bytes) })),
    ]);
}

async function openSheet(name: string): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('nav button[aria-current="true"]')?.textContent === n, name);
}

async function cellText(address: string, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([a, p]) => new RegExp(p).test(document.querySelector(`td[data-address="${a}"]`)?.textContent ?? '\u0000'),
    [address, pattern.source] as const,
  );
}

it('consolidates three picked returns into the open workbook and reports each file', async () => {
  await openPanel();
  await pick(['ba-dinh.xlsx', 'so-y-te.xlsx', 'hong.xlsx']);
  await pane().getByTestId('consolidate-written').waitFor();
  await page.screenshot({ path: screenshotPath('consolidate-01-written') });

  // Reading fetches only what reads: the write's code (the adapter's operation, the template
  // writer, the pane's toWrite) is fetched after the last file was read (the pane's READ_MARK).
  const scripts = await page.evaluate((mark) => {
    const read = performance.getEntriesByName(mark, 'mark').at(-1)?.startTime ?? null;
    const js = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js'));
    const name = (e: PerformanceEntry) => new URL(e.name).pathname.slice(1).replace(/\.[0-9a-f]+\.js$/, '');
    return {
      read,
      before: js.filter((e) => read !== null && e.startTime < read).map(name),
      after: js.filter((e) => read !== null && e.startTime >= read).map(name),
    };
  }, READ_MARK);
  expect(scripts.read).not.toBeNull();
  expect(scripts.before).toContain('consolidate');
  for (const writer of ['consolidate-write', 'consolidate-op', 'excel-templates'])
    expect(scripts.before).not.toContain(writer);
  expect(scripts.after).toEqual(expect.arrayContaining(['consolidate-write', 'consolidate-op']));

  // The per-file report: unit, version, status, the engine's findings in `cchc check`'s words.
  await expectText(fileItem('ba-dinh.xlsx'), /Đơn vị: UBND quận Ba Đình[\s\S]*Đã tổng hợp[\s\S]*Lỗi: 0/);
  await expectText(fileItem('so-y-te.xlsx'), /Đơn vị: Sở Y tế[\s\S]*Đã tổng hợp[\s\S]*Lỗi: 1/);
  await fileItem('so-y-te.xlsx').locator('summary').click();
  // Named as the document names the row (engine/findingPlace), never by its key and column id.
  await expectText(
    fileItem('so-y-te.xlsx'),
    new RegExp(`\\[Lỗi\\] ${inputCell('I.2', '2019')} — I\\.2 Số lượng .*, năm 2019`),
  );
  await expectText(fileItem('hong.xlsx'), /Không đọc được: tệp \.xlsx bị hỏng/);

  // The counts at the top (issue 23): the corrupt file is counted there, not only at the bottom;
  // each count filters the list.
  const summary = pane().getByTestId('consolidate-summary');
  expect(await summary.getByRole('button').allTextContents()).toEqual([
    'Đã đọc: 2',
    'Có lỗi: 1',
    'Không đọc được: 1',
    'Trùng đơn vị: 0',
  ]);
  const summaryBox = await summary.boundingBox();
  const listBox = await fileItem('ba-dinh.xlsx').boundingBox();
  expect(summaryBox!.y).toBeLessThan(listBox!.y);
  await summary.getByRole('button', { name: 'Không đọc được: 1' }).click();
  expect(await summary.getByRole('button', { name: 'Không đọc được: 1' }).getAttribute('aria-pressed')).toBe('true');
  expect(
    await pane()
      .locator('li[data-file]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-file'))),
  ).toEqual(['hong.xlsx']);
  await page.screenshot({ path: screenshotPath('consolidate-01b-filtered') });
  await summary.getByRole('button', { name: 'Không đọc được: 1' }).click();
  expect(await pane().locator('li[data-file]').count()).toBe(3);

  // The consolidated cells: 2019 = 10 (the -3 left out), 2018 = 3 + 4 = 7.
  await openSheet(I.name);
  await cellText(inputCell('I.2', '2019'), /^10$/);
  await cellText(inputCell('I.2', '2018'), /^7$/);

  // The sources sheet: who gave what, and the cell left out with its reason.
  await openSheet(SOURCES);
  await cellText('A1', /^NGUỒN SỐ LIỆU/);
  await cellText('B6', /^ba-dinh\.xlsx$/);
  await cellText('C7', /^Sở Y tế$/);
  await cellText('H8', /Không đọc được/);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('td')].some((td) => /Số âm/.test(td.textContent ?? '')),
  );
  await page.screenshot({ path: screenshotPath('consolidate-02-sources') });
});

it('refuses every hostile file in the pane with its own message and sums nothing of them', async () => {
  await openPanel();
  await pick(['ba-dinh.xlsx'], hostile);
  await pane().getByTestId('consolidate-written').waitFor();
  for (const h of hostile) await expectText(fileItem(h.name), h.message);
  await openSheet(I.name);
  // Only Ba Đình's 10: the other versions (copies of the same return) were refused.
  await cellText(inputCell('I.2', '2019'), /^10$/);
  await page.screenshot({ path: screenshotPath('consolidate-03-hostile') });
});

it('a return with a value typed at XFD1048576 (issue #25): the tab lives, the good files are consolidated, the cell is named', async () => {
  await page.goto(`${server.origin}/playground.html`); // a fresh, empty workbook
  await openPanel();
  await pick(['ba-dinh.xlsx', 'so-y-te.xlsx', 'tay-ho-XFD.xlsx']);
  await pane().getByTestId('consolidate-written').waitFor();
  await expectText(fileItem('ba-dinh.xlsx'), /Đã tổng hợp/);
  await expectText(fileItem('so-y-te.xlsx'), /Đã tổng hợp/);
  await fileItem('tay-ho-XFD.xlsx').locator('summary').click();
  await expectText(fileItem('tay-ho-XFD.xlsx'), /có giá trị ngoài vùng biểu mẫu, ô XFD1048576/);
  // Its figures inside the form still count: 10 (Ba Đình) + 5 (Tây Hồ); Sở Y tế's -3 is left out.
  await openSheet(I.name);
  await cellText(inputCell('I.2', '2019'), /^15$/);
  await page.screenshot({ path: screenshotPath('consolidate-04-xfd') });
});

it('cancels between files and writes nothing', async () => {
  await page.goto(`${server.origin}/playground.html`); // a fresh, empty workbook
  await openPanel();
  // A hundred and fifty returns take seconds to read: time enough to press Hủy before the last one.
  const copies = Array.from({ length: 150 }, (_, i) => ({
    name: `ban-sao-${i + 1}.xlsx`,
    bytes: files['ba-dinh.xlsx'],
  }));
  await pick([], copies);
  // While reading, each file says what is true of it now: read, being read or waiting; none is
  // "Đã tổng hợp" (nothing is consolidated before the last file), none "Đã điền 0/… ô".
  await pane().locator('li[data-file][data-state="read"]').first().waitFor();
  const during = await pane()
    .locator('li[data-file]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-state')}|${(e as HTMLElement).innerText}`));
  expect(during).toHaveLength(150);
  expect(during.filter((x) => x.startsWith('reading|'))).toHaveLength(1);
  expect(during.some((x) => x.startsWith('waiting|Đang') || /Đã tổng hợp|Đã điền/.test(x))).toBe(false);
  await page.screenshot({ path: screenshotPath('consolidate-05-reading') });
  await pane().getByRole('button', { name: 'Hủy', exact: true }).click();
  await pane().getByText('Đã hủy: chưa ghi gì vào sổ làm việc.').waitFor();
  // Every picked file is listed; those never read say so.
  expect(await pane().locator('li[data-file]').count()).toBe(150);
  expect(await pane().locator('li[data-file][data-state="read"]').count()).toBeLessThan(150);
  expect(await pane().locator('li[data-file][data-state="skipped"]').count()).toBeGreaterThan(0);
  expect(await page.getByRole('button', { name: I.name, exact: true }).count()).toBe(0);
  expect(await page.getByRole('button', { name: SOURCES, exact: true }).count()).toBe(0);
});

it('in a workbook holding a unit’s figures: writes nothing there, opens the consolidation as a workbook of its own', async () => {
  await page.goto(`${server.origin}/playground.html`); // a fresh, empty workbook
  // A unit's own return: the templates inserted, a figure typed.
  await pane().getByRole('button', { name: 'Chèn biểu mẫu', exact: true }).click();
  await page.getByRole('button', { name: I.name, exact: true }).waitFor();
  const typed = inputCell('I.2', '2019');
  await page.evaluate(
    async ([sheet, cell]) => {
      type Handle = { setCellFromUser(s: string, a: string, v: string): Promise<unknown> };
      await (window as unknown as { cchcWorkbook: Handle }).cchcWorkbook.setCellFromUser(sheet, cell, '7');
    },
    [I.name, typed] as const,
  );
  await openPanel();
  await pick(['ba-dinh.xlsx', 'so-y-te.xlsx']);
  const offer = pane().getByTestId('consolidate-new-workbook');
  await offer.waitFor();
  expect(await pane().getByTestId('consolidate-written').count()).toBe(0);
  await offer.getByRole('button', { name: 'Mở bảng tổng hợp trong sổ làm việc mới' }).click();
  const link = page.getByTestId('created-workbook');
  await link.waitFor();
  await page.screenshot({ path: screenshotPath('consolidate-04-new-workbook') });
  const href = (await link.getAttribute('href')) ?? '';
  const opened = new Workbook();
  await opened.xlsx.load(Buffer.from(href.slice(href.indexOf(',') + 1), 'base64') as unknown as ArrayBuffer);
  const sheet = opened.getWorksheet(I.name)!;
  // The same figures as the CLI's file: 2019 = 10 (Sở Y tế's -3 left out), 2018 = 3 + 4.
  expect(sheet.getCell(typed).value).toBe(10);
  expect(sheet.getCell(inputCell('I.2', '2018')).value).toBe(7);
  expect(sheet.getCell(inputCell('meta.reporter', 'reporter')).value).toBe(
    'Bảng tổng hợp của 2 đơn vị: UBND quận Ba Đình; Sở Y tế',
  );
  // The unit's own return is as it was.
  await openSheet(I.name);
  await cellText(typed, /^7$/);
  expect(await page.getByRole('button', { name: SOURCES, exact: true }).count()).toBe(0);
});

async function expectText(locator: ReturnType<typeof fileItem>, pattern: RegExp): Promise<void> {
  await locator.waitFor();
  await page.waitForFunction(([el, p]) => new RegExp(p).test((el as HTMLElement | null)?.innerText ?? ''), [
    await locator.elementHandle(),
    pattern.source,
  ] as const);
}
