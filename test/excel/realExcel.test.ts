/**
 * Issue 11, "Real Excel, not our imitation": what the adapter must survive in Excel that the
 * imitation now does too — conditional-format ids that are priorities, officials' own rules whose
 * details cannot be read, pasted cells that bring their own formats, the order a rule and the name
 * it refers to are created in, and print fitting that Excel does not apply half-given.
 */
import { parseCell } from '../../src/layout/a1';
import { FLAG_COLUMN } from '../../src/layout/flagColumn';
import { TEMPLATE_IDS } from '../../src/catalog';
import type { SheetPlan } from '../../src/layout/types';
import { API_SETS, cellOf, cellView, planOf, plannedRules, rulesOn, setup, type MemoryWorkbook } from './helpers';

const PAR = planOf('PAR');
const I = planOf('I');
const sorted = <T extends { formula?: string; range?: string }>(list: T[]) =>
  list.map((r) => `${r.range} ${r.formula}`).sort();

/** Deletes the add-in's rule with this formula and range, found by reading custom rules one by one. */
async function deleteOurRule(wb: MemoryWorkbook, sheet: string, formula: string, range: string): Promise<void> {
  const rules = await rulesOn(wb, sheet);
  const at = rules.findIndex((r) => r.formula === formula && r.range === range);
  expect(at).toBeGreaterThanOrEqual(0);
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange('A1:Z400').conditionalFormats.getItem(String(at)).delete();
    await context.sync();
  });
}

/**
 * The plan's rules, in plan order, on top of the sheet's rules: what "Chèn biểu mẫu" leaves when
 * it had to add them (cfRules.ts: nothing is deleted, the plan's first rule ends on top).
 */
async function expectPlanOnTop(wb: MemoryWorkbook, plan: SheetPlan): Promise<void> {
  const top = (await rulesOn(wb, plan.name)).slice(0, plan.conditionalFormats.length);
  expect(top.map((r) => `${r.range} ${r.formula}`)).toEqual(
    plan.conditionalFormats.map((c) => `${c.range} ${c.formula}`),
  );
}

