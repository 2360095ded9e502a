/**
 * Numbers in the user's own format (issue 14, item 3): with the decimal separator of the user's
 * Excel, the engine's messages and fix labels write it in both languages; without it, Vietnamese
 * writes 1,5 and English 1.5. A text written with the other separator ("0,5" in an Excel that
 * takes 0.5) is told which separator this Excel uses. Finding codes never change.
 */
import { parseCellInput, validateSheet, validateWorkbook } from '../../src/engine';
import { numberStyle } from '../../src/engine/format';
import type { Finding } from '../../src/engine/types';
import type { DecimalSeparator } from '../../src/layout/types';
import { makeSnapshot } from './snapshot';

const problemOf = (
  raw: string | number,
  kind: Parameters<typeof parseCellInput>[1],
  decimalSeparator?: DecimalSeparator,
  max?: number,
) => {
  const r = parseCellInput(raw, kind, { max, decimalSeparator });
  expect(r.problems).toHaveLength(1);
  return r.problems[0];
};

describe('the number style', () => {
  it('writes each language its own separator without Excel settings, Excel’s in both with them', () => {
    expect(numberStyle().vi.num(1.5)).toBe('1,5');
    expect(numberStyle().en.num(1.5)).toBe('1.5');
    expect(numberStyle('.').vi.num(1.5)).toBe('1.5');
    expect(numberStyle(',').en.num(1.5)).toBe('1,5');
    expect(numberStyle(null).vi.num(1.5)).toBe('1,5');
  });

  it('writes a number as a format with decimals shows it', () => {
    expect(numberStyle(',').vi.fixed(8500, 1)).toBe('8500,0');
    expect(numberStyle('.').vi.fixed(8500, 0)).toBe('8500');
    expect(numberStyle('.').en.fixed(1.005, 2)).toBe('1.01');
    expect(numberStyle('.').en.fixed(85.5, 1, 2)).toBe('85.5');
    expect(numberStyle(',').en.fixed(85, 1, 2)).toBe('85,0');
  });
});

describe('messages follow the separator of the user’s Excel', () => {
  it('a score over its maximum: 2.5 and 2 in a Vietnamese message for an Excel set to "."', () => {
    const p = problemOf(2.5, 'parScore', '.', 2);
    expect(p.code).toBe('par-over-max');
    expect(p.message.vi).toBe('Điểm 2.5 vượt điểm tối đa 2 của tiêu chí.');
    expect(p.message.en).toBe("The score 2.5 exceeds the criterion's maximum of 2.");
  });

  it('an English message for an Excel set to ",": 2,5', () => {
    const p = problemOf(2.5, 'parScore', ',', 1.5);
    expect(p.message.en).toContain('The score 2,5 exceeds the criterion');
    expect(p.message.en).toContain('maximum of 1,5');
  });

  it('without Excel settings, today’s rule: 2,5 in Vietnamese, 2.5 in English', () => {
    const p = problemOf(2.5, 'parScore', undefined, 2);
    expect(p.message.vi).toContain('Điểm 2,5');
    expect(p.message.en).toContain('The score 2.5');
  });

  it('fix labels too: "0,9" fixed to the number 0.9 in an Excel set to "."', () => {
    const p = problemOf('0,9', 'parScore', '.', 2);
    expect(p.code).toBe('decimal-comma');
    expect(p.fix?.value).toBe(0.9);
    expect(p.fix?.description).toEqual({ vi: 'Ghi số 0.9', en: 'Write the number 0.9' });
  });
});

