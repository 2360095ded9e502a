import path from 'node:path';
import { Workbook } from 'exceljs';
import type { CellFormulaValue } from 'exceljs';
import { buildSheetPlan, buildWorkbookPlan, MARKER_NAME, markerFor } from '../../src/layout';
import { readDefinedNames } from '../../src/xlsxWrite/package';
import { readTemplateWorkbook } from '../../src/cli/xlsx/readSnapshots';
import { workbookBytes, workbookFromPlan } from '../../src/xlsxWrite/writePlan';
import { markersOfNames, readTemplateBytes } from '../../src/xlsx/reader';
import { tempDir } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.remove());

async function roundTrip(build: (wb: Workbook) => void, name: string) {
  const wb = new Workbook();
  build(wb);
  const file = path.join(tmp.dir, name);
  await wb.xlsx.writeFile(file);
  return readTemplateWorkbook(file);
}

describe('readSnapshots: values as Excel’s Range.values', () => {
  let snapshot: Awaited<ReturnType<typeof readTemplateWorkbook>>['snapshots'][number];
  let book: Awaited<ReturnType<typeof readTemplateWorkbook>>;
  const v = (a: string) => {
    const col = a.charCodeAt(0) - 65;
    const row = Number(a.slice(1)) - 1;
    return {
      value: snapshot.values[row]?.[col],
      formula: snapshot.formulas?.[row]?.[col],
      format: snapshot.numberFormats?.[row]?.[col],
    };
  };

  beforeAll(async () => {
    book = await roundTrip((wb) => {
      wb.addWorksheet('Ghi chú riêng').getCell('A1').value = 'không phải biểu mẫu';
      const ws = wb.addWorksheet('II');
      ws.getCell('A1').value = markerFor('II', '1.0.0');
      ws.getCell('A4').value = 'meta.reporter';
      const reporter = buildSheetPlan('II').rows.find((r) => r.key === 'meta.reporter');
      ws.getCell(`${reporter?.inputs.reporter}4`).value = '  Sở Tư pháp ';
      ws.getCell('B2').value = { formula: 'SUM(1,2)', result: 3 };
      ws.getCell('B3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('B4').value = { error: '#REF!' };
      ws.getCell('B5').value = { richText: [{ text: 'Đạ', font: { bold: true } }, { text: 't' }] };
      ws.getCell('B6').value = new Date(Date.UTC(2021, 0, 1));
      ws.getCell('B6').numFmt = 'dd/mm/yyyy';
      ws.getCell('B7').value = true;
      ws.getCell('B8').value = { text: 'xem', hyperlink: 'https://example.org' };
      ws.getCell('B9').value = { formula: 'B2*2' };
      ws.getCell('B10').numFmt = '0.0%';
      ws.getCell('C2').value = 'gộp';
      ws.mergeCells('C2:D2');
      // A shared formula's master: ExcelJS supports shareType/ref but its typings do not declare them.
      ws.getCell('E2').value = { formula: 'B2+1', result: 4, shareType: 'shared', ref: 'E2:E3' } as CellFormulaValue;
      ws.getCell('E3').value = { sharedFormula: 'E2', result: 5 };
      ws.getCell('F12').value = 7;
      // Falsy cached results: ExcelJS's cell.value drops them, Range.values does not.
      ws.getCell('C5').value = { formula: 'B2-3', result: 0 };
      ws.getCell('C6').value = { formula: 'B2>5', result: false };
    }, 'values.xlsx');
    snapshot = book.snapshots[0];
  });

  it('keeps only marked sheets as snapshots, with their template and version', () => {
    expect(book.snapshots).toHaveLength(1);
    expect(snapshot).toMatchObject({ name: 'II', templateId: 'II', version: '1.0.0', origin: 'A1' });
    expect(book.otherSheets).toEqual(['Ghi chú riêng']);
  });

  it('spans A1 to the last used cell, empty cells as ""', () => {
    expect(snapshot.values).toHaveLength(12);
    expect(snapshot.values.every((row) => row.length === 6)).toBe(true);
    expect(v('A2').value).toBe('');
    expect(v('A2').format).toBe('General');
  });

  it('gives cached results for formulas and the formula in `formulas`', () => {
    expect(v('B2')).toMatchObject({ value: 3, formula: '=SUM(1,2)' });
    expect(v('B9')).toMatchObject({ value: '', formula: '=B2*2' });
    expect(v('E3')).toMatchObject({ value: 5, formula: '=B3+1' });
    expect(v('C5')).toMatchObject({ value: 0, formula: '=B2-3' });
    expect(v('C6')).toMatchObject({ value: false, formula: '=B2>5' });
  });

  it('gives errors as strings, flattens rich text and hyperlinks, keeps booleans', () => {
    expect(v('B3').value).toBe('#DIV/0!');
    expect(v('B4').value).toBe('#REF!');
    expect(v('B5').value).toBe('Đạt');
    expect(v('B7').value).toBe(true);
    expect(v('B8').value).toBe('xem');
    expect(v('B4').formula).toBe('#REF!');
  });

  it('turns dates into serial numbers and keeps the date format', () => {
    expect(v('B6')).toMatchObject({ value: 44197, format: 'dd/mm/yyyy' });
  });

  it('reads a merged area as Excel does: the value in its top-left cell only', () => {
    expect(v('C2').value).toBe('gộp');
    expect(v('D2').value).toBe('');
  });

  it('keeps the number format of an empty cell', () => {
    expect(v('B10')).toMatchObject({ value: '', format: '0.0%' });
  });

  it('finds the reporting unit on the meta.reporter row, trimmed', () => {
    expect(book.reporter).toBe('Sở Tư pháp');
  });
});

it('converts dates of a 1904-based workbook with its own epoch', async () => {
  const book = await roundTrip((wb) => {
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('I');
    ws.getCell('A1').value = markerFor('I', '1.0.0');
    ws.getCell('B2').value = new Date(Date.UTC(2021, 0, 1));
    ws.getCell('B2').numFmt = 'd/m/yyyy';
  }, '1904.xlsx');
  expect(book.snapshots[0].values[1][1]).toBe(44197 - 1462);
});

describe('a template sheet is recognised by its CCHC_TEMPLATE name when A1 was typed over', () => {
  const plan = buildWorkbookPlan({ templates: ['I', 'PAR'] });

  async function built(edit: (wb: Workbook) => void, names = true) {
    const b = workbookFromPlan(plan);
    edit(b.workbook);
    if (!names) b.names = b.names.filter((n) => n.name !== MARKER_NAME);
    return readTemplateBytes('unit.xlsx', new Uint8Array(await workbookBytes(b)));
  }

  it('the file the CLI writes has the name on every template sheet', async () => {
    const b = workbookFromPlan(plan);
    const names = (await readDefinedNames(await workbookBytes(b))).filter((n) => n.name === MARKER_NAME);
    expect(names).toEqual(
      plan.sheets.map((s, i) => ({
        name: MARKER_NAME,
        localSheetId: i,
        formula: `"${markerFor(s.templateId, plan.version, s.year)}"`,
      })),
    );
  });

  it('reads a sheet whose A1 holds something else as the template its name says, with A1 as typed', async () => {
    const PAR = plan.sheets[1];
    const book = await built((wb) => {
      wb.getWorksheet(PAR.name)!.getCell('A1').value = 'UBND quận Ba Đình';
    });
    expect(book.snapshots.map((s) => s.templateId)).toEqual(['I', 'PAR']);
    expect(book.snapshots[1].values[0][0]).toBe('UBND quận Ba Đình');
    expect(book.otherSheets).toEqual([]);
  });

  it('without the name (a file from before it existed), A1 alone decides', async () => {
    const PAR = plan.sheets[1];
    const book = await built((wb) => {
      wb.getWorksheet(PAR.name)!.getCell('A1').value = 'UBND quận Ba Đình';
    }, false);
    expect(book.snapshots.map((s) => s.templateId)).toEqual(['I']);
    expect(book.otherSheets).toEqual([PAR.name]);
  });

  it('maps localSheetId to the sheet at that position; a workbook-scoped name marks no sheet', () => {
    const names = [
      { name: MARKER_NAME, localSheetId: 1, formula: '"cchc-template:II@1.0.0"' },
      { name: MARKER_NAME, localSheetId: -1, formula: '"cchc-template:I@1.0.0"' },
      { name: 'CCHC_FLAGS', localSheetId: 0, formula: '{""}' },
      { name: MARKER_NAME, localSheetId: 7, formula: '"cchc-template:III@1.0.0"' },
    ];
    expect([...markersOfNames(['Ghi chú', 'A & B'], names)]).toEqual([
      ['A & B', { templateId: 'II', version: '1.0.0' }],
    ]);
  });
});
