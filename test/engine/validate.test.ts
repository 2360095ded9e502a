import { TEMPLATE_IDS } from '../../src/catalog';
import { cellKind, describeInput, validateSheet, validateWorkbook } from '../../src/engine';
import type { CellValue, Finding, SheetSnapshot } from '../../src/engine/types';
import { cellOf, inputsOf, makeSnapshot, permuteRows, planOf, validFill } from './snapshot';
import type { Fill } from './snapshot';

/** The findings as [severity, code, cell, rowKey, column] for exact comparison. */
const brief = (fs: Finding[]): Array<[string, string, string, string, string | null]> =>
  fs.map((f) => [f.severity, f.code, f.cell, f.rowKey, f.column]);

const only = (snapshot: SheetSnapshot): Finding => {
  const fs = validateSheet(snapshot).findings;
  expect(fs).toHaveLength(1);
  return fs[0];
};

/** PAR findings every PAR sheet carries: the published 2020 column's two rounding differences. */
const PAR_ROUNDING = [
  ['info', 'par-previous-rounding', cellOf('PAR', '6.1', 'previousScore'), '6.1', 'previousScore'],
  ['info', 'par-previous-rounding', cellOf('PAR', '7.1', 'previousScore'), '7.1', 'previousScore'],
];

describe('a correct sheet', () => {
  it.each(TEMPLATE_IDS)('%s filled correctly has no findings beyond the published 2020 rounding', (id) => {
    const result = validateSheet(makeSnapshot(id, { values: validFill(id) }));
    expect(brief(result.findings)).toEqual(id === 'PAR' ? PAR_ROUNDING : []);
    expect(result.cellsChecked).toBe(inputsOf(id).length);
    expect(result.cellsFilled).toBe(inputsOf(id).length);
    expect(result.sheet).toBe(planOf(id).name);
    expect(result.templateId).toBe(id);
  });

  it.each(TEMPLATE_IDS)('%s left empty is "not filled": no errors, nothing filled', (id) => {
    const result = validateSheet(makeSnapshot(id));
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(result.cellsFilled).toBe(0);
    expect(result.cellsChecked).toBe(inputsOf(id).length);
  });

  it('works from values alone (no formulas, no number formats)', () => {
    const result = validateSheet(makeSnapshot('III', { values: validFill('III'), valuesOnly: true }));
    expect(result.findings).toEqual([]);
  });
});

