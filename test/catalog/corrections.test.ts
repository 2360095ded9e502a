/**
 * The source's typos corrected on record (issue 23, item 6): "Chuyên giao" (Chuyển giao) and "Số
 * cơ chuyên môn" (Số cơ quan chuyên môn) no longer reach officials; the catalog keeps each source
 * text beside its correction, and `cchc catalog --corrections` lists them.
 */
import { APPENDIX1, appendix1Row } from '../../src/catalog';
import { CORRECTIONS, applyCorrections } from '../../src/catalog/corrections';
import { buildWorkbookPlan } from '../../src/layout';
import { cli } from '../cli/helpers';

const label = (id: string) => appendix1Row(id)!.row.label;

it('corrects "Chuyên giao" and "Số cơ chuyên môn" in the catalog and in the sheets officials fill', () => {
  expect(label('VIII.4').startsWith('Chuyển giao những công việc')).toBe(true);
  expect(label('VII.8').startsWith('Số cơ quan chuyên môn cấp TP')).toBe(true);
  const everything = JSON.stringify(APPENDIX1);
  expect(everything).not.toContain('Chuyên giao');
  expect(everything).not.toContain('Số cơ chuyên môn');
  const sheetTexts = buildWorkbookPlan()
    .sheets.flatMap((s) => s.cells.map((c) => String(c.value ?? '')))
    .join('\n');
  expect(sheetTexts).toContain('Chuyển giao những công việc');
  expect(sheetTexts).not.toContain('Chuyên giao');
  expect(sheetTexts).not.toContain('Số cơ chuyên môn');
});

it('keeps each source text beside its correction, each made in its own row', () => {
  expect(CORRECTIONS.map((c) => [c.where, c.source, c.corrected])).toEqual(
    expect.arrayContaining([
      ['VIII.4', 'Chuyên giao', 'Chuyển giao'],
      ['VII.8', 'Số cơ chuyên môn', 'Số cơ quan chuyên môn'],
    ]),
  );
  for (const c of CORRECTIONS) {
    expect(label(c.where)).toContain(c.corrected);
    expect(label(c.where)).not.toContain(c.source);
    expect(c.why.vi.length).toBeGreaterThan(0);
    expect(c.why.en.length).toBeGreaterThan(0);
  }
});

it('refuses a correction whose source text is not in its row (the record cannot claim one not made)', () => {
  // APPENDIX1 is already corrected: the source texts are gone, so applying again must fail.
  const copy = structuredClone(APPENDIX1);
  expect(() => applyCorrections(copy)).toThrow(/is not in the row's label/);
});

it('`cchc catalog --corrections` lists every correction with the source text, in both languages and as JSON', async () => {
  const vi = await cli(['catalog', '--corrections']);
  expect(vi.code).toBe(0);
  expect(vi.stdout).toContain('Văn bản gốc: "Chuyên giao"');
  expect(vi.stdout).toContain('Đã sửa thành: "Chuyển giao"');
  expect(vi.stdout).toContain('Dòng VII.8');
  const en = await cli(['catalog', '--corrections', '--lang', 'en']);
  expect(en.stdout).toContain('Source: "Số cơ chuyên môn"');
  expect(en.stdout).toContain('Corrected: "Số cơ quan chuyên môn"');
  const json = await cli(['catalog', '--corrections', '--json']);
  expect(JSON.parse(json.stdout)).toEqual(CORRECTIONS);
});
