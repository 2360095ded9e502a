/**
 * "Kiểm tra dữ liệu": every input cell of every template sheet checked by the engine, the cells
 * to review marked through each sheet's CCHC_FLAGS name (two conditional formats per sheet read
 * it: errors red, warnings orange), one-click fixes that never overwrite a cell changed since it
 * was checked, and removing the marks. Marks are written only by a button press (live checking only reads: live.ts);
 * a view-only user gets the list alone.
 */
import type { FixReport, ProgressListener } from '../../contracts/operations';
import type { Bilingual, CellValue, Finding, Fix, SheetResult } from '../../engine/types';
import {
  ACTIONS,
  AdapterCore,
  countBySeverity,
  isAccessDenied,
  isChecked,
  loadEngine,
  progressOf,
  protectedSheetNote,
  READ_ONLY_NOTE,
} from '../core';
import { ExcelOperationError } from '../errors';
import { cellAddress, parseCell } from '../../layout/a1';
import { FLAG_COLUMN, parseRowFlagText } from '../../layout/flagColumn';
import { flagStoreOf, RULES_NAME } from '../../layout/ruleRecord';
import { foreignHelperNote, helperCellsOf, helperWrites, rowTexts } from '../flagColumnWrites';
import { flaggedCells, truncationNote } from '../../engine/marks';
import type { FlaggedCell } from '../../layout/flaggedCell';
import { EMPTY_FLAGS, FLAGS_NAME, flagsFormula, parseFlags } from '../../layout/flagsName';
import {
  commandsBytes,
  flagsNameCommands,
  nameFormulaCommands,
  onSheet,
  protectText,
  queueCommands,
  type Command,
} from '../queue';
import { calculationNotes, type SheetState } from '../read';
import { pathBytes, type Session } from '../session';
import type { ExcelValidationReport } from '../types';

/**
 * The mark writes of sheets whose marks changed, a list of commands per sheet (from the
 * workbook), and notes. A sheet inserted by this version (its CCHC_RULES record says its rules
 * read the helper column) gets its helper column written (flagColumnWrites.ts), and a CCHC_FLAGS
 * list an earlier version left emptied, so that the earlier rules still below the new ones mark
 * nothing stale. A sheet inserted earlier keeps its CCHC_FLAGS list (cut at Excel's formula
 * limit, with a note) until "Chèn biểu mẫu" upgrades it; a sheet without the name gets one only
 * when it has something to mark.
 */
export function flagWrites(
  sheets: SheetState<unknown>[],
  results: Map<string, SheetResult>,
): { notes: Bilingual[]; writes: Command[][] } {
  const notes: Bilingual[] = [];
  const writes: Command[][] = [];
  for (const s of sheets) {
    if (!s.marker || s.flags === undefined) continue;
    const result = results.get(s.name);
    if (!result) continue;
    const cells = flaggedCells(result.findings);
    if (flagStoreOf(s.rulesRecord) === 'column') {
      const commands = helperColumnCommands(s, cells, notes);
      if (commands.length > 0) writes.push(onSheet(s.id, commands));
      continue;
    }
    const f = flagsFormula(cells);
    if (f.left > 0) notes.push(truncationNote(s.name, f.cells.length, f.left));
    if (s.flags === null) {
      if (f.formula === EMPTY_FLAGS) continue;
      writes.push(onSheet(s.id, flagsNameCommands(f.formula)));
    } else if (s.flags !== f.formula) {
      writes.push(onSheet(s.id, nameFormulaCommands(FLAGS_NAME, f.formula)));
    }
    s.flags = f.formula;
  }
  return { notes, writes };
}

/** The helper column's writes of one sheet, and emptying an earlier version's list. */
function helperColumnCommands(s: SheetState<unknown>, cells: FlaggedCell[], notes: Bilingual[]): Command[] {
  const { writes, foreign } = helperWrites(helperCellsOf(s.snapshot), rowTexts(cells));
  if (foreign.length > 0) notes.push(foreignHelperNote(s.name, foreign));
  const commands: Command[] = writes.map((w) => ({
    path: [['getRange', w.address]],
    acts: [{ set: 'values', value: w.values }],
  }));
  if (s.flags && s.flags !== EMPTY_FLAGS) {
    commands.push(...nameFormulaCommands(FLAGS_NAME, EMPTY_FLAGS));
    s.flags = EMPTY_FLAGS;
  }
  return commands;
}

