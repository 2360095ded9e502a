import { parseCellInput } from '../../src/engine';
import type { CellKind, ParsedInput, ParseOptions } from '../../src/engine';
import type { CellValue, FindingCode, Severity } from '../../src/engine/types';

interface Expect {
  status: ParsedInput['status'];
  /** The single problem's code and severity (for 'fixable' and 'invalid'). */
  code?: FindingCode;
  severity?: Severity;
  /** The normalised value (ok/fixable), which is also the fix's value for 'fixable'. */
  value?: number | string | null;
}

/** Codes whose proposed value is a judgement: offered as a suggestion, never a fix. */
const SUGGESTED = new Set(['percent-over-one']);

function check(raw: CellValue | undefined, kind: CellKind, expected: Expect, options?: ParseOptions): ParsedInput {
  const result = parseCellInput(raw, kind, options);
  expect(result.status).toBe(expected.status);
  if (expected.status === 'ok' || expected.status === 'empty') expect(result.problems).toHaveLength(0);
  if (expected.code) {
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].code).toBe(expected.code);
    expect(result.problems[0].severity).toBe(
      expected.severity ?? (expected.status === 'fixable' ? 'warning' : 'error'),
    );
    expect(result.problems[0].message.vi.length).toBeGreaterThan(10);
    expect(result.problems[0].message.en.length).toBeGreaterThan(10);
  }
  if (expected.value !== undefined) expect(result.value).toBe(expected.value);
  if (expected.status === 'fixable') {
    // A rewrite of how the value is written is a fix; a reading of what was meant (85 → 85 %) a suggestion.
    const p = result.problems[0];
    const proposed = SUGGESTED.has(p.code) ? p.suggestion : p.fix;
    expect(SUGGESTED.has(p.code) ? p.fix : p.suggestion).toBeUndefined();
    expect(proposed).toBeDefined();
    expect(proposed?.value).toBe(result.value);
    expect(proposed?.description.vi).toBeTruthy();
  }
  if (expected.status === 'invalid') {
    expect(result.value).toBeNull();
    expect(result.problems.every((p) => p.fix === undefined || p.severity === 'warning')).toBe(true);
  }
  return result;
}

const ok = (value: number | string): Expect => ({ status: 'ok', value });
const fixable = (code: FindingCode, value: number | string | null): Expect => ({ status: 'fixable', code, value });
const invalid = (code: FindingCode): Expect => ({ status: 'invalid', code });

describe('parseCellInput: empty cells are "not filled", never errors', () => {
  it.each([[''], [null], [undefined]])('%p', (raw) => {
    for (const kind of ['count', 'percent', 'flag', 'passfail', 'text', 'group', 'parScore'] as CellKind[])
      check(raw, kind, { status: 'empty', value: null });
  });
});

