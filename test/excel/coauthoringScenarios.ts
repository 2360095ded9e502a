/**
 * Co-authoring scenarios shared by the adapter's tests and the benchmark: a co-author typing while
 * the templates are upgraded (nothing may be lost), and panes open while one official edits
 * (marks written at most once per burst of edits, in total).
 */
import type { TemplateId } from '../../src/catalog/types';
import { createExcelOperations, type ExcelOperations, type ExcelOperationsDeps } from '../../src/excel';
import { UNPLACED_SHEET } from '../../src/excel';
import { cellAddress, parseCell } from '../../src/layout/a1';
import { buildSheetPlan } from '../../src/layout';
import { markerFor } from '../../src/layout/marker';
import type { SheetPlan } from '../../src/layout/types';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/memoryExcel';
import { prng } from '../shared/prng';

export const OLD_VERSION = '0.9.0';

export function opsFor(wb: MemoryWorkbook, deps: Partial<ExcelOperationsDeps> = {}): ExcelOperations {
  return createExcelOperations({
    run: wb.run,
    requirements: { isSetSupported: (name, version) => wb.isSetSupported(name, version) },
    readOnly: () => wb.readOnly,
    debounceMs: 5,
    now: () => new Date('2021-08-05T08:00:00Z'),
    ...deps,
  });
}

/** An older version of a template whose data rows are in another order (so an upgrade moves every value). */
export function olderPlan(id: TemplateId, seed: number): SheetPlan {
  const plan = buildSheetPlan(id);
  const old = JSON.parse(JSON.stringify(plan)) as SheetPlan;
  old.version = OLD_VERSION;
  const rows = plan.rows.filter((r) => Object.keys(r.inputs).length > 0 && r.kind !== 'meta').map((r) => r.row);
  const shuffled = rows.slice();
  const rnd = prng(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const move = new Map(rows.map((r, i) => [r, shuffled[i]]));
  const at = (row: number) => move.get(row) ?? row;
  old.cells = old.cells.map((c) => {
    const { row, col } = parseCell(c.address);
    const moved = { ...c, address: cellAddress(at(row), col) };
    if (moved.address === 'A1') moved.value = markerFor(id, OLD_VERSION);
    return moved;
  });
  old.rows = old.rows.map((r) => ({ ...r, row: at(r.row) }));
  // Formulas and rules of the old layout are not what this scenario is about: the new ones are written.
  old.cells = old.cells.map((c) => (c.formula ? { ...c, formula: undefined } : c));
  old.conditionalFormats = [];
  old.validations = [];
  return old;
}

export interface Entry {
  key: string;
  columnId: string;
  value: number;
  /** When the co-author typed it: 'before' the operation, or before round trip n of it, or 'after'. */
  when: string;
}

/** Reads the sheet's keys to find where (key, column) is now: the layout the sheet has at this moment. */
async function cellNow(wb: MemoryWorkbook, sheet: string, plans: SheetPlan[], key: string, columnId: string) {
  return wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const a1 = ws.getRange('A1');
    const keys = ws.getRange('A1:A400');
    a1.load('values');
    keys.load('values');
    await context.sync();
    const marker = a1.values[0][0];
    const plan = plans.find((p) => markerFor(p.templateId, p.version) === marker) ?? plans[plans.length - 1];
    const row = keys.values.findIndex((r) => String(r[0]) === key) + 1;
    const letter = plan.rows.find((r) => r.key === key)?.inputs[columnId];
    return row > 0 && letter ? `${letter}${row}` : null;
  });
}

export interface UpgradeOutcome {
  entries: Entry[];
  lost: Entry[];
  syncs: number;
}

/**
 * One official's pane upgrades a template (an older layout with its rows in another order)
 * while a co-author types a value just before round trip `boundary` of that operation (or
 * before it, or after it). Every value typed, before or during, must end up in its cell (by
 * key and column) or in the unplaced sheet.
 */
export async function upgradeWhileTyping(
  seed: number,
  boundary: number,
  id: TemplateId = 'I',
): Promise<UpgradeOutcome> {
  const rnd = prng(seed * 7919 + boundary);
  const old = olderPlan(id, seed);
  const current = buildSheetPlan(id);
  const a = createMemoryWorkbook({ requirementSets: { ExcelApi: '1.8' } });
  const b = a.coauthor({ user: 'Đồng tác giả' });
  const ops = opsFor(a, { legacyPlan: (t, v) => (t === id && v === OLD_VERSION ? old : null) });
  await ops.injectPlans([old]);
  const sheet = old.name;
  const inputRows = current.rows.filter((r) => r.kind !== 'meta' && Object.keys(r.inputs).length > 0);
  const pick = () => {
    const r = inputRows[Math.floor(rnd() * inputRows.length)];
    const ids = Object.keys(r.inputs);
    return { key: r.key, columnId: ids[Math.floor(rnd() * ids.length)] };
  };
  const entries: Entry[] = [];
  const type = async (when: string) => {
    // A different cell each time: a value typed over another is the typist's own choice.
    let target = pick();
    while (entries.some((e) => e.key === target.key && e.columnId === target.columnId)) target = pick();
    const cell = await cellNow(b, sheet, [old, current], target.key, target.columnId);
    if (!cell) return;
    const value = 1000 + entries.length;
    // Pasted: Excel's data validation does not run on paste, so any cell takes the value.
    await b.pasteFromUser(sheet, cell, [[String(value)]]);
    entries.push({ ...target, value, when });
  };
  for (let i = 0; i < 3; i++) await type('before');

  const base = a.stats.syncs;
  a.shared.betweenSyncs(async ({ client, syncs }) => {
    if (client === a && syncs === base + boundary) await type(`round trip ${boundary + 1}`);
  });
  await ops.inject([id]);
  a.shared.betweenSyncs(null);
  const syncs = a.stats.syncs - base;
  await type('after');
  await a.shared.whenIdle();

  const aside = a.sheetNames().includes(UNPLACED_SHEET) ? await usedValues(a, UNPLACED_SHEET) : [];
  const lost: Entry[] = [];
  for (const e of entries) {
    const cell = await cellNow(a, sheet, [old, current], e.key, e.columnId);
    // A text column (format '@') keeps the figure as text: compare what the official sees.
    const same = (v: unknown) => String(v) === String(e.value);
    if (cell && same(a.getCell(sheet, cell).value)) continue;
    if (aside.some((row) => row[0] === sheet && row[1] === e.key && same(row[3]))) continue;
    lost.push(e);
  }
  return { entries, lost, syncs };
}

async function usedValues(wb: MemoryWorkbook, sheet: string): Promise<unknown[][]> {
  return wb.run(async (context) => {
    const used = context.workbook.worksheets.getItem(sheet).getUsedRange(true);
    used.load('values');
    await context.sync();
    return used.values;
  });
}
