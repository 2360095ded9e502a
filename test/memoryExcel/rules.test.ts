import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';

const INVALID_COUNT = '=IF(ISERROR(D7),TRUE,IF(D7="",FALSE,IF(ISNUMBER(D7),OR(D7<0,D7<>INT(D7)),TRUE)))';

async function withScoreValidation(): Promise<MemoryWorkbook> {
  const wb = createMemoryWorkbook({ sheets: ['PAR'] });
  await wb.run(async (ctx) => {
    const s = ctx.workbook.worksheets.getItem('PAR');
    s.getRange('D7:D9').values = [[2], [1.5], [3]];
    const g = s.getRange('G7:G9');
    g.dataValidation.rule = { decimal: { formula1: 0, formula2: '=$D7', operator: 'Between' } };
    g.dataValidation.prompt = { showPrompt: true, title: 'Điểm', message: 'Từ 0 đến điểm tối đa' };
    g.dataValidation.errorAlert = {
      showAlert: true,
      style: 'Stop',
      title: 'Không hợp lệ',
      message: 'Vượt điểm tối đa',
    };
    await ctx.sync();
  });
  return wb;
}

describe('data validation', () => {
  test('the rule is stored and read back relative to the top-left cell; type and prompt read', async () => {
    const wb = await withScoreValidation();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('PAR');
      const all = s.getRange('G7:G9').dataValidation.load('type, rule, prompt, errorAlert, ignoreBlanks');
      const second = s.getRange('G8').dataValidation.load('rule');
      const none = s.getRange('A1').dataValidation.load('type');
      const mixed = s.getRange('F7:G7').dataValidation.load('type');
      await ctx.sync();
      expect(all.type).toBe('Decimal');
      expect(all.rule).toEqual({ decimal: { formula1: '=0', formula2: '=$D7', operator: 'Between' } });
      expect(second.rule).toEqual({ decimal: { formula1: '=0', formula2: '=$D8', operator: 'Between' } });
      expect(all.prompt).toEqual({ showPrompt: true, title: 'Điểm', message: 'Từ 0 đến điểm tối đa' });
      expect(all.errorAlert.style).toBe('Stop');
      expect(all.ignoreBlanks).toBe(true);
      expect(none.type).toBe('None');
      expect(mixed.type).toBe('Inconsistent');
    });
    expect(wb.validationPrompt('PAR', 'G8')).toEqual({ title: 'Điểm', message: 'Từ 0 đến điểm tối đa' });
  });

  test('typed values are checked against each row (relative formula2) and a Stop alert refuses them', async () => {
    const wb = await withScoreValidation();
    expect(wb.validateTypedValue('PAR', 'G7', '2')).toEqual({ valid: true, rejected: false, alert: null });
    expect(wb.validateTypedValue('PAR', 'G8', '2')).toMatchObject({
      valid: false,
      rejected: true,
      alert: { style: 'Stop', title: 'Không hợp lệ' },
    });
    expect(wb.validateTypedValue('PAR', 'G8', 'abc').valid).toBe(false);
    expect(wb.validateTypedValue('PAR', 'G8', '').valid).toBe(true);
    const refused = await wb.setCellFromUser('PAR', 'G8', '2');
    expect(refused.accepted).toBe(false);
    expect(wb.getCell('PAR', 'G8').value).toBe('');
    const ok = await wb.setCellFromUser('PAR', 'G8', '1.5');
    expect(ok.accepted).toBe(true);
    expect(wb.getCell('PAR', 'G8').value).toBe(1.5);
  });

  test('API writes and pastes bypass validation', async () => {
    const wb = await withScoreValidation();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('PAR').getRange('G7').values = [[99]];
      await ctx.sync();
    });
    await wb.pasteFromUser('PAR', 'G8', [['99'], ['1']]);
    expect([wb.getCell('PAR', 'G7').value, wb.getCell('PAR', 'G8').value, wb.getCell('PAR', 'G9').value]).toEqual([
      99, 99, 1,
    ]);
  });

  test('Warning alerts let the value in when confirmed; list and custom rules; whole numbers', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: 'Đạt,Không đạt' } };
      s.getRange('B1:B2').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      s.getRange('B1:B2').dataValidation.errorAlert = {
        showAlert: true,
        style: 'Warning',
        title: 'Kiểm tra',
        message: 'Số nguyên ≥ 0',
      };
      s.getRange('C1').dataValidation.rule = { custom: { formula: '=ISNUMBER(C1)' } };
      await ctx.sync();
    });
    expect(wb.validateTypedValue('Sheet1', 'A1', 'đạt').valid).toBe(true);
    expect(wb.validateTypedValue('Sheet1', 'A1', 'Có').valid).toBe(false);
    expect(wb.validateTypedValue('Sheet1', 'B1', '1.5')).toMatchObject({
      valid: false,
      rejected: false,
      alert: { style: 'Warning' },
    });
    expect((await wb.setCellFromUser('Sheet1', 'B1', '1.5')).accepted).toBe(true);
    expect((await wb.setCellFromUser('Sheet1', 'B2', '-1', { confirmWarnings: false })).accepted).toBe(false);
    expect(wb.validateTypedValue('Sheet1', 'C1', '12').valid).toBe(true);
    expect(wb.validateTypedValue('Sheet1', 'C1', 'x').valid).toBe(false);
    expect(wb.getCell('Sheet1', 'C1').value).toBe('');
  });

  test('malformed rules fail the sync with InvalidArgument; clear() removes the rule', async () => {
    const wb = createMemoryWorkbook();
    for (const rule of [
      { decimal: { formula1: 0, operator: 'Between' } },
      { decimal: { formula1: 0, operator: 'between' } },
      { decimal: { formula1: 'abc', operator: 'GreaterThan' } },
      { decimal: { formula1: 0, operator: 'GreaterThan' }, list: { source: 'a', inCellDropDown: true } },
    ]) {
      await expect(
        wb.run(async (ctx) => {
          ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation.rule =
            rule as Excel.DataValidationRule;
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    await wb.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').dataValidation;
      dv.rule = { decimal: { formula1: 0, operator: 'GreaterThan' } };
      dv.clear();
      dv.load('type');
      await ctx.sync();
      expect(dv.type).toBe('None');
    });
  });

  test('typing into a percent cell: 85 means 85%, 0.5 means 50%; "85%" into General sets a % format', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').numberFormat = [['0.0%'], ['0.0%']];
      await ctx.sync();
    });
    await wb.setCellFromUser('Sheet1', 'A1', '85');
    await wb.setCellFromUser('Sheet1', 'A2', '0.5');
    await wb.setCellFromUser('Sheet1', 'B1', '85%');
    await wb.setCellFromUser('Sheet1', 'B2', "'85");
    expect(wb.getCell('Sheet1', 'A1')).toMatchObject({ value: 0.85, text: '85.0%' });
    expect(wb.getCell('Sheet1', 'A2').value).toBe(0.5);
    expect(wb.getCell('Sheet1', 'B1')).toMatchObject({ value: 0.85, numberFormat: '0%', text: '85%' });
    expect(wb.getCell('Sheet1', 'B2')).toMatchObject({ value: '85', valueType: 'String' });
  });
});

