import { APPENDIX1, unitById } from '../../src/catalog';
import type { Appendix1Template } from '../../src/catalog/types';
import { cellAddress, columnNumber, parseRange } from '../../src/layout/a1';
import { buildSheetPlan, REPORTER_KEY } from '../../src/layout';
import type { SheetPlan } from '../../src/layout/types';
import { cellMap, contains, expand, rowByKey, valueAt } from './helpers';

const cases: Array<[string, Appendix1Template, SheetPlan]> = APPENDIX1.map((t) => [t.id, t, buildSheetPlan(t.id)]);

describe.each(cases)('section %s', (_id, template, sheet) => {
  const cells = cellMap(sheet);
  const catalogRows = template.tables.flatMap((t) => t.rows.map((row) => ({ table: t, row })));

  test("sheet name is the catalog's", () => {
    expect(sheet.name).toBe(template.sheet);
  });

  test('every catalog row has exactly one row plan, of its kind, keyed in column A at its row', () => {
    for (const { row } of catalogRows) {
      const plans = sheet.rows.filter((r) => r.key === row.id);
      expect([row.id, plans.length]).toEqual([row.id, 1]);
      expect(plans[0].kind).toBe(row.kind);
      expect(cells.get(`A${plans[0].row}`)?.value).toBe(row.id);
    }
    const keys = new Set(catalogRows.map((c) => c.row.id));
    expect(sheet.rows.filter((r) => !keys.has(r.key)).map((r) => r.key)).toEqual([REPORTER_KEY]);
  });

  test('rows keep the seed order', () => {
    const rows = catalogRows.map(({ row }) => rowByKey(sheet, row.id).row);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  test('titles: section heading and its reporting units', () => {
    const texts = sheet.cells.filter((c) => parseRange(c.address).top <= 3).map((c) => c.value);
    expect(texts).toContain(`${template.id}. ${template.title}`);
    const unitsLine = texts.find((t) => typeof t === 'string' && t.includes('Đơn vị thống kê, báo cáo')) as string;
    for (const u of template.units) expect(unitsLine).toContain(unitById(u).name);
  });

  test('the reporter line is a text input above the table', () => {
    const reporter = rowByKey(sheet, REPORTER_KEY);
    expect(reporter.kind).toBe('meta');
    expect(reporter.row).toBeLessThan(sheet.headerRows[0]);
    const inputs = Object.values(reporter.inputs);
    expect(inputs).toHaveLength(1);
    const input = cells.get(`${inputs[0]}${reporter.row}`);
    expect(input).toMatchObject({ style: 'input', numberFormat: '@' });
    const label = sheet.cells.find(
      (c) => parseRange(c.address).top === reporter.row && c.value === 'Cơ quan, đơn vị báo cáo:',
    );
    expect(label).toBeDefined();
  });

  test('input cells by kind: number format, validation and prompt', () => {
    for (const { table, row } of catalogRows) {
      const plan = rowByKey(sheet, row.id);
      if (row.kind === 'group') {
        expect(plan.inputs).toEqual({});
        continue;
      }
      expect(Object.keys(plan.inputs)).toEqual(table.columns.map((c) => c.id));
      for (const letter of Object.values(plan.inputs)) {
        const address = `${letter}${plan.row}`;
        const validation = sheet.validations.find((v) => contains(v.range, address));
        const format = cells.get(address)?.numberFormat;
        switch (row.kind) {
          case 'count':
            expect(validation).toMatchObject({ type: 'wholeNumber', operator: 'greaterThanOrEqualTo', min: 0 });
            expect(format).toBe('#,##0');
            break;
          case 'percent':
            expect(validation).toMatchObject({ type: 'decimal', operator: 'between', min: 0, max: 1 });
            expect(validation?.prompt.message).toContain('ví dụ 85%');
            expect(format).toBe('0.0%');
            break;
          case 'flag':
            expect(validation).toMatchObject({ type: 'wholeNumber', operator: 'between', min: 0, max: 1 });
            expect(validation?.prompt.message).toContain('1 = Có, 0 = Không');
            break;
          case 'passfail':
            expect(validation).toMatchObject({ type: 'list', list: ['Đạt', 'Không đạt'] });
            break;
          case 'text':
            expect(validation).toBeUndefined();
            expect(format).toBe('@');
            break;
        }
      }
    }
  });

  test('heading rows take no input: grey cells, flagged when anything is typed there', () => {
    for (const { table, row } of catalogRows.filter((c) => c.row.kind === 'group')) {
      const plan = rowByKey(sheet, row.id);
      const rule = (address: string) =>
        sheet.conditionalFormats.find((cf) => cf.purpose === 'invalid' && contains(cf.range, address));
      if (table.caption && row.id === table.id) continue; // a caption row is merged across the table
      const first = sheet.columns.findIndex((c) => c.columnId === table.columns[0].id);
      expect(first).toBeGreaterThan(0);
      for (let i = 0; i < table.columns.length; i++) {
        const address = `${sheet.columns[first + i].letter}${plan.row}`;
        expect(cells.get(address)?.style).toBe('header');
        expect(rule(address)?.formula).toMatch(/^=NOT\(ISBLANK\([A-Z]+\d+\)\)$/);
      }
    }
  });

  test("header row shows the seed's column labels", () => {
    const table = template.tables[0];
    const [top, bottom] = sheet.headerRows;
    const headerTexts = sheet.cells.filter((c) => {
      const row = parseRange(c.address).top;
      return row >= top && row <= bottom;
    });
    const texts = headerTexts.map((c) => c.value);
    expect(texts).toContain(table.labelHeader);
    if (table.unitHeader) expect(texts).toContain(table.unitHeader);
    for (const c of table.columns) expect(texts).toContain(c.label);
    for (const c of headerTexts) expect(c.style).toBe('header');
  });
});

describe.each(cases.filter(([, t]) => t.tables[0].columns[0].id === '2015'))(
  'year columns of %s',
  (_id, template, sheet) => {
    test('years 2015…2020 in adjacent columns, in order', () => {
      const years = sheet.columns.filter((c) => /^\d{4}$/.test(c.columnId ?? ''));
      expect(years.map((c) => c.columnId)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020']);
      const numbers = years.map((c) => columnNumber(c.letter));
      numbers.forEach((n, i) => expect(n).toBe(numbers[0] + i));
      // The last column of the table (the hidden column of marks, U, comes after it).
      expect(years[years.length - 1].letter).toBe(sheet.columns[sheet.columns.length - 2].letter);
      for (const row of template.tables[0].rows.filter((r) => r.kind !== 'group'))
        expect(rowByKey(sheet, row.id).inputs).toEqual(Object.fromEntries(years.map((c) => [c.columnId, c.letter])));
    });
  },
);

describe('layout specifics', () => {
  const sheet = (id: string) => cases.find(([x]) => x === id)?.[2] as SheetPlan;

  test('II: "Chia theo tên loại VBQPPL" is merged down beside the six document types', () => {
    const ii = sheet('II');
    const first = rowByKey(ii, 'II.1.a').row;
    const last = rowByKey(ii, 'II.1.f').row;
    const merge = ii.merges.find((m) => parseRange(m).top === first && parseRange(m).bottom === last);
    expect(merge).toBeDefined();
    expect(valueAt(ii, merge?.split(':')[0] ?? '')).toBe('Chia theo tên loại VBQPPL');
  });

  test("I: a heading's unit cell is merged down over its sub-rows", () => {
    const i = sheet('I');
    const unitCol = i.columns.find((c) => c.columnId === 'unit')?.letter;
    const heading = rowByKey(i, 'I.3').row;
    const lastSub = rowByKey(i, 'I.3.e').row;
    expect(i.merges).toContain(`${unitCol}${heading}:${unitCol}${lastSub}`);
    expect(valueAt(i, `${unitCol}${heading}`)).toBe('Sở TT&TT');
  });

  test('IV: three stacked tables, each with caption, header and the two periods', () => {
    const iv = sheet('IV');
    const template = APPENDIX1.find((t) => t.id === 'IV') as Appendix1Template;
    let previous = 0;
    for (const table of template.tables) {
      const caption = rowByKey(iv, table.id);
      expect(caption.row).toBeGreaterThan(previous);
      expect(iv.cells.some((c) => parseRange(c.address).top === caption.row && c.value === table.caption)).toBe(true);
      const header = caption.row + 1;
      expect(valueAt(iv, cellAddress(header, 3))).toBe('Giai đoạn');
      for (const row of table.rows.filter((r) => r.kind !== 'group')) {
        const plan = rowByKey(iv, row.id);
        expect(plan.row).toBeGreaterThan(header);
        expect(Object.keys(plan.inputs)).toEqual(table.columns.map((c) => c.id));
        expect(Object.values(plan.inputs)[0]).toBe('D');
        previous = plan.row;
      }
    }
  });

  test('IV.3: four groups merged over three columns each, sub-labels beneath', () => {
    const iv = sheet('IV');
    const caption = rowByKey(iv, 'IV.3').row;
    const top = caption + 1;
    const groups = iv.merges.filter((m) => {
      const r = parseRange(m);
      return r.top === top && r.bottom === top && r.left >= 4;
    });
    expect(groups.map((m) => valueAt(iv, m.split(':')[0]))).toEqual([
      'Sự nghiệp GD-ĐT',
      'Sự nghiệp y tế',
      'Sự nghiệp VH,TDĐT',
      'Sự nghiệp khác',
    ]);
    for (const m of groups) expect(expand(m)).toHaveLength(3);
    expect(iv.merges).toContain(`C${top}:C${top + 1}`); // "Giai đoạn" spans both header rows
    expect(valueAt(iv, `D${top + 1}`)).toBe('Thuộc UBND TP');
    expect(valueAt(iv, `O${top + 1}`)).toBe('Thuộc UBND cấp huyện');
    const data = rowByKey(iv, 'IV.3.2010');
    expect(data.row).toBe(top + 2);
    expect(data.inputs['khac.huyen']).toBe('O');
  });

  test('VIII: STT, goal, unit, assessment (Đạt/Không đạt)', () => {
    const viii = sheet('VIII');
    const [header] = viii.headerRows;
    expect([2, 3, 4, 5].map((c) => valueAt(viii, cellAddress(header, c)))).toEqual([
      'STT',
      'Các mục tiêu cải cách',
      'Đơn vị tham mưu đánh giá',
      'Đánh giá kết quả đạt được (Đạt/Không đạt)',
    ]);
    expect(rowByKey(viii, 'VIII.1').inputs).toEqual({ assessment: 'E' });
    expect(valueAt(viii, `D${rowByKey(viii, 'VIII.5').row}`)).toBe('Viện NC PT KT-XH HN');
    // The longest goal needs a tall row.
    expect(viii.rowHeights?.[rowByKey(viii, 'VIII.12').row]).toBeGreaterThan(100);
  });
});
