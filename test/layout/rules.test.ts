import { LEGACY_PAR_YEAR, markerFor, parseMarker } from '../../src/layout';
import {
  belowTargetFormula,
  CF_FORMATS,
  formulaOverwrittenFormula,
  groupValueFormula,
  invalidFormula,
  parScoreInvalidFormula,
  PROMPT_MESSAGE_MAX,
  PROMPT_TITLE_MAX,
  parScoreValidation,
  validationFor,
} from '../../src/layout/rules';
import { evaluateAt, REF_ERROR } from './helpers';

// fast-formula-parser stands in for Excel: a blank cell reads as '' (Excel: blank = "" is TRUE).
const ERROR = REF_ERROR;

/** [value, invalid?] per kind. */
const CASES: Record<'count' | 'percent' | 'flag' | 'passfail' | 'text', Array<[unknown, boolean]>> = {
  count: [
    ['', false],
    [0, false],
    [12, false],
    [-1, true],
    [1.5, true],
    ['12', true],
    ['abc', true],
    ['#REF!', true], // text that looks like an error is still text
    [ERROR, true],
  ],
  percent: [
    ['', false],
    [0, false],
    [0.855, false],
    [1, false],
    [1.2, true],
    [-0.1, true],
    ['85%', true],
    [ERROR, true],
  ],
  flag: [
    ['', false],
    [0, false],
    [1, false],
    [2, true],
    [0.5, true],
    ['Có', true],
    [ERROR, true],
  ],
  passfail: [
    ['', false],
    ['Đạt', false],
    ['Không đạt', false],
    ['đạt', true],
    ['Dat', true],
    [1, true],
    [ERROR, true],
  ],
  text: [
    ['', false],
    ['Hội thi trực tuyến', false],
    [5, false],
    [ERROR, true],
  ],
};

describe.each(Object.entries(CASES))('"invalid" rule for %s inputs', (kind, cases) => {
  const formula = invalidFormula(kind as keyof typeof CASES, 'D7');
  test.each(cases)('%p → %p', (value, invalid) => {
    expect(evaluateAt(formula, 'D7', { D7: value })).toBe(invalid);
  });
  test("is relative to the range's top-left cell", () => {
    expect(formula).toMatch(/^=/);
    expect(formula).not.toMatch(/\$/);
  });
});

test('"invalid" rule for heading rows: any value at all', () => {
  const formula = groupValueFormula('E9');
  expect(evaluateAt(formula, 'E9', { E9: null })).toBe(false);
  for (const v of [0, 'x', ERROR]) expect(evaluateAt(formula, 'E9', { E9: v })).toBe(true);
});

test('"invalid" rule for PAR leaf scores: number from 0 to $D, at most three decimals', () => {
  const formula = parScoreInvalidFormula('G7', 7);
  const at = (v: unknown) => evaluateAt(formula, 'G7', { G7: v, D7: 1.5 });
  expect([at(''), at(0), at(1.5), at(1.25), at(0.897)]).toEqual([false, false, false, false, false]);
  expect([at(1.501), at(-0.1), at(0.8975), at('1,5'), at(ERROR)]).toEqual([true, true, true, true, true]);
  expect(formula).toContain('$D7');
});

test('"belowTarget" rule: a number under target after rounding to three decimals', () => {
  const formula = belowTargetFormula('$G7', '$F7');
  const at = (g: unknown) => evaluateAt(formula, 'B7', { G7: g, F7: 8.3 });
  expect(at('')).toBe(false);
  expect(at(8.3)).toBe(false);
  expect(at(7 + 1.3 - 1e-12)).toBe(false); // a SUM landing a hair under the target it equals
  expect(at(8.29)).toBe(true);
});

test('"formulaOverwritten" rule tests ISFORMULA on the cell', () => {
  expect(formulaOverwrittenFormula('G6')).toBe('=NOT(ISFORMULA(G6))');
});