describe('conditional formats', () => {
  async function withInvalidRule(): Promise<MemoryWorkbook> {
    const wb = createMemoryWorkbook({ sheets: ['I'] });
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('I').getRange('D7:E9');
      const cf = r.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = INVALID_COUNT;
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      cf.custom.format.font.bold = true;
      r.values = [
        [3, -1],
        ['', 2.5],
        ['abc', '=1/0'],
      ];
      await ctx.sync();
    });
    return wb;
  }

  test('the invalid-count formula, relative to the top-left cell, flags each cell of the range', async () => {
    const wb = await withInvalidRule();
    const marks = wb.evaluateConditionalFormats('I');
    expect([...marks.keys()].sort()).toEqual(['D9', 'E7', 'E8', 'E9']);
    expect(marks.get('E7')).toEqual({ fill: '#FFC7CE', fontColor: '#9C0006', bold: true });
    await wb.setCellFromUser('I', 'E7', '4');
    expect(wb.evaluateConditionalFormats('I').has('E7')).toBe(false);
  });

  test('items, count, rule formula read relative to the top-left, getRangeOrNullObject, delete, clearAll', async () => {
    const wb = await withInvalidRule();
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('I');
      const cfs = s.getRange('E8').conditionalFormats;
      cfs.load('items/id, items/type, items/custom/rule/formula');
      const count = cfs.getCount();
      const outside = s.getRange('A1').conditionalFormats.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
      expect(outside.value).toBe(0);
      const [item] = cfs.items;
      expect(item.type).toBe('Custom');
      expect(item.custom.rule.formula).toBe(INVALID_COUNT);
      const range = item.getRangeOrNullObject().load('address');
      await ctx.sync();
      expect(range.address).toBe('I!D7:E9');
      s.getRange('D7:D9').conditionalFormats.clearAll();
      const left = s.getRange('D7:E9').conditionalFormats.load('items');
      await ctx.sync();
      const leftRange = left.items[0].getRangeOrNullObject().load('address');
      const formula = left.items[0].custom.rule.load('formula');
      await ctx.sync();
      expect(leftRange.address).toBe('I!E7:E9');
      expect(formula.formula).toBe(INVALID_COUNT.replace(/D7/g, 'E7'));
      left.items[0].delete();
      const none = s.getRange('D7:E9').conditionalFormats.getCount();
      await ctx.sync();
      expect(none.value).toBe(0);
    });
  });

  test('loading items/customOrNullObject/rule/formula, as the adapter does', async () => {
    const wb = await withInvalidRule();
    await wb.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('I').getRange('A1:Z50').conditionalFormats;
      cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
      await ctx.sync();
      expect(cfs.items).toHaveLength(1);
      const item = cfs.items[0];
      expect(item.customOrNullObject.isNullObject).toBe(false);
      expect(item.customOrNullObject.rule.formula).toBe(INVALID_COUNT);
    });
  });

  test('the flagged format reads a worksheet-scoped name: rewriting the name moves the marks', async () => {
    const wb = createMemoryWorkbook({ sheets: ['PAR'] });
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('PAR');
      s.names.add('CCHC_FLAGS', '={""}');
      const cf = s.getRange('D7:G20').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = '=ISNUMBER(MATCH(ADDRESS(ROW(),COLUMN(),4),CCHC_FLAGS,0))';
      cf.custom.format.fill.color = '#FFEB9C';
      await ctx.sync();
    });
    expect(wb.evaluateConditionalFormats('PAR').size).toBe(0);
    await wb.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('PAR').names.getItem('CCHC_FLAGS').formula = '={"D7","G12"}';
      await ctx.sync();
    });
    expect([...wb.evaluateConditionalFormats('PAR').keys()].sort()).toEqual(['D7', 'G12']);
  });

  test('the warning format matches the "w:" entry (text joined with &) and, listed first, wins over the plain one', async () => {
    const wb = createMemoryWorkbook({ sheets: ['PAR'] });
    await wb.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('PAR');
      s.names.add('CCHC_FLAGS', '={"D7","G12","w:G12","w:E9"}');
      // Added last = on top: the warning rule goes in second.
      const flagged = s.getRange('D7:G20').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      flagged.custom.rule.formula = '=ISNUMBER(MATCH(ADDRESS(ROW(),COLUMN(),4),CCHC_FLAGS,0))';
      flagged.custom.format.fill.color = '#FF9999';
      flagged.custom.format.font.bold = true;
      const warning = s.getRange('D7:G20').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      warning.custom.rule.formula = '=ISNUMBER(MATCH("w:"&ADDRESS(ROW(),COLUMN(),4),CCHC_FLAGS,0))';
      warning.custom.format.fill.color = '#FFB366';
      await ctx.sync();
    });
    const marks = wb.evaluateConditionalFormats('PAR');
    expect(Object.fromEntries(marks)).toEqual({
      D7: { fill: '#FF9999', bold: true },
      // Both rules match: the fill of the one on top, the bold the other adds (no conflict there).
      G12: { fill: '#FFB366', bold: true },
      E9: { fill: '#FFB366' },
    });
  });

  test('priority: the newest format is on top and wins a conflict', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2');
      const older = r.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      older.custom.rule.formula = '=TRUE';
      older.custom.format.fill.color = '#FF0000';
      older.custom.format.font.bold = true;
      const newer = r.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      newer.custom.rule.formula = '=ROW()=1';
      newer.custom.format.fill.color = '#00FF00';
      await ctx.sync();
    });
    const marks = wb.evaluateConditionalFormats('Sheet1');
    expect(marks.get('A1')).toEqual({ fill: '#00FF00', bold: true });
    expect(marks.get('A2')).toEqual({ fill: '#FF0000', bold: true });
  });

  test('other conditional format types (but data bars and colour scales) are not implemented; a formula without "=" is refused', async () => {
    const wb = createMemoryWorkbook();
    await wb.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats;
      expect(() => cfs.add('IconSet' as Excel.ConditionalFormatType)).toThrow('not implemented');
      expect(() => cfs.add('CellValue' as Excel.ConditionalFormatType)).toThrow('not implemented');
    });
    await expect(
      wb.run(async (ctx) => {
        const cf = ctx.workbook.worksheets
          .getItem('Sheet1')
          .getRange('A1')
          .conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
        cf.custom.rule.formula = 'A1>0';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
