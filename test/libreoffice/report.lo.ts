/**
 * The Word report opens in a real word processor: LibreOffice Writer (headless) converts what
 * `cchc report` writes to PDF. Each Part starts a page, so the PDF has at least one page per Part;
 * its text holds every outline heading; a workbook with errors still exports, with the errors annex.
 * Also: LibreOffice Calc computes the outline sheet's live figures from the Appendix 1 sheet.
 * Needs LibreOffice Writer and Calc (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui) and
 * pdftotext (poppler-utils).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { OUTLINE } from '../../src/catalog';
import { buildSheetPlan, outlineTextKey } from '../../src/layout';
import { readTemplateWorkbook } from '../../src/cli/xlsx/readSnapshots';
import { cli, fillWorkbook, tempDir, type Fill } from '../cli/helpers';
import { sofficePath } from './soffice';

const run = promisify(execFile);
const tmp = tempDir('cchc-lo-report-');
const f = (name: string) => path.join(tmp.dir, name);

const fills: Fill[] = [
  { template: 'OUTLINE', key: 'meta.reporter', column: 'reporter', value: 'UBND huyện Gia Lâm' },
  {
    template: 'OUTLINE',
    key: outlineTextKey('P1.I.1'),
    column: 'text',
    value: 'Huyện đã ban hành kế hoạch CCHC hằng năm.',
  },
  { template: 'VII', key: 'VII.1', column: '2019', value: 0.72 },
  { template: 'VIII', key: 'VIII.8', column: 'assessment', value: 'Đạt' },
  { template: 'V', key: 'V.3', column: '2019', value: 'mười' }, // an error: text in a count
];

let pdfText = '';
let pages = 0;

/** Normalises whitespace: PDF text breaks lines where the page does. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  const office = sofficePath();
  expect((await cli(['template', f('template.xlsx')])).code).toBe(0);
  await fillWorkbook(f('template.xlsx'), f('unit.xlsx'), fills);
  const result = await cli(['report', f('unit.xlsx'), '--out', f('report.docx')]);
  expect(result.code).toBe(0);
  mkdirSync(f('pdf'));
  mkdirSync(f('calc'));
  const profile = `-env:UserInstallation=file://${f('profile')}`;
  await run(
    office,
    [profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', f('pdf'), f('report.docx')],
    {
      timeout: 170_000,
    },
  );
  await run(
    office,
    [profile, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', f('calc'), f('unit.xlsx')],
    {
      timeout: 170_000,
    },
  );
  const pdf = f('pdf/report.pdf');
  pdfText = squash((await run('pdftotext', ['-layout', pdf, '-'])).stdout);
  const info = (await run('pdfinfo', [pdf])).stdout;
  pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}, 360_000);
afterAll(() => tmp.remove());

test('the PDF has a page per Part at least, and holds every outline heading', () => {
  expect(readFileSync(f('pdf/report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  const parts = new Set(OUTLINE.map((r) => r.part)).size;
  expect(pages).toBeGreaterThanOrEqual(parts);
  for (const h of OUTLINE) expect([h.id, pdfText.includes(squash(h.label))]).toEqual([h.id, true]);
});

test('the unit text, the Section VIII contradiction and the errors annex are in the PDF', () => {
  expect(pdfText).toContain('UBND HUYỆN GIA LÂM');
  expect(pdfText).toContain('Huyện đã ban hành kế hoạch CCHC hằng năm.');
  expect(pdfText).toContain('VII.1 năm 2019: 72 % < 90 %');
  expect(pdfText).toContain('CÁC LỖI VÀ CẢNH BÁO');
});

test('LibreOffice Calc computes the outline figures from the Appendix 1 sheet by key', async () => {
  const snapshots = (await readTemplateWorkbook(f('calc/unit.xlsx'))).snapshots;
  const outline = snapshots.find((s) => s.templateId === 'OUTLINE');
  if (!outline) throw new Error('no outline sheet');
  const plan = buildSheetPlan('OUTLINE');
  const row = plan.rows.find((r) => r.key === outlineTextKey('P1.II.6.b'));
  const values = outline.values.find((r) => r[0] === outlineTextKey('P1.II.6.b'));
  const col = (letter: string) => letter.charCodeAt(0) - 64;
  expect(values?.[col(row?.formulas['2019'] ?? 'A') - 1]).toBeCloseTo(0.72);
  expect(values?.[col(row?.formulas['2020'] ?? 'A') - 1]).toBe('');
});
