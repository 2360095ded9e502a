/**
 * "Lấy điểm năm trước": this year's PAR sheet's previous-year column filled from last year's
 * self-scored PAR sheet in the same workbook, by criterion key. Two presses, never one: the
 * preview reads and writes nothing (the pane shows what would change, the cells an official
 * typed that stay, and the keys that no longer match); the write takes the plan the official
 * confirmed and writes only the changes it lists whose cells still hold what the preview saw.
 */
import type { CarryForwardPlan } from '../../engine/parYears';
import type { SheetSnapshot } from '../../engine/types';
import { ExcelOperationError } from '../errors';
import { ACTIONS, AdapterCore, loadEngine } from '../core';
import type { Session } from '../session';

/** This year's PAR sheet (the newest) and the sheet of its list's previous year, or null. */
async function carryPlan(core: AdapterCore, session: Session): Promise<{ plan: CarryForwardPlan; id: string } | null> {
  const state = await core.read<never>(session, { data: (id) => id === 'PAR', calculate: true });
  const { newestParSnapshot, planCarryForward, parYearOf } = await loadEngine();
  const pars = state.templates.filter((s) => s.marker?.templateId === 'PAR' && s.snapshot);
  const current = newestParSnapshot(pars.map((s) => s.snapshot as SheetSnapshot));
  if (!current) return null;
  const previousYear = parYearOf(current) - 1;
  const previous = pars.find((s) => s.snapshot && parYearOf(s.snapshot) === previousYear)?.snapshot;
  if (!previous) return null;
  let plan: CarryForwardPlan;
  try {
    plan = planCarryForward(current, previous);
  } catch {
    return null; // the sheets' lists do not follow one another
  }
  const id = pars.find((s) => s.snapshot === current)?.id as string;
  return { plan, id };
}

/** The preview: what the write would change; null when the workbook has no last year's sheet. */
export function previewCarryForward(core: AdapterCore): Promise<CarryForwardPlan | null> {
  return core.operation(async (session) => (await carryPlan(core, session))?.plan ?? null);
}

/**
 * Writes the confirmed plan's changes that still stand: a cell changed since the preview (by the
 * official or a co-author) is skipped and counted, never overwritten.
 */
export function applyCarryForward(
  core: AdapterCore,
  confirmed: CarryForwardPlan,
): Promise<{ written: number; skipped: number; syncs: number }> {
  return core.button(ACTIONS.carryForward, async (session) => {
    if (core.readOnly) throw ExcelOperationError.of('ReadOnlyWorkbook');
    const fresh = await carryPlan(core, session);
    if (!fresh || fresh.plan.sheet !== confirmed.sheet)
      return { written: 0, skipped: confirmed.changes.length, syncs: session.syncs };
    const now = new Map(fresh.plan.changes.map((c) => [`${c.key}|${c.cell}|${String(c.from)}|${c.to}`, c]));
    const sheet = session.ctx.workbook.worksheets.getItem(fresh.id);
    let written = 0;
    for (const c of confirmed.changes) {
      if (!now.has(`${c.key}|${c.cell}|${String(c.from)}|${c.to}`)) continue;
      sheet.getRange(c.cell).values = [[c.to]];
      written++;
    }
    if (written > 0) await session.sync();
    return { written, skipped: confirmed.changes.length - written, syncs: session.syncs };
  });
}