/**
 * Reserves, then queues, each sheet's mark writes (from the workbook); returns how many sheets
 * are written. The reservation may send what is queued before (a very large workbook).
 */
export async function putMarks(session: Session, writes: Command[][]): Promise<number> {
  for (const commands of writes) {
    await session.reserve(commandsBytes(pathBytes('workbook'), commands));
    queueCommands(session.ctx.workbook, commands);
  }
  return writes.length;
}

/**
 * Sends queued mark writes. A view-only user gets the findings with a note instead of an
 * error (the marks are a convenience; the list is the result). Where sheets are protected, the
 * others are marked and a note names the protected ones (a protected sheet is not a view-only
 * workbook).
 */
export async function syncMarks(
  core: AdapterCore,
  session: Session,
  writes: number,
  notes: Bilingual[],
  marked?: { sheets: SheetState<unknown>[]; results: Map<string, SheetResult> },
): Promise<void> {
  if (writes === 0) return;
  try {
    await session.sync();
  } catch (e) {
    if (!isAccessDenied(e)) throw e;
    if (!core.deps.readOnly?.() && marked && (await markAroundProtected(session, marked.sheets, marked.results, notes)))
      return;
    core.learnReadOnly();
    notes.push(READ_ONLY_NOTE);
  }
}

/**
 * After a mark write was refused: which sheets are protected, and each sheet's marks as they are
 * now (the refused request may have run in part); the unprotected sheets are marked again.
 * False when no sheet is protected (the refusal was for lack of rights). Up to three round
 * trips, only on this path.
 */
async function markAroundProtected(
  session: Session,
  templates: SheetState<unknown>[],
  results: Map<string, SheetResult>,
  notes: Bilingual[],
): Promise<boolean> {
  const sheets = session.ctx.workbook.worksheets.load('items/name');
  await session.sync();
  const states = sheets.items.map((s) => ({
    name: s.name,
    protection: s.protection.load('protected'),
    flags: s.names.getItemOrNullObject(FLAGS_NAME).load('formula'),
  }));
  await session.sync();
  const locked = new Set(states.filter((x) => x.protection.protected).map((x) => x.name));
  if (locked.size === 0) return false;
  notes.push(protectedSheetNote([...locked], MARKING));
  const now = new Map(states.map((x) => [x.name, x.flags.isNullObject ? null : (x.flags.formula as string)]));
  const open = templates.filter((t) => !locked.has(t.name) && now.has(t.name));
  for (const t of open) t.flags = now.get(t.name);
  if ((await putMarks(session, flagWrites(open, results).writes)) > 0) await session.sync();
  return true;
}

const MARKING = { vi: 'tô màu các ô cần xem ở đó', en: 'mark the cells to review there' };

export function reportOf(results: SheetResult[], notes: Bilingual[], syncs: number): ExcelValidationReport {
  const findings = results.flatMap((r) => r.findings);
  return {
    findings,
    counts: countBySeverity(findings),
    cellsChecked: results.reduce((n, r) => n + r.cellsChecked, 0),
    cellsFilled: results.reduce((n, r) => n + r.cellsFilled, 0),
    syncs,
    notes,
  };
}

export function validate(core: AdapterCore, onProgress?: ProgressListener): Promise<ExcelValidationReport> {
  return core.operation(async (session) => {
    const step = progressOf(onProgress, 3);
    step({ vi: 'Đang đọc các trang biểu mẫu', en: 'Reading the template sheets' });
    const state = await core.read<never>(session, { data: isChecked, calculate: true });
    step({ vi: 'Đang kiểm tra', en: 'Checking' });
    const { validateSheet, crossSheetFindings } = await loadEngine();
    const results = new Map<string, SheetResult>();
    const snapshots = core.snapshots(state);
    for (const snap of snapshots) results.set(snap.name, validateSheet(snap, core.messages));
    // Section VIII against the Appendix 1 data and the report outline against its figures.
    for (const f of crossSheetFindings(snapshots, core.messages)) results.get(f.sheet)?.findings.push(f);
    for (const snap of snapshots) core.remember(snap, results.get(snap.name)?.findings ?? []);
    const notes: Bilingual[] = calculationNotes(state);
    if (core.readOnly) notes.push(READ_ONLY_NOTE);
    else {
      const marks = flagWrites(state.templates, results);
      notes.push(...marks.notes);
      const writes = await putMarks(session, marks.writes);
      await syncMarks(core, session, writes, notes, { sheets: state.templates, results });
    }
    step({ vi: 'Đã đánh dấu các ô cần xem', en: 'Marked the cells to review' });
    return reportOf([...results.values()], notes, session.syncs);
  });
}