describe.each(API_SETS)('ExcelApi %s', (api) => {
  describe('conditional-format ids are priorities', () => {
    test('a refresh after rules of ours were deleted adds the plan on top, in order, and deletes nothing', async () => {
      // A plan in which two formulas each recur on two ranges: a refresh cannot tell which rule
      // is ours by reading (cfRules.ts); the sheet's record and the counts say some are missing.
      const base = planOf('PAR');
      const [a, b] = base.conditionalFormats.filter((c) => c.purpose === 'invalid').slice(1, 3);
      const plan: SheetPlan = {
        ...base,
        conditionalFormats: [...base.conditionalFormats, { ...a, range: 'N7:N12' }, { ...b, range: 'O7:O12' }],
      };
      const { wb, ops } = setup({ api });
      await ops.injectPlans([plan]);
      expect(sorted(await rulesOn(wb, plan.name))).toEqual(sorted(plannedRules(plan)));
      await deleteOurRule(wb, plan.name, a.formula, 'N7:N12');
      await deleteOurRule(wb, plan.name, b.formula, b.range);

      const before = await rulesOn(wb, plan.name);
      const report = await ops.injectPlans([plan]);
      expect(report.refreshed).toEqual([plan.name]);
      const after = await rulesOn(wb, plan.name);
      await expectPlanOnTop(wb, plan);
      // Every rule that was there is still there, below, in its order.
      expect(after.slice(plan.conditionalFormats.length)).toEqual(before);
      // Pressed again: the record and the counts say the rules are there; nothing is added.
      await ops.injectPlans([plan]);
      expect(await rulesOn(wb, plan.name)).toEqual(after);
    });
  });

  describe("officials' own rules", () => {
    const kinds = ['ColorScale', 'DataBar', 'CellValue', 'IconSet', 'TopBottom'] as const;

    async function withUserRules() {
      const s = setup({ api });
      await s.ops.inject([...TEMPLATE_IDS]);
      const score = cellOf(PAR, '1.1', 'score');
      s.wb.addUserConditionalFormat(PAR.name, 'G7:G12', 'ColorScale');
      s.wb.addUserConditionalFormat(PAR.name, score, 'DataBar');
      s.wb.addUserConditionalFormat(PAR.name, 'D7:D12', 'CellValue');
      s.wb.addUserConditionalFormat(PAR.name, 'L7:L12', 'IconSet');
      s.wb.addUserConditionalFormat(I.name, cellOf(I, 'I.1.a', '2019'), 'TopBottom');
      s.wb.addUserConditionalFormat(I.name, 'E7:J10', 'CellValue');
      return s;
    }
    const userTypes = async (wb: MemoryWorkbook, sheet: string) =>
      (await rulesOn(wb, sheet)).map((r) => r.type).filter((t) => t !== 'Custom');

    test('inject (refresh) succeeds, keeps every user rule and restores a deleted rule of ours', async () => {
      const { wb, ops } = await withUserRules();
      const parUser = await userTypes(wb, PAR.name);
      const iUser = await userTypes(wb, I.name);
      expect(parUser).toHaveLength(4);
      expect([...parUser, ...iUser].every((t) => (kinds as readonly string[]).includes(t))).toBe(true);
      const lost = PAR.conditionalFormats[3];
      await deleteOurRule(wb, PAR.name, lost.formula, lost.range);

      const report = await ops.inject([...TEMPLATE_IDS]);
      expect(report.refreshed).toHaveLength(TEMPLATE_IDS.length);
      expect(await userTypes(wb, PAR.name)).toEqual(parUser);
      expect(await userTypes(wb, I.name)).toEqual(iUser);
      // PAR lost a rule: the plan is added on top; I lost none: its rules are as they were.
      await expectPlanOnTop(wb, PAR);
      expect(sorted((await rulesOn(wb, I.name)).filter((r) => r.type === 'Custom'))).toEqual(sorted(plannedRules(I)));
    });

    test('highlightBelowTarget succeeds, keeps the user rules and ensures the below-target rule', async () => {
      const { wb, ops } = await withUserRules();
      const parUser = await userTypes(wb, PAR.name);
      const below = PAR.conditionalFormats.find((c) => c.purpose === 'belowTarget')!;
      await deleteOurRule(wb, PAR.name, below.formula, below.range);

      const summary = await ops.highlightBelowTarget();
      expect(summary).not.toBeNull();
      expect(await userTypes(wb, PAR.name)).toEqual(parUser);
      const ours = (await rulesOn(wb, PAR.name)).filter((r) => r.formula === below.formula);
      expect(ours).toEqual([{ type: 'Custom', formula: below.formula, range: below.range }]);
      // Pressed again: the rule is there, nothing is added.
      await ops.highlightBelowTarget();
      expect((await rulesOn(wb, PAR.name)).filter((r) => r.formula === below.formula)).toHaveLength(1);
    });
  });

  describe('paste of copied cells', () => {
    /** A foreign sheet whose cells carry a text format and no validation or rules. */
    async function foreign(wb: MemoryWorkbook): Promise<void> {
      await wb.run(async (context) => {
        const ws = context.workbook.worksheets.add('Nguồn');
        const r = ws.getRange('A1:A2');
        r.numberFormat = [['@'], ['@']];
        r.values = [['9'], ['-3']];
        r.format.fill.color = '#00B0F0';
        await context.sync();
      });
    }

    test('validate still catches bad values pasted with foreign formats', async () => {
      const { wb, ops } = setup({ api });
      await ops.inject(['PAR']);
      await foreign(wb);
      const target = cellOf(PAR, '1.2', 'score');
      await wb.pasteCopiedCellsFromUser('Nguồn', 'A1', PAR.name, target);
      expect(wb.getCell(PAR.name, target).hasValidation).toBe(false);
      const report = await ops.validate();
      expect(report.findings.some((f) => f.sheet === PAR.name && f.cell === target && f.severity === 'error')).toBe(
        true,
      );
    });

    test('"Chèn biểu mẫu" restores the validation, number format, fill and rules the paste replaced', async () => {
      const { wb, ops } = setup({ api });
      await ops.inject(['PAR']);
      await foreign(wb);
      const target = cellOf(PAR, '1.2', 'score');
      const was = cellView(wb, PAR.name, target);
      await wb.pasteCopiedCellsFromUser('Nguồn', 'A1:A2', PAR.name, target);
      expect(wb.getCell(PAR.name, target).numberFormat).toBe('@');

      await ops.inject(['PAR']);
      const now = cellView(wb, PAR.name, target);
      expect(now.hasValidation).toBe(true);
      expect(now.numberFormat).toBe(was.numberFormat);
      expect(now.fill).toBe(was.fill);
      await expectPlanOnTop(wb, PAR);
      // The restored 'invalid' rule sees the pasted value (9 is over the row's maximum).
      await wb.setCellFromUser(PAR.name, target, '9');
      const invalid = PAR.conditionalFormats.find((c) => c.purpose === 'invalid')!.format.fill;
      expect(wb.evaluateConditionalFormats(PAR.name).get(target)?.fill).toBe(invalid);
    });
  });

  describe('order of creation', () => {
    test('a refresh puts back a deleted marks rule, which reads the hidden column U', async () => {
      const { wb, ops } = setup({ api });
      await ops.inject(['I']);
      const flagged = I.conditionalFormats.find((c) => c.purpose === 'flagged')!;
      await deleteOurRule(wb, I.name, flagged.formula, flagged.range);
      await ops.inject(['I']);
      await expectPlanOnTop(wb, I);
      // The rule reads the row's text in column U: a cell listed there gets the flagged fill.
      const cell = cellOf(I, 'I.1', '2018');
      const { row, col } = parseCell(cell);
      await wb.run(async (context) => {
        context.workbook.worksheets.getItem(I.name).getRange(`${FLAG_COLUMN}${row}`).values = [[`|${col}|`]];
        await context.sync();
      });
      expect(wb.evaluateConditionalFormats(I.name).get(cell)?.fill).toBe(flagged.format.fill);
    });
  });
});

describe('print setup (ExcelApi 1.9)', () => {
  test.each(['1.9', '1.17'])('at %s the width is fitted to one page, as Excel applies it', async (api) => {
    const { wb, ops } = setup({ api });
    await ops.inject(['PAR', 'I']);
    for (const plan of [PAR, I]) {
      expect(plan.print.fitToWidth).toBe(true);
      const zoom = await wb.run(async (context) => {
        const layout = context.workbook.worksheets.getItem(plan.name).pageLayout;
        layout.load('zoom');
        await context.sync();
        return layout.zoom;
      });
      expect(zoom.horizontalFitToPages).toBe(1);
      expect(zoom.scale).toBeUndefined();
    }
  });
});
