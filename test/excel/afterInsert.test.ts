/**
 * After "Chèn biểu mẫu" the official lands on the first new sheet with an input cell selected,
 * never on A1 (the template marker), so the first keystroke cannot break the template.
 */
import { TEMPLATE_IDS } from '../../src/catalog';
import { firstInputCell } from '../../src/excel/ops/templates';
import { defaultSheetName } from '../../src/layout';
import { eachApi, planOf, setup } from './helpers';

eachApi(() => {
  test('activates the first created sheet and selects its first input cell', async () => {
    const { wb, ops } = setup();
    const report = await ops.inject(['III', 'PAR']);
    const first = planOf('III');
    expect(report.created[0]).toBe(first.name);
    expect(wb.activeSheetName()).toBe(first.name);
    const cell = firstInputCell(first);
    expect(cell).not.toBeNull();
    expect(cell).not.toBe('A1');
    expect(wb.sheetView(first.name).selection).toBe(cell);
    // The selected cell takes input: it is one of the plan's input cells.
    const inputs = first.rows.flatMap((r) => Object.values(r.inputs).map((l) => `${l}${r.row}`));
    expect(inputs).toContain(cell);
  });

  test('every template with inputs has a first input cell below its marker', () => {
    for (const id of TEMPLATE_IDS) {
      const plan = planOf(id);
      const cell = firstInputCell(plan);
      if (plan.rows.some((r) => Object.keys(r.inputs).length > 0)) expect(cell).toMatch(/^[B-Z]+\d+$/);
      expect(plan.name).toBe(defaultSheetName(id));
    }
  });

  test('a refresh only (nothing created) leaves the official where they are', async () => {
    const { wb, ops } = setup();
    await ops.inject(['PAR']);
    await ops.goToCell('Sheet1', 'C3');
    await ops.inject(['PAR']);
    expect(wb.activeSheetName()).toBe('Sheet1');
  });
});
