import { latestParList, TEMPLATE_IDS, TEMPLATE_VERSION } from '../../src/catalog';
import { columnNumber, parseCell, parseRange } from '../../src/layout/a1';
import { buildSheetPlan, buildWorkbookPlan, parseMarker, STYLES } from '../../src/layout';
import { FLAG_COLUMN, FLAG_COLUMN_ID } from '../../src/layout/flagColumn';
import { PROMPT_MESSAGE_MAX, PROMPT_TITLE_MAX } from '../../src/layout/rules';
import type { SheetPlan } from '../../src/layout/types';
import { cellMap, contains, expand, inputCells } from './helpers';

const plan = buildWorkbookPlan();
const sheets: Array<[string, SheetPlan]> = plan.sheets.map((s) => [s.templateId, s]);

/** Excel's maximum row height in points. */
const MAX_ROW_HEIGHT = 409;

test('plans every template once, in the catalog order, at the catalog version', () => {
  expect(plan.sheets.map((s) => s.templateId)).toEqual([...TEMPLATE_IDS]);
  expect(plan.version).toBe(TEMPLATE_VERSION);
  for (const s of plan.sheets) expect(s.version).toBe(TEMPLATE_VERSION);
  expect(plan.styles).toBe(STYLES);
});

test('sheet names are unique without regard to case', () => {
  const names = plan.sheets.map((s) => s.name.toLocaleLowerCase('vi'));
  expect(new Set(names).size).toBe(names.length);
});

test('the plan is deterministic', () => {
  expect(JSON.stringify(buildWorkbookPlan())).toBe(JSON.stringify(plan));
});

test('a subset of templates is planned in the catalog order', () => {
  const subset = buildWorkbookPlan({ templates: ['STATUS', 'PAR', 'II'] });
  expect(subset.sheets.map((s) => s.templateId)).toEqual(['II', 'PAR', 'STATUS']);
});

test('buildSheetPlan gives the same sheet as the workbook plan', () => {
  for (const s of plan.sheets) expect(buildSheetPlan(s.templateId)).toEqual(s);
});

describe('the decimal separator of the inserting Excel', () => {
  const point = buildWorkbookPlan({ decimalSeparator: '.' });
  const texts = (p: typeof plan) =>
    p.sheets.flatMap((s) => s.validations.flatMap((v) => [v.prompt.message, v.error.message]));

  test('writes every number of the prompts and alerts with it: no "1,5" for an Excel that takes 1.5', () => {
    const withPoint = texts(point);
    expect(withPoint.some((t) => /\d\.\d/.test(t))).toBe(true);
    expect(withPoint.filter((t) => /\d,\d/.test(t))).toEqual([]);
    const withComma = texts(plan);
    expect(withComma.some((t) => /\d,\d/.test(t))).toBe(true);
    expect(withComma.filter((t) => /\d\.\d/.test(t))).toEqual([]);
    expect(buildWorkbookPlan({ decimalSeparator: ',' })).toEqual(plan);
    expect(buildWorkbookPlan({ decimalSeparator: null })).toEqual(plan);
  });

  test('changes nothing else: cells, rules and validation rules are the same, so a refresh sees no change', () => {
    const withoutTexts = (p: typeof plan) =>
      p.sheets.map((s) => ({
        ...s,
        validations: s.validations.map(({ prompt: _p, error: _e, ...rule }) => rule),
      }));
    expect(withoutTexts(point)).toEqual(withoutTexts(plan));
    for (const s of plan.sheets)
      expect(buildSheetPlan(s.templateId, { decimalSeparator: '.' })).toEqual(
        point.sheets.find((p) => p.templateId === s.templateId),
      );
  });
});

test('refuses unknown templates, names Excel rejects and shared names', () => {
  expect(() => buildWorkbookPlan({ templates: ['IX' as never] })).toThrow(/Unknown template/);
  expect(() => buildWorkbookPlan({ sheetNames: { PAR: 'x'.repeat(32) } })).toThrow(/31/);
  expect(() => buildWorkbookPlan({ sheetNames: { PAR: 'PAR/2021' } })).toThrow();
  expect(() => buildWorkbookPlan({ sheetNames: { PAR: 'history' } })).toThrow(/reserved/);
  expect(() => buildWorkbookPlan({ sheetNames: { PAR: 'Tình Trạng' } })).toThrow(/share/);
});