test('validations and their texts', () => {
  expect(validationFor('text', 'D7')).toBeNull();
  expect(validationFor('meta', 'D7')).toBeNull();
  const all = [
    ...(['count', 'percent', 'flag', 'passfail'] as const).map((k) => validationFor(k, 'D7:I9')),
    parScoreValidation('G7', 0.75),
  ];
  for (const v of all) {
    expect(v).not.toBeNull();
    if (!v) continue;
    expect(v.range).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
    expect(v.prompt.title.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
    expect(v.error.title.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
    expect(v.prompt.message.length).toBeLessThanOrEqual(PROMPT_MESSAGE_MAX);
    expect(v.error.message.length).toBeLessThanOrEqual(PROMPT_MESSAGE_MAX);
  }
  expect(parScoreValidation('G7', 0.75).prompt.message).toContain('0,75');
});

test('a PAR score prompt and alert write the maximum with the separator given (default the comma)', () => {
  const point = parScoreValidation('G7', 0.75, '.');
  expect(point.prompt.message).toBe('Nhập điểm từ 0 đến 0.75 (điểm tối đa), tối đa 3 chữ số thập phân.');
  expect(point.error.message).toBe('Điểm phải là số từ 0 đến 0.75 (điểm tối đa của tiêu chí).');
  const comma = parScoreValidation('G7', 0.75, ',');
  expect(comma).toEqual(parScoreValidation('G7', 0.75));
  expect(comma.error.message).toContain('0,75');
  // Everything but the texts is the same rule.
  const rule = ({ prompt: _p, error: _e, ...rest }: typeof point) => rest;
  expect(rule(point)).toEqual(rule(comma));
});

test('each purpose has its own fill', () => {
  const fills = Object.values(CF_FORMATS).map((f) => f.fill);
  expect(new Set(fills).size).toBe(fills.length);
  expect(CF_FORMATS.invalid).toMatchObject({ fill: '#FFC7CE', fontColor: '#9C0006' });
  expect(CF_FORMATS.belowTarget.fill).toBe('#FFEB9C');
});

/** WCAG 2 relative luminance of '#RRGGBB'. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** HSL hue in degrees, 0 = red, 60 = yellow. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** Degrees between two hues on the circle. */
const hueGap = (a: number, b: number) => Math.min(Math.abs(a - b), 360 - Math.abs(a - b));

test('every rule’s text is readable on its fill (WCAG AA, 4.5:1)', () => {
  const low = Object.entries(CF_FORMATS)
    .filter(([, f]) => !f.fill || !f.fontColor || contrast(f.fill, f.fontColor) < 4.5)
    .map(([purpose]) => purpose);
  expect(low).toEqual([]);
});

test('a check’s errors are red like the live rule, its warnings orange, apart from the below-target yellow', () => {
  const { invalid, flagged, flaggedWarning, belowTarget } = CF_FORMATS;
  // Red: within 15° of hue 0, as the live 'invalid' rule.
  expect(hueGap(hue(invalid.fill!), 0)).toBeLessThanOrEqual(15);
  expect(hueGap(hue(flagged.fill!), 0)).toBeLessThanOrEqual(15);
  // Orange: between red and yellow, at least 15° from the below-target yellow and from both reds.
  const orange = hue(flaggedWarning.fill!);
  expect(orange).toBeGreaterThanOrEqual(20);
  expect(orange).toBeLessThanOrEqual(40);
  for (const other of [belowTarget, invalid, flagged])
    expect(hueGap(orange, hue(other.fill!))).toBeGreaterThanOrEqual(15);
  // Both marks of a check are bold: told apart from the live rules that colour the same cells.
  expect(flagged.bold && flaggedWarning.bold).toBe(true);
});

describe('marker', () => {
  test('round trip for every template id', () => {
    for (const id of ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'STATUS'] as const)
      expect(parseMarker(markerFor(id, '1.2.3'))).toEqual({ templateId: id, version: '1.2.3' });
    expect(parseMarker(markerFor('PAR', '1.2.3', 2022))).toEqual({ templateId: 'PAR', version: '1.2.3', year: 2022 });
    expect(markerFor('PAR', '1.0.0', 2022)).toBe('cchc-template:PAR@1.0.0/2022');
  });

  test('a PAR marker written before markers had a year is read as the 2021 list', () => {
    expect(parseMarker('cchc-template:PAR@1.0.0')).toEqual({ templateId: 'PAR', version: '1.0.0', year: 2021 });
    expect(LEGACY_PAR_YEAR).toBe(2021);
  });

  test('only PAR carries a year, and only a four-digit one', () => {
    expect(() => markerFor('I', '1.0.0', 2022)).toThrow(/Only the PAR/);
    expect(() => markerFor('PAR', '1.0.0', 22)).toThrow(/year/);
    for (const v of ['cchc-template:I@1.0.0/2022', 'cchc-template:PAR@1.0.0/22', 'cchc-template:PAR@1.0.0/2022/1'])
      expect(parseMarker(v)).toBeNull();
  });

  test('tolerates surrounding spaces, rejects anything else', () => {
    expect(parseMarker('  cchc-template:IV@1.0.0 ')).toEqual({ templateId: 'IV', version: '1.0.0' });
    for (const v of [
      null,
      undefined,
      42,
      '',
      'cchc-template:',
      'cchc-template:PAR',
      'cchc-template:PAR@',
      'cchc-template:IX@1.0.0',
      'cchc-template:@1.0.0',
      'cchc-template:PAR@latest',
      'CCHC-TEMPLATE:PAR@1.0.0',
      'Danh mục cchc-template:PAR@1.0.0',
    ])
      expect(parseMarker(v)).toBeNull();
  });

  test('refuses to write a marker for an unknown template or a bad version', () => {
    expect(() => markerFor('IX' as never, '1.0.0')).toThrow();
    expect(() => markerFor('PAR', 'v1')).toThrow();
  });
});
