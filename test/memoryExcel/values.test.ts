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

  test('text follows the number format; numberFormat reads General by default', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:D1');
      r.values = [[0.85, 1.5, 'x', 2 / 3]];
      r.numberFormat = [['0.0%', '0.000', '@', 'General']];
      r.load('text, numberFormat');
      await ctx.sync();
      expect(r.text).toEqual([['85.0%', '1.500', 'x', '0.666666667']]);
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
      const a = ctx.workbook.worksheets
        .getItem('PAR 2021')
        .getRange('G7:G9')
        .load('address, rowIndex, columnIndex, rowCount, columnCount');
      const b = ctx.workbook.worksheets.getItem('Plain').getRange('B:C').load('address');
      await ctx.sync();
      expect(a.address).toBe("'PAR 2021'!G7:G9");
      expect([a.rowIndex, a.columnIndex, a.rowCount, a.columnCount]).toEqual([6, 6, 3, 1]);
      expect(b.address).toBe('Plain!B:C');
    });
  });

  test('navigation: getCell, getOffsetRange, getResizedRange, getRow, getColumn, entire row/column', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const base = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:D4');
      const got = [
        base.getCell(1, 1),
        base.getOffsetRange(1, -1),
        base.getResizedRange(1, 0),
        base.getRow(2),
        base.getColumn(0),
        base.getEntireRow(),
        base.getEntireColumn(),
        base.getLastCell(),
      ].map((r) => r.load('address'));
      await ctx.sync();
      expect(got.map((r) => r.address)).toEqual([
        'Sheet1!C3',
        'Sheet1!A3:C5',
        'Sheet1!B2:D5',
        'Sheet1!B4:D4',
        'Sheet1!B2:B4',
        'Sheet1!2:4',
        'Sheet1!B:D',
        'Sheet1!D4',
      ]);
    });
  });

  test('getIntersectionOrNullObject and getUsedRange(OrNullObject)', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const none = s.getRange('A1:B2').getIntersectionOrNullObject('D4:E5');
      const some = s.getRange('A1:C3').getIntersectionOrNullObject('B2:E5').load('address');
      const emptyUsed = s.getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
      expect(some.address).toBe('Sheet1!B2:C3');
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

  test('Range.getIntersection and Range.getUsedRange fail with ItemNotFound where the OrNullObject variants are null', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('C3').values = [[7]];
      const apart = s.getRange('A1:B2').getIntersectionOrNullObject('D4:E5');
      const unused = s.getRange('A1:B2').getUsedRangeOrNullObject();
      const used = s.getRange('B2:D4').getUsedRange().load('address');
      await ctx.sync();
      expect([apart.isNullObject, unused.isNullObject]).toEqual([true, true]);
      expect(used.address).toBe('Sheet1!C3');
    });
    const failing: Array<(r: Excel.Range) => Excel.Range> = [
      (r) => r.getIntersection('D4:E5'),
      (r) => r.getUsedRange(),
    ];
    for (const get of failing)
      expect(
        await codeOf(
          wb.run(async (ctx) => {
            get(ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2')).load('address');
            await ctx.sync();
          }),
        ),
      ).toBe('ItemNotFound');
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

  test('column widths, row heights, hidden rows/columns, borders, protection', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A:B').format.columnWidth = 30;
      s.getRange('3:3').format.rowHeight = 40;
      s.getRange('A:A').columnHidden = true;
      s.getRange('5:6').rowHidden = true;
      const box = s.getRange('B2:C3');
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'])
        box.format.borders.getItem(edge as Excel.BorderIndex).style = 'Continuous';
      box.format.protection.locked = false;
      const widths = s.getRange('A1:C1').format.load('columnWidth');
      const ab = s.getRange('A1:B1').format.load('columnWidth');
      const hidden = s.getRange('A1:B1').load('columnHidden');
      const rows = s.getRange('A5:A6').load('rowHidden');
      const top = s.getRange('B3').format.borders.getItem('EdgeTop').load('style');
      const prot = s.getRange('C3').format.protection.load('locked');
      await ctx.sync();
      expect(widths.columnWidth).toBeNull();
      expect(ab.columnWidth).toBe(30);
      expect(hidden.columnHidden).toBeNull();
      expect(rows.rowHidden).toBe(true);
      expect(top.style).toBe('Continuous'); // the inside line of B2:C3 seen from B3
      expect(prot.locked).toBe(false);
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
