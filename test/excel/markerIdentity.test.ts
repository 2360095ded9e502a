/**
 * A template sheet is recognised by its sheet-scoped name CCHC_TEMPLATE as well as by its A1
 * marker, so one keystroke in A1 (by the official or a co-author) does not turn it into a
 * foreign sheet: "Chèn biểu mẫu" refreshes it, writes the marker back and keeps what was typed,
 * instead of creating "… (2)" beside it.
 */
import { TEMPLATE_VERSION } from '../../src/catalog';
import { MARKER_NAME, markerFor, markerNameFormula } from '../../src/layout';
import { UNPLACED_SHEET } from '../../src/excel';
import { cellOf, eachApi, nameFormula, planOf, setup } from './helpers';

const PAR = planOf('PAR');

/** A PAR sheet as one inserted before the CCHC_TEMPLATE name existed: A1 alone says what it is. */
async function parSheetWithoutName() {
  const made = setup();
  await made.ops.inject(['PAR']);
  await made.wb.run(async (context) => {
    context.workbook.worksheets.getItem(PAR.name).names.getItem(MARKER_NAME).delete();
    await context.sync();
  });
  return made;
}

eachApi(() => {
  test('insert gives every new template sheet the CCHC_TEMPLATE name, holding the same marker as A1', async () => {
    const { wb, ops } = setup();
    await ops.inject(['III', 'PAR']);
    for (const id of ['III', 'PAR'] as const) {
      const name = planOf(id).name;
      expect(await nameFormula(wb, name, MARKER_NAME)).toBe(
        markerNameFormula(id, TEMPLATE_VERSION, id === 'PAR' ? PAR.year : undefined),
      );
      expect(wb.getCell(name, 'A1').value).toBe(markerFor(id, TEMPLATE_VERSION, id === 'PAR' ? PAR.year : undefined));
    }
  });

  test('A1 typed over: the sheet is still ours, and re-inserting restores the marker and keeps the value', async () => {
    const { wb, ops, fresh } = setup();
    await ops.inject(['PAR']);
    await wb.setCellFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), '1');
    await wb.setCellFromUser(PAR.name, 'A1', 'UBND quận Ba Đình');

    // A fresh pane (nothing cached) still finds the sheet, and says what the insert will do.
    const other = fresh();
    const seen = await other.inspect();
    expect(seen.present.map((p) => p.sheet)).toEqual([PAR.name]);
    const planned = seen.plan.find((p) => p.templateId === 'PAR')!;
    expect(planned.action).toBe('refresh');
    expect(planned.detail.vi).toContain('Ô A1 (dấu nhận biết biểu mẫu)');
    expect(planned.detail.vi).toContain(UNPLACED_SHEET);

    const report = await other.inject(['PAR']);
    expect(report.created).toEqual([]);
    expect(report.refreshed).toEqual([PAR.name]);
    expect(wb.sheetNames().filter((n) => n.startsWith(PAR.name))).toEqual([PAR.name]);
    expect(wb.getCell(PAR.name, 'A1').value).toBe(markerFor('PAR', TEMPLATE_VERSION, PAR.year));
    // The value typed in A1 is kept where unplaced values go, and the score is untouched.
    expect(report.unplaced).toEqual([{ sheet: PAR.name, rowKey: '', column: 'A1', value: 'UBND quận Ba Đình' }]);
    expect(report.unplacedSheet).toBe(UNPLACED_SHEET);
    expect(wb.getCell(UNPLACED_SHEET, 'D2').value).toBe('UBND quận Ba Đình');
    expect(wb.getCell(PAR.name, cellOf(PAR, '1.1', 'score')).value).toBe(1);
    expect(report.notes?.some((n) => n.vi.includes('ô A1') && n.vi.includes('UBND quận Ba Đình'))).toBe(true);

    // Once restored, a further insert has nothing to say about A1.
    const again = await other.inject(['PAR']);
    expect(again.unplaced).toEqual([]);
    expect(again.notes?.some((n) => n.vi.includes('ô A1')) ?? false).toBe(false);
  });

  test('A1 cleared: the marker is written back, with nothing to keep', async () => {
    const { wb, ops, fresh } = setup();
    await ops.inject(['III']);
    const III = planOf('III');
    await wb.setCellFromUser(III.name, 'A1', '');
    const report = await fresh().inject(['III']);
    expect(report.created).toEqual([]);
    expect(report.unplaced).toEqual([]);
    expect(wb.getCell(III.name, 'A1').value).toBe(markerFor('III', TEMPLATE_VERSION));
    expect(report.notes?.some((n) => n.vi.includes('đã bị xóa'))).toBe(true);
  });

  test('a sheet injected before the name existed gets it on the next insert', async () => {
    const { wb, fresh } = await parSheetWithoutName();
    expect(await nameFormula(wb, PAR.name, MARKER_NAME)).toBeNull();
    await fresh().inject(['PAR']);
    expect(await nameFormula(wb, PAR.name, MARKER_NAME)).toBe(markerNameFormula('PAR', TEMPLATE_VERSION, PAR.year));
  });

  test('a sheet without the name whose A1 was typed over is not ours (A1 alone is the old identity)', async () => {
    const { wb, fresh } = await parSheetWithoutName();
    await wb.setCellFromUser(PAR.name, 'A1', 'x');
    const seen = await fresh().inspect();
    expect(seen.present).toEqual([]);
  });

  test('a foreign sheet with the same name is still left alone', async () => {
    const { wb, ops } = setup();
    await wb.run(async (context) => {
      context.workbook.worksheets.add(PAR.name);
      await context.sync();
    });
    const report = await ops.inject(['PAR']);
    expect(report.created).toEqual([`${PAR.name} (2)`]);
  });
});

describe('the official is told', () => {
  test('"Kiểm tra dữ liệu" reports the typed-over marker at A1, and checks the sheet as before', async () => {
    const { wb, ops } = setup();
    await ops.inject(['PAR']);
    // Pasted: typing it would be refused by the cell's data validation.
    await wb.pasteFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), [['9']]);
    await wb.setCellFromUser(PAR.name, 'A1', 'UBND quận Ba Đình');
    const r = await ops.validate();
    const at = (cell: string) => r.findings.filter((f) => f.sheet === PAR.name && f.cell === cell).map((f) => f.code);
    expect(at('A1')).toEqual(['marker-overwritten']);
    // Still checked as the PAR template: the score above its maximum is found.
    expect(at(cellOf(PAR, '1.1', 'score'))).toContain('par-over-max');
  });

  test('live checking reports it as soon as A1 is typed over', async () => {
    const { wb, ops } = setup();
    await ops.inject(['PAR']);
    const reports: { codes: string[] }[] = [];
    let arrived: (() => void) | null = null;
    const stop = await ops.startLiveValidation((r) => {
      reports.push({ codes: r.findings.filter((f) => f.cell === 'A1').map((f) => f.code) });
      arrived?.();
    });
    expect(reports[0].codes).toEqual([]);
    const next = new Promise<void>((resolve) => (arrived = resolve));
    await wb.setCellFromUser(PAR.name, 'A1', 'Sở Nội vụ');
    await next;
    expect(reports[reports.length - 1].codes).toEqual(['marker-overwritten']);
    await stop();
  });
});
