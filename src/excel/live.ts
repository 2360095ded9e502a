/**
 * Live validation: while the pane is open, cells are checked again when they change. It only
 * READS: the pane's list of findings follows every edit; the cells are marked (CCHC_FLAGS) only
 * when a person presses "Kiểm tra dữ liệu" (ops/validate.ts).
 *
 * Why nothing is written on an edit:
 * - an add-in's write clears the official's undo stack below ExcelApi 1.19 (office-js #3788,
 *   #6170: by design) and from 1.19 is an undo record of its own, so Ctrl+Z would undo the
 *   add-in's marks instead of their typing;
 * - in a shared workbook every write is a change sent to every co-author, and every open pane
 *   receives onChanged for every co-author's edit ("Coauthoring in Excel add-ins").
 *
 * What it follows:
 * - template sheets by id: a sheet deleted (WorksheetCollection.onDeleted, ExcelApi 1.7, or found
 *   missing at a check) is dropped with a note; a sheet renamed (onNameChanged, ExcelApi 1.17, or
 *   its name read at each check of it) keeps its findings under its new name, so "Đi tới ô" and
 *   "Sửa" use the name it has now; a template sheet added later (onAdded, 1.7) is watched too;
 * - each edit's cells (onChanged), re-read at most once per burst of edits; what needs several
 *   sheets (Section VIII against the Appendix 1 figures, the outline against them) is worked out
 *   again from the snapshots already held;
 * - sheet activation (some hosts raise no onChanged for a drop-down pick).
 *
 * Every read asks Excel to wait while the user is editing a cell (core.withSession); a host that
 * fails the batch instead (InvalidOperationInCellEditMode) gets the same edits again a moment
 * later: nothing is taken off the list before a check of it has succeeded. Every check runs in
 * the adapter's one queue (AdapterCore.exclusive), never interleaved with a button's operation;
 * handlers are removed inside Excel.run on the context that added them, as documented.
 */
import type { ValidationReport } from '../contracts/operations';
import type { Bilingual, CellValue, Finding, SheetResult, SheetSnapshot } from '../engine/types';
import { parseCell } from '../layout/a1';
import { AdapterCore, isChecked, loadEngine, READ_ONLY_NOTE, readWindow } from './core';
import { ExcelOperationError, describeExcelError, type ExcelErrorInfo } from './errors';
import { SnapshotReader } from '../engine/snapshotReader';
import type { Session } from './session';
import { reportOf } from './ops/validate';

interface Watched {
  id: string;
  name: string;
  snapshot: SheetSnapshot;
}

interface Pending {
  ranges: Set<string>;
  /** Re-read the whole sheet (a structural change, an activation, an edit outside the snapshot). */
  full: boolean;
}

const A1_RANGE = /^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i;
/** The longest wait between two tries while Excel stays in cell-edit mode (ms). */
const MAX_RETRY_MS = 2000;

/** Copies the cells of a freshly read range into a snapshot (grows nothing: callers check bounds). */
function patch(snapshot: SheetSnapshot, range: Excel.Range): void {
  const reader = new SnapshotReader(snapshot);
  const addr = range.address.split('!').pop()!;
  const start = parseCell(addr.split(':')[0]);
  const values = range.values as CellValue[][];
  const formulas = range.formulas as CellValue[][];
  const formats = range.numberFormat as string[][];
  for (let i = 0; i < values.length; i++)
    for (let j = 0; j < values[i].length; j++) {
      const r = start.row + i - reader.top;
      const c = start.col + j - reader.left;
      if (r < 0 || c < 0 || r >= snapshot.values.length || c >= snapshot.values[r].length) continue;
      snapshot.values[r][c] = values[i][j];
      if (snapshot.formulas) snapshot.formulas[r][c] = formulas[i][j];
      if (snapshot.numberFormats) snapshot.numberFormats[r][c] = formats[i][j];
    }
}

/** Whether an event's address lies inside what the snapshot holds. */
function inside(snapshot: SheetSnapshot, address: string): boolean {
  const reader = new SnapshotReader(snapshot);
  const [a, b = a] = address.replace(/\$/g, '').split('!').pop()!.split(':');
  const p1 = parseCell(a);
  const p2 = parseCell(b);
  return p1.row >= reader.top && p2.row <= reader.bottom && p1.col >= reader.left && p2.col <= reader.right;
}

const codeOf = (e: unknown) => (e as { code?: string } | null)?.code;