describe('a text with the other separator than this Excel’s says which separator this Excel uses', () => {
  it('"0,5" in an Excel set to ".": this Excel uses a point', () => {
    const p = problemOf('0,5', 'parScore', '.', 2);
    expect(p.code).toBe('decimal-comma');
    expect(p.message.vi).toContain('Excel này dùng dấu chấm "." làm dấu thập phân, không phải dấu phẩy.');
    expect(p.message.vi).toContain('Sửa thành số 0.5.');
    expect(p.message.vi).not.toContain('0,5.');
    expect(p.message.en).toContain('This Excel uses a point "." as the decimal separator, not a comma.');
  });

  it('"0.5" in an Excel set to ",": this Excel uses a comma', () => {
    const p = problemOf('0.5', 'parScore', ',', 2);
    expect(p.code).toBe('number-as-text');
    expect(p.message.vi).toContain('Excel này dùng dấu phẩy "," làm dấu thập phân, không phải dấu chấm.');
    expect(p.message.en).toContain('This Excel uses a comma "," as the decimal separator, not a point.');
    expect(p.fix?.description.vi).toBe('Ghi số 0,5');
  });

  it('an error keeps the sentence and gives no advice to type it: "0,5" in a count', () => {
    const p = problemOf('0,5', 'count', '.');
    expect(p.code).toBe('not-whole');
    expect(p.message.vi).toContain('Excel này dùng dấu chấm "."');
    expect(p.fix).toBeUndefined();
  });

  it('no such sentence when the text uses this Excel’s separator, or when the separator is unknown', () => {
    for (const [raw, sep] of [
      ['0,5', ','],
      ['0.5', '.'],
      ['0,5', undefined],
    ] as const) {
      const p = problemOf(raw, 'parScore', sep, 2);
      expect(p.message.vi).not.toContain('Excel này dùng');
      expect(p.message.en).not.toContain('This Excel uses');
    }
  });
});

describe('the sheet and the workbook', () => {
  const par = () => makeSnapshot('PAR', { values: { '1.1': { score: '0,5', evidence: 'QĐ 1' }, '1.2': { score: 9 } } });
  const messages = (fs: Finding[], code: string) => fs.filter((f) => f.code === code).map((f) => f.message.vi);

  it('one sheet checked for two Excels in turn: each gets its own numbers (remembered verdicts do not leak)', () => {
    const point = validateSheet(par(), { decimalSeparator: '.' }).findings;
    const comma = validateSheet(par(), { decimalSeparator: ',' }).findings;
    const unknown = validateSheet(par()).findings;
    const again = validateSheet(par(), { decimalSeparator: '.' }).findings;
    expect(point.map((f) => f.code)).toEqual(comma.map((f) => f.code));
    expect(messages(point, 'decimal-comma')[0]).toContain('Sửa thành số 0.5.');
    expect(messages(comma, 'decimal-comma')[0]).toContain('Sửa thành số 0,5.');
    expect(messages(unknown, 'decimal-comma')[0]).toContain('Sửa thành số 0,5.');
    expect(messages(again, 'decimal-comma')).toEqual(messages(point, 'decimal-comma'));
    // The PAR findings (2020 rounding of 6.1 and 7.1, remembered per sheet too).
    expect(messages(point, 'par-previous-rounding').join(' ')).toContain('4.937');
    expect(messages(comma, 'par-previous-rounding').join(' ')).toContain('4,937');
    // A score over its maximum (1.2 is worth less than 9).
    expect(messages(point, 'par-over-max')[0]).toMatch(/Điểm 9 vượt điểm tối đa \d+(\.\d+)? /);
  });

  it('validateWorkbook passes the style to every sheet and to the checks across sheets', () => {
    const vii = makeSnapshot('VII', { values: { 'VII.1': { '2019': 0.725 } } });
    const viii = makeSnapshot('VIII', { values: {} });
    const result = validateWorkbook([vii, viii], { decimalSeparator: '.' });
    const suggestion = result.findings.find((f) => f.code === 'goal-suggestion' && f.rowKey === 'VIII.8');
    expect(suggestion?.message.vi).toContain('72.5 %');
    const byDefault = validateWorkbook([vii, viii]).findings.find(
      (f) => f.code === 'goal-suggestion' && f.rowKey === 'VIII.8',
    );
    expect(byDefault?.message.vi).toContain('72,5 %');
  });

  it('a jump between years writes the style too: 12 → 150 rises about 12.5-fold', () => {
    const iii = makeSnapshot('III', { values: { 'III.1': { '2018': 12, '2019': 150 } } });
    const jump = (sep?: DecimalSeparator) =>
      validateSheet(iii, { decimalSeparator: sep }).findings.find((f) => f.code === 'implausible-jump');
    expect(jump('.')?.message.vi).toContain('tăng khoảng 12.5 lần');
    expect(jump(',')?.message.en).toContain('rises about 12,5-fold');
    expect(jump()?.message.vi).toContain('tăng khoảng 12,5 lần');
  });
});
