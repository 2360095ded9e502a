/**
 * The Word report opens in a real word processor: LibreOffice Writer (headless) converts what
 * `cchc report` writes to PDF, and poppler reads the PDF back as a reader would see it.
 * - The filled example workbook (test/report/example.ts), both drafts: the form of Decree 30/2020/NĐ-CP
 *   (Quốc hiệu, Tiêu ngữ, "Số: …/BC-SNV", "Nơi nhận:", the signer), the PAR total against 92,418, and a
 *   clean draft well under half the 37 pages the report took before.
 * - A district's workbook with errors: its letterhead, its text, the Section VIII contradiction and
 *   the errors annex in the working draft.
 * Also: LibreOffice Calc computes the outline sheet's live figures from the Appendix 1 sheet.
 * Needs LibreOffice Writer and Calc (Debian: libreoffice-writer-nogui, libreoffice-calc-nogui) and
 * poppler-utils.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { OUTLINE } from '../../src/catalog';
import { buildSheetPlan, outlineTextKey } from '../../src/layout';
import { readTemplateWorkbook } from '../../src/cli/xlsx/readSnapshots';
import { summarizePar } from '../../src/engine/par';
import { QUOC_HIEU, TIEU_NGU } from '../../src/report/docxForm';
import { cli, fillWorkbook, tempDir, type Fill } from '../cli/helpers';
import { exampleFills, exampleSnapshots } from '../report/example';
import { docxToPdf, pdfPages, pdfText } from '../report/pdf';
import { sofficePath } from './soffice';

const run = promisify(execFile);
const tmp = tempDir('cchc-lo-report-');
const f = (name: string) => path.join(tmp.dir, name);

const district: Fill[] = [
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

const text: Record<'clean' | 'working' | 'district', string> = { clean: '', working: '', district: '' };
const pages: Record<'clean' | 'working' | 'district', number> = { clean: 0, working: 0, district: 0 };

beforeAll(async () => {
  expect((await cli(['template', f('template.xlsx')])).code).toBe(0);
  await fillWorkbook(f('template.xlsx'), f('example.xlsx'), exampleFills());
  await fillWorkbook(f('template.xlsx'), f('district.xlsx'), district);
  for (const [file, draft, workbook] of [
    ['clean', 'clean', 'example'],
    ['working', 'working', 'example'],
    ['district', 'working', 'district'],
  ] as const)
    expect((await cli(['report', f(`${workbook}.xlsx`), '--out', f(`${file}.docx`), '--draft', draft])).code).toBe(0);
  mkdirSync(f('pdf'));
  mkdirSync(f('calc'));
  const pdfs = await docxToPdf(
    ['clean', 'working', 'district'].map((n) => f(`${n}.docx`)),
    f('pdf'),
  );
  for (const [i, key] of (['clean', 'working', 'district'] as const).entries()) {
    text[key] = await pdfText(pdfs[i]);
    pages[key] = await pdfPages(pdfs[i]);
  }
  const profile = `-env:UserInstallation=file://${f('profile')}`;
  await run(
    sofficePath(),
    [profile, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', f('calc'), f('district.xlsx')],
    { timeout: 170_000 },
  );
}, 360_000);
afterAll(() => tmp.remove());

test.each(['clean', 'working'] as const)('the %s draft of the example is a PDF with the form of Decree 30', (key) => {
  expect(
    readFileSync(f(`pdf/${key}.pdf`))
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  const t = text[key];
  const at = (s: string) => {
    const i = t.indexOf(s);
    expect([s, i >= 0]).toEqual([s, true]);
    return i;
  };
  expect(at('UBND THÀNH PHỐ HÀ NỘI')).toBeLessThan(at('SỞ NỘI VỤ'));
  at(QUOC_HIEU);
  at(TIEU_NGU);
  at('Số: …/BC-SNV');
  at('Hà Nội, ngày … tháng … năm …');
  expect(at('Nơi nhận:')).toBeLessThan(at('PHỤ LỤC 1'));
  at('GIÁM ĐỐC');
  for (const h of OUTLINE) expect([h.id, t.includes(h.label.replace(/\s+/g, ' '))]).toEqual([h.id, true]);
});

test('the PAR total in the PDF is summarizePar’s, against 92,418', () => {
  const total = summarizePar(exampleSnapshots().find((s) => s.templateId === 'PAR')!).total.score;
  if (total === null) throw new Error('the example is fully scored');
  const vi = String(total).replace('.', ',');
  expect(text.clean).toContain(`Tổng điểm tự chấm năm 2021: ${vi}/100 điểm`);
  expect(text.clean).toContain('mục tiêu 92,418 điểm');
});

test('the clean draft needs well under half the 37 pages the report took before; the working draft more', () => {
  expect(pages.clean).toBeGreaterThan(3);
  expect(pages.clean).toBeLessThanOrEqual(14);
  expect(pages.working).toBeGreaterThan(pages.clean);
  expect(text.clean).not.toContain('[Gợi ý]');
  expect(text.working).toContain('[Gợi ý]');
});

test('a district: no managing body, its own place; its text, the Section VIII contradiction and the errors annex', () => {
  const t = text.district;
  expect(t).toContain('ỦY BAN NHÂN DÂN HUYỆN GIA LÂM');
  expect(t).toContain('Gia Lâm, ngày … tháng … năm …');
  expect(t).not.toContain('UBND THÀNH PHỐ HÀ NỘI');
  expect(t).toContain('Huyện đã ban hành kế hoạch CCHC hằng năm.');
  expect(t).toContain('VII.1 năm 2019: 72 % < 90 %');
  expect(t).toContain('CÁC LỖI VÀ CẢNH BÁO');
  expect(pages.district).toBeGreaterThan(1);
});

test('LibreOffice Calc computes the outline figures from the Appendix 1 sheet by key', async () => {
  const snapshots = (await readTemplateWorkbook(f('calc/district.xlsx'))).snapshots;
  const outline = snapshots.find((s) => s.templateId === 'OUTLINE');
  if (!outline) throw new Error('no outline sheet');
  const plan = buildSheetPlan('OUTLINE');
  const row = plan.rows.find((r) => r.key === outlineTextKey('P1.II.6.b'));
  const values = outline.values.find((r) => r[0] === outlineTextKey('P1.II.6.b'));
  const col = (letter: string) => letter.charCodeAt(0) - 64;
  expect(values?.[col(row?.formulas['2019'] ?? 'A') - 1]).toBeCloseTo(0.72);
  expect(values?.[col(row?.formulas['2020'] ?? 'A') - 1]).toBe('');
});
