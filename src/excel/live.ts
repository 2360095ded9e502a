/**
 * Live validation: while the pane is open, cells are checked again when they change.
 *
 * Co-authoring, as Microsoft's "Coauthoring in Excel add-ins" guide describes it: every open pane
 * receives onChanged for every co-author's edit (`source: "Remote"`), so a pane that wrote on
 * every event would make N writes for each edit in a workbook with N panes open. Here:
 * - starting writes nothing (a view-only user can open the pane);
 * - the local user's own edits (`source: "Local"`) re-check the changed cells and update that
 *   sheet's marks (CCHC_FLAGS), at most once per burst of edits;
 * - what needs several sheets (Section VIII against the Appendix 1 figures, the report outline
 *   against them) is worked out again after every re-check, from the snapshots already held, so
 *   an edit of a figure on sheet III updates a suggestion on sheet VIII without reading VIII;
 * - a co-author's edits, and sheet activation, refresh the findings list only: the co-author's
 *   own pane marks their edits;
 * - every check runs in the adapter's one queue (AdapterCore.exclusive), so it never
 *   interleaves with a button's operation;
 * - handlers are removed inside Excel.run on the context that added them, as documented.
 */
import type { ValidationReport } from '../contracts/operations';
import type { Bilingual, CellValue, Finding, SheetResult, SheetSnapshot } from '../engine/types';
import { parseCell } from '../layout/a1';
import { AdapterCore, isAccessDenied, isChecked, loadEngine, READ_ONLY_NOTE, readWindow } from './core';
import { ExcelOperationError, describeExcelError, type ExcelErrorInfo } from './errors';
import { FLAGS_NAME } from './flags';
import { SnapshotReader } from './grid';
import type { SheetState } from './read';
import type { Session } from './session';
import { queueFlags, reportOf } from './ops/validate';

interface Watched {
  id: string;
  name: string;
  snapshot: SheetSnapshot;
}

interface Pending {
  ranges: Set<string>;
  /** Re-read the whole sheet (a structural change, an activation, an edit outside the snapshot). */
  full: boolean;
  /** The local user edited this sheet: its marks may be written. */
  local: boolean;
}

/** Templates on which the cross-sheet checks put findings that are marked (not only listed). */
const CROSS_MARKED: ReadonlySet<string> = new Set(['VIII', 'OUTLINE']);

