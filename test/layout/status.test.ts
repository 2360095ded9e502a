import { APPENDIX1 } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { quoteSheet } from '../../src/layout/a1';
import { buildSheetPlan, buildWorkbookPlan, REPORTER_KEY } from '../../src/layout';
import type { SheetPlan } from '../../src/layout/types';
import { cellMap, expand, inputCells, rowByKey, valueAt } from './helpers';

/** The sheet-qualified ranges a formula refers to, as [sheet name, range]. */
function sheetRefs(formula: string): Array<[string, string]> {
  return [
    ...formula.matchAll(/(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g),
  ].map((m) => [m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], m[3]]);
}

/** Inputs that count as "to fill": not the reporter line, not optional text rows. */
function countedInputs(sheet: SheetPlan): string[] {
  return inputCells(sheet)
    .filter((c) => c.row.kind !== 'meta' && c.row.kind !== 'text')
    .map((c) => c.address)
    .sort();
}

const renamed: Partial<Record<TemplateId, string>> = {
  I: 'I. Chỉ đạo điều hành (2)',
  VIII: 'Mục tiêu',
  PAR: "PAR của 'Sở' 2021",
  STATUS: 'Theo dõi',
};

describe.each([
  ['default names', {}],
  ['renamed sheets', renamed],
] as Array<[string, Partial<Record<TemplateId, string>>]>)('status sheet with %s', (_label, sheetNames) => {
  const plan = buildWorkbookPlan({ sheetNames });
  const status = plan.sheets.find((s) => s.templateId === 'STATUS') as SheetPlan;
  const cells = cellMap(status);
  const reported = plan.sheets.filter((s) => s.templateId !== 'STATUS' && s.templateId !== 'OUTLINE');

  test('is named as asked', () => {
    expect(status.name).toBe(sheetNames.STATUS ?? 'Tình trạng');
  });

  test('one row per template sheet, keyed by template id, in plan order', () => {
    expect(status.rows.map((r) => r.key)).toEqual(reported.map((s) => s.templateId));
    const rows = status.rows.map((r) => r.row);
    expect(rows).toEqual(rows.map((_, i) => status.headerRows[1] + 1 + i));
  });

  test.each(APPENDIX1.map((t) => t.id as TemplateId).concat('PAR'))(
    '%s: COUNTA over exactly its counted input cells, on its sheet by its name',
    (id) => {
      const sheet = reported.find((s) => s.templateId === id) as SheetPlan;
      const row = rowByKey(status, id);
      const formula = cells.get(`${row.formulas.filled}${row.row}`)?.formula ?? '';
      expect(formula).toMatch(/^=COUNTA\(/);
      const refs = sheetRefs(formula);
      expect(refs.length).toBeGreaterThan(0);
      expect(refs.length).toBeLessThanOrEqual(255);
      for (const [name] of refs) expect(name).toBe(sheet.name);
      expect(formula).toContain(`${quoteSheet(sheet.name)}!`);
      const covered = refs.flatMap(([, range]) => expand(range.replace(/\$/g, ''))).sort();
      expect(covered).toEqual(countedInputs(sheet));
      expect(valueAt(status, `E${row.row}`)).toBe(covered.length);
      expect(cells.get(`F${row.row}`)?.formula).toBe(`=IF(E${row.row}>0,D${row.row}/E${row.row},"")`);
    },
  );

  test("PAR: the live total 2021 score from the PAR sheet's total row, beside 92.418", () => {
    const par = reported.find((s) => s.templateId === 'PAR') as SheetPlan;
    const total = rowByKey(par, 'total');
    const row = rowByKey(status, 'PAR');
    const source = `${quoteSheet(par.name)}!${total.formulas.score}${total.row}`;
    expect(cells.get(`G${row.row}`)?.formula).toBe(`=IF(ISNUMBER(${source}),${source},"")`);
    expect(valueAt(status, `H${row.row}`)).toBe(92.418);
    expect(cells.get(`I${row.row}`)?.formula).toBe(`=IF(ISNUMBER(G${row.row}),G${row.row}-H${row.row},"")`);
  });

  test('no formula refers to a default name that was replaced', () => {
    for (const [id, name] of Object.entries(sheetNames)) {
      if (id === 'STATUS') continue;
      const defaultName = buildSheetPlan(id as TemplateId).name;
      if (defaultName === name) continue;
      for (const c of status.cells.filter((x) => x.formula))
        for (const [sheetName] of sheetRefs(c.formula as string)) expect(sheetName).not.toBe(defaultName);
    }
  });
});

test('a status sheet over a subset reports only those templates', () => {
  const status = buildSheetPlan('STATUS', { templates: ['PAR', 'VIII'] });
  expect(status.rows.map((r) => r.key)).toEqual(['VIII', 'PAR']);
  const plan = buildWorkbookPlan({ templates: ['III', 'STATUS'] });
  expect(plan.sheets.map((s) => s.templateId)).toEqual(['III', 'STATUS']);
  expect(plan.sheets[1].rows.map((r) => r.key)).toEqual(['III']);
});

test('optional text rows and the reporter line are not counted as cells to fill', () => {
  const plan = buildWorkbookPlan({ templates: ['I', 'STATUS'] });
  const [i, status] = plan.sheets;
  const row = rowByKey(status, 'I');
  const text = rowByKey(i, 'I.3.e');
  const reporter = rowByKey(i, REPORTER_KEY);
  const formula = cellMap(status).get(`D${row.row}`)?.formula ?? '';
  const covered = sheetRefs(formula).flatMap(([, r]) => expand(r));
  expect(covered.some((a) => a.endsWith(String(text.row)) && /^[E-J]/.test(a))).toBe(false);
  expect(covered.some((a) => a === `${reporter.inputs.reporter}${reporter.row}`)).toBe(false);
  // I has 6 year columns × (20 catalog rows − 3 headings − 1 optional text row).
  expect(valueAt(status, `E${row.row}`)).toBe(6 * 16);
});