/**
 * "Sửa" / "Sửa tất cả": writes each finding's mechanical fix (how the official's own value is
 * written: "0,5" → 0.5, "đạt" → "Đạt"). A suggestion (an assessment, a rescaled figure, a restored
 * formula) is never written here: applySuggestion writes one, for a person who has read it.
 */
export function applyFixes(core: AdapterCore, findings: Finding[]): Promise<FixReport> {
  return writeChanges(core, findings, 'fix');
}

/** "Áp dụng đề xuất": one finding's suggestion, applied by the person who read it (never in bulk). */
export function applySuggestion(core: AdapterCore, finding: Finding): Promise<FixReport> {
  return writeChanges(core, [finding], 'suggestion');
}

const NOT_A_FIX: Bilingual = {
  vi: 'Đây là một đề xuất (giá trị cán bộ chưa nhập), không phải sửa cách ghi: xem và áp dụng riêng đề xuất này nếu đồng ý.',
  en: 'This is a suggestion (a value the official did not enter), not a rewrite: read it and apply it on its own if you agree.',
};

function writeChanges(core: AdapterCore, findings: Finding[], kind: 'fix' | 'suggestion'): Promise<FixReport> {
  return core.button(kind === 'fix' ? ACTIONS.fix : ACTIONS.suggestion, async (session) => {
    if (core.readOnly) throw ExcelOperationError.of('ReadOnlyWorkbook');
    const skipped: FixReport['skipped'] = [];
    const collection = session.ctx.workbook.worksheets;
    const probes: { finding: Finding; change: Fix; range: Excel.Range }[] = [];
    const flagNames = new Map<string, { flags: Excel.NamedItem; rules: Excel.NamedItem }>();
    const helpers: { sheet: string; row: number; range: Excel.Range }[] = [];
    const targeted = new Set<string>();
    for (const f of findings) {
      const change = kind === 'fix' ? f.fix : f.suggestion;
      if (!change) {
        skipped.push({
          finding: f,
          reason:
            kind === 'fix' && f.suggestion
              ? NOT_A_FIX
              : kind === 'fix'
                ? { vi: 'Lỗi này không có cách sửa tự động.', en: 'This finding has no automatic fix.' }
                : { vi: 'Lỗi này không có đề xuất.', en: 'This finding has no suggestion.' },
        });
        continue;
      }
      const key = core.seenKey(f.sheet, f.cell);
      if (targeted.has(key)) {
        skipped.push({
          finding: f,
          reason: { vi: 'Ô này đã được sửa theo một đề xuất khác.', en: 'Another fix already targets this cell.' },
        });
        continue;
      }
      if (!core.seen.has(key)) {
        skipped.push({
          finding: f,
          reason: {
            vi: 'Chưa kiểm tra ô này trong phiên này: bấm "Kiểm tra dữ liệu" rồi sửa lại.',
            en: 'This cell was not checked in this session: press "Check data" first, then fix it.',
          },
        });
        continue;
      }
      targeted.add(key);
      const sheet = collection.getItem(f.sheet);
      const range = sheet.getRange(f.cell);
      range.load('values,formulas,numberFormat');
      probes.push({ finding: f, change, range });
      if (!flagNames.has(f.sheet)) {
        const flags = sheet.names.getItemOrNullObject(FLAGS_NAME).load('formula');
        const rules = sheet.names.getItemOrNullObject(RULES_NAME).load('formula');
        flagNames.set(f.sheet, { flags, rules });
      }
      const row = parseCell(f.cell.replace(/\$/g, '')).row;
      helpers.push({ sheet: f.sheet, row, range: sheet.getRange(`${FLAG_COLUMN}${row}`).load('values,formulas') });
    }
    if (probes.length === 0) return { applied: 0, skipped, syncs: session.syncs };
    await session.sync();

    let applied = 0;
    const fixedBySheet = new Map<string, Set<string>>();
    for (const { finding: f, change, range } of probes) {
      const before = core.seen.get(core.seenKey(f.sheet, f.cell));
      const value = range.values[0][0] as CellValue;
      const formula = range.formulas[0][0] as CellValue;
      if (!before || before.value !== value || before.formula !== formula) {
        skipped.push({
          finding: f,
          reason: {
            vi: `Ô ${f.cell} đã bị thay đổi sau lần kiểm tra (có thể do người khác sửa): không ghi đè.`,
            en: `Cell ${f.cell} changed after validation (perhaps a co-author edited it): not overwritten.`,
          },
        });
        continue;
      }
      if (change.formula) range.formulas = [[change.formula]];
      // A text value is written as text, whatever it starts with (queue.ts, protectText).
      else range.values = [[change.value === null ? '' : protectText(change.value, String(range.numberFormat[0][0]))]];
      core.seen.delete(core.seenKey(f.sheet, f.cell));
      applied++;
      const set = fixedBySheet.get(f.sheet) ?? new Set<string>();
      set.add(f.cell.toUpperCase());
      fixedBySheet.set(f.sheet, set);
    }
    // Fixed cells lose their mark in the same request.
    for (const [sheetName, fixed] of fixedBySheet) {
      const names = flagNames.get(sheetName);
      if (!names) continue;
      if (flagStoreOf(names.rules.isNullObject ? null : names.rules.formula) === 'column') {
        queueUnmarkFixed(
          helpers.filter((h) => h.sheet === sheetName),
          fixed,
        );
        continue;
      }
      const name = names.flags;
      if (name.isNullObject) continue;
      const remaining = parseFlags(name.formula).filter((c) => !fixed.has(c.cell));
      const next = flagsFormula(remaining).formula;
      if (next !== name.formula) name.formula = next;
    }
    if (applied > 0) await session.sync();
    return { applied, skipped, syncs: session.syncs };
  });
}

