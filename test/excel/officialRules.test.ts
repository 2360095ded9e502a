/**
 * Issue 18, item 6: an official's own conditional formats, of every type their Excel makes, on a
 * template sheet survive every button, and the add-in never reads one (office-js #6835, #6827:
 * the details of a rule made in the UI cannot be read; the imitation fails the request that
 * tries) nor depends on priorities read in an earlier round trip (a co-author adding a rule in
 * between renumbers them).
 */
import { USER_RULE_TYPES } from '../../src/memoryExcel/userRules';
import { cellOf, eachApi, planOf, rulesOn, setup, type MemoryWorkbook } from './helpers';

const PAR = planOf('PAR');

/** One rule of each type an official can make, over the PAR sheet's score and evidence columns. */
function addOfficialRules(wb: MemoryWorkbook): void {
  USER_RULE_TYPES.forEach((type, i) => wb.addUserConditionalFormat(PAR.name, i % 2 ? 'G7:G12' : 'L7:L20', type));
}

/** Deletes a rule of ours by its priority among the rules over A1:Z400, read in the same request. */
async function deleteOurRuleAt(wb: MemoryWorkbook, index: number): Promise<void> {
  await wb.run(async (context) => {
    context.workbook.worksheets.getItem(PAR.name).getRange('A1:Z400').conditionalFormats.getItemAt(index).delete();
    await context.sync();
  });
}

eachApi((api) => {
  test("an official's rules of every type survive each button, none of them read", async () => {
    const { wb, ops } = setup({ api });
    await ops.inject(['PAR', 'I']);
    addOfficialRules(wb);
    const theirs = wb.userConditionalFormats(PAR.name);
    expect(theirs.map((r) => r.type).sort()).toEqual([...USER_RULE_TYPES].sort());
    await wb.pasteFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), [['0,5']]);

    const buttons: [string, () => Promise<unknown>][] = [
      ['inject', () => ops.inject(['PAR', 'I'])],
      ['subtotals', () => ops.subtotals(true)],
      ['highlightBelowTarget', () => ops.highlightBelowTarget()],
      ['validate', () => ops.validate()],
      ['applyFixes', async () => ops.applyFixes((await ops.validate()).findings)],
      ['removeMarks', () => ops.removeMarks()],
      ['inject again', () => ops.inject(['PAR'])],
    ];
    for (const [name, press] of buttons) {
      await expect(press().then(() => name)).resolves.toBe(name);
      expect({ name, rules: wb.userConditionalFormats(PAR.name) }).toEqual({ name, rules: theirs });
    }
  });

  test.each([0, 1, 2, 3])(
    'a rule of ours deleted, a co-author adding a rule before round trip %i of "Chèn biểu mẫu": no official rule is deleted',
    async (boundary) => {
      const { wb, ops } = setup({ api });
      await ops.inject(['PAR']);
      // Below every rule of ours: the first of the official's rules.
      wb.addUserConditionalFormat(PAR.name, 'G7:G12', 'CellValue');
      wb.addUserConditionalFormat(PAR.name, 'L7:L12', 'DataBar');
      // A rule of ours goes (the official cleared it in Excel): the button must add it back.
      await deleteOurRuleAt(wb, 5);
      const coauthor = wb.coauthor({ user: 'Đồng tác giả' });
      const base = wb.stats.syncs;
      let added = false;
      wb.shared.betweenSyncs(({ client, syncs }) => {
        if (client === wb && syncs === base + boundary && !added) {
          coauthor.addUserConditionalFormat(PAR.name, 'D7:D12', 'ColorScale');
          added = true;
        }
      });
      await ops.inject(['PAR']);
      wb.shared.betweenSyncs(null);
      const types = wb.userConditionalFormats(PAR.name).map((r) => r.type);
      // Theirs, all of them, the co-author's included when it came before the last round trip.
      expect(types.filter((t) => t !== 'ColorScale')).toEqual(['DataBar', 'CellValue']);
      expect(types.filter((t) => t === 'ColorScale')).toHaveLength(added ? 1 : 0);
      // And ours, the plan's, on top of them.
      const top = (await rulesOn(wb, PAR.name, 'G7')).filter((r) => r.type === 'Custom' && r.formula);
      expect(top.length).toBeGreaterThan(0);
    },
  );
});
