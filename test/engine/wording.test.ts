/**
 * Messages say what the official sees in the cell and what to type (issue 14, item 4), not how
 * Excel stores it: a percent cell holding 85 "shows 8500,0%", and the fix is "85%", not "0,85".
 */
import { parseCellInput, validateSheet } from '../../src/engine';
import type { CellKind } from '../../src/engine';
import type { CellValue } from '../../src/engine/types';
import type { DecimalSeparator } from '../../src/layout/types';
import { cellOf, makeSnapshot } from './snapshot';

/** Storage talk the messages used to have: "Ô tỷ lệ lưu 0…1", "Excel đang lưu 0,85", "(0,012)". */
const STORAGE = /0…1|0–1\b|từ 0 đến 1\b|lưu 0|Ô tỷ lệ lưu|Excel đang lưu|Excel stores|cells hold|hold 0/;

describe('a percent cell says what it shows', () => {
  it('85 in a percent cell with the template’s format (0.0%): shows 8500,0%, fix 85%', () => {
    const r = parseCellInput(85, 'percent');
    expect(r.problems[0].code).toBe('percent-over-one');
    expect(r.problems[0].message).toEqual({
      vi: 'Ô đang hiện 8500,0%. Có phải ý bạn là 85%? Sửa thành 85%.',
      en: 'The cell shows 8500.0%. Did you mean 85%? Fix: 85%.',
    });
    // What the official meant is a reading, not a rewrite: a suggestion.
    expect(r.problems[0].fix).toBeUndefined();
    expect(r.problems[0].suggestion).toEqual({ value: 0.85, description: { vi: 'Ghi 85%', en: 'Write 85%' } });
  });

  it('1.2 in a percent cell: "Ghi 1,2%", not "Ghi 1,2% (0,012)"', () => {
    const r = parseCellInput(1.2, 'percent');
    expect(r.problems[0].suggestion?.value).toBe(0.012);
    expect(r.problems[0].suggestion?.description.vi).toBe('Ghi 1,2%');
    expect(r.problems[0].message.vi).toContain('Ô đang hiện 120,0%.');
  });

  it('in a sheet, each cell’s own format: 8500% under 0%, 8500,0% under the template’s, a plain 85 under General', () => {
    const snapshot = makeSnapshot('III', {
      values: { 'III.5.a': { '2018': 85, '2019': 85 }, 'III.5.b': { '2019': 85 } },
      numberFormats: { 'III.5.a': { '2018': '0%' }, 'III.5.b': { '2019': 'General' } },
    });
    const message = (key: string, column: string) =>
      validateSheet(snapshot).findings.find((f) => f.cell === cellOf('III', key, column))?.message.vi;
    expect(message('III.5.a', '2018')).toContain('Ô đang hiện 8500%.');
    expect(message('III.5.a', '2019')).toContain('Ô đang hiện 8500,0%.');
    // Without a percent format the fix writes 0,85 and the official sets the format: say both.
    const general = message('III.5.b', '2019');
    expect(general).toContain('đang hiện 85, không có dấu %');
    expect(general).toContain('Sửa thành 0,85');
    expect(general).toContain('"Phần trăm"');
  });

  it('150 is out of range as the cell shows it; the text "150" as the percentage it would be', () => {
    expect(parseCellInput(150, 'percent').problems[0].message.vi).toBe(
      'Ô đang hiện 15000,0%, nằm ngoài khoảng 0–100% của một tỷ lệ.',
    );
    const text = parseCellInput('150', 'percent').problems[0];
    expect(text.code).toBe('percent-out-of-range');
    expect(text.message.vi).toContain('đọc là số 150.');
    expect(text.message.vi).toContain('150% nằm ngoài khoảng 0–100%');
  });

  it('"85%" and "85" typed as text: the fix is the number 85%', () => {
    for (const raw of ['85%', '85']) {
      const p = parseCellInput(raw, 'percent').problems[0];
      // "85%" is only rewritten; "85" read as 85 % is what the official meant: a suggestion.
      const proposed = raw === '85%' ? p.fix : p.suggestion;
      expect(proposed?.value).toBe(0.85);
      expect(proposed?.description).toEqual({ vi: 'Ghi số 85%', en: 'Write the number 85%' });
      expect(p.message.vi).toContain('Sửa thành số 85%.');
    }
    expect(parseCellInput('85', 'percent').problems[0].message.vi).toContain('Có phải ý bạn là 85%?');
  });

  it('a formula in a percent cell offers its value as a percentage', () => {
    const p = parseCellInput(0.85, 'percent', { formula: '=0.8+0.05' }).problems[0];
    expect(p.fix?.description.vi).toBe('Thay công thức bằng giá trị 85%');
  });
});

describe('points, counts and dates say what the cell shows', () => {
  it('"85%" typed into a PAR score: the cell shows 85%, what to do to show 0,85', () => {
    const p = parseCellInput(0.85, 'parScore', { max: 1.5, numberFormat: '0%' }).problems[0];
    expect(p.code).toBe('percent-format');
    expect(p.message.vi).toBe(
      'Ô đang hiện 85% nhưng ô này nhận số điểm (từ 0 đến 1,5), không nhận phần trăm. Nếu ý bạn là 0,85, đặt định dạng số của ô về "Chung" (General) để ô hiện 0,85; nếu không, nhập lại số đúng, không kèm dấu %.',
    );
  });

  it('a date in a count: the date shown, not the format code', () => {
    const p = parseCellInput(43936, 'count', { numberFormat: 'dd/mm/yyyy;@' }).problems[0];
    expect(p.code).toBe('date-in-number');
    expect(p.message.vi).toContain('Ô đang hiện một ngày (15/4/2020)');
    expect(p.message.vi).not.toContain('dd/mm/yyyy');
    expect(p.message.en).not.toContain('dd/mm/yyyy');
  });
});

describe('no message speaks of storage', () => {
  const values: CellValue[] = [85, 1.2, 150, -0.1, 0.85, 43936, '85', '85%', '85,5 %', '0,85', '1.234', '150%', 'x'];
  const kinds: CellKind[] = ['count', 'percent', 'flag', 'parScore'];
  const formats = [undefined, '0%', '0.0%', 'General', 'dd/mm/yyyy'];
  const seps: (DecimalSeparator | undefined)[] = [undefined, '.', ','];

  it('over values, kinds, formats and Excel separators', () => {
    const bad: string[] = [];
    for (const raw of values)
      for (const kind of kinds)
        for (const numberFormat of formats)
          for (const decimalSeparator of seps)
            for (const p of parseCellInput(raw, kind, { max: 2, numberFormat, decimalSeparator }).problems) {
              const proposed = p.fix ?? p.suggestion;
              const texts = [
                p.message.vi,
                p.message.en,
                proposed?.description.vi ?? '',
                proposed?.description.en ?? '',
              ];
              for (const t of texts)
                if (STORAGE.test(t)) bad.push(`${JSON.stringify(raw)} ${kind} ${numberFormat}: ${t}`);
            }
    expect(bad).toEqual([]);
  });

  it('catches the old wording (the check can fail)', () => {
    expect(STORAGE.test('Ô tỷ lệ lưu 0…1: sửa thành 0,85 (85%).')).toBe(true);
    expect(STORAGE.test('Percentage cells hold 0…1, so write 0.85.')).toBe(true);
    expect(STORAGE.test('Excel đang lưu 0,85.')).toBe(true);
  });
});
