/**
 * Manual calculation mode (Formulas › Calculation Options › Manual): Excel keeps formula values
 * stale until calculated (typings, Application.calculationMode). Validate, subtotals and
 * below-target must read calculated values, in the same round trips, and say they calculated.
 */
import { parLeaves } from '../../src/catalog';
import { API_SETS, cellOf, planOf, setup } from './helpers';

const PAR = planOf('PAR');
const I = planOf('I');
const manual = (n: { vi: string; en: string }) => /thủ công/.test(n.vi) && /manual calculation/.test(n.en);

describe.each(API_SETS)('ExcelApi %s, Manual calculation', (api) => {
  async function manualWorkbook() {
    const s = setup({ api });
    await s.ops.inject(['PAR']);
    s.wb.setCalculationModeFromUser('Manual');
    return s;
  }

  test('validate sees the sum a stale total hides, in as many round trips, and says it calculated', async () => {
    const { wb, ops } = setup({ api });
    await ops.inject(['I', 'PAR']);
    // Parts typed, then the blank total given its live formula by Subtotals (Automatic mode).
    await wb.pasteFromUser(I.name, cellOf(I, 'I.1.a', '2018'), [['2']]);
    await wb.pasteFromUser(I.name, cellOf(I, 'I.1.b', '2018'), [['2']]);
    await ops.subtotals(false);
    const total = cellOf(I, 'I.1', '2018');
    expect(wb.getCell(I.name, total).value).toBe(4);
    wb.resetStats();
    const clean = await ops.validate();
    const cleanSyncs = wb.stats().syncs;
    expect(clean.notes?.some(manual)).toBe(false);

    // Manual mode: a part changes, the total's formula keeps its old value.
    wb.setCalculationModeFromUser('Manual');
    await wb.pasteFromUser(I.name, cellOf(I, 'I.1.a', '2018'), [['3']]);
    expect(wb.getCell(I.name, total).value).toBe(4);
    wb.resetStats();
    const report = await ops.validate();
    expect(report.findings.filter((f) => f.sheet === I.name && f.code === 'sum-mismatch')).toEqual([]);
    expect(report.notes?.some(manual)).toBe(true);
    expect(wb.stats().syncs).toBe(cleanSyncs);
  });

  test('subtotals and below target: calculated PAR scores, in one round trip, with the note', async () => {
    const { wb, ops } = await manualWorkbook();
    // Area 1 in full but 1.1 at zero, typed while Excel does not recalculate the parent.
    for (const leaf of parLeaves('1')) {
      const value = leaf.id === '1.1' ? 0 : leaf.target;
      await wb.setCellFromUser(PAR.name, cellOf(PAR, leaf.id, 'score'), String(value));
    }
    const parent = cellOf(PAR, '1', 'score');
    const stale = wb.getCell(PAR.name, parent).value;
    const expected = parLeaves('1').reduce((n, l) => n + (l.id === '1.1' ? 0 : l.target), 0);
    expect(stale).not.toBe(expected);

    wb.resetStats();
    const r = await ops.subtotals(false);
    expect(r.syncs).toBe(1);
    expect(r.notes?.some(manual)).toBe(true);
    const area = r.par!.rows.find((row) => row.id === '1');
    expect(area?.score).toBeCloseTo(expected, 3);

    const summary = await ops.highlightBelowTarget();
    expect(summary!.belowTarget.map((row) => row.id)).toContain('1');
  });

  test('Automatic mode: no note', async () => {
    const { ops } = setup({ api });
    await ops.inject(['I']);
    expect((await ops.validate()).notes?.some(manual)).toBe(false);
    expect((await ops.subtotals(false)).notes?.some(manual)).toBe(false);
  });
});
