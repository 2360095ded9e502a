import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import type { Worksheet } from 'exceljs';
import { TEMPLATE_IDS, TEMPLATE_VERSION } from '../../src/catalog';
import { buildWorkbookPlan, markerFor } from '../../src/layout';
import { columnNumber, parseCell, parseRange } from '../../src/layout/a1';
import type { SheetPlan, ValidationPlan } from '../../src/layout/types';
import { readCustomProperties, readDefinedNames } from '../../src/xlsxWrite/package';
import { readTemplateWorkbook } from '../../src/cli/xlsx/readSnapshots';
import { FLAGS_NAME } from '../../src/layout/flagsName';
import { argb, excelValidation, VERSION_NAME } from '../../src/xlsxWrite/writePlan';
import { cli, tempDir } from './helpers';

const tmp = tempDir();
const out = path.join(tmp.dir, 'mau.xlsx');
const plan = buildWorkbookPlan();
let workbook: Workbook;

beforeAll(async () => {
  const result = await cli(['template', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  workbook = new Workbook();
  await workbook.xlsx.readFile(out);
}, 60_000);
afterAll(() => tmp.remove());

function sheetOf(p: SheetPlan): Worksheet {
  const ws = workbook.getWorksheet(p.name);
  if (!ws) throw new Error(`missing sheet ${p.name}`);
  return ws;
}

/** Every cell address of a range. */
function cellsOf(range: string): string[] {
  const r = parseRange(range);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(`${String.fromCharCode(64 + col)}${row}`);
  return out;
}

type ExcelJsValidations = { model: Record<string, unknown> };
type ExcelJsCf = {
  ref: string;
  rules: { type: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[];
};

describe('cchc template', () => {
  it('writes every template sheet, in the plan order, named as in the plan', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(plan.sheets.map((s) => s.name));
    expect(plan.sheets.map((s) => s.templateId)).toEqual([...TEMPLATE_IDS]);
  });

  it.each(plan.sheets.map((s) => [s.templateId, s] as const))(
    '%s: marker, hidden key column, keys, values, formulas, formats',
    (_id, p) => {
      const ws = sheetOf(p);
      expect(ws.getCell('A1').value).toBe(markerFor(p.templateId, TEMPLATE_VERSION, p.year));
      expect(ws.getColumn(1).hidden).toBe(true);
      for (const row of p.rows) {
        const key = ws.getCell(row.row, 1);
        expect(key.value).toBe(row.key);
        expect(key.numFmt).toBe('@');
      }
      for (const c of p.cells) {
        const cell = ws.getCell(c.address);
        if (c.formula !== undefined) expect(cell.formula).toBe(c.formula.slice(1));
        else if (c.value !== undefined) expect(cell.value).toBe(c.value);
        if (c.numberFormat) expect(cell.numFmt).toBe(c.numberFormat);
      }
    },
  );

  it.each(plan.sheets.map((s) => [s.templateId, s] as const))(
    '%s: styles, merges, widths, heights, views, print setup',
    (_id, p) => {
      const ws = sheetOf(p);
      for (const c of p.cells) {
        if (!c.style) continue;
        const style = plan.styles[c.style];
        const cell = ws.getCell(c.address);
        if (style.bold) expect(cell.font?.bold).toBe(true);
        if (style.italic) expect(cell.font?.italic).toBe(true);
        if (style.fill) expect((cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(argb(style.fill));
        if (style.border) expect(cell.border?.top?.style).toBe('thin');
        if (style.wrap) expect(cell.alignment?.wrapText).toBe(true);
      }
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect([...merges].sort()).toEqual([...p.merges].sort());
      for (const col of p.columns) expect(ws.getColumn(col.letter).width).toBeCloseTo(col.width, 5);
      for (const [row, height] of Object.entries(p.rowHeights ?? {}))
        expect(ws.getRow(Number(row)).height).toBeCloseTo(height, 5);
      const view = ws.views[0] as { state: string; xSplit?: number; ySplit?: number };
      if (p.freeze.rows || p.freeze.columns) {
        expect(view.state).toBe('frozen');
        expect(view.xSplit ?? 0).toBe(p.freeze.columns);
        expect(view.ySplit ?? 0).toBe(p.freeze.rows);
      }
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe(p.print.orientation);
      expect(ws.pageSetup.fitToPage).toBe(p.print.fitToWidth);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      if (p.print.titleRows) expect(ws.pageSetup.printTitlesRow).toBe(p.print.titleRows.replace(/\$/g, ''));
    },
  );

  it.each(plan.sheets.map((s) => [s.templateId, s] as const))(
    '%s: native data validation on every planned cell',
    (_id, p) => {
      const model = ((ws) => (ws as unknown as { dataValidations: ExcelJsValidations }).dataValidations.model)(
        sheetOf(p),
      );
      let planned = 0;
      for (const v of p.validations as ValidationPlan[]) {
        const expected = excelValidation(v);
        for (const address of cellsOf(v.range)) {
          planned++;
          const actual = model[address] as Record<string, unknown> | undefined;
          expect(actual).toBeDefined();
          expect(actual?.type).toBe(expected.type);
          expect(actual?.promptTitle).toBe(v.prompt.title);
          expect(actual?.prompt).toBe(v.prompt.message);
          expect(actual?.errorTitle).toBe(v.error.title);
          expect(actual?.error).toBe(v.error.message);
          expect(actual?.errorStyle ?? 'stop').toBe(v.error.style);
          expect(actual?.showInputMessage).toBe(true);
          expect(actual?.showErrorMessage).toBe(true);
          expect((actual?.formulae as unknown[]).map(String)).toEqual(expected.formulae.map(String));
        }
      }
      expect(Object.values(model).filter(Boolean).length).toBe(planned);
    },
  );

  it.each(plan.sheets.map((s) => [s.templateId, s] as const))('%s: conditional formats as planned', (_id, p) => {
    const cfs = (sheetOf(p) as unknown as { conditionalFormattings: ExcelJsCf[] }).conditionalFormattings;
    expect(cfs.map((cf) => cf.ref)).toEqual(p.conditionalFormats.map((cf) => cf.range));
    cfs.forEach((cf, i) => {
      const planned = p.conditionalFormats[i];
      expect(cf.rules).toHaveLength(1);
      expect(cf.rules[0].type).toBe('expression');
      // In the file, post-2007 functions carry Excel's _xlfn. prefix (else Excel shows #NAME?).
      expect(cf.rules[0].formulae?.[0]).toBe(planned.formula.slice(1).replace(/ISFORMULA\(/g, '_xlfn.ISFORMULA('));
      if (planned.purpose === 'formulaOverwritten')
        expect(cf.rules[0].formulae?.[0]).toMatch(/^NOT\(_xlfn\.ISFORMULA\(/);
      if (planned.format.fill) expect(cf.rules[0].style?.fill?.bgColor?.argb).toBe(argb(planned.format.fill));
    });
  });

  it('records the template version as a custom property and defined names, with an empty CCHC_FLAGS per sheet', async () => {
    const bytes = readFileSync(out);
    expect(await readCustomProperties(bytes)).toEqual({ [VERSION_NAME]: TEMPLATE_VERSION });
    const names = await readDefinedNames(bytes);
    expect(names).toContainEqual({ name: VERSION_NAME, formula: `"${TEMPLATE_VERSION}"` });
    const flagged = plan.sheets
      .map((s, i) => (s.conditionalFormats.some((cf) => cf.purpose === 'flagged') ? i : -1))
      .filter((i) => i >= 0);
    expect(flagged.length).toBeGreaterThan(0);
    expect(names.filter((n) => n.name === FLAGS_NAME).map((n) => n.localSheetId)).toEqual(flagged);
    for (const n of names.filter((n) => n.name === FLAGS_NAME)) expect(n.formula).toBe('{""}');
    // ExcelJS does not read calcPr back: look at the part itself.
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/workbook.xml')?.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('reads back as snapshots with the same keys and formulas as the plan', async () => {
    const book = await readTemplateWorkbook(out);
    expect(book.snapshots.map((s) => s.templateId)).toEqual(plan.sheets.map((s) => s.templateId));
    expect(book.reporter).toBeNull();
    for (const snapshot of book.snapshots) {
      const p = plan.sheets.find((s) => s.templateId === snapshot.templateId) as SheetPlan;
      expect(snapshot.version).toBe(TEMPLATE_VERSION);
      expect(snapshot.origin).toBe('A1');
      for (const row of p.rows) expect(snapshot.values[row.row - 1][0]).toBe(row.key);
      for (const c of p.cells.filter((x) => x.formula)) {
        const { row, col } = parseCell(c.address);
        expect(snapshot.formulas?.[row - 1][col - 1]).toBe(c.formula);
        // No cached result yet: an uncalculated formula reads as an empty cell.
        expect(snapshot.values[row - 1][col - 1]).toBe('');
      }
      for (const row of p.rows)
        for (const letter of Object.values(row.inputs)) {
          const fmt = p.cells.find((c) => c.address === `${letter}${row.row}`)?.numberFormat;
          if (fmt) expect(snapshot.numberFormats?.[row.row - 1][columnNumber(letter) - 1]).toBe(fmt);
        }
    }
  });

  it('--only writes just the chosen templates, in the catalog order, case-insensitively', async () => {
    const file = path.join(tmp.dir, 'only.xlsx');
    const result = await cli(['template', file, '--only', 'par,I']);
    expect(result.code).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(
      buildWorkbookPlan({ templates: ['I', 'PAR'] }).sheets.map((s) => s.name),
    );
  });

  it('refuses unknown templates, a name without .xlsx and overwriting without --force', async () => {
    const bad = await cli(['template', path.join(tmp.dir, 'x.xlsx'), '--only', 'I,IX']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('IX');
    expect(existsSync(path.join(tmp.dir, 'x.xlsx'))).toBe(false);

    const noExt = await cli(['template', path.join(tmp.dir, 'x.xls')]);
    expect(noExt.code).toBe(2);
    expect(noExt.stderr).toContain('.xlsx');

    const existing = path.join(tmp.dir, 'existing.xlsx');
    expect((await cli(['template', existing, '--only', 'I'])).code).toBe(0);
    const before = readFileSync(existing);
    const again = await cli(['template', existing]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(existing).equals(before)).toBe(true);
    const forced = await cli(['template', existing, '--force', '--only', 'II']);
    expect(forced.code).toBe(0);
    expect(readFileSync(existing).equals(before)).toBe(false);
  });

  it('--decimal . writes the prompts’ numbers as an Excel set to "1.5" reads them; a bad separator is refused', async () => {
    const file = path.join(tmp.dir, 'point.xlsx');
    expect((await cli(['template', file, '--only', 'PAR', '--decimal', '.'])).code).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    const par = buildWorkbookPlan({ templates: ['PAR'] }).sheets[0];
    const row = par.rows.find((r) => r.key === '1.1')!;
    const validation = wb.getWorksheet(par.name)!.getCell(`${row.inputs.score}${row.row}`).dataValidation;
    expect(validation.prompt).toBe('Nhập điểm từ 0 đến 1.5 (điểm tối đa), tối đa 3 chữ số thập phân.');
    expect(validation.error).toBe('Điểm phải là số từ 0 đến 1.5 (điểm tối đa của tiêu chí).');
    // Without --decimal (the workbook of beforeAll): the Vietnamese comma.
    const comma = sheetOf(par).getCell(`${row.inputs.score}${row.row}`).dataValidation;
    expect(comma.prompt).toContain('từ 0 đến 1,5 (điểm tối đa)');

    const bad = await cli(['template', path.join(tmp.dir, 'bad.xlsx'), '--decimal', ';']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--decimal nhận "," (dấu phẩy) hoặc "." (dấu chấm)');
    expect(existsSync(path.join(tmp.dir, 'bad.xlsx'))).toBe(false);
  });

  it('says so when the folder does not exist', async () => {
    const result = await cli(['template', path.join(tmp.dir, 'no', 'such', 'dir', 'a.xlsx')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/thư mục không tồn tại/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