/** Told once a watched sheet is deleted (by anyone): its findings leave the list. */
export function deletedSheetNote(name: string): Bilingual {
  return {
    vi: `Trang “${name}” đã bị xóa khỏi sổ: tiện ích thôi theo dõi trang này.`,
    en: `Sheet “${name}” was deleted from the workbook: the add-in no longer watches it.`,
  };
}

export async function startLiveValidation(
  core: AdapterCore,
  onReport: (r: ValidationReport) => void,
  onError?: (e: ExcelErrorInfo) => void,
): Promise<() => Promise<void>> {
  if (!core.features.events)
    throw new ExcelOperationError({
      vi: 'Phiên bản Excel này không hỗ trợ theo dõi thay đổi (ExcelApi 1.7): hãy bấm "Kiểm tra dữ liệu" sau khi nhập.',
      en: 'This Excel cannot watch for changes (ExcelApi 1.7): press "Check data" after entering data.',
      code: 'RequirementSetMissing',
    });
  const renameEvents = core.deps.requirements.isSetSupported('ExcelApi', '1.17');
  const watched = new Map<string, Watched>();
  /** Each sheet's own findings (validateSheet). */
  const results = new Map<string, SheetResult>();
  /** Findings that need several sheets, by the id of the sheet they are on. */
  let across = new Map<string, Finding[]>();
  const pending = new Map<string, Pending>();
  /** Sheets added since the last check (ids), and added sheets with a handler but no marker yet. */
  const added = new Set<string>();
  const candidates = new Set<string>();
  /** Sheets deleted while watched: said in every report from then on. */
  const notes: Bilingual[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let retries = 0;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];

  // Errors inside event handlers have no caller: they go to onError, or are thrown by stop().
  let lastError: unknown = null;
  const fail = (e: unknown) => {
    if (onError) onError(describeExcelError(e));
    else lastError ??= e;
  };

  /** A sheet's own findings and those of the cross-sheet checks that land on it. */
  const resultOf = (w: Watched): SheetResult | undefined => {
    const own = results.get(w.id);
    const more = across.get(w.id);
    return own && more?.length ? { ...own, findings: [...own.findings, ...more] } : own;
  };

  type Engine = Awaited<ReturnType<typeof loadEngine>>;

  /** The cross-sheet checks again, over every snapshot held; what a fix compares is remembered again. */
  const recheckAcross = (check: Engine['crossSheetFindings']) => {
    const list = [...watched.values()];
    const byName = new Map(list.map((w) => [w.snapshot.name, w]));
    const next = new Map<string, Finding[]>();
    for (const f of check(
      list.map((w) => w.snapshot),
      core.messages,
    )) {
      const w = byName.get(f.sheet);
      if (w) next.set(w.id, [...(next.get(w.id) ?? []), f]);
    }
    const before = across;
    across = next;
    for (const w of list)
      if ((before.get(w.id)?.length ?? 0) + (next.get(w.id)?.length ?? 0) > 0)
        core.remember(w.snapshot, resultOf(w)?.findings ?? []);
  };

  const check = (w: Watched, engine: Engine) => {
    const result = engine.validateSheet(w.snapshot, core.messages);
    results.set(w.id, result);
    core.remember(w.snapshot, result.findings);
  };

  const report = (syncs: number) => {
    const list = [...watched.values()].map(resultOf).filter((r): r is SheetResult => !!r);
    onReport(reportOf(list, core.readOnly ? [...notes, READ_ONLY_NOTE] : [...notes], syncs));
  };

  /** Stops following a sheet that no longer exists; its findings leave the list. */
  const drop = (id: string) => {
    const w = watched.get(id);
    candidates.delete(id);
    added.delete(id);
    pending.delete(id);
    if (!w) return false;
    watched.delete(id);
    results.delete(id);
    across.delete(id);
    notes.push(deletedSheetNote(w.name));
    return true;
  };

  /** Follows a rename: the snapshot (and so every finding) carries the name the sheet has now. */
  const rename = (w: Watched, name: string, engine: Engine) => {
    if (w.name === name) return false;
    w.name = name;
    w.snapshot = { ...w.snapshot, name };
    check(w, engine);
    return true;
  };

  const schedule = (delay = core.debounceMs) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(() => core.exclusive(flush)).catch(fail);
    }, delay);
  };

  const mark = (sheetId: string, address: string | null) => {
    if (stopped) return;
    if (!watched.has(sheetId)) {
      // A sheet added after the start, with no marker when last looked at: look again.
      if (candidates.has(sheetId)) added.add(sheetId);
      else return;
    } else {
      const p = pending.get(sheetId) ?? { ranges: new Set<string>(), full: false };
      if (address === null) p.full = true;
      else p.ranges.add(address);
      pending.set(sheetId, p);
    }
    schedule();
  };

  /** Puts a batch that did not run back in front of what arrived meanwhile. */
  const restore = (batch: Map<string, Pending>, probe: Set<string>) => {
    for (const [id, p] of batch) {
      if (!watched.has(id)) continue;
      const now = pending.get(id);
      if (!now) pending.set(id, p);
      else {
        now.full ||= p.full;
        for (const r of p.ranges) now.ranges.add(r);
      }
    }
    for (const id of probe) added.add(id);
  };

  /** The handlers of one sheet, registered in `session` (sent with its next sync). */
  const listen = (session: Session, id: string) => {
    const sheet = session.ctx.workbook.worksheets.getItem(id);
    handlers.push(
      sheet.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
        // details is absent for pastes, multi-cell edits and remote edits: the address is all we rely on.
        const structural = e.changeType !== undefined && e.changeType !== 'RangeEdited';
        mark(e.worksheetId ?? id, structural ? null : e.address);
      }),
      // Some hosts raise no onChanged for a drop-down pick: re-check a sheet when it is shown.
      sheet.onActivated.add(async (e: Excel.WorksheetActivatedEventArgs) => mark(e.worksheetId ?? id, null)),
    );
  };

  /** Reads the template sheets not yet watched among `ids` (all when null) and watches them. */
  async function watchNew(session: Session, ids: ReadonlySet<string> | null): Promise<boolean> {
    const names = new Set([...watched.values()].map((w) => w.name));
    const state = await core.read<never>(session, { data: (id, name) => isChecked(id) && !names.has(name) });
    const fresh = state.templates.filter(
      (s) => s.snapshot && isChecked(s.marker!.templateId) && !watched.has(s.id) && (!ids || ids.has(s.id)),
    );
    let listening = 0;
    const exists = new Set(state.sheets.map((s) => s.id));
    if (ids)
      for (const id of ids)
        if (exists.has(id) && !fresh.some((s) => s.id === id) && !candidates.has(id)) {
          candidates.add(id);
          listen(session, id);
          listening++;
        }
    if (fresh.length > 0) {
      const engine = await loadEngine();
      for (const s of fresh) {
        const w = { id: s.id, name: s.name, snapshot: s.snapshot! };
        watched.set(s.id, w);
        check(w, engine);
        if (!candidates.delete(s.id)) {
          listen(session, s.id);
          listening++;
        }
      }
      recheckAcross(engine.crossSheetFindings);
    }
    if (listening > 0) await session.sync();
    return fresh.length > 0;
  }

  async function flush(): Promise<void> {
    if (stopped || (pending.size === 0 && added.size === 0)) return;
    const batch = new Map(pending);
    const probe = new Set(added);
    pending.clear();
    added.clear();
    try {
      await core.withSession((session) => checkBatch(session, batch, probe));
      retries = 0;
    } catch (e) {
      const code = codeOf(e);
      if (code === 'InvalidOperationInCellEditMode') {
        // The user is typing in a cell and this Excel did not wait: the same edits, a moment later.
        restore(batch, probe);
        schedule(Math.min(core.debounceMs * 2 ** ++retries, MAX_RETRY_MS));
        return;
      }
      if (code === 'ItemNotFound') {
        // A sheet went (a co-author deleted it) before its onDeleted arrived: drop it, check the rest.
        restore(batch, probe);
        if ((await core.withSession(forgetMissing)) === 0) throw e;
        schedule();
        return;
      }
      throw e;
    }
  }

  /** Drops the watched sheets that no longer exist (a later check reads the others); how many. */
  async function forgetMissing(session: Session): Promise<number> {
    const found = [...watched.values()].map((w) => ({
      w,
      sheet: session.ctx.workbook.worksheets.getItemOrNullObject(w.id).load('name'),
    }));
    await session.sync();
    const gone = found.filter(({ sheet }) => sheet.isNullObject);
    for (const { w } of gone) drop(w.id);
    if (gone.length > 0) recheckAcross((await loadEngine()).crossSheetFindings);
    return gone.length;
  }

  async function checkBatch(session: Session, batch: Map<string, Pending>, probe: Set<string>): Promise<void> {
    const collection = session.ctx.workbook.worksheets;
    const reads: { w: Watched; sheet: Excel.Worksheet; full: Excel.Range | null; parts: Excel.Range[] }[] = [];
    for (const [id, p] of batch) {
      const w = watched.get(id);
      if (!w) continue;
      const sheet = collection.getItem(id);
      // Its name now: renamed without an event this Excel could send (below ExcelApi 1.17).
      sheet.load('name');
      // A change outside what we hold (rows added below, say) needs the whole sheet again.
      const full = p.full || [...p.ranges].some((r) => !A1_RANGE.test(r.split('!').pop()!) || !inside(w.snapshot, r));
      if (full) {
        const used = sheet.getRange(readWindow()).getUsedRangeOrNullObject(true);
        used.load('address,values,formulas,numberFormat');
        reads.push({ w, sheet, full: used, parts: [] });
      } else {
        const parts = [...p.ranges].map((r) => {
          const range = sheet.getRange(r.split('!').pop()!);
          range.load('address,values,formulas,numberFormat');
          return range;
        });
        reads.push({ w, sheet, full: null, parts });
      }
    }
    if (reads.length > 0) await session.sync();
    const engine = await loadEngine();
    for (const r of reads) {
      if (r.full) {
        if (r.full.isNullObject) continue;
        const addr = r.full.address.split('!').pop()!;
        r.w.snapshot = {
          ...r.w.snapshot,
          name: r.sheet.name,
          origin: addr.split(':')[0],
          values: r.full.values as CellValue[][],
          formulas: r.full.formulas as CellValue[][],
          numberFormats: r.full.numberFormat as string[][],
        };
        r.w.name = r.sheet.name;
      } else {
        rename(r.w, r.sheet.name, engine);
        for (const part of r.parts) patch(r.w.snapshot, part);
      }
      check(r.w, engine);
    }
    const grew = probe.size > 0 && (await watchNew(session, probe));
    if (reads.length === 0 && !grew) return;
    recheckAcross(engine.crossSheetFindings);
    if (!stopped) report(session.syncs);
  }

  // Start: read and check every template sheet, register the handlers; nothing is written.
  await core.operation(async (session) => {
    const state = await core.read<never>(session, { data: isChecked });
    const checked = state.templates.filter((s) => s.snapshot && isChecked(s.marker!.templateId));
    // A workbook with no template sheet yet has nothing to check: don't fetch the engine for it.
    if (checked.length > 0) {
      const engine = await loadEngine();
      for (const s of checked) {
        const w = { id: s.id, name: s.name, snapshot: s.snapshot! };
        watched.set(s.id, w);
        check(w, engine);
      }
      recheckAcross(engine.crossSheetFindings);
    }
    for (const w of watched.values()) listen(session, w.id);
    const sheets = session.ctx.workbook.worksheets;
    handlers.push(
      // A template sheet inserted later (by anyone) is read and watched; a new sheet without a
      // marker yet (a co-author's insert still being written) is looked at again when it changes.
      sheets.onAdded.add(async (e: Excel.WorksheetAddedEventArgs) => {
        if (stopped || watched.has(e.worksheetId)) return;
        added.add(e.worksheetId);
        schedule();
      }),
      sheets.onDeleted.add(async (e: Excel.WorksheetDeletedEventArgs) => {
        if (stopped || !drop(e.worksheetId)) return;
        running = running
          .then(() => loadEngine())
          .then((engine) => {
            recheckAcross(engine.crossSheetFindings);
            if (!stopped) report(0);
          })
          .catch(fail);
      }),
    );
    if (renameEvents)
      handlers.push(
        sheets.onNameChanged.add(async (e: Excel.WorksheetNameChangedEventArgs) => {
          const w = watched.get(e.worksheetId);
          if (stopped || !w) return;
          running = running
            .then(() => loadEngine())
            .then((engine) => {
              if (!rename(w, e.nameAfter, engine) || stopped) return;
              recheckAcross(engine.crossSheetFindings);
              report(0);
            })
            .catch(fail);
        }),
      );
    await session.sync();
    report(session.syncs);
  });

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    await running;
    const added = handlers.splice(0);
    // Removed on the context that added them, inside Excel.run (docs/excel/excel-add-ins-events.md):
    // the start's handlers and those of sheets watched later were added in different runs.
    const byContext = new Map<unknown, OfficeExtension.EventHandlerResult<unknown>[]>();
    for (const h of added) byContext.set(h.context, [...(byContext.get(h.context) ?? []), h]);
    for (const group of byContext.values())
      await core.exclusive(async () => {
        try {
          await core.deps.run(group[0].context, async (ctx) => {
            for (const h of group) h.remove();
            await ctx.sync();
          });
        } catch (e) {
          throw ExcelOperationError.from(e);
        }
      });
    if (lastError !== null) throw ExcelOperationError.from(lastError);
  };
}