describe('input cells, found by key and column id', () => {
  it('places each finding at the cell, row key and column where the value is', () => {
    const f = only(makeSnapshot('I', { values: { 'I.2': { '2019': '1.234' } }, name: 'Chỉ đạo (Ba Đình)' }));
    expect(f).toEqual({
      severity: 'warning',
      code: 'thousands-dot',
      sheet: 'Chỉ đạo (Ba Đình)',
      cell: 'I10',
      rowKey: 'I.2',
      column: '2019',
      message: expect.objectContaining({ vi: expect.stringContaining('1234'), en: expect.stringContaining('1234') }),
      fix: { value: 1234, description: expect.objectContaining({ vi: expect.any(String), en: expect.any(String) }) },
    });
  });

  const cases: Array<[string, string, string, CellValue, string, string, number | string | null | undefined]> = [
    // [template, key, column, value, severity, code, fix value]
    ['I', 'I.2', '2015', '12', 'warning', 'number-as-text', 12],
    ['I', 'I.2', '2016', '0,5', 'error', 'not-whole', undefined],
    ['I', 'I.2', '2017', '1,234', 'error', 'decimal-comma', undefined],
    ['I', 'I.2', '2018', ' 12\u202F', 'warning', 'stray-spaces', 12],
    ['I', 'I.2', '2019', -4, 'error', 'negative', undefined],
    ['I', 'I.2', '2020', 3.5, 'error', 'not-whole', undefined],
    ['I', 'I.2', '2015', 'mười', 'error', 'not-a-number', undefined],
    ['I', 'I.2', '2015', '#DIV/0!', 'error', 'excel-error', undefined],
    ['I', 'I.2', '2015', '15/4/2020', 'error', 'date-in-number', undefined],
    ['I', 'I.3.a', '2019', 2, 'error', 'flag-invalid', undefined],
    ['I', 'I.3.a', '2019', 'có', 'warning', 'flag-invalid', 1],
    ['I', 'I.6.c', '2019', 85, 'warning', 'percent-over-one', 0.85],
    ['I', 'I.6.c', '2019', '85%', 'warning', 'percent-text', 0.85],
    ['I', 'I.6.c', '2019', '85,5 %', 'warning', 'percent-text', 0.855],
    ['I', 'I.6.c', '2019', 120, 'error', 'percent-out-of-range', undefined],
    ['I', 'I.3.e', '2019', '#N/A', 'error', 'excel-error', undefined],
    ['VIII', 'VIII.3', 'assessment', 'khong dat', 'warning', 'passfail-variant', 'Không đạt'],
    ['VIII', 'VIII.3', 'assessment', 'DAT', 'warning', 'passfail-variant', 'Đạt'],
    ['VIII', 'VIII.3', 'assessment', 'Tốt', 'error', 'passfail-invalid', undefined],
    ['VIII', 'VIII.3', 'assessment', 1, 'error', 'passfail-invalid', undefined],
    ['IV', 'IV.3.2019', 'yte.huyen', '1.234', 'warning', 'thousands-dot', 1234],
    ['PAR', '2.4.1', 'score', 1.5, 'error', 'par-over-max', undefined],
    ['PAR', '2.4.1', 'score', 0.8975, 'error', 'par-too-precise', undefined],
    ['PAR', '2.4.1', 'score', -0.1, 'error', 'negative', undefined],
    ['PAR', '2.4.1', 'evidence', '#REF!', 'error', 'excel-error', undefined],
    ['I', 'meta.reporter', 'reporter', '#VALUE!', 'error', 'excel-error', undefined],
  ];
  it.each(cases)('%s %s [%s] = %p → %s %s', (id, key, column, value, severity, code, fixValue) => {
    const fs = validateSheet(makeSnapshot(id as 'I', { values: { [key]: { [column]: value } } })).findings.filter(
      (f) => f.code !== 'par-previous-rounding',
    );
    expect(brief(fs)).toEqual([[severity, code, cellOf(id as 'I', key, column), key, column]]);
    if (fixValue === undefined) expect(fs[0].fix).toBeUndefined();
    else expect((fs[0].fix ?? fs[0].suggestion)?.value).toBe(fixValue);
  });

  it('a PAR score typed as "1,234" (max 1.5) is a decimal with a fix', () => {
    const fs = validateSheet(makeSnapshot('PAR', { values: { '1.1': { score: '1,234', evidence: 'QĐ 1' } } })).findings;
    const f = fs.find((x) => x.rowKey === '1.1') as Finding;
    expect(brief([f])).toEqual([['warning', 'decimal-comma', 'G7', '1.1', 'score']]);
    expect(f.fix?.value).toBe(1.234);
  });

  it('a number formatted as a date (pasted date) is an error showing the date', () => {
    const f = only(
      makeSnapshot('I', { values: { 'I.2': { '2019': 43936 } }, numberFormats: { 'I.2': { '2019': 'dd/mm/yyyy' } } }),
    );
    expect(brief([f])).toEqual([['error', 'date-in-number', 'I10', 'I.2', '2019']]);
    expect(f.message.vi).toContain('15/4/2020');
  });

  it('a formula typed into an input cell: warning, fix keeps the value', () => {
    const f = only(makeSnapshot('I', { values: { 'I.2': { '2019': 12 } }, formulas: { 'I.2': { '2019': '=10+2' } } }));
    expect(brief([f])).toEqual([['warning', 'formula-in-input', 'I10', 'I.2', '2019']]);
    expect(f.fix?.value).toBe(12);
  });

  it('a formula with an error result in an input: the formula warning and the error', () => {
    const fs = validateSheet(
      makeSnapshot('I', { values: { 'I.2': { '2019': '#REF!' } }, formulas: { 'I.2': { '2019': '=#REF!' } } }),
    ).findings;
    expect(brief(fs)).toEqual([
      ['warning', 'formula-in-input', 'I10', 'I.2', '2019'],
      ['error', 'excel-error', 'I10', 'I.2', '2019'],
    ]);
  });

  it('a value in a group heading row is an error at that cell', () => {
    const snapshot = makeSnapshot('I', { values: {} });
    // I.3 "Tuyên truyền CCHC" is a heading: its cells under the year columns must stay empty.
    snapshot.values[10][4] = 5; // E11
    snapshot.values[22][9] = 'x'; // J23 (I.6)
    expect(brief(validateSheet(snapshot).findings)).toEqual([
      ['error', 'value-in-group', 'E11', 'I.3', '2015'],
      ['error', 'value-in-group', 'J23', 'I.6', '2020'],
    ]);
  });

  it('V.1 "Tổng số biên chế" heading: a total typed there is flagged, not counted', () => {
    const snapshot = makeSnapshot('V');
    snapshot.values[6][7] = 5000; // H7 = V.1, 2019 (section V has no unit column)
    expect(brief(validateSheet(snapshot).findings)).toEqual([['error', 'value-in-group', 'H7', 'V.1', '2019']]);
  });

  it('takes odd contents (booleans, NaN and 1e999 as text, emoji, 1e308, -0) in the inputs of sheet I without throwing, and counts the filled ones', () => {
    const weird: CellValue[] = [true, false, null, '', 'NaN', '😀', '1e999', ' ', '\u00A0', 1e308, -0];
    const fill: Fill = {};
    inputsOf('I').forEach(({ key, columnId }, i) => ((fill[key] ??= {})[columnId] = weird[i % weird.length]));
    const result = validateSheet(makeSnapshot('I', { values: fill }));
    expect(result.findings.every((f) => f.sheet === planOf('I').name)).toBe(true);
    const filled = inputsOf('I').filter((_, i) => weird[i % weird.length] !== '' && weird[i % weird.length] !== null);
    expect(result.cellsFilled).toBe(filled.length);
  });
});

