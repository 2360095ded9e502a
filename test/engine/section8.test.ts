/**
 * Section VIII assessed from the Appendix 1 data: suggestions, contradictions, goals without data.
 */
import { SECTION8_GOALS } from '../../src/catalog/section8';
import { assessSection8, section8Findings, validateWorkbook } from '../../src/engine';
import { cellOf, makeSnapshot } from './snapshot';

const vii = (y2019: number | string, y2020: number | string = '') =>
  makeSnapshot('VII', { values: { 'VII.1': { '2019': y2019, '2020': y2020 } } });
const viii = (assessments: Record<string, string>) =>
  makeSnapshot('VIII', {
    values: Object.fromEntries(Object.entries(assessments).map(([k, v]) => [k, { assessment: v }])),
  });

describe('Section VIII suggestions', () => {
  test('every goal of the seed is listed once, with a reason when it has no full measure', () => {
    expect(SECTION8_GOALS.map((g) => g.id)).toEqual(Array.from({ length: 16 }, (_, i) => `VIII.${i + 1}`));
    for (const g of SECTION8_GOALS) {
      if (g.measured !== 'full') expect(g.reason?.vi).toBeTruthy();
      if (g.measured !== 'none') expect(g.thresholds.length).toBeGreaterThan(0);
    }
  });

  test('goal 8 from VII.1 2019 when 2020 is empty: 72 % < 90 % is Không đạt, with the evidence', () => {
    const goal = assessSection8([vii(0.72), viii({})]).find((a) => a.id === 'VIII.8');
    expect(goal?.suggestion).toBe('Không đạt');
    expect(goal?.evidence?.vi).toBe('VII.1 năm 2019: 72 % < 90 %');
  });

  test('2020 (to 31/3) wins over 2019 when filled', () => {
    const goal = assessSection8([vii(0.72, 0.93), viii({})]).find((a) => a.id === 'VIII.8');
    expect(goal?.suggestion).toBe('Đạt');
    expect(goal?.evidence?.vi).toContain('2020');
    expect(goal?.evidence?.vi).toContain('93 % ≥ 90 %');
  });

  test('satisfaction goals 2 and 5 need strictly more than 80 % in I.6.c', () => {
    const i = (v: number) => makeSnapshot('I', { values: { 'I.6.c': { '2019': v } } });
    const at80 = assessSection8([i(0.8)]);
    expect(at80.find((a) => a.id === 'VIII.2')?.suggestion).toBe('Không đạt');
    expect(at80.find((a) => a.id === 'VIII.5')?.suggestion).toBe('Không đạt');
    expect(assessSection8([i(0.81)]).find((a) => a.id === 'VIII.5')?.suggestion).toBe('Đạt');
  });

  test('a partly measured goal only fails on data: goal 13 met on VII.1 gets no suggestion, with a reason', () => {
    const met = assessSection8([vii(0.95)]).find((a) => a.id === 'VIII.13');
    expect(met?.suggestion).toBeNull();
    expect(met?.reason?.vi).toContain('VII.1');
    expect(assessSection8([vii(0.5)]).find((a) => a.id === 'VIII.13')?.suggestion).toBe('Không đạt');
  });

  test('goals without data say why; no data yet says which row', () => {
    const all = assessSection8([viii({})]);
    expect(all.find((a) => a.id === 'VIII.16')?.reason?.vi).toMatch(/không có chỉ tiêu/);
    expect(all.find((a) => a.id === 'VIII.8')?.reason?.vi).toContain('VII.1');
    expect(all.every((a) => a.suggestion === null)).toBe(true);
  });

  test('a contradicting assessment is a warning naming the figure; a blank one is offered the suggestion', () => {
    // Goal 13 is measured by VII.1 too: it is assessed here so that only goal 8 is in question.
    const findings = section8Findings(assessSection8([vii(0.72), viii({ 'VIII.8': 'Đạt', 'VIII.13': 'Không đạt' })]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'goal-contradicts-data',
      severity: 'warning',
      cell: cellOf('VIII', 'VIII.8', 'assessment'),
    });
    expect(findings[0].message.vi).toContain('VII.1 năm 2019: 72 % < 90 %');

    const blank = section8Findings(assessSection8([vii(0.72), viii({})]));
    // An assessment is the official's to make: offered as a suggestion, never a fix.
    expect(blank.every((f) => f.fix === undefined)).toBe(true);
    expect(blank.map((f) => [f.rowKey, f.code, f.severity, f.suggestion?.value])).toEqual([
      ['VIII.8', 'goal-suggestion', 'info', 'Không đạt'],
      ['VIII.13', 'goal-suggestion', 'info', 'Không đạt'],
    ]);
    const agreed = viii({ 'VIII.8': 'khong dat', 'VIII.13': 'Không đạt' });
    expect(section8Findings(assessSection8([vii(0.72), agreed]))).toEqual([]);
  });

  test('validateWorkbook reports them on sheet VIII', () => {
    const result = validateWorkbook([vii(0.72), viii({ 'VIII.8': 'Đạt' })]);
    const f = result.findings.find((x) => x.code === 'goal-contradicts-data');
    expect(f?.sheet).toBe('VIII. Mục tiêu CCHC');
    expect(result.sheets.find((s) => s.templateId === 'VIII')?.findings).toContain(f);
    expect(result.counts.warning).toBeGreaterThanOrEqual(1);
  });
});