/** Fixed cells leave their row's helper text (only text the add-in wrote: flagColumnWrites.ts). */
function queueUnmarkFixed(helpers: { row: number; range: Excel.Range }[], fixed: Set<string>): void {
  const done = new Set<number>();
  for (const h of helpers) {
    if (done.has(h.row)) continue;
    done.add(h.row);
    const now = new Map([
      [h.row, { value: h.range.values[0][0] as CellValue, formula: h.range.formulas[0][0] as CellValue }],
    ]);
    const kept = parseRowFlagText(h.range.values[0][0])
      .map((m) => ({ cell: cellAddress(h.row, m.col), severity: m.severity }))
      .filter((c) => !fixed.has(c.cell));
    for (const w of helperWrites(now, rowTexts(kept)).writes) h.range.values = w.values;
  }
}

export async function removeMarks(core: AdapterCore): Promise<void> {
  await core.button(ACTIONS.removeMarks, async (session) => {
    if (core.readOnly) throw ExcelOperationError.of('ReadOnlyWorkbook');
    // The helper column's cells are read with the window: only they are cleared, and only the add-in's text.
    const state = await core.read<never>(session, { data: 'all' });
    const marks: Command[][] = [];
    for (const s of state.templates) {
      if (flagStoreOf(s.rulesRecord) === 'column') {
        const commands = helperColumnCommands(s, [], []);
        if (commands.length > 0) marks.push(onSheet(s.id, commands));
        continue;
      }
      if (s.flags === null) continue;
      if (s.flags !== EMPTY_FLAGS) marks.push(onSheet(s.id, nameFormulaCommands(FLAGS_NAME, EMPTY_FLAGS)));
    }
    const writes = await putMarks(session, marks);
    if (writes > 0) await session.sync();
  });
}
