/**
 * Live checking beside what officials really do (issue 18): typing into the next cell while a
 * check is due, their Ctrl+Z, a co-author deleting, renaming or inserting sheets, a protected
 * sheet. It only reads, follows sheets by id, and no edit goes unchecked.
 */
import type { ValidationReport } from '../../src/contracts/operations';
import { OLD_VERSION, olderPlan, opsFor } from './coauthoringScenarios';
import { API_SETS, cellOf, helperMarks, planOf, setup, type MemoryWorkbook } from './helpers';

const I = planOf('I');
const II = planOf('II');
const PAR = planOf('PAR');
const VII = planOf('VII');
const VIII = planOf('VIII');

/** Lets debounced checks, retries and event deliveries finish. */
async function settle(wb: MemoryWorkbook, rounds = 4) {
  for (let i = 0; i < rounds; i++) {
    await wb.shared.whenIdle();
    await new Promise((r) => setTimeout(r, 30));
  }
}

async function livePane(wb: MemoryWorkbook, ops = opsFor(wb)) {
  const reports: ValidationReport[] = [];
  const errors: unknown[] = [];
  const stop = await ops.startLiveValidation(
    (r) => reports.push(r),
    (e) => errors.push(e),
  );
  return { ops, reports, errors, stop, last: () => reports[reports.length - 1] };
}

const codesAt = (r: ValidationReport, sheet: string, cell: string) =>
  r.findings.filter((f) => f.sheet === sheet && f.cell === cell).map((f) => f.code);

describe.each(API_SETS)('ExcelApi %s', (api) => {
  test('an edit checked while the official is typing in another cell is checked once they press Enter, without an error', async () => {
    const { wb, ops } = setup({ api });
    await ops.inject(['I']);
    const pane = await livePane(wb, ops);
    const bad = cellOf(I, 'I.2', '2018');
    await wb.pasteFromUser(I.name, bad, [['x']]);
    // At once the official starts typing the next value: the check is due meanwhile.
    wb.beginCellEditFromUser(I.name, cellOf(I, 'I.2', '2019'));
    await new Promise((r) => setTimeout(r, 80));
    expect(pane.errors).toEqual([]);
    await wb.endCellEditFromUser('5');
    await settle(wb);
    expect(pane.errors).toEqual([]);
    expect(codesAt(pane.last(), I.name, bad)).toContain('not-a-number');
    await pane.stop();
  });

  test('a co-author deletes sheet VIII: no error, its findings go with a note, later local edits are checked', async () => {
    const { wb, ops } = setup({ api });
    await ops.inject(['VII', 'VIII']);
    await wb.setCellFromUser(VIII.name, cellOf(VIII, 'VIII.8', 'assessment'), 'Đạt');
    const other = wb.coauthor({ user: 'Đồng tác giả' });
    const pane = await livePane(wb);
    await other.deleteSheetFromUser(VIII.name);
    await settle(wb);
    const bad = cellOf(VII, 'VII.2', '2019');
    await wb.pasteFromUser(VII.name, bad, [['x']]);
    await settle(wb);
    expect(pane.errors).toEqual([]);
    const last = pane.last();
    expect(codesAt(last, VII.name, bad).length).toBeGreaterThan(0);
    expect(last.findings.filter((f) => f.sheet === VIII.name)).toEqual([]);
    expect(last.notes?.some((n) => n.vi.includes(`“${VIII.name}” đã bị xóa`))).toBe(true);
    await pane.stop();
  });

  test('a deletion whose event arrives after the next local check: the check drops the sheet and goes on', async () => {
    const { wb, ops } = setup({ api, remoteDelayMs: 300 });
    await ops.inject(['VII', 'VIII']);
    const other = wb.coauthor({ user: 'Đồng tác giả' });
    const pane = await livePane(wb);
    // An edit of VIII by this user, pending, and the co-author's deletion landing before its check.
    await wb.pasteFromUser(VIII.name, cellOf(VIII, 'VIII.8', 'assessment'), [['Đạt']]);
    await other.deleteSheetFromUser(VIII.name);
    const bad = cellOf(VII, 'VII.2', '2019');
    await wb.pasteFromUser(VII.name, bad, [['x']]);
    await settle(wb, 12);
    expect(pane.errors).toEqual([]);
    expect(codesAt(pane.last(), VII.name, bad).length).toBeGreaterThan(0);
    expect(pane.last().findings.filter((f) => f.sheet === VIII.name)).toEqual([]);
    await pane.stop();
  });

  test('a co-author renames sheet I: findings, "Đi tới ô" and "Sửa" use the name it has now', async () => {
    const { wb, ops } = setup({ api });
    await ops.inject(['I']);
    const other = wb.coauthor({ user: 'Đồng tác giả' });
    const pane = await livePane(wb);
    const renamed = 'Phụ lục I (sửa)';
    await other.renameSheetFromUser(I.name, renamed);
    await settle(wb);
    const bad = cellOf(I, 'I.2', '2018');
    await wb.pasteFromUser(renamed, bad, [['x']]);
    await settle(wb);
    expect(pane.errors).toEqual([]);
    const last = pane.last();
    expect(codesAt(last, renamed, bad)).toContain('not-a-number');
    expect(last.findings.filter((f) => f.sheet === I.name)).toEqual([]);
    await pane.ops.goToCell(last.findings[0].sheet, last.findings[0].cell);
    expect(wb.activeSheetName()).toBe(renamed);
    await pane.stop();
  });

  test('a template sheet a co-author inserts after live checking started is watched', async () => {
    const { wb, ops } = setup({ api });
    await ops.inject(['I']);
    const other = wb.coauthor({ user: 'Đồng tác giả' });
    const pane = await livePane(wb);
    await opsFor(other).inject(['II']);
    await settle(wb);
    const cell = cellOf(II, 'II.1', '2015');
    await wb.pasteFromUser(II.name, cell, [['x']]);
    await settle(wb);
    expect(pane.errors).toEqual([]);
    expect(codesAt(pane.last(), II.name, cell).length).toBeGreaterThan(0);
    await pane.stop();
  });

  test.each([
    ['Office says the user may edit', true],
    ['Office says nothing', false],
  ])('a protected sheet is named, the others still marked, the session not view-only (%s)', async (_, told) => {
    const { wb, ops: plain } = setup({ api });
    const ops = told ? opsFor(wb) : plain;
    await ops.inject(['PAR', 'I']);
    await wb.pasteFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), [['9']]);
    const parent = cellOf(PAR, '1', 'score');
    await wb.pasteFromUser(PAR.name, parent, [['8.3']]);
    const bad = cellOf(I, 'I.2', '2018');
    await wb.pasteFromUser(I.name, bad, [['x']]);
    wb.protectSheetFromUser(PAR.name);

    const v = await ops.validate();
    expect(v.notes?.some((n) => n.vi.includes(`“${PAR.name}” đang được bảo vệ`))).toBe(true);
    expect(v.notes?.some((n) => n.vi.includes('chỉ có quyền xem'))).toBe(false);
    expect(await helperMarks(wb, I.name)).toContain(bad);
    expect(ops.hostInfo().readOnly).toBe(false);
    // The totals button cannot restore the formula there: it says so, and what it could not do.
    const totals = await ops.subtotals(true);
    expect(totals.notes?.some((n) => n.vi.includes(`“${PAR.name}”`) && n.en.includes('restore the formulas'))).toBe(
      true,
    );
    expect(wb.getCell(PAR.name, parent).value).toBe(8.3);
    expect(ops.hostInfo().readOnly).toBe(false);
    // Unprotected again: the next buttons work.
    wb.protectSheetFromUser(PAR.name, false);
    await ops.validate();
    expect((await helperMarks(wb, PAR.name)).map((m) => m.replace(/^w:/, ''))).toContain(cellOf(PAR, '1.1', 'score'));
  });

  test('a button refused on a protected sheet rejects with the sheet and the action, and later buttons work', async () => {
    const { wb, ops } = setup({ api });
    await ops.inject(['PAR', 'I']);
    await wb.pasteFromUser(PAR.name, cellOf(PAR, '1.1', 'score'), [['1.5']]);
    await ops.validate();
    wb.protectSheetFromUser(PAR.name);
    await expect(ops.removeMarks()).rejects.toMatchObject({
      code: 'SheetProtected',
      vi: expect.stringContaining(`“${PAR.name}”`),
      en: expect.stringContaining('remove the marks'),
    });
    expect(ops.hostInfo().readOnly).toBe(false);
    wb.protectSheetFromUser(PAR.name, false);
    await ops.removeMarks();
  });
});