describe('rows are found by key, never by position', () => {
  it('a row inserted above moves every finding down by one', () => {
    const snapshot = makeSnapshot('I', { values: { 'I.2': { '2019': '1.234' } } });
    const shifted: SheetSnapshot = {
      ...snapshot,
      values: [...snapshot.values.slice(0, 5), new Array(10).fill('ghi chú'), ...snapshot.values.slice(5)],
      formulas: undefined,
      numberFormats: undefined,
    };
    expect(brief(validateSheet(shifted).findings)).toEqual([['warning', 'thousands-dot', 'I11', 'I.2', '2019']]);
  });

  it('rows sorted in reverse keep their findings, at their new addresses', () => {
    const snapshot = makeSnapshot('I', { values: { 'I.2': { '2019': '1.234' }, 'I.1.a': { '2015': -1 } } });
    const body = snapshot.values.length - 6;
    const order = Array.from({ length: body }, (_, i) => body - 1 - i);
    const moved = permuteRows(snapshot, 7, order);
    const fs = validateSheet(moved).findings;
    // I.2 was row 10 (index 3 of the body from row 7), I.1.a row 8 (index 1).
    const rowOf = (bodyIndex: number): number => 7 + order.indexOf(bodyIndex);
    expect(brief(fs)).toEqual([
      ['warning', 'thousands-dot', `I${rowOf(3)}`, 'I.2', '2019'],
      ['error', 'negative', `E${rowOf(1)}`, 'I.1.a', '2015'],
    ]);
  });

  it('reads snapshots whose origin is not A1', () => {
    const snapshot = makeSnapshot('I', { values: { 'I.2': { '2019': '12' } } });
    const fromA3: SheetSnapshot = { ...snapshot, origin: 'A3', values: snapshot.values.slice(2) };
    delete fromA3.formulas;
    delete fromA3.numberFormats;
    expect(brief(validateSheet(fromA3).findings)).toEqual([['warning', 'number-as-text', 'I10', 'I.2', '2019']]);
  });

  it('a snapshot without column A has no keys to find: nothing checked, nothing thrown', () => {
    const snapshot = makeSnapshot('I', { values: { 'I.2': { '2019': '12' } } });
    const fromB1: SheetSnapshot = { ...snapshot, origin: 'B1', values: snapshot.values.map((r) => r.slice(1)) };
    delete fromB1.formulas;
    delete fromB1.numberFormats;
    const result = validateSheet(fromB1);
    expect(result.findings).toEqual([]);
    expect(result.cellsChecked).toBe(0);
  });

  it('a key re-typed as a number or with stray spaces is still found', () => {
    const snapshot = makeSnapshot('PAR', { values: { '1.6': { score: 9 } } });
    snapshot.values[11][0] = 1.6; // A12
    expect(brief(validateSheet(snapshot).findings.filter((f) => f.rowKey === '1.6'))).toEqual([
      ['error', 'par-over-max', 'G12', '1.6', 'score'],
    ]);
    const spaced = makeSnapshot('I', { values: { 'I.2': { '2019': -1 } } });
    spaced.values[9][0] = ' I.2 ';
    expect(brief(validateSheet(spaced).findings)).toEqual([['error', 'negative', 'I10', 'I.2', '2019']]);
  });

  it('a copied row (same key twice) is checked on both rows; relations use the first', () => {
    const snapshot = makeSnapshot('I', { values: { 'I.2': { '2019': -1 } } });
    snapshot.values.push([...snapshot.values[9]]);
    expect(brief(validateSheet(snapshot).findings)).toEqual([
      ['warning', 'duplicate-key', `A${snapshot.values.length}`, 'I.2', null],
      ['error', 'negative', 'I10', 'I.2', '2019'],
      ['error', 'negative', `I${snapshot.values.length}`, 'I.2', '2019'],
    ]);
  });

  it('ragged and short rows read as empty cells', () => {
    const snapshot = makeSnapshot('I', { values: { 'I.2': { '2015': 3 } }, valuesOnly: true });
    snapshot.values = snapshot.values.map((r, i) => (i === 9 ? r.slice(0, 5) : i === 11 ? [r[0]] : r));
    const result = validateSheet(snapshot);
    expect(result.findings).toEqual([]);
    expect(result.cellsFilled).toBe(1);
  });
});

