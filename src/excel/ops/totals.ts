/**
 * "Tính tổng và so sánh mục tiêu": the PAR parents' formulas checked (and restored on request),
 * blank Appendix 1 totals given a live formula over their parts, the below-target rule ensured
 * and the PAR summary. Typed figures are never overwritten, not even one a co-author types
 * between this operation's read and its write.
 */
import type { TemplateId } from '../../catalog/types';
import type { ParSummary } from '../../engine/types';
import type { SubtotalReport } from '../../contracts/operations';
import type { Bilingual } from '../../engine/types';
import { cellAddress, columnNumber, parseCell } from '../../layout/a1';
import { buildSheetPlan } from '../../layout';
import {
  ACTIONS,
  AdapterCore,
  APPENDIX_IDS,
  byTemplateOrder,
  isAccessDenied,
  loadEngine,
  READ_ONLY_NOTE,
  readWindow,
} from '../core';
import { ExcelOperationError } from '../errors';
import { moveFormulaRows, rowMap } from '../../engine/movedRows';
import { SnapshotReader } from '../../engine/snapshotReader';
import { isEmpty } from '../../engine/text';
import { ownRulesCommands, ruleProbeRead, type RuleProbe } from '../cfRules';
import { commandsBytes, onSheet, queueCommands } from '../queue';
import { calculationNotes, type SheetState } from '../read';
import {
  actionBytes,
  getRangeBytes,
  jsonBytes,
  pathBytes,
  rangePathBytes,
  SHEET_BY_ID_PATH_BYTES,
  sheetPathBytes,
  type Cost,
  type Session,
} from '../session';

/** A formula written into a cell that was blank at read time, with that cell read again first. */
interface GuardedWrite {
  range: Excel.Range;
  formula: string;
  /** What the cell held just before the write, in the same request (a co-author's late entry). */
  before: Excel.Range;
}

/**
 * Queues `formula` into a cell the read found blank, loading the cell first in the same request:
 * the load runs before the write, so what it sees is what the write replaced.
 */
function queueGuarded(sheet: Excel.Worksheet, cell: string, formula: string): GuardedWrite {
  const before = sheet.getRange(cell);
  before.load('formulas');
  const range = sheet.getRange(cell);
  range.formulas = [[formula]];
  return { range, formula, before };
}

/**
 * What a formula written into one cell of a sheet reached by id costs (the sheet, the cell and
 * its formula; with `guarded`, the cell read first too, and that answer).
 */
function formulaWriteCost(id: string, cell: string, formula: string, guarded: boolean): Cost {
  const sheet = sheetPathBytes(id);
  const range = rangePathBytes(sheet, cell);
  let request =
    actionBytes(pathBytes('workbook', 'worksheets'), 'getItem', id) +
    getRangeBytes(sheet, cell) +
    actionBytes(range, 'formulas', [[formula]]);
  if (guarded) request += getRangeBytes(sheet, cell) + actionBytes(range, 'load', 'formulas');
  return { request, response: guarded ? 100 + jsonBytes(formula) : 0 };
}

/** Puts back what a co-author typed into a cell between the read and the write. Returns the cells restored. */
function queueUndoLateEntries(writes: GuardedWrite[]): Set<GuardedWrite> {
  const undone = new Set<GuardedWrite>();
  for (const w of writes) {
    const had = w.before.formulas[0][0] as unknown;
    if (had === '' || had === null || had === undefined) continue;
    w.range.formulas = [[had as string]];
    undone.add(w);
  }
  return undone;
}

async function syncWrites(core: AdapterCore, session: Session, notes: Bilingual[]): Promise<boolean> {
  try {
    await session.sync();
    return true;
  } catch (e) {
    if (!isAccessDenied(e)) throw e;
    notes.push(await core.refusedNote(session, ACTIONS.totals));
    return false;
  }
}

