/**
 * What the adapter guarantees in a shared workbook (issue: many officials in one workbook at
 * once), each on the in-memory workbook's co-authoring simulation.
 */
import type { ValidationReport } from '../../src/contracts/operations';
import { EMPTY_FLAGS, FLAGS_NAME } from '../../src/layout/flagsName';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import { opsFor } from './coauthoringScenarios';
import { cellOf, nameFormula, planOf } from './helpers';

const PAR = planOf('PAR');
const I = planOf('I');
const score = (key: string) => cellOf(PAR, key, 'score');

/** A workbook with the PAR and I templates, injected by the first official. */
async function sharedWorkbook(options: { remoteDelayMs?: number } = {}) {
  const editor = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.8' }, ...options });
  await opsFor(editor).inject(['PAR', 'I']);
  return editor;
}

/** Live validation in a pane, with its latest report. */
async function openPane(wb: MemoryWorkbook) {
  const ops = opsFor(wb);
  await ops.inspect();
  const reports: ValidationReport[] = [];
  const errors: unknown[] = [];
  const stop = await ops.startLiveValidation(
    (r) => reports.push(r),
    (e) => errors.push(e),
  );
  return { wb, ops, reports, errors, stop, last: () => reports[reports.length - 1] };
}

/** Lets debounced checks and remote deliveries finish. */
async function settle(wb: MemoryWorkbook) {
  for (let i = 0; i < 4; i++) {
    await wb.shared.whenIdle();
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('opening the pane and live validation', () => {
  test('opening the pane writes nothing, even with cells to mark', async () => {
    const editor = await sharedWorkbook();
    await editor.pasteFromUser(PAR.name, score('1.1'), [['0,5']]);
    await editor.pasteFromUser(I.name, cellOf(I, 'I.2', '2019'), [['-3']]);
    const other = editor.coauthor({ user: 'Sở Tư pháp' });
    const pane = await openPane(other);
    expect(pane.last().findings.length).toBeGreaterThan(0);
    await settle(editor);
    expect(other.stats.writeSyncs).toBe(0);
    expect(await nameFormula(editor, PAR.name, FLAGS_NAME)).toBe(EMPTY_FLAGS);
    await pane.stop();
  });

  test("the local user's edit and a co-author's both refresh the list only: no pane writes", async () => {
    const editor = await sharedWorkbook({ remoteDelayMs: 10 });
    const other = editor.coauthor({ user: 'Sở Tư pháp' });
    const mine = await openPane(editor);
    const theirs = await openPane(other);
    const before = { editor: editor.stats.writeSyncs, other: other.stats.writeSyncs };

    // Pasted: Excel's own validation would refuse this typed, a paste goes through.
    await editor.pasteFromUser(PAR.name, score('1.1'), [['9']]);
    await settle(editor);
    expect(mine.last().findings.some((f) => f.cell === score('1.1'))).toBe(true);
    expect(editor.stats.writeSyncs - before.editor).toBe(0);
    // The co-author's pane saw the remote edit: its list has the finding, and it wrote nothing.
    expect(theirs.last().findings.some((f) => f.cell === score('1.1'))).toBe(true);
    expect(other.stats.writeSyncs - before.other).toBe(0);
    expect([mine.errors, theirs.errors]).toEqual([[], []]);
    await mine.stop();
    await theirs.stop();
  });

  test('N panes, one official making M bursts of edits: no write at all, every list up to date', async () => {
    const editor = await sharedWorkbook({ remoteDelayMs: 5 });
    const others = Array.from({ length: 4 }, (_, i) => editor.coauthor({ user: `Đơn vị ${i + 1}` }));
    const panes = [await openPane(editor), ...(await Promise.all(others.map(openPane)))];
    const all = [editor, ...others];
    const writes = () => all.reduce((n, wb) => n + wb.stats.writeSyncs, 0);
    const start = writes();
    const bursts = 6;
    const keys = ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1'];
    for (let m = 0; m < bursts; m++) {
      // A burst: a few quick edits (bad, then good), then a pause longer than the debounce.
      await editor.pasteFromUser(PAR.name, score(keys[m]), [['99']]);
      await editor.pasteFromUser(PAR.name, score(keys[(m + 1) % keys.length]), [['0,25']]);
      await settle(editor);
    }
    expect(writes() - start).toBe(0);
    for (const p of panes) {
      // The last burst's first edit (99: out of range) is in every pane's list.
      expect(p.last().findings.some((f) => f.cell === score(keys[bursts - 1]))).toBe(true);
      expect(p.errors).toEqual([]);
      await p.stop();
    }
    for (const wb of all) expect(wb.eventHandlerCount).toBe(0);
  });

  test('stopping live validation removes every handler it added, in Excel.run on their context', async () => {
    const editor = await sharedWorkbook();
    const pane = await openPane(editor);
    expect(editor.eventHandlerCount).toBeGreaterThan(0);
    await pane.stop();
    expect(editor.eventHandlerCount).toBe(0);
    // Started and stopped again: still nothing left behind.
    const again = await openPane(editor);
    await again.stop();
    expect(editor.eventHandlerCount).toBe(0);
  });
});

describe('one queue per pane', () => {
  test('a live check and a button never run at the same time', async () => {
    const editor = await sharedWorkbook();
    let active = 0;
    let most = 0;
    const run = (async (a: unknown, b?: unknown) => {
      active++;
      most = Math.max(most, active);
      try {
        return await (b === undefined
          ? editor.run(a as (ctx: Excel.RequestContext) => Promise<unknown>)
          : editor.run(a as Excel.RequestContext, b as (ctx: Excel.RequestContext) => Promise<unknown>));
      } finally {
        active--;
      }
    }) as typeof editor.run;
    const ops = opsFor(editor, { run, debounceMs: 1 });
    const stop = await ops.startLiveValidation(() => undefined);
    for (let i = 0; i < 5; i++) {
      await editor.setCellFromUser(PAR.name, score('1.1'), String(i));
      // Buttons pressed while the live check of that edit is due.
      await new Promise((r) => setTimeout(r, 1));
      await Promise.all([ops.validate(), ops.subtotals(false), ops.unitProgress('SNV')]);
    }
    await settle(editor);
    expect(most).toBe(1);
    await stop();
  });
});

describe('a co-author with view-only rights', () => {
  test.each([
    ['told by Office (document mode)', true],
    ['learnt from Excel refusing a write', false],
  ])('can open the pane, validate, total and see targets without an error (%s)', async (_, told) => {
    const editor = await sharedWorkbook();
    await editor.pasteFromUser(PAR.name, score('1.1'), [['0,5']]);
    const viewer = editor.coauthor({ user: 'Chỉ xem', readOnly: true });
    const ops = opsFor(viewer, told ? {} : { readOnly: undefined });
    expect(ops.hostInfo().readOnly).toBe(told);

    const errors: unknown[] = [];
    const stop = await ops.startLiveValidation(
      () => undefined,
      (e) => errors.push(e),
    );
    const v = await ops.validate();
    expect(v.findings.some((f) => f.cell === score('1.1'))).toBe(true);
    expect(v.notes?.some((n) => n.vi.includes('chỉ có quyền xem'))).toBe(true);
    const totals = await ops.subtotals(false);
    expect(totals.totalsFilled).toEqual([]);
    expect(totals.notes?.some((n) => n.vi.includes('chỉ có quyền xem'))).toBe(true);
    const summary = await ops.highlightBelowTarget();
    expect(summary?.sheet).toBe(PAR.name);
    expect((await ops.unitProgress('SNV')).rows.length).toBeGreaterThan(0);
    await ops.goToCell(PAR.name, score('1.1'));
    expect(ops.hostInfo().readOnly).toBe(true);
    // What only a write could do is refused with a sentence, not an Excel error code.
    await expect(ops.applyFixes(v.findings)).rejects.toMatchObject({ code: 'ReadOnlyWorkbook' });
    await expect(ops.removeMarks()).rejects.toMatchObject({ code: 'ReadOnlyWorkbook' });
    await expect(ops.inject(['PAR'])).rejects.toMatchObject({ code: 'ReadOnlyWorkbook' });
    await stop();
    expect(errors).toEqual([]);
    expect(editor.getCell(PAR.name, score('1.1')).value).toBe('0,5');
  });
});