describe('relations from the catalog', () => {
  it('a total that differs from the sum of its parts: warning at the total, both figures and the difference', () => {
    const f = only(
      makeSnapshot('I', { values: { 'I.1': { '2019': 10 }, 'I.1.a': { '2019': 3 }, 'I.1.b': { '2019': 4 } } }),
    );
    expect(brief([f])).toEqual([['warning', 'sum-mismatch', 'I7', 'I.1', '2019']]);
    expect(f.fix).toBeUndefined();
    expect(f.message.vi).toMatch(/là 10 .*là 7, chênh lệch 3/);
    expect(f.message.en).toMatch(/is 10 .*add up to 7, a difference of 3/);
  });

  it('no sum check while a part is empty', () => {
    const r = validateSheet(makeSnapshot('I', { values: { 'I.1': { '2019': 10 }, 'I.1.a': { '2019': 3 } } }));
    expect(r.findings).toEqual([]);
  });

  it('compares a part typed as text by its fix, alongside the text warning', () => {
    const fs = validateSheet(
      makeSnapshot('VI', {
        values: { 'VI.3': { '2018': 10 }, 'VI.3.a': { '2018': '3' }, 'VI.3.b': { '2018': 3 }, 'VI.3.c': { '2018': 3 } },
      }),
    ).findings;
    expect(brief(fs)).toEqual([
      ['warning', 'number-as-text', cellOf('VI', 'VI.3.a', '2018'), 'VI.3.a', '2018'],
      ['warning', 'sum-mismatch', cellOf('VI', 'VI.3', '2018'), 'VI.3', '2018'],
    ]);
  });

  it('an invalid part is not compared', () => {
    const fs = validateSheet(
      makeSnapshot('I', { values: { 'I.1': { '2019': 10 }, 'I.1.a': { '2019': 'x' }, 'I.1.b': { '2019': 4 } } }),
    ).findings;
    expect(brief(fs)).toEqual([['error', 'not-a-number', 'I8', 'I.1.a', '2019']]);
  });

  it('có mặt above được giao: warning at the lesser row with the catalog’s reason', () => {
    const f = only(makeSnapshot('V', { values: { 'V.1.a': { '2019': 100 }, 'V.1.b': { '2019': 120 } } }));
    expect(brief([f])).toEqual([['warning', 'bound-exceeded', 'H9', 'V.1.b', '2019']]);
    expect(f.message.vi).toContain('không vượt quá biên chế được giao');
    expect(f.message.en).toContain('120');
  });

  it('a bound met with equality is fine', () => {
    expect(
      validateSheet(makeSnapshot('V', { values: { 'V.1.a': { '2019': 100 }, 'V.1.b': { '2019': 100 } } })).findings,
    ).toEqual([]);
  });

  it('relations follow rows that were moved', () => {
    const snapshot = makeSnapshot('I', {
      values: { 'I.1': { '2019': 10 }, 'I.1.a': { '2019': 3 }, 'I.1.b': { '2019': 4 } },
    });
    const body = snapshot.values.length - 6;
    const order = Array.from({ length: body }, (_, i) => (i + 5) % body);
    const fs = validateSheet(permuteRows(snapshot, 7, order)).findings;
    expect(brief(fs)).toEqual([['warning', 'sum-mismatch', `I${7 + order.indexOf(0)}`, 'I.1', '2019']]);
  });
});

