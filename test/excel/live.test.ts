import type { ValidationReport } from '../../src/contracts/operations';
import { FLAGS_NAME } from '../../src/layout/flagsName';
import { cellOf, nameFormula, planOf, setup, eachApi } from './helpers';

const PAR = planOf('PAR');
const I = planOf('I');

/** Collects reports; next() resolves with the next one to arrive. */
function reports() {
  const all: ValidationReport[] = [];
  let waiting: ((r: ValidationReport) => void) | null = null;
  return {
    all,
    onReport(r: ValidationReport) {
      all.push(r);
      const w = waiting;
      waiting = null;
      w?.(r);
    },
    next(): Promise<ValidationReport> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no report within 2 s')), 2000);
        waiting = (r) => {
          clearTimeout(timer);
          resolve(r);
        };
      });
    },
  };
}

const codesAt = (r: ValidationReport, sheet: string, cell: string) =>
  r.findings.filter((f) => f.sheet === sheet && f.cell === cell).map((f) => f.code);

// Once at the declared minimum (ExcelApi 1.8) and once at the newest set (helpers.ts, API_SETS).
eachApi(() => {
  describe('live validation', () => {
    test('a single typed edit (with details) is re-checked and listed; nothing is written', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I', 'PAR']);
      const flags = await nameFormula(wb, PAR.name, FLAGS_NAME);
      const got = reports();
      const stop = await ops.startLiveValidation(got.onReport);
      expect(got.all).toHaveLength(1); // the first check, right away
      expect(wb.eventHandlerCount).toBeGreaterThanOrEqual(4);

      const writes = wb.stats.writeSyncs;
      const next = got.next();
      await wb.setCellFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), '1.5');
      const r = await next;
      // Scored without evidence: the evidence cell is listed; the sheet is marked only by "Kiểm tra dữ liệu".
      const evidence = cellOf(PAR, '1.1', 'evidence');
      expect(codesAt(r, PAR.name, evidence)).toContain('evidence-missing');
      expect(wb.stats.writeSyncs).toBe(writes);
      expect(await nameFormula(wb, PAR.name, FLAGS_NAME)).toBe(flags);
      // A cheap re-check: the changed cells only, in one round trip.
      expect(r.syncs).toBe(1);
      await stop();
    });

    test('a paste (no details) is re-read by its address', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I', 'PAR']);
      const got = reports();
      const stop = await ops.startLiveValidation(got.onReport);
      const next = got.next();
      await wb.pasteFromUser(I.name, cellOf(I, 'I.2', '2018'), [['1.5', 'mười']]);
      const r = await next;
      expect(codesAt(r, I.name, cellOf(I, 'I.2', '2018'))).toContain('not-whole');
      expect(codesAt(r, I.name, cellOf(I, 'I.2', '2019'))).toContain('not-a-number');
      await stop();
    });

    test('a burst of edits is checked once', async () => {
      const { wb, ops } = setup({}, { debounceMs: 50 });
      await ops.inject(['I']);
      const got = reports();
      const stop = await ops.startLiveValidation(got.onReport);
      const next = got.next();
      for (const year of ['2015', '2016', '2017']) await wb.setCellFromUser(I.name, cellOf(I, 'I.2', year), '4');
      await wb.pasteFromUser(I.name, cellOf(I, 'I.2', '2018'), [['x']]);
      const r = await next;
      expect(codesAt(r, I.name, cellOf(I, 'I.2', '2018'))).toContain('not-a-number');
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(got.all).toHaveLength(2);
      await stop();
    });

    test('an edit that raises no event is caught when the sheet is activated', async () => {
      // Some hosts send no onChanged for a drop-down pick: played by API edits that fire nothing.
      const { wb, ops } = setup({ apiEditsFireOnChanged: false });
      await ops.inject(['I', 'PAR']);
      const got = reports();
      const stop = await ops.startLiveValidation(got.onReport);
      await wb.activateFromUser(PAR.name);
      await wb.run(async (context) => {
        context.workbook.worksheets.getItem(I.name).getRange(cellOf(I, 'I.2', '2019')).values = [['bảy']];
        await context.sync();
      });
      const next = got.next();
      await wb.activateFromUser(I.name);
      const r = await next;
      expect(codesAt(r, I.name, cellOf(I, 'I.2', '2019'))).toContain('not-a-number');
      await stop();
    });

    test('stop removes the handlers: later edits are not checked', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I']);
      const before = wb.eventHandlerCount;
      const got = reports();
      const stop = await ops.startLiveValidation(got.onReport);
      expect(wb.eventHandlerCount).toBeGreaterThan(before);
      await stop();
      expect(wb.eventHandlerCount).toBe(before);
      await wb.pasteFromUser(I.name, cellOf(I, 'I.2', '2018'), [['x']]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(got.all).toHaveLength(1);
    });

    test('without ExcelApi 1.7 events: a readable error, no crash', async () => {
      const { ops } = setup({ api: '1.6' });
      await expect(ops.startLiveValidation(() => undefined)).rejects.toMatchObject({
        code: 'RequirementSetMissing',
        vi: expect.stringContaining('Kiểm tra'),
      });
    });
  });
});
