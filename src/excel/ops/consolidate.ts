/**
 * "Tổng hợp từ tệp đơn vị": writes what the pane consolidated (src/consolidate, pure code run in
 * the pane) into the open workbook. One operation: the template sheets are created or refreshed
 * exactly as "Chèn biểu mẫu" does (inject.ts: never a value lost, foreign sheets kept, new names
 * when taken); then column A is read to find each row by key (rows may have been moved) and the
 * consolidated values, the PAR scores and the sources sheet are written. A cancelled reading in
 * the pane never reaches this operation, so no sheet is ever half-written by a cancel.
 */
import { TEMPLATE_IDS } from '../../catalog';
import type { TemplateId } from '../../catalog/types';
import type { ConsolidationWrite, ConsolidationWriteReport, ProgressListener } from '../../contracts/operations';
import { SOURCES_TITLES } from '../../consolidate/sources';
import { buildSheetPlan } from '../../layout';
import { columnLetter } from '../../layout/a1';
import { ACTIONS, AdapterCore, isChecked, loadEngine, progressOf, sameName } from '../core';
import type { Session } from '../session';
import { ExcelOperationError } from '../errors';
import { freeName } from '../names';
import { jsonBytes } from '../session';
import { protectText } from '../queue';
import { injectTemplates } from './templates';

/** Rows below the plan's last row that are still searched for keys (rows the official added). */
const KEY_SEARCH_MARGIN = 500;

/**
 * A value as written: text that Excel would read as a formula ("=", "+", "-", "@"), a number or a
 * date is written as text, by the one rule every write of text uses (queue.ts, protectText).
 */
function asCellValue(v: string | number | null, numberFormat?: string): string | number {
  if (v === null) return '';
  return protectText(v, numberFormat) as string | number;
}

/**
 * A reporting unit's own return is never written over: a template sheet holding entries, in a
 * workbook that is not an earlier consolidation (no sources sheet of ours), stops the write
 * before anything is written, saying which sheets hold them.
 */
async function refuseUnitData(core: AdapterCore, session: Session, sourcesName: string): Promise<void> {
  const state = await core.read<never>(session, { data: isChecked });
  const { validateSheet } = await loadEngine();
  const filled = core.snapshots(state).filter((snap) => validateSheet(snap, core.messages).cellsFilled > 0);
  if (filled.length === 0) return;
  const sources = state.sheets.find((s) => sameName(s.name, sourcesName));
  if (sources) {
    const a1 = session.ctx.workbook.worksheets.getItem(sources.name).getRange('A1').load('values');
    await session.sync();
    if (SOURCES_TITLES.some((t) => t === String(a1.values[0][0]).trim())) return;
  }
  const names = filled.map((s) => s.name).join(', ');
  throw ExcelOperationError.of('HoldsUnitData', {
    vi: `Trang có số liệu: ${names}.`,
    en: `Sheets with figures: ${names}.`,
  });
}

