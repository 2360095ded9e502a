import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import {
  adjustForShift,
  renameSheetInFormula,
  substituteNames,
  tokenize,
  translate,
} from '../../src/memoryExcel/formulaText';

async function write(wb: MemoryWorkbook, sheet: string, address: string, values: unknown[][]): Promise<void> {
  await wb.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(address).formulas = values;
    await ctx.sync();
  });
}

describe('formula evaluation', () => {
  test('SUM over a range, IF/COUNT completeness, recalculated after each sync', async () => {
    const wb = createMemoryWorkbook();
    await write(wb, 'Sheet1', 'G8:G10', [[1.5], [2], ['=IF(COUNT(G8,G9)=2,SUM(G8:G9),"")']]);
    expect(wb.getCell('Sheet1', 'G10').value).toBe(3.5);
    await write(wb, 'Sheet1', 'G9', [['']]);
    expect(wb.getCell('Sheet1', 'G10').value).toBe('');
    await write(wb, 'Sheet1', 'G9', [['abc']]);
    expect(wb.getCell('Sheet1', 'G10').value).toBe('');
    await write(wb, 'Sheet1', 'G9', [[4]]);
    expect(wb.getCell('Sheet1', 'G10').value).toBe(5.5);
  });

  test('a load in the same batch sees the recalculated value', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:A2').formulas = [[2], ['=A1*10']];
      s.getRange('A1').values = [[3]];
      const r = s.getRange('A2').load('values, formulas');
      await ctx.sync();
      expect(r.values).toEqual([[30]]);
      expect(r.formulas).toEqual([['=A1*10']]);
    });
  });

  test('chains of formulas update transitively', async () => {
    const wb = createMemoryWorkbook();
    await write(wb, 'Sheet1', 'A1:A4', [[1], ['=A1+1'], ['=A2+1'], ['=SUM(A1:A3)']]);
    expect(wb.getCell('Sheet1', 'A4').value).toBe(6);
    await write(wb, 'Sheet1', 'A1', [[10]]);
    expect(wb.getCell('Sheet1', 'A4').value).toBe(33);
  });

  test('cross-sheet references, quoted sheet names, unknown sheets', async () => {
    const wb = createMemoryWorkbook({ sheets: ['Chỉ số CCHC 2021', 'Tình trạng'] });
    await write(wb, 'Chỉ số CCHC 2021', 'G7', [[86.07]]);
    await write(wb, 'Tình trạng', 'B2:B3', [["='Chỉ số CCHC 2021'!G7-80"], ["='Không có'!A1"]]);
    expect(wb.getCell('Tình trạng', 'B2').value).toBeCloseTo(6.07, 10);
    expect(wb.getCell('Tình trạng', 'B3').value).toBe('#REF!');
    await write(wb, 'Chỉ số CCHC 2021', 'G7', [[90]]);
    expect(wb.getCell('Tình trạng', 'B2').value).toBe(10);
  });

  test('Excel blank semantics: blank = "" is TRUE, INT(blank) is 0, text compares without case', async () => {
    const wb = createMemoryWorkbook();
    await write(wb, 'Sheet1', 'B1:B7', [
      ['=A1=""'],
      ['=INT(A1)'],
      ['=A1+1'],
      ['="abc"="ABC"'],
      ['=EXACT("abc","ABC")'],
      ['=ISBLANK(A1)'],
      ['=IF(A1,"y","n")'],
    ]);
    expect(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7'].map((a) => wb.getCell('Sheet1', a).value)).toEqual([
      true,
      0,
      1,
      true,
      false,
      true,
      'n',
    ]);
  });

  test('errors propagate and ISERROR sees them', async () => {
    const wb = createMemoryWorkbook();
    await write(wb, 'Sheet1', 'A1:A4', [['=1/0'], ['=ISERROR(A1)'], ['=A1+1'], ['=NOSUCHFUNCTION(1)']]);
    expect(wb.getCell('Sheet1', 'A1')).toMatchObject({ value: '#DIV/0!', valueType: 'Error' });
    expect(wb.getCell('Sheet1', 'A2').value).toBe(true);
    expect(wb.getCell('Sheet1', 'A3').value).toBe('#DIV/0!');
    expect(wb.getCell('Sheet1', 'A4').value).toBe('#NAME?');
  });

  test('a malformed formula is refused with InvalidArgument', async () => {
    const wb = createMemoryWorkbook();
    await expect(write(wb, 'Sheet1', 'A1', [['=SUM(1']])).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('functions the templates use', async () => {
    const wb = createMemoryWorkbook();
    await write(wb, 'Sheet1', 'A1:A3', [[1.2345], [-2.5], ['x']]);
    const formulas = [
      '=ROUND(A1,3)',
      '=ROUND(A2,0)',
      '=ABS(A2)',
      '=COUNTA(A1:A5)',
      '=COUNT(A1:A3)',
      '=AND(A1>0,A2<0)',
      '=OR(A1<0,A2>0)',
      '=NOT(A1>0)',
      '=ADDRESS(ROW(),COLUMN(),4)',
      '=MATCH("x",A1:A3,0)',
      '=ISNUMBER(MATCH("B9",{"B8","B9"},0))',
      '=ISFORMULA(B1)',
      '=ISFORMULA(A1)',
    ];
    await write(
      wb,
      'Sheet1',
      `B1:B${formulas.length}`,
      formulas.map((f) => [f]),
    );
    const got = formulas.map((_, i) => wb.getCell('Sheet1', `B${i + 1}`).value);
    expect(got).toEqual([1.235, -3, 2.5, 3, 2, true, false, false, 'B9', 3, true, true, false]);
  });

  test('workbook and worksheet-scoped names (sheet scope wins), array constants, recalc on change', async () => {
    const wb = createMemoryWorkbook({ sheets: ['S1', 'S2'] });
    await wb.run(async (ctx) => {
      const s1 = ctx.workbook.worksheets.getItem('S1');
      ctx.workbook.names.add('RATE', '=0.5');
      ctx.workbook.names.add('FLAGS', '={"A1"}');
      s1.names.add('FLAGS', '={"B2","C3"}');
      s1.getRange('A1:A2').values = [[10], [20]];
      ctx.workbook.names.add('DATA', s1.getRange('A1:A2'));
      s1.getRange('B1:B3').formulas = [
        ['=SUM(DATA)*RATE'],
        ['=ISNUMBER(MATCH(ADDRESS(ROW(),COLUMN(),4),FLAGS,0))'],
        ['=ISNUMBER(MATCH("C3",FLAGS,0))'],
      ];
      ctx.workbook.worksheets.getItem('S2').getRange('A1').formulas = [['=ISNUMBER(MATCH("A1",FLAGS,0))']];
      await ctx.sync();
    });
    expect(wb.getCell('S1', 'B1').value).toBe(15);
    expect(wb.getCell('S1', 'B2').value).toBe(true);
    expect(wb.getCell('S1', 'B3').value).toBe(true);
    expect(wb.getCell('S2', 'A1').value).toBe(true);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S1').names.getItem('FLAGS').formula = '={""}';
      ctx.workbook.names.getItem('RATE').formula = '=2';
      await ctx.sync();
    });
    expect(wb.getCell('S1', 'B2').value).toBe(false);
    expect(wb.getCell('S1', 'B1').value).toBe(60);
  });

  test('names: items, value/type, null objects, duplicates and bad names', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const names = ctx.workbook.names;
      names.add('Version', '="1.0.0"');
      names.add('Anchor', ctx.workbook.worksheets.getItem('Sheet1').getRange('B2'));
      const missing = names.getItemOrNullObject('nothing');
      names.load('items/name, items/formula, items/value, items/type');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(names.items.map((n) => [n.name, n.formula, n.value, n.type])).toEqual([
        ['Version', '="1.0.0"', '1.0.0', 'String'],
        ['Anchor', '=Sheet1!$B$2', 'Sheet1!$B$2', 'Range'],
      ]);
    });
    await expect(
      wb.run(async (ctx) => {
        ctx.workbook.names.add('version', '=1');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    for (const bad of ['A1', 'has space', '1abc', 'R1C1']) {
      await expect(
        wb.run(async (ctx) => {
          ctx.workbook.names.add(bad, '=1');
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
  });
});

describe('formula text', () => {
  test('translate moves relative parts only', () => {
    expect(translate('=IF($D7="",G$3,SUM(A1:B2))', 2, 1)).toBe('=IF($D9="",H$3,SUM(B3:C4))');
    expect(translate('="A1"&A1', 1, 0)).toBe('="A1"&A2');
    expect(translate('=A1', -1, 0)).toBe('=#REF!');
  });

  test('insert/delete adjust references on the shifted sheet only', () => {
    expect(adjustForShift('=SUM(G8:G10)+G12', 'P', 'P', 'row', 9, 2)).toBe('=SUM(G8:G12)+G14');
    expect(adjustForShift('=SUM(G8:G10)+G12', 'P', 'P', 'row', 7, -2)).toBe('=SUM(G8:G8)+G10');
    expect(adjustForShift('=G9', 'P', 'P', 'row', 8, -1)).toBe('=#REF!');
    expect(adjustForShift("='P'!A5+A5", 'Q', 'P', 'row', 0, 1)).toBe("='P'!A6+A5");
    expect(adjustForShift('=A5+D5', 'P', 'P', 'row', 0, 1, [0, 2])).toBe('=A6+D5');
  });

  test('renames follow the sheet; names are found outside strings', () => {
    expect(renameSheetInFormula("='Old name'!A1+Other!B2", 'old name', 'New')).toBe('=New!A1+Other!B2');
    expect(
      tokenize('=ISNUMBER(MATCH(ADDRESS(ROW(),COLUMN(),4),CCHC_FLAGS,0))').filter((t) => t.kind === 'name'),
    ).toEqual([{ kind: 'name', text: 'CCHC_FLAGS' }]);
    expect(substituteNames('=X+"X"', (n) => (n === 'X' ? '=Sheet1!$A$1' : undefined)).text).toBe('=Sheet1!$A$1+"X"');
  });
});
