import { TEMPLATE_IDS } from '../../src/catalog';
import { ExcelOperationError } from '../../src/excel';
import { FLAGS_NAME } from '../../src/layout/flagsName';
import { defaultSheetName } from '../../src/layout';
import { RULES_NAME } from '../../src/layout/ruleRecord';
import { FLAGGED_FORMULA as LEGACY_FLAGGED_FORMULA } from '../../src/layout/flagsName';
import type { ConditionalPurpose, SheetPlan } from '../../src/layout/types';
import {
  cellOf,
  helperMarks,
  nameFormula,
  planOf,
  plannedRules,
  rulesOn,
  setup,
  eachApi,
  type MemoryWorkbook,
} from './helpers';

type CfFormat = { fill?: string; fontColor?: string; bold?: boolean };

const PAR = planOf('PAR');
const I = planOf('I');

/** A planned rule's format, as the memory workbook reports a cell it colours. */
function formatOf(plan: SheetPlan, purpose: ConditionalPurpose): CfFormat {
  return { ...plan.conditionalFormats.find((c) => c.purpose === purpose)!.format };
}

const sortRules = (rules: { formula?: string; range?: string }[]) => rules.map((r) => `${r.formula}|${r.range}`).sort();

/**
 * The rules of a sheet inserted by an earlier version: the marks read from the CCHC_FLAGS list
 * (an array constant) by one 'flagged' rule, in its former colour, no 'flaggedWarning' rule, and
 * a CCHC_RULES record of that version (no ":U" ending).
 */
async function makeOldFlagRules(wb: MemoryWorkbook, sheet: string, old: CfFormat): Promise<void> {
  await wb.run(async (context) => {
    const cfs = context.workbook.worksheets.getItem(sheet).getRange('A1:Z400').conditionalFormats;
    cfs.load('items/id,items/type');
    await context.sync();
    const rules = cfs.items.map((item) => {
      const rule = cfs.getItem(item.id).custom.rule;
      rule.load('formula');
      return { id: item.id, rule };
    });
    await context.sync();
    const purpose = (p: ConditionalPurpose) => I.conditionalFormats.find((c) => c.purpose === p)!.formula;
    const warning = rules.find((r) => r.rule.formula === purpose('flaggedWarning'))!;
    const flagged = rules.find((r) => r.rule.formula === purpose('flagged'))!;
    flagged.rule.formula = LEGACY_FLAGGED_FORMULA;
    const format = cfs.getItem(flagged.id).custom.format;
    format.fill.color = old.fill!;
    format.font.color = old.fontColor!;
    context.workbook.worksheets.getItem(sheet).names.getItem(RULES_NAME).formula = '="24:0ldv3r"';
    // Deleted last: deleting renumbers the rules below it.
    cfs.getItem(warning.id).delete();
    await context.sync();
  });
}

async function filled() {
  const s = setup();
  await s.ops.inject([...TEMPLATE_IDS]);
  // Pasted (data validation does not stop a paste): a decimal count, text, a comma decimal, a score over its maximum.
  await s.wb.pasteFromUser(I.name, cellOf(I, 'I.1.a', '2019'), [['1.234', 'abc']]);
  await s.wb.pasteFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), [['0,5']]);
  await s.wb.pasteFromUser(PAR.name, cellOf(PAR, '1.2', 'score'), [['9']]);
  return s;
}