export function writeConsolidation(
  core: AdapterCore,
  input: ConsolidationWrite,
  onProgress?: ProgressListener,
): Promise<ConsolidationWriteReport> {
  const wanted: TemplateId[] = TEMPLATE_IDS.filter(
    (id) => input.sheets.some((s) => s.templateId === id) || (id === 'PAR' && input.par !== null),
  );
  return core.button(ACTIONS.consolidate, async (session) => {
    if (core.readOnly) throw ExcelOperationError.of('ReadOnlyWorkbook');
    const step = progressOf(onProgress, 4);
    step({ vi: 'Đang đọc sổ làm việc', en: 'Reading the workbook' });
    await refuseUnitData(core, session, input.sources.name);
    const { state, targets, renamed, out } = await injectTemplates(core, session, wanted, {
      parYear: input.parYear,
      beforeWrite: () =>
        step({ vi: 'Đang tạo hoặc làm mới các trang biểu mẫu', en: 'Creating or refreshing the template sheets' }),
    });
    for (const w of out.written) core.cache.set(w.id, w.marker, w.name);

    // One sheet per template receives the figures: the one inject named first (its primary).
    const sheets = session.ctx.workbook.worksheets;
    const primary = new Map<TemplateId, string>();
    for (const t of targets) if (!primary.has(t.plan.templateId)) primary.set(t.plan.templateId, t.plan.name);
    const keyColumns = [...primary].map(([id, name]) => {
      const plan = buildSheetPlan(id, { parYear: input.parYear });
      const last = Math.max(...plan.rows.map((r) => r.row)) + KEY_SEARCH_MARGIN;
      return { id, name, plan, range: sheets.getItem(name).getRange(`A1:A${last}`).load('values') };
    });
    const taken = [...state.sheets.map((s) => s.name), ...out.written.map((w) => w.name)];
    const existingSources = state.sheets.find((s) => sameName(s.name, input.sources.name));
    const sourcesA1 = existingSources ? sheets.getItem(existingSources.name).getRange('A1').load('values') : null;
    await session.sync();

    step({ vi: 'Đang ghi số liệu tổng hợp', en: 'Writing the consolidated figures' });
    const { rowsByKey } = await loadEngine();
    let cellsWritten = 0;
    const write = async (sheetName: string, address: string, value: string | number) => {
      await session.reserve(jsonBytes(value) + 200);
      sheets.getItem(sheetName).getRange(address).values = [[value]];
      cellsWritten++;
    };
    for (const { id, name, plan, range } of keyColumns) {
      // The range starts at A1: values[0] is sheet row 1.
      const rowOf = rowsByKey(range.values, 0, 1);
      const inputs = new Map(plan.rows.map((r) => [r.key, r.inputs]));
      const planRow = new Map(plan.rows.map((r) => [r.key, r.row]));
      const formats = new Map(plan.cells.map((c) => [c.address, c.numberFormat]));
      /** The number format the plan gives the cell (an official may have moved the row, not its format). */
      const formatOf = (rowKey: string, column: string) =>
        formats.get(`${inputs.get(rowKey)?.[column]}${planRow.get(rowKey)}`);
      const place = (rowKey: string, column: string) => {
        const letter = inputs.get(rowKey)?.[column];
        const row = rowOf.get(rowKey);
        return letter && row ? `${letter}${row}` : null;
      };
      if (id === 'PAR') {
        for (const v of input.sheets.find((s) => s.templateId === 'PAR')?.values ?? []) {
          const address = place(v.rowKey, v.column);
          if (address) await write(name, address, asCellValue(v.value, formatOf(v.rowKey, v.column)));
        }
        for (const m of input.par ?? []) {
          const score = place(m.rowKey, 'score');
          const evidence = place(m.rowKey, 'evidence');
          if (score && m.score !== null) await write(name, score, m.score);
          if (evidence && m.evidence)
            await write(name, evidence, asCellValue(m.evidence, formatOf(m.rowKey, 'evidence')));
        }
        continue;
      }
      for (const v of input.sheets.find((s) => s.templateId === id)?.values ?? []) {
        const address = place(v.rowKey, v.column);
        if (address) await write(name, address, asCellValue(v.value, formatOf(v.rowKey, v.column)));
      }
    }

    // The sources sheet: ours (its title in A1) is rewritten; a foreign one of that name is kept.
    const ours = sourcesA1 !== null && SOURCES_TITLES.some((t) => t === String(sourcesA1.values[0][0]).trim());
    const sourcesName = existingSources && ours ? existingSources.name : freeName(input.sources.name, taken);
    if (existingSources && !ours) renamed.push({ wanted: input.sources.name, used: sourcesName });
    const width = Math.max(1, ...input.sources.rows.map((r) => r.length));
    const grid = input.sources.rows.map((r) => [
      ...r.map((v) => asCellValue(v)),
      ...new Array<string>(width - r.length).fill(''),
    ]);
    const target = existingSources && ours ? sheets.getItem(sourcesName) : sheets.add(sourcesName);
    if (existingSources && ours) target.getRange().clear();
    if (grid.length > 0) {
      await session.reserve(jsonBytes(grid) + 200);
      target.getRange(`A1:${columnLetter(width)}${grid.length}`).values = grid;
    }
    await session.sync();
    step({ vi: 'Xong', en: 'Done' });
    return {
      created: out.created,
      refreshed: [...out.refreshed, ...out.upgraded],
      cellsWritten,
      sourcesSheet: sourcesName,
      renamed,
      syncs: session.syncs,
    };
  });
}