describe("the official's undo stack", () => {
  test.each(['1.17', '1.19'])(
    "typing with live checking on leaves the official's last edit on top of Ctrl+Z (ExcelApi %s)",
    async (api) => {
      const { wb, ops } = setup({ api });
      await ops.inject(['PAR']);
      const pane = await livePane(wb, ops);
      const cell = cellOf(PAR, '1.1', 'score');
      await wb.setCellFromUser(PAR.name, cell, '1.5');
      await settle(wb);
      expect(pane.last().findings.length).toBeGreaterThan(0);
      expect(wb.undo.entries[wb.undo.entries.length - 1]).toEqual({ by: 'user', what: `${PAR.name}!${cell}` });
      await pane.stop();
    },
  );

  test('from ExcelApi 1.20 a button is one undo step, however many round trips it writes in', async () => {
    const old = olderPlan('I', 3);
    const { wb, ops } = setup(
      { api: '1.20' },
      { legacyPlan: (id, v) => (id === 'I' && v === OLD_VERSION ? old : null) },
    );
    await ops.injectPlans([old]);
    const other = wb.coauthor({ user: 'Đồng tác giả' });
    await wb.setCellFromUser('Sheet1', 'A1', 'ghi chú');
    // A co-author types between the upgrade's read and its write: the value goes to the unplaced
    // sheet in a round trip of its own.
    const base = wb.stats.syncs;
    wb.shared.betweenSyncs(async ({ client, syncs }) => {
      if (client === wb && syncs === base + 1) await other.pasteFromUser(old.name, cellOf(old, 'I.2', '2018'), [['4']]);
    });
    const before = wb.stats.writeSyncs;
    await ops.inject(['I']);
    wb.shared.betweenSyncs(null);
    expect(wb.stats.writeSyncs - before).toBeGreaterThan(1);
    const since = wb.undo.entries.slice(wb.undo.entries.findIndex((e) => e.by === 'user'));
    expect(since.map((e) => e.by)).toEqual(['user', 'add-in']);
  });
});