const A1_RANGE = /^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i;

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
  const watched = new Map<string, Watched>();
  /** Each sheet's own findings (validateSheet). */
  const results = new Map<string, SheetResult>();
  /** Findings that need several sheets, by the id of the sheet they are on. */
  let across = new Map<string, Finding[]>();
  const pending = new Map<string, Pending>();
  let timer: ReturnType<typeof setTimeout> | null = null;
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

  /**
   * The cross-sheet checks again, over every snapshot held. Sheets whose cross-sheet findings
   * changed are remembered again (a fix compares the cell with what was seen); the ids of those
   * whose marked findings (errors, warnings) changed are returned.
   */
  const recheckAcross = (check: (snapshots: SheetSnapshot[], options: typeof core.messages) => Finding[]) => {
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
    const marked = (fs: Finding[] | undefined) =>
      (fs ?? [])
        .filter((f) => f.severity !== 'info')
        .map((f) => `${f.cell}|${f.severity}`)
        .sort()
        .join(',');
    const changed = new Set<string>();
    for (const w of list) {
      if ((before.get(w.id)?.length ?? 0) + (next.get(w.id)?.length ?? 0) > 0)
        core.remember(w.snapshot, resultOf(w)?.findings ?? []);
      if (marked(before.get(w.id)) !== marked(next.get(w.id))) changed.add(w.id);
    }
    return changed;
  };

  const report = (syncs: number, notes: Bilingual[]) => {
    const list = [...watched.values()].map(resultOf).filter((r): r is SheetResult => !!r);
    onReport(reportOf(list, core.readOnly ? [...notes, READ_ONLY_NOTE] : notes, syncs));
  };

  const mark = (sheetId: string, address: string | null, local: boolean) => {
    if (stopped || !watched.has(sheetId)) return;
    const p = pending.get(sheetId) ?? { ranges: new Set<string>(), full: false, local: false };
    if (address === null) p.full = true;
    else p.ranges.add(address);
    p.local ||= local;
    pending.set(sheetId, p);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      running = running.then(() => core.exclusive(flush)).catch(fail);
    }, core.debounceMs);
  };

  /** Marks of sheets the local user edited, compared with the name as it is now (a co-author may have changed it). */
  async function writeMarks(session: Session, sheets: { w: Watched; flags: Excel.NamedItem }[], notes: Bilingual[]) {
    if (sheets.length === 0 || core.readOnly) return;
    const states: SheetState<unknown>[] = sheets.map(({ w, flags }) => ({
      id: w.id,
      name: w.name,
      position: 0,
      visible: true,
      marker: { templateId: w.snapshot.templateId, version: w.snapshot.version },
      markerName: undefined,
      a1Overwritten: null,
      snapshot: w.snapshot,
      flags: flags.isNullObject ? null : flags.formula,
      extras: undefined,
    }));
    const byName = new Map(sheets.map(({ w }) => [w.name, resultOf(w)!]));
    const queued = queueFlags(session, states, byName);
    notes.push(...queued.notes);
    if (queued.writes === 0) return;
    try {
      await session.sync();
    } catch (e) {
      if (!isAccessDenied(e)) throw e;
      core.learnReadOnly();
    }
  }

  async function flush(): Promise<void> {
    if (stopped || pending.size === 0) return;
    const batch = new Map(pending);
    pending.clear();
    await core.withSession(async (session) => {
      const collection = session.ctx.workbook.worksheets;
      const reads: {
        w: Watched;
        full: Excel.Range | null;
        parts: Excel.Range[];
        flags: Excel.NamedItem | null;
      }[] = [];
      for (const [id, p] of batch) {
        const w = watched.get(id);
        if (!w) continue;
        const sheet = collection.getItem(id);
        // A change outside what we hold (rows added below, say) needs the whole sheet again.
        const full = p.full || [...p.ranges].some((r) => !A1_RANGE.test(r.split('!').pop()!) || !inside(w.snapshot, r));
        let flags: Excel.NamedItem | null = null;
        if (p.local && !core.readOnly) {
          flags = sheet.names.getItemOrNullObject(FLAGS_NAME);
          flags.load('formula');
        }
        if (full) {
          const used = sheet.getRange(readWindow()).getUsedRangeOrNullObject(true);
          used.load('address,values,formulas,numberFormat');
          reads.push({ w, full: used, parts: [], flags });
        } else {
          const parts = [...p.ranges].map((r) => {
            const range = sheet.getRange(r.split('!').pop()!);
            range.load('address,values,formulas,numberFormat');
            return range;
          });
          reads.push({ w, full: null, parts, flags });
        }
      }
      if (reads.length === 0) return;
      // The user's own edit may change what the cross-sheet checks mark on sheets not edited (a
      // figure on III contradicts an assessment on VIII): their marks are compared too (a name
      // read in the same request; queueFlags writes only a list that differs).
      const alsoMarked: { w: Watched; flags: Excel.NamedItem }[] = [];
      if (reads.some((r) => r.flags))
        for (const w of watched.values())
          if (CROSS_MARKED.has(w.snapshot.templateId) && !reads.some((r) => r.w === w && r.flags)) {
            const flags = collection.getItem(w.id).names.getItemOrNullObject(FLAGS_NAME);
            flags.load('formula');
            alsoMarked.push({ w, flags });
          }
      await session.sync();
      const { validateSheet, crossSheetFindings } = await loadEngine();
      const toMark: { w: Watched; flags: Excel.NamedItem }[] = [];
      for (const r of reads) {
        if (r.full) {
          if (r.full.isNullObject) continue;
          const addr = r.full.address.split('!').pop()!;
          r.w.snapshot = {
            ...r.w.snapshot,
            origin: addr.split(':')[0],
            values: r.full.values as CellValue[][],
            formulas: r.full.formulas as CellValue[][],
            numberFormats: r.full.numberFormat as string[][],
          };
        } else {
          for (const part of r.parts) patch(r.w.snapshot, part);
        }
        const result = validateSheet(r.w.snapshot, core.messages);
        results.set(r.w.id, result);
        core.remember(r.w.snapshot, result.findings);
        if (r.flags) toMark.push({ w: r.w, flags: r.flags });
      }
      const changedAcross = recheckAcross(crossSheetFindings);
      // Only where this re-check changed what is marked: marks a co-author's earlier edit changed
      // (listed, not marked, by this pane) are not written on the back of an unrelated edit.
      toMark.push(...alsoMarked.filter((m) => changedAcross.has(m.w.id)));
      const notes: Bilingual[] = [];
      await writeMarks(session, toMark, notes);
      if (!stopped) report(session.syncs, notes);
    });
  }

  // Start: read and check every template sheet, register the handlers; nothing is written.
  await core.operation(async (session) => {
    const state = await core.read<never>(session, { data: isChecked });
    const checked = state.templates.filter((s) => s.snapshot && isChecked(s.marker!.templateId));
    // A workbook with no template sheet yet has nothing to check: don't fetch the engine for it.
    if (checked.length > 0) {
      const { validateSheet, crossSheetFindings } = await loadEngine();
      for (const s of checked) {
        const snapshot = s.snapshot!;
        watched.set(s.id, { id: s.id, name: s.name, snapshot });
        const r = validateSheet(snapshot, core.messages);
        results.set(s.id, r);
        core.remember(snapshot, r.findings);
      }
      recheckAcross(crossSheetFindings);
    }
    const collection = session.ctx.workbook.worksheets;
    for (const w of watched.values()) {
      const sheet = collection.getItem(w.id);
      handlers.push(
        sheet.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
          // details is absent for pastes, multi-cell edits and remote edits: the address is all we rely on.
          const structural = e.changeType !== undefined && e.changeType !== 'RangeEdited';
          // Hosts older than co-authoring events send no source: the edit is this user's. The
          // add-in's own writes (a button's) are not the user's edits: they refresh the list only.
          const byUser = e.source !== 'Remote' && e.triggerSource !== 'ThisLocalAddin';
          mark(e.worksheetId ?? w.id, structural ? null : e.address, byUser);
        }),
      );
      handlers.push(
        // Some hosts raise no onChanged for a drop-down pick: re-check a sheet when it is shown.
        sheet.onActivated.add(async (e: Excel.WorksheetActivatedEventArgs) => {
          mark(e.worksheetId ?? w.id, null, false);
        }),
      );
    }
    if (handlers.length > 0) await session.sync();
    report(session.syncs, []);
  });

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
    await running;
    if (handlers.length > 0) {
      const added = handlers.splice(0);
      // Removed on the context that added them, inside Excel.run (docs/excel/excel-add-ins-events.md).
      await core.exclusive(async () => {
        try {
          await core.deps.run(added[0].context, async (ctx) => {
            for (const h of added) h.remove();
            await ctx.sync();
          });
        } catch (e) {
          throw ExcelOperationError.from(e);
        }
      });
    }
    if (lastError !== null) throw ExcelOperationError.from(lastError);
  };
}
