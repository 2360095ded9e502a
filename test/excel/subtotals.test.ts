import { parLeaves } from '../../src/catalog';
import { cellOf, cfFormulas, planOf, rowOf, setup } from './helpers';

const PAR = planOf('PAR');
const I = planOf('I');
const parentCell = cellOf(PAR, '1', 'score2021');
const parentFormula = PAR.cells.find((c) => c.address === parentCell)!.formula!;

describe('subtotals', () => {
  test('an overwritten parent formula is reported, then restored on request', async () => {
    const { wb, ops } = setup();
    await ops.inject(['I', 'PAR']);
    await wb.pasteFromUser(PAR.name, parentCell, [['8.3']]);

    const check = await ops.subtotals(false);
    expect(check.overwritten).toEqual([{ sheet: PAR.name, cell: parentCell, rowKey: '1', found: 8.3 }]);
    expect(check.restored).toBe(0);
    expect(wb.getCell(PAR.name, parentCell).value).toBe(8.3);
    expect(check.syncs).toBe(1);

    const fix = await ops.subtotals(true);
    expect(fix.restored).toBe(1);
    expect(fix.syncs).toBe(2);
    expect(wb.getCell(PAR.name, parentCell).formula).toBe(parentFormula);
    expect((await ops.subtotals(false)).overwritten).toEqual([]);
  });

  test('a cleared parent formula counts as overwritten too', async () => {
    const { wb, ops } = setup();
    await ops.inject(['PAR']);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem(PAR.name).getRange(parentCell).clear('Contents');
      await context.sync();
    });
    const r = await ops.subtotals(true);
    expect(r.overwritten).toEqual([{ sheet: PAR.name, cell: parentCell, rowKey: '1', found: '' }]);
    expect(wb.getCell(PAR.name, parentCell).formula).toBe(parentFormula);
  });

  test('Appendix 1 totals: filled only where every part is a number and the total is blank', async () => {
    const { wb, ops } = setup();
    await ops.inject(['I', 'PAR']);
    const a = (col: string) => cellOf(I, 'I.1.a', col);
    const b = (col: string) => cellOf(I, 'I.1.b', col);
    await wb.setCellFromUser(I.name, a('2019'), '3');
    await wb.setCellFromUser(I.name, b('2019'), '4');
    await wb.setCellFromUser(I.name, a('2018'), '5'); // I.1.b 2018 missing
    await wb.setCellFromUser(I.name, a('2017'), '1');
    await wb.setCellFromUser(I.name, b('2017'), '1');
    await wb.setCellFromUser(I.name, cellOf(I, 'I.1', '2017'), '10'); // someone's own total: kept

    const r = await ops.subtotals(false);
    expect(r.totalsFilled).toEqual([{ sheet: I.name, cell: cellOf(I, 'I.1', '2019'), rowKey: 'I.1', value: 7 }]);
    expect(wb.getCell(I.name, cellOf(I, 'I.1', '2019')).value).toBe(7);
    expect(wb.getCell(I.name, cellOf(I, 'I.1', '2018')).value).toBe('');
    expect(wb.getCell(I.name, cellOf(I, 'I.1', '2017')).value).toBe(10);
    expect(r.par?.sheet).toBe(PAR.name);
  });
});

describe('below target', () => {
  test('the live rule is ensured and the summary ranks rows below target by lead unit', async () => {
    const { wb, ops } = setup();
    await ops.inject(['PAR']);
    const belowRule = PAR.conditionalFormats.find((c) => c.purpose === 'belowTarget')!;
    // Someone deleted the rule.
    await wb.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem(PAR.name).getRange(belowRule.range).conditionalFormats;
      cfs.load('items/id,items/type,items/customOrNullObject/rule/formula');
      await context.sync();
      for (const cf of cfs.items)
        if (!cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula === belowRule.formula)
          cf.delete();
      await context.sync();
    });
    expect(await cfFormulas(wb, PAR.name)).not.toContain(belowRule.formula);

    // Area 1 scored in full but 1.1 at zero: 1.1 and area 1 fall below target.
    for (const leaf of parLeaves('1')) {
      const value = leaf.id === '1.1' ? 0 : leaf.target2021;
      await wb.setCellFromUser(PAR.name, cellOf(PAR, leaf.id, 'score2021'), String(value));
    }
    wb.resetStats();
    const summary = await ops.highlightBelowTarget();
    expect(wb.stats().syncs).toBe(2);
    expect(await cfFormulas(wb, PAR.name)).toContain(belowRule.formula);
    expect(summary).not.toBeNull();
    expect(summary!.total.target2021).toBe(92.418);
    const below = summary!.belowTarget.map((r) => r.id);
    expect(below).toContain('1.1');
    expect(below).toContain('1');
    const gaps = summary!.belowTarget.map((r) => r.gap as number);
    expect(gaps).toEqual([...gaps].sort((x, y) => x - y));
    const snv = summary!.byLead.find((g) => g.lead === 'SNV');
    expect(snv?.rows.map((r) => r.id)).toContain('1.1');
    // The rule now paints the row below target.
    const painted = wb.evaluateConditionalFormats(PAR.name);
    expect(painted.get(`C${rowOf(PAR, '1.1')}`)?.fill).toBe(belowRule.format.fill);
    expect(painted.get(`C${rowOf(PAR, '1.2')}`)?.fill).toBeUndefined();

    // Already there: nothing written.
    wb.resetStats();
    await ops.highlightBelowTarget();
    expect(wb.stats().syncs).toBe(1);
  });
});