describe('count: a whole number ≥ 0', () => {
  it.each<[CellValue, Expect]>([
    [12, ok(12)],
    [0, ok(0)],
    [123456789, ok(123456789)],
    ['12', fixable('number-as-text', 12)],
    ['007', fixable('number-as-text', 7)],
    ['+12', fixable('number-as-text', 12)],
    [' 12 ', fixable('stray-spaces', 12)],
    ['12\u00A0', fixable('stray-spaces', 12)],
    ['\u202F12', fixable('stray-spaces', 12)],
    ['1.234', fixable('thousands-dot', 1234)],
    ['1.234.567', fixable('thousands-dot', 1234567)],
    ['1 234', fixable('thousands-dot', 1234)],
    ['1\u00A0234\u00A0567', fixable('thousands-dot', 1234567)],
    ['1,234,567', fixable('thousands-dot', 1234567)],
    ['12,0', fixable('decimal-comma', 12)],
    ['1.234,0', fixable('thousands-dot', 1234)],
    [-3, invalid('negative')],
    ['-3', invalid('negative')],
    ['−3', invalid('negative')],
    [2.5, invalid('not-whole')],
    ['0,5', invalid('not-whole')],
    ['1.234,5', invalid('not-whole')],
    ['12.5', invalid('not-whole')],
    ['abc', invalid('not-a-number')],
    ['12 cái', invalid('not-a-number')],
    ['1.2.3', invalid('not-a-number')],
    ['1.23.456', invalid('not-a-number')],
    ['85%', invalid('not-a-number')],
    ['NaN', invalid('not-a-number')],
    ['😀', invalid('not-a-number')],
    [true, invalid('not-a-number')],
    [Number.NaN, invalid('not-a-number')],
    [Number.POSITIVE_INFINITY, invalid('not-a-number')],
  ])('%p', (raw, expected) => {
    check(raw, 'count', expected);
  });

  it('"1.234" in a count is 1234 and says which reading was taken and why', () => {
    const r = check('1.234', 'count', fixable('thousands-dot', 1234));
    expect(r.problems[0].message.vi).toContain('hàng nghìn');
    expect(r.problems[0].message.vi).toContain('1234');
    expect(r.problems[0].message.en).toContain('exactly three digits is a thousands separator');
  });

  it('"1,234" in a count is ambiguous: no fix, both readings explained', () => {
    const r = check('1,234', 'count', invalid('decimal-comma'));
    expect(r.problems[0].fix).toBeUndefined();
    expect(r.problems[0].message.en).toContain('1.234');
    expect(r.problems[0].message.en).toContain('1234');
    expect(r.problems[0].message.vi).toContain('1,234');
    expect(r.problems[0].message.vi).toContain('1234');
  });

  it('"1.234,5" is read as 1234.5 (Vietnamese thousands dot and decimal comma), not guessed into a whole number', () => {
    const r = check('1.234,5', 'count', invalid('not-whole'));
    expect(r.problems[0].message.en).toContain('1234.5');
    expect(r.problems[0].message.vi).toContain('1234,5');
  });

  it('names the space problem when a non-breaking space keeps a number as text', () => {
    const r = check('12\u00A0', 'count', fixable('stray-spaces', 12));
    expect(r.problems[0].message.en).toMatch(/non-breaking/);
  });

  it('a cell of spaces only is a warning whose fix clears it', () => {
    check('  \u00A0', 'count', fixable('stray-spaces', null));
    check(' ', 'text', fixable('stray-spaces', null));
  });
});

describe('Excel error values', () => {
  it.each(['#REF!', '#VALUE!', '#DIV/0!', '#N/A', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'])('%s', (err) => {
    for (const kind of ['count', 'percent', 'flag', 'passfail', 'text', 'group', 'parScore'] as CellKind[]) {
      const r = check(err, kind, invalid('excel-error'));
      expect(r.problems[0].message.vi).toContain(err);
      expect(r.problems[0].message.en).toContain(err);
    }
  });

  it('recognises lower-case spellings and leaves other "#" text alone in text cells', () => {
    check('#n/a', 'count', invalid('excel-error'));
    check('#1 ưu tiên', 'text', ok('#1 ưu tiên'));
  });
});

describe('dates pasted into numbers', () => {
  it.each(['15/4/2020', '15-04-2020', '15.04.2020', '2020-04-15', '15/4', '1/12/20'])('text %p', (raw) => {
    check(raw, 'count', invalid('date-in-number'));
  });

  it.each(['d/m/yyyy', 'dd/mm/yyyy;@', '[$-42A]dd/mm/yyyy', 'mmm-yy', 'yyyy-mm-dd hh:mm', 'D/M/YYYY'])(
    'a number with the date format %p',
    (numberFormat) => {
      const r = check(43936, 'count', invalid('date-in-number'), { numberFormat });
      expect(r.problems[0].message.vi).toContain('15/4/2020');
    },
  );

  // '0.0%' on a count is its own warning (percent-format, test/engine/percentFormat.test.ts).
  it.each(['General', '0', '#,##0', '@', '0.000', '"Ngày có"0', '[Red]0', '0_);(0)'])(
    'not a date format: %p',
    (numberFormat) => {
      check(43936, 'count', ok(43936), { numberFormat });
    },
  );

  it('a date format on a text cell is none of the engine’s business', () => {
    check(43936, 'text', ok(43936), { numberFormat: 'd/m/yyyy' });
  });
});

