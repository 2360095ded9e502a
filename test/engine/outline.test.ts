/**
 * The report outline: catalog shape, and the engine's checks of the unit's text against Appendix 1.
 */
import { OUTLINE, relatedOf, appendix1Row } from '../../src/catalog';
import { OUTLINE_FULL } from '../../src/catalog/outlineGuidance';
import { citedNumber, outlineFindings, validateWorkbook, workbookReader } from '../../src/engine';
import { outlineTextKey } from '../../src/layout';
import { cellOf, makeSnapshot } from './snapshot';

const outline = (texts: Record<string, string>) =>
  makeSnapshot('OUTLINE', {
    values: Object.fromEntries(Object.entries(texts).map(([id, t]) => [outlineTextKey(id), { text: t }])),
  });
const vii = makeSnapshot('VII', { values: { 'VII.1': { '2018': 0.6, '2019': 0.72 }, 'VII.10': { '2019': 1234 } } });

describe('outline catalog', () => {
  test('both Parts with their sections, in order; every related id is an Appendix 1 row', () => {
    const top = OUTLINE.filter((r) => r.level <= 1).map((r) => r.id);
    expect(top).toEqual(['P1', 'P1.I', 'P1.II', 'P1.III', 'P2', 'P2.I', 'P2.II']);
    for (const r of OUTLINE) for (const id of r.related) expect(appendix1Row(id)).toBeDefined();
    expect(new Set(OUTLINE.map((r) => r.id)).size).toBe(OUTLINE.length);
  });

  test('the lettered items the extract lost are restored with a note', () => {
    const ii3 = OUTLINE.filter((r) => r.parent === 'P1.II.3').map((r) => r.number);
    expect(ii3).toEqual(['a)', 'b)', 'c)', 'd)', 'e)']);
    const ii6 = OUTLINE.filter((r) => r.parent === 'P1.II.6').map((r) => r.number);
    expect(ii6).toEqual(['a)', 'b)', 'c)', 'd)']);
    expect(OUTLINE_FULL.find((r) => r.id === 'P1.II.3.a')?.note).toBeTruthy();
    expect(OUTLINE_FULL.find((r) => r.id === 'P1.II.6.b')?.guidance).toHaveLength(2);
    expect(OUTLINE.find((r) => r.id === 'P1.II.2.dd')?.number).toBe('đ)');
  });

  test('II.6 cites the electronic documents and online services; II.3 the staffing rows', () => {
    expect(relatedOf('P1.II.6')).toEqual(expect.arrayContaining(['VII.1', 'VII.10', 'VII.11']));
    expect(relatedOf('P1.II.3')).toEqual(expect.arrayContaining(['V.1.a', 'V.1.b', 'V.5']));
  });
});

describe('outline checks', () => {
  test('empty leaf headings are info findings on their text cell', () => {
    const findings = outlineFindings([outline({ 'P1.I.1': 'Đã ban hành kế hoạch.' })]);
    const leaves = OUTLINE.filter((r) => r.leaf);
    expect(findings.filter((f) => f.code === 'outline-empty')).toHaveLength(leaves.length - 1);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
    expect(findings[0].cell).toBe(cellOf('OUTLINE', outlineTextKey(leaves[1].id), 'text'));
  });

  test('a number next to a figure label that differs from the figure is a warning naming it', () => {
    const text = 'Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử đạt 85% năm 2019.';
    const findings = outlineFindings([vii, outline({ 'P1.II.6.b': text })]).filter(
      (f) => f.code === 'outline-figure-mismatch',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message.vi).toContain('VII.1');
    expect(findings[0].message.vi).toContain('72 %');
  });

  test('a right number, another year, a key citation, and thousands dots are accepted', () => {
    const ok = [
      'Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử đạt 72%.',
      'Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử năm 2018 là 60 %.'.replace('năm 2018 là ', ''),
      'Chỉ tiêu VII.1: 72,0%; số dịch vụ công trực tuyến mức độ 3, mức độ 4 là 1.234.',
    ];
    for (const text of ok)
      expect(outlineFindings([vii, outline({ 'P1.II.6.b': text })]).filter((f) => f.severity === 'warning')).toEqual(
        [],
      );
    const reader = workbookReader([vii]);
    expect(citedNumber('số dịch vụ công trực tuyến mức độ 3, mức độ 4 là 1.233', reader.figure('VII.10')!)?.value).toBe(
      1233,
    );
  });

  test('a cited number is read as a typed one is (numberText): groups of spaces, both separators, ambiguity left alone', () => {
    const reader = workbookReader([vii]);
    const count = reader.figure('VII.10')!;
    const cited = (n: string) => citedNumber(`số dịch vụ công trực tuyến mức độ 3, mức độ 4 là ${n} dịch vụ`, count);
    expect(cited('1 234')?.value).toBe(1234);
    expect(cited('1.234,5')?.value).toBe(1234.5);
    expect(cited('1.234')?.value).toBe(1234);
    // "1,234" is 1.234 by the Vietnamese decimal comma or 1234 by the English thousands comma:
    // no citation is read, so no mismatch is claimed against 1234 (the old reading took 1.234).
    expect(cited('1,234')).toBeNull();
    const text = 'Chỉ tiêu VII.1: 72%; số dịch vụ công trực tuyến mức độ 3, mức độ 4 là 1,234.';
    expect(outlineFindings([vii, outline({ 'P1.II.6.b': text })]).filter((f) => f.severity === 'warning')).toEqual([]);
  });

  test('validateWorkbook includes the outline findings; no outline sheet, no findings', () => {
    expect(validateWorkbook([vii]).findings.filter((f) => f.code.startsWith('outline'))).toEqual([]);
    const result = validateWorkbook([vii, outline({})]);
    expect(result.findings.some((f) => f.code === 'outline-empty')).toBe(true);
  });
});