describe('year-on-year plausibility of counts (info)', () => {
  const years = (...v: CellValue[]): Fill => ({
    'I.2': Object.fromEntries(['2015', '2016', '2017', '2018', '2019', '2020'].map((y, i) => [y, v[i] ?? ''])),
  });
  const jumps = (fill: Fill): Array<[string, string, string, string, string | null]> =>
    brief(validateSheet(makeSnapshot('I', { values: fill })).findings);

  it('more than ×10 up with the larger ≥ 10', () => {
    expect(jumps(years(5, 6, 70))).toEqual([['info', 'implausible-jump', 'G10', 'I.2', '2017']]);
  });
  it('more than ×10 down', () => {
    expect(jumps(years(500, 40))).toEqual([['info', 'implausible-jump', 'F10', 'I.2', '2016']]);
  });
  it('not for ×9, nor when the larger figure is below 10', () => {
    expect(jumps(years(5, 45, 5, 1, 9.0))).toEqual([]);
  });
  it('to zero from ≥ 20, not from 19', () => {
    expect(jumps(years(30, 0))).toEqual([['info', 'implausible-jump', 'F10', 'I.2', '2016']]);
    expect(jumps(years(19, 0))).toEqual([]);
  });
  it('not for a start from zero', () => {
    expect(jumps(years(0, 500))).toEqual([]);
  });
  it('compares consecutive filled years, skipping empty ones', () => {
    expect(jumps(years(5, '', '', 80))).toEqual([['info', 'implausible-jump', 'H10', 'I.2', '2018']]);
  });
  it('2020 counts to 31/3 only: a fall needs more than ×40, a zero is never flagged', () => {
    expect(jumps(years('', '', '', '', 400, 30))).toEqual([]);
    expect(jumps(years('', '', '', '', 400, 0))).toEqual([]);
    expect(jumps(years('', '', '', '', 400, 5))).toEqual([['info', 'implausible-jump', 'J10', 'I.2', '2020']]);
  });
  it('uses the fixed reading of a number typed as text', () => {
    expect(jumps(years(12, '1.234'))).toEqual([
      ['warning', 'thousands-dot', 'F10', 'I.2', '2016'],
      ['info', 'implausible-jump', 'F10', 'I.2', '2016'],
    ]);
  });
  it('does not judge percentages or flags', () => {
    const fill: Fill = { 'I.6.c': { '2015': 0.01, '2016': 0.9 }, 'I.3.a': { '2015': 0, '2016': 1 } };
    expect(jumps(fill)).toEqual([]);
  });
});