describe('percent: a ratio 0…1 in a %-formatted cell', () => {
  it.each<[CellValue, Expect]>([
    [0.85, ok(0.85)],
    [0, ok(0)],
    [1, ok(1)],
    [85, fixable('percent-over-one', 0.85)],
    [1.5, fixable('percent-over-one', 0.015)],
    [100, fixable('percent-over-one', 1)],
    [150, invalid('percent-out-of-range')],
    [-0.1, invalid('percent-out-of-range')],
    ['85%', fixable('percent-text', 0.85)],
    ['85,5 %', fixable('percent-text', 0.855)],
    ['85.5%', fixable('percent-text', 0.855)],
    ['100%', fixable('percent-text', 1)],
    [' 85 % ', fixable('percent-text', 0.85)],
    ['0,85', fixable('decimal-comma', 0.85)],
    ['85', fixable('percent-over-one', 0.85)],
    ['150%', invalid('percent-out-of-range')],
    ['-5%', invalid('percent-out-of-range')],
    ['cao', invalid('not-a-number')],
  ])('%p', (raw, expected) => {
    check(raw, 'percent', expected);
  });

  it('85 in a % cell asks "did you mean 85%?"', () => {
    const r = check(85, 'percent', fixable('percent-over-one', 0.85));
    expect(r.problems[0].message.en).toContain('Did you mean 85%?');
    expect(r.problems[0].message.vi).toContain('Có phải ý bạn là 85%?');
  });

  it('"1.234" in a % cell is a decimal: 1234 can be no rate', () => {
    const r = check('1.234', 'percent', fixable('percent-over-one', 0.01234));
    expect(r.problems[0].message.en).toContain('above 100%');
  });
});

describe('flag: 0 or 1', () => {
  it.each<[CellValue, Expect]>([
    [1, ok(1)],
    [0, ok(0)],
    [2, invalid('flag-invalid')],
    [0.5, invalid('flag-invalid')],
    [-1, invalid('flag-invalid')],
    ['1', fixable('number-as-text', 1)],
    ['có', fixable('flag-invalid', 1)],
    ['Co', fixable('flag-invalid', 1)],
    ['Không', fixable('flag-invalid', 0)],
    ['khong', fixable('flag-invalid', 0)],
    [true, fixable('flag-invalid', 1)],
    [false, fixable('flag-invalid', 0)],
    ['x', invalid('not-a-number')],
  ])('%p', (raw, expected) => {
    check(raw, 'flag', expected);
  });
});

describe('passfail: exactly "Đạt" or "Không đạt"', () => {
  it.each<[CellValue, Expect]>([
    ['Đạt', ok('Đạt')],
    ['Không đạt', ok('Không đạt')],
    ['đạt', fixable('passfail-variant', 'Đạt')],
    ['DAT', fixable('passfail-variant', 'Đạt')],
    ['dat', fixable('passfail-variant', 'Đạt')],
    [' Đạt ', fixable('passfail-variant', 'Đạt')],
    [' Không  đạt', fixable('passfail-variant', 'Không đạt')],
    ['khong dat', fixable('passfail-variant', 'Không đạt')],
    ['KHÔNG ĐẠT', fixable('passfail-variant', 'Không đạt')],
    ['Không\u00A0đạt', fixable('passfail-variant', 'Không đạt')],
    ['Không đạt.', fixable('passfail-variant', 'Không đạt')],
    // Decomposed (NFD) text looks identical but does not match in COUNTIF.
    ['Đạt'.normalize('NFD'), fixable('passfail-variant', 'Đạt')],
    ['Tốt', invalid('passfail-invalid')],
    ['Đạt một phần', invalid('passfail-invalid')],
    [1, invalid('passfail-invalid')],
    [true, invalid('passfail-invalid')],
  ])('%p', (raw, expected) => {
    check(raw, 'passfail', expected);
  });
});

describe('text and group rows', () => {
  it('a text cell takes anything but an Excel error', () => {
    check('Tổ chức hội thi', 'text', ok('Tổ chức hội thi'));
    check(12, 'text', ok(12));
    check(true, 'text', ok('TRUE'));
    check('  lề trái', 'text', ok('  lề trái'));
  });

  it.each<[CellValue]>([[5], ['x'], [0], [true]])('a group row takes no value: %p', (raw) => {
    check(raw, 'group', invalid('value-in-group'));
  });
});

