import { parLeaves } from '../../src/catalog';
import { sumOfPartsFormula } from '../../src/layout';
import { cellOf, cfFormulas, planOf, rowOf, setup, eachApi } from './helpers';

const PAR = planOf('PAR');
const I = planOf('I');
const parentCell = cellOf(PAR, '1', 'score');
const parentFormula = PAR.cells.find((c) => c.address === parentCell)!.formula!;

// Once at the declared minimum (ExcelApi 1.8) and once at the newest set (helpers.ts, API_SETS).
eachApi(() => {
  describe('subtotals', () => {
    test('an overwritten parent formula is reported, then restored on request', async () => {
      const { wb, ops } = setup();
      await ops.inject(['PAR']);
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

    test("a score the total leaves out is listed under it, and the sheet's gap and parent agree", async () => {
      const { wb, ops } = setup();
      await ops.inject(['PAR']);
      const over = cellOf(PAR, '1.2', 'score'); // maximum 0.5
      const text = cellOf(PAR, '1.3', 'score');
      await wb.pasteFromUser(PAR.name, over, [['0.8']]);
      await wb.pasteFromUser(PAR.name, text, [['abc']]);
      for (const leaf of parLeaves('1').filter((r) => r.id !== '1.2' && r.id !== '1.3'))
        await wb.pasteFromUser(PAR.name, cellOf(PAR, leaf.id, 'score'), [[String(leaf.max)]]);
      const { par } = await ops.subtotals(false);
      expect(par!.excluded.map((x) => [x.id, x.cell, x.value])).toEqual([
        ['1.2', over, 0.8],
        ['1.3', text, 'abc'],
      ]);
      expect(par!.excluded[0].reason.vi).toContain('0,5');
      // The sheet counts as the pane does: no +0.3 for 1.2, and area 1 stays blank while 1.2 and 1.3 do not count.
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.2', 'gap')).value).toBe('');
      expect(wb.getCell(PAR.name, parentCell).value).toBe('');
      expect(par!.rows.find((r) => r.id === '1')).toMatchObject({ complete: false, missing: 2, score: null });
      // Corrected, it counts on both sides.
      await wb.pasteFromUser(PAR.name, over, [['0.5']]);
      await wb.pasteFromUser(PAR.name, text, [['0']]);
      const after = await ops.subtotals(false);
      expect(after.par!.excluded).toEqual([]);
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.2', 'gap')).value).toBe(0);
      expect(wb.getCell(PAR.name, parentCell).value).toBeCloseTo(after.par!.rows.find((r) => r.id === '1')!.score!, 9);
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

    test('Appendix 1 totals: blank ones get a live formula over their parts, typed ones stay', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I', 'PAR']);
      const a = (col: string) => cellOf(I, 'I.1.a', col);
      const b = (col: string) => cellOf(I, 'I.1.b', col);
      const total = (col: string) => cellOf(I, 'I.1', col);
      await wb.setCellFromUser(I.name, a('2019'), '3');
      await wb.setCellFromUser(I.name, b('2019'), '4');
      await wb.setCellFromUser(I.name, a('2018'), '5'); // I.1.b 2018 missing
      await wb.setCellFromUser(I.name, a('2017'), '1');
      await wb.setCellFromUser(I.name, b('2017'), '1');
      await wb.setCellFromUser(I.name, total('2017'), '10'); // someone's own total: kept

      const r = await ops.subtotals(false);
      const filled2019 = r.totalsFilled.find((t) => t.cell === total('2019'));
      expect(filled2019).toEqual({
        sheet: I.name,
        cell: total('2019'),
        rowKey: 'I.1',
        formula: sumOfPartsFormula([a('2019'), b('2019')]),
      });
      expect(r.totalsFilled.map((t) => t.cell)).toContain(total('2018'));
      expect(r.totalsFilled.map((t) => t.cell)).not.toContain(total('2017'));
      for (const t of r.totalsFilled) expect(wb.getCell(I.name, t.cell).formula).toBe(t.formula);
      // Live: 7 now, blank while a part is missing, and following the parts when they change.
      expect(wb.getCell(I.name, total('2019')).value).toBe(7);
      expect(wb.getCell(I.name, total('2018')).value).toBe('');
      await wb.setCellFromUser(I.name, b('2018'), '2');
      expect(wb.getCell(I.name, total('2018')).value).toBe(7);
      await wb.setCellFromUser(I.name, b('2019'), '6');
      expect(wb.getCell(I.name, total('2019')).value).toBe(9);
      expect(wb.getCell(I.name, total('2017')).value).toBe(10);
      expect(wb.getCell(I.name, total('2017')).formula).toBeUndefined();
      expect(r.par?.sheet).toBe(PAR.name);

      // The add-in's own total formula is not an official's formula in an input cell.
      const v = await ops.validate();
      const onTotals = v.findings.filter((f) => r.totalsFilled.some((t) => t.sheet === f.sheet && t.cell === f.cell));
      expect(onTotals).toEqual([]);
      // Pressing again fills nothing more and writes nothing.
      const again = await ops.subtotals(false);
      expect(again.totalsFilled).toEqual([]);
      expect(again.syncs).toBe(1);
    });

    test('a part typed as text keeps the total blank, and validation says why', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I']);
      const a = cellOf(I, 'I.1.a', '2019');
      const b = cellOf(I, 'I.1.b', '2019');
      await ops.subtotals(false);
      await wb.setCellFromUser(I.name, a, '3');
      await wb.run(async (context) => {
        const range = context.workbook.worksheets.getItem(I.name).getRange(b);
        range.numberFormat = [['@']];
        range.values = [['12']];
        await context.sync();
      });
      expect(wb.getCell(I.name, b).value).toBe('12');
      expect(wb.getCell(I.name, cellOf(I, 'I.1', '2019')).value).toBe('');
      const v = await ops.validate();
      expect(v.findings.some((f) => f.cell === b)).toBe(true);
      expect(v.findings.some((f) => f.cell === cellOf(I, 'I.1', '2019'))).toBe(false);
    });

    test('a total a co-author types between the read and the write is kept, not overwritten', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I']);
      const official = wb.coauthor({ user: 'Cán bộ B' });
      const totalCell = cellOf(I, 'I.1', '2019');
      let typed = false;
      const base = wb.stats.syncs;
      wb.shared.betweenSyncs(async ({ client, syncs }) => {
        // Just before the adapter's write (its second round trip), B types the total.
        if (client === wb && syncs === base + 1 && !typed) {
          typed = true;
          await official.setCellFromUser(I.name, totalCell, '42');
        }
      });
      const r = await ops.subtotals(false);
      wb.shared.betweenSyncs(null);
      expect(typed).toBe(true);
      expect(wb.getCell(I.name, totalCell).value).toBe(42);
      expect(wb.getCell(I.name, totalCell).formula).toBeUndefined();
      expect(r.totalsFilled.map((t) => t.cell)).not.toContain(totalCell);
      expect(r.notes?.some((n) => /người khác|someone else/.test(n.vi + n.en))).toBe(true);
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
        const value = leaf.id === '1.1' ? 0 : leaf.target;
        await wb.setCellFromUser(PAR.name, cellOf(PAR, leaf.id, 'score'), String(value));
      }
      wb.resetStats();
      const summary = await ops.highlightBelowTarget();
      // The read (with the rules' record and counts, cfRules.ts), the write: no rule is read.
      expect(wb.stats().syncs).toBe(2);
      expect(await cfFormulas(wb, PAR.name)).toContain(belowRule.formula);
      expect(summary).not.toBeNull();
      expect(summary!.total.target).toBe(92.418);
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

      // Already there: nothing written, no rule read (one round trip: the read).
      wb.resetStats();
      await ops.highlightBelowTarget();
      expect(wb.stats().writeSyncs).toBe(0);
      expect(wb.stats().syncs).toBe(1);
    });
  });
});