export function subtotals(core: AdapterCore, restore: boolean): Promise<SubtotalReport> {
  return core.button(ACTIONS.totals, async (session) => {
    if (restore && core.readOnly) throw ExcelOperationError.of('ReadOnlyWorkbook');
    // Loaded before the read: each sheet's writes are queued as soon as its values are back.
    const { newestParSnapshot, summarizePar, totalFormulas } = await loadEngine();
    const overwritten: SubtotalReport['overwritten'] = [];
    let restored = 0;
    let writes = 0;
    const collection = session.ctx.workbook.worksheets;
    const guarded: { sheet: string; rowKey: string; cell: string; write: GuardedWrite }[] = [];
    const readOnly = core.readOnly;

    /** One sheet's checks, its writes queued (with their cost reserved). */
    const handle = async (s: SheetState<never>) => {
      const snap = s.snapshot;
      const id = s.marker!.templateId;
      if (!snap) return;
      const reader = new SnapshotReader(snap);
      if (id === 'PAR') {
        const plan = buildSheetPlan(id, { sheetNames: { [id]: s.name }, parYear: s.marker?.year });
        const keyRows = reader.keyRows();
        const moved = rowMap(plan, reader);
        const formulaAt = new Map(plan.cells.filter((c) => c.formula).map((c) => [c.address, c.formula as string]));
        for (const r of plan.rows) {
          if (r.kind !== 'par-parent') continue;
          const letter = r.formulas.score;
          const row = keyRows.get(r.key);
          if (!letter || row === undefined) continue;
          const col = columnNumber(letter);
          if (reader.isFormula(row, col)) continue;
          const cell = cellAddress(row, col);
          const found = reader.value(row, col);
          overwritten.push({
            sheet: s.name,
            cell,
            rowKey: r.key,
            found: isEmpty(found) ? '' : (found as number | string),
          });
          const planned = formulaAt.get(`${letter}${r.row}`);
          // A formula whose parts' rows are gone is not restored: it would sum rows by guess.
          const formula = restore && planned ? moveFormulaRows(planned, (p) => moved.get(p)) : null;
          if (formula !== null) {
            await session.reserveCost(formulaWriteCost(s.id, cell, formula, false));
            collection.getItem(s.id).getRange(cell).formulas = [[formula]];
            restored++;
            writes++;
          }
        }
        return;
      }
      if (!APPENDIX_IDS.has(id) || readOnly) return;
      // Blank totals get the sum of their parts as a live formula; typed totals stay as typed.
      for (const t of totalFormulas(snap)) {
        const { row, col } = parseCell(t.cell);
        if (!isEmpty(reader.formula(row, col))) continue;
        await session.reserveCost(formulaWriteCost(s.id, t.cell, t.formula, true));
        guarded.push({
          sheet: s.name,
          rowKey: t.rowKey,
          cell: t.cell,
          write: queueGuarded(collection.getItem(s.id), t.cell, t.formula),
        });
        writes++;
      }
    };

    // A read of several round trips carries the writes of the sheets it has read in the requests
    // of those it reads next: the writes add no round trips of their own but the last.
    const state = await core.read<never>(session, {
      data: (id) => id === 'PAR' || APPENDIX_IDS.has(id),
      calculate: true,
      onRead: handle,
    });
    const notes: Bilingual[] = calculationNotes(state);
    const ordered = state.templates.slice().sort(byTemplateOrder);
    for (const s of ordered) if (!state.handed.has(s.id)) await handle(s);
    // With two years' sheets side by side, the totals are this year's: the newest sheet's.
    const pars = state.templates.flatMap((s) => (s.marker?.templateId === 'PAR' && s.snapshot ? [s.snapshot] : []));
    const newest = newestParSnapshot(pars);
    const par: ParSummary | null = newest ? summarizePar(newest) : null;
    // Reported in the sheets' template order, whichever round trip read them.
    const rank = new Map(ordered.map((s, i) => [s.name, i]));
    const bySheet = (a: { sheet: string }, b: { sheet: string }) => rank.get(a.sheet)! - rank.get(b.sheet)!;
    overwritten.sort(bySheet);
    guarded.sort(bySheet);

    if (readOnly) notes.push(READ_ONLY_NOTE);
    let written = writes > 0 && (await syncWrites(core, session, notes));
    if (!written) restored = 0;
    const undone = written ? queueUndoLateEntries(guarded.map((g) => g.write)) : new Set<GuardedWrite>();
    if (undone.size > 0) {
      written = await syncWrites(core, session, notes);
      notes.push({
        vi: `${undone.size} ô tổng vừa được người khác nhập trong lúc tính: giữ nguyên số họ nhập.`,
        en: `${undone.size} total cells were typed by someone else meanwhile: their figures were kept.`,
      });
    }
    const totalsFilled = written
      ? guarded
          .filter((g) => !undone.has(g.write))
          .map((g) => ({ sheet: g.sheet, cell: g.cell, rowKey: g.rowKey, formula: g.write.formula }))
      : [];
    return { overwritten, restored, totalsFilled, par, syncs: session.syncs, notes };
  });
}