describe.each(sheets)('sheet %s', (_id, sheet) => {
  const cells = cellMap(sheet);
  const lastCol = sheet.columns.filter((c) => c.columnId !== FLAG_COLUMN_ID).length;

  test('A1 holds the marker, which parses back', () => {
    const year = sheet.templateId === 'PAR' ? { year: latestParList().year } : {};
    expect(parseMarker(cells.get('A1')?.value)).toEqual({
      templateId: sheet.templateId,
      version: TEMPLATE_VERSION,
      ...year,
    });
  });

  test('name fits Excel (≤ 31 characters)', () => {
    expect(sheet.name.length).toBeGreaterThan(0);
    expect(sheet.name.length).toBeLessThanOrEqual(31);
  });

  test('columns are A, B, C… in order; column A is the hidden key column, U the hidden column of marks', () => {
    const helper = sheet.columns[sheet.columns.length - 1];
    expect(helper).toMatchObject({ letter: FLAG_COLUMN, hidden: true, columnId: FLAG_COLUMN_ID });
    const own = sheet.columns.slice(0, -1);
    own.forEach((c, i) => expect(columnNumber(c.letter)).toBe(i + 1));
    expect(own.length).toBeLessThan(columnNumber(FLAG_COLUMN));
    expect(own[0]).toMatchObject({ letter: 'A', hidden: true, columnId: 'key' });
    expect(own.slice(1).every((c) => !c.hidden && c.width > 0)).toBe(true);
  });

  test('no two cells share an address, and every cell lies in a planned column', () => {
    const addresses = sheet.cells.map((c) => c.address);
    expect(new Set(addresses).size).toBe(addresses.length);
    for (const a of addresses) expect(parseCell(a).col).toBeLessThanOrEqual(lastCol);
    for (const c of sheet.cells) expect(c.value === undefined || c.formula === undefined).toBe(true);
    for (const c of sheet.cells) if (c.style) expect(STYLES[c.style]).toBeDefined();
  });

  test('merges do not overlap, lie within the planned columns, and only their top-left cell has content', () => {
    const seen = new Set<string>();
    for (const m of sheet.merges) {
      const r = parseRange(m);
      expect(r.right).toBeLessThanOrEqual(lastCol);
      expect(r.left).toBeGreaterThan(1); // never over the key column
      expect(r.bottom > r.top || r.right > r.left).toBe(true);
      expand(m).forEach((a, i) => {
        expect(seen.has(a)).toBe(false);
        seen.add(a);
        const cell = cells.get(a);
        if (i > 0) expect(cell?.value === undefined && cell?.formula === undefined).toBe(true);
      });
    }
  });

  test('column A holds the marker and the row keys only, as text', () => {
    const inA = sheet.cells.filter((c) => parseCell(c.address).col === 1);
    expect(inA.map((c) => c.address).sort()).toEqual(['A1', ...sheet.rows.map((r) => `A${r.row}`)].sort());
    for (const c of inA) {
      expect(typeof c.value).toBe('string');
      expect(c.numberFormat).toBe('@');
    }
  });

  test('every row plan has its key in column A at its row, keys unique', () => {
    const keys = sheet.rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of sheet.rows) expect(cells.get(`A${r.row}`)?.value).toBe(r.key);
  });

  test('data rows lie below the header rows', () => {
    const [top, bottom] = sheet.headerRows;
    expect(top).toBeLessThanOrEqual(bottom);
    const firstRow = Math.min(...sheet.rows.filter((r) => r.kind !== 'meta').map((r) => r.row));
    // Section IV's first table has its caption row (keyed 'IV.1') above its header.
    expect(sheet.rows.filter((r) => r.kind !== 'meta' && r.kind !== 'group').every((r) => r.row > bottom)).toBe(true);
    expect(firstRow).toBeGreaterThan(1);
  });

  test('input cells are planned, styled as inputs, inside the columns; formula cells hold formulas', () => {
    for (const input of inputCells(sheet)) {
      const cell = cells.get(input.address);
      expect(cell?.style).toBe('input');
      expect(cell?.formula).toBeUndefined();
      expect(cell?.numberFormat).toBeDefined();
    }
    for (const r of sheet.rows)
      for (const letter of Object.values(r.formulas)) expect(cells.get(`${letter}${r.row}`)?.formula).toMatch(/^=/);
  });

  test('every input cell has an "invalid" rule, and a validation unless it takes free text', () => {
    const invalid = sheet.conditionalFormats.filter((cf) => cf.purpose === 'invalid');
    for (const input of inputCells(sheet)) {
      const free = input.row.kind === 'text' || input.row.kind === 'meta' || input.columnId === 'evidence';
      expect([input.address, invalid.filter((cf) => contains(cf.range, input.address)).length]).toEqual([
        input.address,
        1,
      ]);
      const validations = sheet.validations.filter((v) => contains(v.range, input.address)).length;
      expect([input.address, validations]).toEqual([input.address, free ? 0 : 1]);
    }
  });

  test('validations cover input cells only', () => {
    const inputs = new Set(inputCells(sheet).map((c) => c.address));
    for (const v of sheet.validations)
      for (const a of expand(v.range)) expect([v.range, a, inputs.has(a)]).toEqual([v.range, a, true]);
  });

  test("prompt and alert texts fit Excel's limits", () => {
    for (const v of sheet.validations) {
      expect(v.prompt.title.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
      expect(v.error.title.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
      expect(v.prompt.message.length).toBeLessThanOrEqual(PROMPT_MESSAGE_MAX);
      expect(v.error.message.length).toBeLessThanOrEqual(PROMPT_MESSAGE_MAX);
      expect(v.prompt.title.length * v.prompt.message.length).toBeGreaterThan(0);
      if (v.type === 'list') expect((v.list ?? []).join(',').length).toBeLessThanOrEqual(255);
    }
  });

  test('conditional formats: "invalid" rules first, one "flagged" and one "flaggedWarning" rule reading column U', () => {
    const purposes = sheet.conditionalFormats.map((cf) => cf.purpose);
    const lastInvalid = purposes.lastIndexOf('invalid');
    const firstOther = purposes.findIndex((p) => p !== 'invalid');
    if (lastInvalid >= 0 && firstOther >= 0) expect(lastInvalid).toBeLessThan(firstOther);
    const flagged = sheet.conditionalFormats.filter((cf) => cf.purpose === 'flagged');
    expect(flagged).toHaveLength(1);
    const top = parseRange(flagged[0].range).top;
    // Plain text looked up in the row's helper cell: no array constant, no name, no list separator.
    expect(flagged[0].formula).toBe(`=ISNUMBER(FIND("|"&COLUMN()&"|",$U${top}))`);
    for (const input of inputCells(sheet)) expect(contains(flagged[0].range, input.address)).toBe(true);
    // Warnings: the same cells, the prefixed entry; listed before 'flagged' so that its orange wins
    // where both match (an earlier version's list also names a warning's cell plainly).
    const warning = sheet.conditionalFormats.filter((cf) => cf.purpose === 'flaggedWarning');
    expect(warning).toHaveLength(1);
    expect(warning[0].formula).toBe(`=ISNUMBER(FIND("|w"&COLUMN()&"|",$U${top}))`);
    expect(warning[0].range).toBe(flagged[0].range);
    expect(purposes.indexOf('flaggedWarning')).toBeLessThan(purposes.indexOf('flagged'));
    for (const cf of sheet.conditionalFormats) expect(parseRange(cf.range).right).toBeLessThanOrEqual(lastCol);
  });

  test('formulas: leading "=", comma separators, English names, sheet names quoted', () => {
    const formulas = [
      ...sheet.cells.flatMap((c) => (c.formula ? [c.formula] : [])),
      ...sheet.conditionalFormats.map((cf) => cf.formula),
    ];
    for (const f of formulas) {
      expect(f).toMatch(/^=/);
      const outsideStrings = f.replace(/"[^"]*"/g, '""').replace(/'[^']*(?:''[^']*)*'!/g, 'S!');
      expect(outsideStrings).not.toMatch(/;/);
      for (const name of outsideStrings.match(/[A-Za-z.]+(?=\()/g) ?? [])
        expect([
          'IF',
          'ISERROR',
          'ISNUMBER',
          'OR',
          'AND',
          'NOT',
          'INT',
          'EXACT',
          'ISBLANK',
          'ROUND',
          'ISFORMULA',
          'MATCH',
          'ADDRESS',
          'FIND',
          'ROW',
          'COLUMN',
          'COUNT',
          'SUM',
          'COUNTA',
          // The outline sheet's figures (a look-up by key on the Appendix 1 sheets).
          'IFERROR',
          'VLOOKUP',
          // A PAR score without evidence: an evidence cell of spaces only is empty.
          'TRIM',
        ]).toContain(name);
    }
  });

  test("row heights are positive and within Excel's 409 points", () => {
    for (const h of Object.values(sheet.rowHeights ?? {})) {
      expect(h).toBeGreaterThan(0);
      expect(h).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    }
  });

  test('freeze panes and print setup', () => {
    expect(sheet.freeze.columns).toBeGreaterThanOrEqual(1);
    expect(sheet.freeze.columns).toBeLessThan(lastCol);
    expect(sheet.freeze.rows).toBeLessThanOrEqual(sheet.headerRows[1]);
    expect(sheet.print.paperSize).toBe('A4');
    expect(sheet.print.fitToWidth).toBe(true);
    const width = sheet.columns.filter((c) => !c.hidden).reduce((n, c) => n + c.width, 0);
    if (width > 100) expect(sheet.print.orientation).toBe('landscape');
    if (sheet.print.titleRows) expect(sheet.print.titleRows).toBe(`$${sheet.headerRows[0]}:$${sheet.headerRows[1]}`);
  });
});