describe('PAR score: 0…max with at most three decimals', () => {
  const max = { max: 2 };
  it.each<[CellValue, Expect]>([
    [1.5, ok(1.5)],
    [0, ok(0)],
    [2, ok(2)],
    [0.897, ok(0.897)],
    [1.857, ok(1.857)],
    [2.5, invalid('par-over-max')],
    [2.0001, invalid('par-over-max')],
    [-0.5, invalid('negative')],
    [0.8555, invalid('par-too-precise')],
    ['1.234', fixable('number-as-text', 1.234)],
    ['1,234', fixable('decimal-comma', 1.234)],
    ['0,9', fixable('decimal-comma', 0.9)],
    ['0.75', fixable('number-as-text', 0.75)],
    ['90%', invalid('not-a-number')],
    ['1.234,5', invalid('par-over-max')],
  ])('%p (max 2)', (raw, expected) => {
    check(raw, 'parScore', expected, max);
  });

  it('"1.234" in a PAR score is a decimal because 1234 exceeds the maximum', () => {
    const r = check('1.234', 'parScore', fixable('number-as-text', 1.234), { max: 1.5 });
    expect(r.problems[0].message.en).toContain('above the maximum');
    expect(r.problems[0].message.vi).toContain('vượt điểm tối đa');
  });

  it('"1.234" over a maximum of 1 is over the maximum, read as a decimal', () => {
    const r = check('1.234', 'parScore', invalid('par-over-max'), { max: 1 });
    expect(r.problems[0].message.en).toContain('1.234');
  });

  it('without a maximum only the sign and precision are checked', () => {
    check(50, 'parScore', ok(50));
    check(-1, 'parScore', invalid('negative'));
  });
});

describe('formulas typed into input cells', () => {
  it('a formula with a valid result: warning, fix keeps its value', () => {
    const r = check(12, 'count', fixable('formula-in-input', 12), { formula: '=5+7' });
    expect(r.problems[0].message.en).toContain('=5+7');
  });

  it('a formula whose result also needs a fix: one warning whose fix settles both', () => {
    check('12', 'count', fixable('formula-in-input', 12), { formula: '="12"' });
    // 85 read as 85 % is a judgement: the one warning suggests it, it does not fix it.
    const r = parseCellInput(85, 'percent', { formula: '=80+5' });
    expect(r).toMatchObject({ status: 'fixable', value: 0.85 });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'formula-in-input', suggestion: { value: 0.85 } });
    expect(r.problems[0].fix).toBeUndefined();
  });

  it('a formula with an invalid result: the formula warning and the value error, no fix', () => {
    const r = parseCellInput('#REF!', 'count', { formula: '=#REF!+1' });
    expect(r.status).toBe('invalid');
    expect(r.problems.map((p) => [p.severity, p.code])).toEqual([
      ['warning', 'formula-in-input'],
      ['error', 'excel-error'],
    ]);
    expect(r.problems[0].fix).toBeUndefined();
  });

  it('a formula returning "" is still a formula in an input cell; its fix clears it', () => {
    check('', 'count', fixable('formula-in-input', null), { formula: '=IF(A1,1,"")' });
  });

  it('a constant in Range.formulas is not a formula', () => {
    check(12, 'count', ok(12), { formula: 12 });
    check('Đạt', 'passfail', ok('Đạt'), { formula: 'Đạt' });
  });
});

describe('never throws', () => {
  it('on values no spreadsheet holds', () => {
    const weird: unknown[] = [
      {},
      [],
      Symbol('x'),
      BigInt(12),
      () => 1,
      {
        toString() {
          throw new Error('boom');
        },
      },
      Object.create(null),
      '\uD800',
      'x'.repeat(100000),
      '1'.repeat(400),
      1e308,
      -0,
    ];
    for (const raw of weird)
      for (const kind of ['count', 'percent', 'flag', 'passfail', 'text', 'group', 'parScore'] as CellKind[])
        expect(() => parseCellInput(raw as CellValue, kind, { max: 1 })).not.toThrow();
  });
});