describe('validateWorkbook', () => {
  it('aggregates findings of every sheet and counts them by severity', () => {
    const snapshots = [
      makeSnapshot('I', { values: { 'I.2': { '2019': -1, '2020': '12' } } }),
      makeSnapshot('PAR', { name: 'PAR Hoàn Kiếm' }),
      makeSnapshot('I', { name: 'I (2)', values: { 'I.2': { '2019': 'x' } } }),
    ];
    const result = validateWorkbook(snapshots);
    expect(result.sheets.map((s) => s.sheet)).toEqual([planOf('I').name, 'PAR Hoàn Kiếm', 'I (2)']);
    expect(result.findings).toEqual(result.sheets.flatMap((s) => s.findings));
    expect(result.counts).toEqual({ error: 2, warning: 1, info: 2 });
    expect(result.sheets[1].par?.sheet).toBe('PAR Hoàn Kiếm');
    expect(result.sheets[0].par).toBeUndefined();
  });

  it('is empty for no sheets', () => {
    expect(validateWorkbook([])).toEqual({ sheets: [], findings: [], counts: { error: 0, warning: 0, info: 0 } });
  });
});

describe('describeInput and cellKind, for the adapter’s live validation', () => {
  it('says how each input cell is read', () => {
    expect(describeInput('I', 'I.6.c', '2019')).toEqual({ kind: 'percent', max: undefined });
    expect(describeInput('PAR', '2.4.3', 'score')).toEqual({ kind: 'parScore', max: 1.5 });
    expect(describeInput('PAR', '2.4.3', 'evidence')).toEqual({ kind: 'text', max: undefined });
    expect(describeInput('I', 'I.3', '2015')).toEqual({ kind: 'group', max: undefined });
    expect(describeInput('I', 'meta.reporter', 'reporter')).toEqual({ kind: 'text', max: undefined });
    expect(describeInput('I', 'I.2', 'nope')).toBeNull();
    expect(describeInput('I', 'X.9', '2019')).toBeNull();
  });

  it('maps plan row kinds to cell kinds', () => {
    expect(cellKind('par-leaf', 'score')).toBe('parScore');
    expect(cellKind('par-leaf', 'evidence')).toBe('text');
    expect(cellKind('meta', 'reporter')).toBe('text');
    expect(cellKind('count', '2019')).toBe('count');
  });
});

describe('shared verdicts', () => {
  it('the same bad value on many cells gives equal, independent-looking findings that cannot be altered', () => {
    const fs = validateSheet(makeSnapshot('I', { values: { 'I.2': { '2015': '#REF!', '2016': '#REF!' } } })).findings;
    expect(brief(fs)).toEqual([
      ['error', 'excel-error', 'E10', 'I.2', '2015'],
      ['error', 'excel-error', 'F10', 'I.2', '2016'],
    ]);
    expect(fs[0].message).toEqual(fs[1].message);
    expect(() => {
      (fs[0].message as { vi: string }).vi = 'x';
    }).toThrow(TypeError);
    expect(fs[1].message.vi).toContain('#REF!');
  });
});