/**
 * Ensures each PAR sheet's below-target rule and returns the PAR summary. The sheet's record of
 * the add-in's rules and the number of rules are read, never a rule itself (cfRules.ts): where the
 * record is the plan's, nothing is written; otherwise the plan's rules (the below-target one among
 * them) are added on top with their record. An official's rules are never read, moved or deleted.
 */
export function highlightBelowTarget(core: AdapterCore): Promise<ParSummary | null> {
  return core.button(ACTIONS.targets, async (session) => {
    const readOnly = core.readOnly;
    const window = readWindow();
    const planOf = (name: string, year?: number) => buildSheetPlan('PAR', { sheetNames: { PAR: name }, parYear: year });
    // The rule counts of each PAR sheet at the rules of its own year's plan: its marker's year when
    // known before the read, else the newest (a sheet guessed a PAR sheet bears the newest year's
    // name: core.ts); the count over the window only for a sheet not known yet to be one.
    const parProbes = new Map<number | undefined, ReturnType<typeof ruleProbeRead>>();
    const otherProbe = ruleProbeRead(window, null);
    const probeOf = (id: TemplateId | null, year?: number) => {
      if (id !== 'PAR') return otherProbe;
      let probe = parProbes.get(year);
      if (!probe) parProbes.set(year, (probe = ruleProbeRead(window, planOf('PAR', year).conditionalFormats)));
      return probe;
    };
    const state = await core.read<RuleProbe>(session, {
      data: (id) => id === 'PAR',
      calculate: true,
      extras: readOnly
        ? undefined
        : {
            cost: (id, year) => probeOf(id, year).cost(SHEET_BY_ID_PATH_BYTES),
            queue: (sheet, id, year) => probeOf(id, year).queue(sheet),
          },
    });
    let summary: ParSummary | null = null;
    const { newestParSnapshot, summarizePar } = await loadEngine();
    const pars = state.templates.filter((s) => s.marker?.templateId === 'PAR' && s.snapshot);
    const newest = newestParSnapshot(pars.map((s) => s.snapshot!));
    if (newest) summary = summarizePar(newest);
    if (readOnly) return summary;

    let writes = 0;
    for (const s of pars) {
      const plan = planOf(s.name, s.marker?.year);
      const commands = onSheet(
        s.id,
        ownRulesCommands(plan.conditionalFormats, s.rulesRecord ?? null, s.extras ?? null),
      );
      if (commands.length === 0) continue;
      await session.reserve(commandsBytes(pathBytes('workbook'), commands));
      queueCommands(session.ctx.workbook, commands);
      writes++;
    }
    if (writes > 0) await syncWrites(core, session, []);
    return summary;
  });
}