// Once at the declared minimum (ExcelApi 1.8) and once at the newest set (helpers.ts, API_SETS).
eachApi(() => {
  describe('validate in place', () => {
    test("marks a broken sum with the 'flaggedWarning' format over the sheet's own mark, which stays when the check's marks go", async () => {
      const { wb, ops } = setup();
      await ops.inject(['I']);
      // Every value is a valid count, so the 'invalid' rule stays quiet; the sheet's 'sumMismatch' rule and the engine see 5 ≠ 2 + 2.
      await wb.pasteFromUser(I.name, cellOf(I, 'I.1', '2018'), [['5']]);
      await wb.pasteFromUser(I.name, cellOf(I, 'I.1.a', '2018'), [['2']]);
      await wb.pasteFromUser(I.name, cellOf(I, 'I.1.b', '2018'), [['2']]);
      const report = await ops.validate();
      const mismatch = report.findings.find((f) => f.code === 'sum-mismatch');
      expect(mismatch).toMatchObject({ sheet: I.name, severity: 'warning' });
      expect(wb.evaluateConditionalFormats(I.name).get(mismatch!.cell)).toEqual(formatOf(I, 'flaggedWarning'));
      await ops.removeMarks();
      expect(wb.evaluateConditionalFormats(I.name).get(mismatch!.cell)).toEqual(formatOf(I, 'sumMismatch'));
    });

    test('errors are marked red and warnings orange, each in its own colour, as the pane lists them', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I']);
      const total = cellOf(I, 'I.1', '2018');
      const wrong = cellOf(I, 'I.1.a', '2019');
      await wb.pasteFromUser(I.name, total, [['5']]);
      await wb.pasteFromUser(I.name, cellOf(I, 'I.1.a', '2018'), [['2']]);
      await wb.pasteFromUser(I.name, cellOf(I, 'I.1.b', '2018'), [['2']]);
      await wb.pasteFromUser(I.name, wrong, [['abc']]);
      const report = await ops.validate();
      const at = (cell: string) => report.findings.filter((f) => f.cell === cell).map((f) => f.severity);
      expect(at(total)).toEqual(['warning']);
      expect(at(wrong)).toEqual(['error']);
      // One range write into the hidden column U: the warning's cell with its prefix, the error's plain;
      // the earlier version's list stays empty.
      expect(await helperMarks(wb, I.name)).toEqual([`w:${total}`, wrong]);
      expect(await nameFormula(wb, I.name, FLAGS_NAME)).toBe('={""}');
      const painted = wb.evaluateConditionalFormats(I.name);
      expect(painted.get(total)).toEqual(formatOf(I, 'flaggedWarning'));
      // The live 'invalid' rule comes first and colours the wrong value red; the check's mark adds bold.
      expect(painted.get(wrong)).toEqual({ ...formatOf(I, 'invalid'), bold: true });
      // Typed right with live checking off, the value leaves the live rule; the check's red mark
      // stays until the next check.
      await wb.setCellFromUser(I.name, wrong, '3');
      expect(wb.evaluateConditionalFormats(I.name).get(wrong)).toEqual(formatOf(I, 'flagged'));
      await ops.validate();
      expect(wb.evaluateConditionalFormats(I.name).get(wrong)).toBeUndefined();
      expect(wb.evaluateConditionalFormats(I.name).get(total)).toEqual(formatOf(I, 'flaggedWarning'));
    });

    test('a sheet inserted before warnings had their colour keeps every mark, and "Chèn biểu mẫu" brings the colours', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I']);
      const OLD = { fill: '#F8CBAD', fontColor: '#833C0B', bold: true };
      await makeOldFlagRules(wb, I.name, OLD);
      const total = cellOf(I, 'I.1', '2018');
      await wb.pasteFromUser(I.name, total, [['5']]);
      await wb.pasteFromUser(I.name, cellOf(I, 'I.1.a', '2018'), [['2']]);
      await wb.pasteFromUser(I.name, cellOf(I, 'I.1.b', '2018'), [['2']]);
      await ops.validate();
      // The old rule matches the plain entry of the list it reads: the warning is marked, in the
      // old single colour, and nothing is written into column U of a sheet that has no rule reading it.
      expect(await nameFormula(wb, I.name, FLAGS_NAME)).toBe(`={"${total}","w:${total}"}`);
      expect(await helperMarks(wb, I.name)).toEqual([]);
      expect(wb.evaluateConditionalFormats(I.name).get(total)).toEqual(OLD);
      // Inserting again finds a rule missing: the plan's rules are added on top of the old ones
      // (nothing is deleted: cfRules.ts), and, first where both colour a cell, they win.
      const before = await rulesOn(wb, I.name);
      const again = await ops.inject(['I']);
      expect(again.refreshed).toEqual([I.name]);
      const after = await rulesOn(wb, I.name);
      expect(sortRules(after.slice(0, I.conditionalFormats.length))).toEqual(sortRules(plannedRules(I)));
      expect(after.slice(I.conditionalFormats.length)).toEqual(before);
      // Until the check is pressed again the old list stays: the template's own sum rule, now on
      // top, colours the cell, the old rule still adds its bold. Pressed, the marks move to column
      // U, and the list the old rule reads is emptied, so that no stale mark of it shows.
      expect(wb.evaluateConditionalFormats(I.name).get(total)).toEqual({ ...formatOf(I, 'sumMismatch'), bold: true });
      await ops.validate();
      expect(await helperMarks(wb, I.name)).toEqual([`w:${total}`]);
      expect(await nameFormula(wb, I.name, FLAGS_NAME)).toBe('={""}');
      expect(wb.evaluateConditionalFormats(I.name).get(total)).toEqual(formatOf(I, 'flaggedWarning'));
    });

    test('returns findings and marks their cells through the hidden column U', async () => {
      const { wb, ops } = await filled();
      const report = await ops.validate();
      const at = (sheet: string, cell: string) =>
        report.findings.filter((f) => f.sheet === sheet && f.cell === cell).map((f) => f.code);
      expect(at(I.name, cellOf(I, 'I.1.a', '2019'))).toContain('not-whole');
      expect(at(I.name, cellOf(I, 'I.1.a', '2020'))).toContain('not-a-number');
      expect(at(PAR.name, cellOf(PAR, '1.1', 'score'))).toContain('decimal-comma');
      expect(at(PAR.name, cellOf(PAR, '1.2', 'score'))).toContain('par-over-max');
      expect(report.counts.error).toBeGreaterThanOrEqual(3);
      expect(report.counts.error + report.counts.warning + report.counts.info).toBe(report.findings.length);
      expect(report.cellsFilled).toBeGreaterThanOrEqual(4);
      expect(report.cellsChecked).toBeGreaterThan(report.cellsFilled);
      expect(report.syncs).toBeLessThanOrEqual(2);

      expect(await helperMarks(wb, I.name)).toEqual([cellOf(I, 'I.1.a', '2019'), cellOf(I, 'I.1.a', '2020')]);
      // Marked red or orange, whichever their findings' severity.
      const parFlags = (await helperMarks(wb, PAR.name)).map((m) => m.replace(/^w:/, ''));
      expect(parFlags).toContain(cellOf(PAR, '1.1', 'score'));
      expect(parFlags).toContain(cellOf(PAR, '1.2', 'score'));
      expect(await helperMarks(wb, defaultSheetName('II'))).toEqual([]);
      // Both the 'invalid' and the 'flagged' rule match this cell; 'invalid' comes first in the plan,
      // so its fill wins, as in Excel. A cell with no finding stays unpainted.
      const invalidFill = I.conditionalFormats.find((c) => c.purpose === 'invalid')!.format.fill;
      const flaggedFill = I.conditionalFormats.find((c) => c.purpose === 'flagged')!.format.fill;
      expect(invalidFill).not.toBe(flaggedFill);
      const painted = wb.evaluateConditionalFormats(I.name);
      expect(painted.get(cellOf(I, 'I.1.a', '2019'))?.fill).toBe(invalidFill);
      expect(painted.get(cellOf(I, 'I.1.b', '2019'))?.fill).toBeUndefined();
    });

    test('validating again with nothing changed writes nothing', async () => {
      const { wb, ops } = await filled();
      await ops.validate();
      wb.resetStats();
      const again = await ops.validate();
      expect(again.syncs).toBe(1);
      expect(wb.stats().syncs).toBe(1);
    });

    test('remove marks empties every helper column, values and templates stay', async () => {
      const { wb, ops } = await filled();
      await ops.validate();
      await ops.removeMarks();
      for (const id of TEMPLATE_IDS) expect(await helperMarks(wb, defaultSheetName(id))).toEqual([]);
      expect(wb.getCell(I.name, cellOf(I, 'I.1.a', '2020')).value).toBe('abc');
      const painted = wb.evaluateConditionalFormats(I.name);
      const flaggedFill = I.conditionalFormats.find((c) => c.purpose === 'flagged')!.format.fill;
      expect([...painted.values()].some((f) => f.fill === flaggedFill)).toBe(false);
    });
  });

  describe('fixes', () => {
    test('one fix: written, its mark removed, the others kept', async () => {
      const { wb, ops } = await filled();
      const report = await ops.validate();
      const comma = report.findings.find((f) => f.code === 'decimal-comma')!;
      expect(comma.fix?.value).toBe(0.5);
      const result = await ops.applyFixes([comma]);
      expect(result).toMatchObject({ applied: 1, skipped: [] });
      expect(result.syncs).toBe(2);
      expect(wb.getCell(PAR.name, comma.cell).value).toBe(0.5);
      const flags = await helperMarks(wb, PAR.name);
      expect(flags).not.toContain(comma.cell);
      expect(flags).toContain(cellOf(PAR, '1.2', 'score'));
    });

    test('all fixable ones at once; the rest skipped with a reason', async () => {
      const { wb, ops } = await filled();
      const report = await ops.validate();
      const result = await ops.applyFixes(report.findings);
      const fixable = report.findings.filter((f) => f.fix);
      expect(result.applied).toBe(new Set(fixable.map((f) => `${f.sheet}!${f.cell}`)).size);
      expect(result.applied).toBeGreaterThanOrEqual(1);
      expect(result.skipped.length).toBe(report.findings.length - result.applied);
      for (const s of result.skipped) {
        expect(s.reason.vi.length).toBeGreaterThan(10);
        expect(s.reason.en.length).toBeGreaterThan(10);
      }
      expect(wb.getCell(PAR.name, cellOf(PAR, '1.1', 'score')).value).toBe(0.5);
      const after = await ops.validate();
      expect(after.findings.filter((f) => f.fix && f.code === 'decimal-comma')).toEqual([]);
    });

    test('"Sửa tất cả" never writes an assessment: the suggestion is applied alone, on request', async () => {
      const { wb, ops } = setup();
      await ops.inject(['VII', 'VIII']);
      const VII = planOf('VII');
      const VIII = planOf('VIII');
      const assessment = cellOf(VIII, 'VIII.8', 'assessment');
      // 72 % on time in 2019: goal 8 (≥ 90 %) is not met; the official has not assessed it.
      await wb.pasteFromUser(VII.name, cellOf(VII, 'VII.1', '2019'), [['72%']]);
      const report = await ops.validate();
      const suggested = report.findings.find((f) => f.cell === assessment && f.code === 'goal-suggestion')!;
      expect(suggested.fix).toBeUndefined();
      expect(suggested.suggestion?.value).toBe('Không đạt');
      const result = await ops.applyFixes(report.findings);
      expect(result.applied).toBe(0);
      expect(result.skipped.find((x) => x.finding === suggested)?.reason.en).toMatch(/suggestion/);
      expect(wb.getCell(VIII.name, assessment).value).toBe('');
      expect((await ops.applySuggestion(suggested)).applied).toBe(1);
      expect(wb.getCell(VIII.name, assessment).value).toBe('Không đạt');
    });

    test('a restored formula and 85 read as 85 % are suggestions, not fixes', async () => {
      const { wb, ops } = setup();
      await ops.inject(['VII', 'PAR']);
      const VII = planOf('VII');
      const percent = cellOf(VII, 'VII.1', '2020');
      const parent = cellOf(PAR, '1', 'score');
      await wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(VII.name).getRange(percent).values = [[85]];
        ctx.workbook.worksheets.getItem(PAR.name).getRange(parent).values = [[8.3]];
        await ctx.sync();
      });
      const report = await ops.validate();
      const at = (sheet: string, cell: string) => report.findings.find((f) => f.sheet === sheet && f.cell === cell)!;
      expect(at(VII.name, percent)).toMatchObject({ code: 'percent-over-one', suggestion: { value: 0.85 } });
      expect(at(PAR.name, parent)).toMatchObject({ code: 'formula-overwritten' });
      expect(at(VII.name, percent).fix).toBeUndefined();
      expect(at(PAR.name, parent).fix).toBeUndefined();
      await ops.applyFixes(report.findings);
      expect(wb.getCell(VII.name, percent).value).toBe(85);
      expect(wb.getCell(PAR.name, parent).value).toBe(8.3);
    });

    test('a fix writing text that starts like a formula ("- không có") writes it as text', async () => {
      const { wb, ops } = setup();
      await ops.inject(['PAR']);
      const evidence = cellOf(PAR, '1.1', 'evidence');
      // The official set the cell to General and typed a formula giving text.
      await wb.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(PAR.name).getRange(evidence).numberFormat = [['General']];
        await ctx.sync();
      });
      await wb.setCellFromUser(PAR.name, evidence, '="- không có"');
      const report = await ops.validate();
      const f = report.findings.find((x) => x.cell === evidence && x.code === 'formula-in-input')!;
      expect(f.fix?.value).toBe('- không có');
      expect((await ops.applyFixes([f])).applied).toBe(1);
      expect(wb.getCell(PAR.name, evidence)).toMatchObject({ value: '- không có' });
      expect(wb.getCell(PAR.name, evidence).formula ?? '').not.toMatch(/^=/);
    });

    test('a cell a co-author changed since validation is skipped, not overwritten', async () => {
      const { wb, ops } = await filled();
      const report = await ops.validate();
      const comma = report.findings.find((f) => f.code === 'decimal-comma')!;
      await wb.setCellFromUser(PAR.name, comma.cell, '0.25');
      const result = await ops.applyFixes([comma]);
      expect(result.applied).toBe(0);
      expect(result.skipped).toHaveLength(1);
      expect(result.skipped[0].reason.en).toMatch(/changed after validation/);
      expect(wb.getCell(PAR.name, comma.cell).value).toBe(0.25);
    });
  });

  describe('navigation and progress', () => {
    test('goToCell activates the sheet and selects the cell in one round trip', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I', 'PAR']);
      wb.resetStats();
      await ops.goToCell(PAR.name, 'G9');
      expect(wb.activeSheetName()).toBe(PAR.name);
      expect(wb.sheetView(PAR.name).selection).toBe('G9');
      expect(wb.stats().syncs).toBe(1);
    });

    test('unitProgress: the unit’s rows, cells filled, next empty cell', async () => {
      const { wb, ops } = setup();
      await ops.inject(['I', 'PAR']);
      const snv = await ops.unitProgress('SNV');
      const keys = snv.rows.map((r) => `${r.sheet}|${r.rowKey}`);
      expect(keys).toContain(`${I.name}|I.2`);
      expect(keys).toContain(`${PAR.name}|1.1`);
      expect(keys).not.toContain(`${I.name}|I.3.a`); // Sở TT&TT's row
      expect(snv.filled).toBe(0);
      expect(snv.nextEmpty).toEqual({ sheet: I.name, cell: cellOf(I, snv.rows[0].rowKey, '2015') });

      await wb.setCellFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), '1.5');
      const after = await ops.unitProgress('SNV');
      const row = after.rows.find((r) => r.rowKey === '1.1')!;
      expect(row).toMatchObject({ cells: 2, filled: 1, firstEmpty: cellOf(PAR, '1.1', 'evidence') });
      expect(after.filled).toBe(1);
      expect(after.cells).toBe(snv.cells);
    });

    test('unitProgress finds rows by key only: a row whose key is gone is missing, not read at its planned place', async () => {
      const { wb, ops } = setup();
      await ops.inject(['PAR']);
      const score = cellOf(PAR, '1.1', 'score');
      await wb.setCellFromUser(PAR.name, score, '1.5');
      const row = Number(score.replace(/^[A-Z]+/, ''));
      // The key typed over: the old fallback counted the planned row's 1.5 as the unit's filled cell.
      await wb.setCellFromUser(PAR.name, `A${row}`, 'ghi chú');
      const snv = await ops.unitProgress('SNV');
      expect(snv.rows.map((r) => r.rowKey)).not.toContain('1.1');
      expect(snv.missingRows).toEqual([{ sheet: PAR.name, rowKey: '1.1', label: expect.any(String) }]);
      expect(snv.filled).toBe(0);
    });

    test('unitProgress: a cell holding only spaces is not filled (the engine’s isBlank, as for evidence)', async () => {
      const { wb, ops } = setup();
      await ops.inject(['PAR']);
      const evidence = cellOf(PAR, '1.1', 'evidence');
      await wb.setCellFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), '1.5');
      await wb.setCellFromUser(PAR.name, evidence, '   ');
      const row = (await ops.unitProgress('SNV')).rows.find((r) => r.rowKey === '1.1')!;
      expect(row).toMatchObject({ cells: 2, filled: 1, firstEmpty: evidence });
    });
  });

  describe('errors from Excel', () => {
    test('become readable, bilingual errors with their code; nothing swallowed', async () => {
      const { ops } = setup();
      await ops.inject(['I']);
      const failure = ops.goToCell('Không có trang này', 'A1');
      await expect(failure).rejects.toBeInstanceOf(ExcelOperationError);
      await expect(failure).rejects.toMatchObject({ code: 'ItemNotFound' });
      const e = (await failure.catch((x: unknown) => x)) as ExcelOperationError;
      expect(e.vi).toMatch(/Không tìm thấy/);
      expect(e.en).toMatch(/not found/);
      expect(e.message).toContain(e.vi);
    });

    test('an invalid address is an InvalidArgument with advice', async () => {
      const { ops } = setup();
      await ops.inject(['I']);
      await expect(ops.goToCell(I.name, 'not a cell')).rejects.toMatchObject({ code: 'InvalidArgument' });
    });

    test('cell edit mode: the advice says how to leave it', async () => {
      const { wb } = setup();
      const { createExcelOperations } = await import('../../src/excel');
      // Excel rejects every request while a cell is being edited; played here by the run function.
      const ops = createExcelOperations({
        run: () =>
          Promise.reject(
            Object.assign(new Error('Excel is in cell-editing mode.'), { code: 'InvalidOperationInCellEditMode' }),
          ),
        requirements: { isSetSupported: (n, v) => wb.isSetSupported(n, v) },
      });
      await expect(ops.validate()).rejects.toMatchObject({
        code: 'InvalidOperationInCellEditMode',
        vi: expect.stringContaining('Thoát chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại'),
      });
    });
  });
});
