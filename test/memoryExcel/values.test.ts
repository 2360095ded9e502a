import { createMemoryWorkbook } from '../../src/memoryExcel';
import { codeOf } from './helpers';

describe('Range values, formulas, formats', () => {
  test('a 2-D array must match the range shape exactly', async () => {
    const wb = createMemoryWorkbook();
    for (const bad of [[[1]], [[1, 2, 3]], [[1], [2]], [1, 2]]) {
      const code = await codeOf(
        wb.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = bad as unknown[][];
          await ctx.sync();
        }),
      );
      expect(code).toBe('InvalidArgument');
    }
  });

  test('a single (non-array) value fills every cell, as Excel documents', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      (ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2') as unknown as { values: unknown }).values = 7;
      await ctx.sync();
    });
    expect(['A1', 'B1', 'A2', 'B2'].map((a) => wb.getCell('Sheet1', a).value)).toEqual([7, 7, 7, 7]);
  });

  test('null leaves a cell alone; "" clears it', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.values = [[1, 2]];
      await ctx.sync();
      r.values = [[null, '']];
      r.load('values, valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([[1, '']]);
      expect(r.valueTypes).toEqual([['Double', 'Empty']]);
    });
  });

  test('strings are read as Excel reads them: numbers unless the cell is text (@); "=" makes a formula', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:A2').numberFormat = [['@'], ['General']];
      s.getRange('A1:A2').values = [['1.6'], ['1.6']];
      s.getRange('B1').values = [['=A2*2']];
      s.getRange('C1').values = [["'007"]];
      const r = s.getRange('A1:C2').load('values, formulas, valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([
        ['1.6', 3.2, '007'],
        [1.6, '', ''],
      ]);
      expect(r.formulas[0][1]).toBe('=A2*2');
      expect(r.formulas[1][0]).toBe(1.6); // a constant reads as itself in formulas
      expect(r.valueTypes[0]).toEqual(['String', 'Double', 'String']);
    });
  });

  test('numberFormat reads back per cell what was set', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:D1');
      r.values = [[0.85, 1.5, 'x', 2 / 3]];
      r.numberFormat = [['0.0%', '0.000', '@', 'General']];
      r.load('numberFormat');
      await ctx.sync();
      expect(r.numberFormat).toEqual([['0.0%', '0.000', '@', 'General']]);
    });
  });

  test('formats read null when the cells differ', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1').format.fill.color = 'yellow';
      s.getRange('A1:B1').format.font.bold = true;
      const both = s.getRange('A1:B1');
      both.format.fill.load('color');
      both.format.font.load('bold');
      const one = s.getRange('A1').format.fill.load('color');
      await ctx.sync();
      expect(both.format.fill.color).toBeNull();
      expect(both.format.font.bold).toBe(true);
      expect(one.color).toBe('#FFFF00');
    });
  });

  test('invalid enum and color values fail with InvalidArgument', async () => {
    const wb = createMemoryWorkbook();
    for (const write of [
      (r: Excel.Range) => (r.format.horizontalAlignment = 'Middle' as Excel.HorizontalAlignment),
      (r: Excel.Range) => (r.format.fill.color = 'not-a-color'),
      (r: Excel.Range) => (r.format.columnWidth = -1),
    ]) {
      const code = await codeOf(
        wb.run(async (ctx) => {
          write(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'));
          await ctx.sync();
        }),
      );
      expect(code).toBe('InvalidArgument');
    }
  });

  test('address carries the sheet, quoted when needed', async () => {
    const wb = createMemoryWorkbook({ sheets: ['PAR 2021', 'Plain'] });
    await wb.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem('PAR 2021').getRange('G7:G9').load('address');
      const b = ctx.workbook.worksheets.getItem('Plain').getRange('B:C').load('address');
      await ctx.sync();
      expect(a.address).toBe("'PAR 2021'!G7:G9");
      expect(b.address).toBe('Plain!B:C');
    });
  });

  test('Worksheet.getUsedRange(OrNullObject): values only or with formats; an empty sheet has none', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const emptyUsed = s.getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(emptyUsed.isNullObject).toBe(true);
      s.getRange('C3:D4').values = [
        [1, null],
        [null, 2],
      ];
      s.getRange('F9').format.font.bold = true;
      const used = s.getUsedRange(true).load('address');
      const usedAll = s.getUsedRange().load('address');
      await ctx.sync();
      expect(used.address).toBe('Sheet1!C3:D4');
      expect(usedAll.address).toBe('Sheet1!C3:F9');
    });
  });

  test('Range.getUsedRangeOrNullObject: the part of the range in use, or a null object', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('C3').values = [[7]];
      const unused = s.getRange('A1:B2').getUsedRangeOrNullObject();
      const used = s.getRange('B2:D4').getUsedRangeOrNullObject().load('address');
      await ctx.sync();
      expect(unused.isNullObject).toBe(true);
      expect(used.address).toBe('Sheet1!C3');
    });
  });

  test('merge keeps the top-left value; unmerge; clear by kind', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:C1').values = [['keep', 'drop', 'drop']];
      s.getRange('A1:C1').merge();
      s.getRange('A2:B2').values = [[1, 2]];
      s.getRange('A2:B2').format.font.italic = true;
      s.getRange('A2').clear('Contents');
      s.getRange('B2').clear('Formats');
      await ctx.sync();
    });
    expect(wb.getCell('Sheet1', 'A1')).toMatchObject({ value: 'keep', mergedArea: 'A1:C1' });
    expect(wb.getCell('Sheet1', 'B1').value).toBe('');
    expect(wb.getCell('Sheet1', 'A2')).toMatchObject({ value: '', italic: true });
    expect(wb.getCell('Sheet1', 'B2').value).toBe(2);
    expect(wb.getCell('Sheet1', 'B2').italic).toBeUndefined();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').unmerge();
    });
    expect(wb.getCell('Sheet1', 'A1').mergedArea).toBeUndefined();
  });

  test('column widths, row heights, hidden columns, borders', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A:B').format.columnWidth = 30;
      s.getRange('3:3').format.rowHeight = 40;
      s.getRange('A:A').columnHidden = true;
      const box = s.getRange('B2:C3');
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'])
        box.format.borders.getItem(edge as Excel.BorderIndex).style = 'Continuous';
      const widths = s.getRange('A1:C1').format.load('columnWidth');
      const ab = s.getRange('A1:B1').format.load('columnWidth');
      const hidden = s.getRange('A1:B1').load('columnHidden');
      const top = s.getRange('B3').format.borders.getItem('EdgeTop').load('style');
      await ctx.sync();
      expect(widths.columnWidth).toBeNull();
      expect(ab.columnWidth).toBe(30);
      expect(hidden.columnHidden).toBeNull();
      expect(top.style).toBe('Continuous'); // the inside line of B2:C3 seen from B3
    });
  });

  test('numberFormat on whole columns applies to cells created later', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      (s.getRange('A:A') as unknown as { numberFormat: unknown }).numberFormat = '@';
      await ctx.sync();
      s.getRange('A10').values = [['1.6']];
      const r = s.getRange('A10').load('values, numberFormat');
      await ctx.sync();
      expect(r.values).toEqual([['1.6']]);
      expect(r.numberFormat).toEqual([['@']]);
    });
  });

  test('reading a huge range is refused instead of building a million-cell array', async () => {
    const wb = createMemoryWorkbook();
    const code = await codeOf(
      wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A:B').load('values');
        await ctx.sync();
      }),
    );
    expect(code).toBe('ResponsePayloadSizeLimitExceeded');
  });
});
