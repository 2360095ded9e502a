/**
 * Putting template plans into a workbook: new sheets, refreshes of sheets already in the current
 * layout (only the template cells and rules that differ), and new layouts for sheets whose
 * version or row order changed, with every value an official entered moved by its row key.
 * Values with no place in the new layout go to a visible sheet instead of being dropped.
 */
import type { Bilingual, CellValue } from '../engine/types';
import { columnLetter, rangeAddress, type RangeRef } from '../layout/a1';
import { markerFor, markerNameFormula, parseMarker, parseMarkerFormula, sameMarker } from '../layout/marker';
import type { CellStyle, SheetPlan, StyleId, ValidationPlan } from '../layout/types';
import { ExcelOperationError } from './errors';
import { collectData, placeCarried, type UnplacedValue } from '../engine/carriedValues';
import { SnapshotReader } from '../engine/snapshotReader';
import { diffTemplate, layoutMatches, runs } from '../engine/templateDiff';
import { planArea, planGrid, type PlanGrid, type WriteCell } from '../layout/planGrid';
import { styleRects } from '../layout/styleRects';
import { ownRulesCommands } from './cfRules';
import {
  clearAreaCommands,
  columnCommands,
  commandsBytes,
  flagsNameCommands,
  freezeCommands,
  gridBlockCommands,
  gridBlocks,
  gridRunCommands,
  markerNameCommands,
  mergeCommands,
  printCommands,
  queueCommands,
  rowHeightCommands,
  styleCommands,
  validationCommands,
  type Command,
  type Features,
} from './queue';
import { type Marker, type SheetState, VERSION_NAME, VERSION_PROPERTY } from './read';
import {
  actionBytes,
  getRangeBytes,
  jsonBytes,
  PAYLOAD_BUDGET_BYTES,
  pathBytes,
  rangePathBytes,
  sheetPathBytes,
  type Session,
} from './session';

import { UNPLACED_SHEET } from './names';
import { lateEntries, writeUnplaced, type Relaid } from './unplaced';
import { styleMatches, validationMatches, type RefreshExtras } from './refreshCompare';

const VERSION_COMMENT = 'Phiên bản biểu mẫu CCHC (CCHC template version)';

export type TargetAction = 'create' | 'refresh' | 'upgrade' | 'relayout';

export interface InjectTarget {
  plan: SheetPlan;
  /** The sheet of ours this plan goes into; null to create one named plan.name. */
  existing: SheetState<RefreshExtras> | null;
  /** The plan of the existing sheet's own layout when it is an older version we know. */
  sourcePlan?: SheetPlan | null;
}

export interface InjectOutcome {
  created: string[];
  refreshed: string[];
  upgraded: string[];
  valuesKept: number;
  unplaced: UnplacedValue[];
  unplacedSheet: string | null;
  notes: Bilingual[];
  /** Sheet name → id and marker of every sheet written, for the caller's cache. */
  written: { name: string; id: string; marker: Marker }[];
}

export interface InjectContext {
  session: Session;
  features: Features;
  styles: Record<StyleId, CellStyle>;
  version: string;
  /** Workbook state read before (names in use, the unplaced sheet if any). */
  sheets: SheetState<RefreshExtras>[];
  versionNameExists: boolean;
  now: () => Date;
  onStep?: (label: Bilingual) => void;
}

/**
 * The grid with its empty input cells as null ("leave this cell unchanged", docs/excel/
 * excel-add-ins-blank-null-values.md): after the area was cleared, a write split over several
 * requests must not blank a cell a co-author has typed into since.
 */
function leavingInputs(grid: PlanGrid): PlanGrid {
  const formulas = grid.formulas.map((row, r) =>
    row.map((v, c) => (grid.input[r][c] && v === '' ? (null as unknown as WriteCell) : v)),
  );
  return { ...grid, formulas };
}

/**
 * Reserves what the commands cost, then queues them on the sheet (the reservation may send what
 * is queued before them first).
 */
async function put(session: Session, sheet: Excel.Worksheet, sheetPath: number, commands: Command[]): Promise<void> {
  if (commands.length === 0) return;
  await session.reserve(commandsBytes(sheetPath, commands));
  queueCommands(sheet, commands);
}

/** Reserves, then queues, every style rectangle of a plan (or those `only` accepts). */
async function writeStyles(
  ic: InjectContext,
  sheet: Excel.Worksheet,
  sheetPath: number,
  plan: SheetPlan,
  only: (rect: RangeRef, style: StyleId) => boolean = () => true,
  reset = false,
): Promise<void> {
  for (const [id, rects] of styleRects(plan)) {
    const style = ic.styles[id];
    if (!style) continue;
    for (const rect of rects) {
      if (!only(rect, id)) continue;
      await put(ic.session, sheet, sheetPath, styleCommands(style, rect, ic.features, reset));
    }
  }
}

async function writeValidations(ic: InjectContext, sheet: Excel.Worksheet, sheetPath: number, list: ValidationPlan[]) {
  for (const v of list) await put(ic.session, sheet, sheetPath, validationCommands(v));
}

/** Queues everything that turns an empty (or cleared) area into the plan, with values placed. */
async function writeWholeSheet(
  ic: InjectContext,
  sheet: Excel.Worksheet,
  sheetPath: number,
  plan: SheetPlan,
  grid: PlanGrid,
  /** The sheet's CCHC_RULES formula as read (null: no such name, as on a new sheet). */
  record: string | null,
): Promise<void> {
  const { session, features } = ic;
  await put(session, sheet, sheetPath, columnCommands(plan));
  for (const [top, bottom] of gridBlocks(grid, PAYLOAD_BUDGET_BYTES / 2))
    await put(session, sheet, sheetPath, gridBlockCommands(grid, top, bottom));
  await writeStyles(ic, sheet, sheetPath, plan);
  await put(session, sheet, sheetPath, [...mergeCommands(plan.merges), ...rowHeightCommands(plan)]);
  if (features.dataValidation) await writeValidations(ic, sheet, sheetPath, plan.validations);
  // A new sheet or an area just cleared: the plan's rules, first one on top, and their record
  // (set where the sheet already had one, added otherwise).
  await put(session, sheet, sheetPath, ownRulesCommands(plan.conditionalFormats, record, null, true));
  await put(session, sheet, sheetPath, [
    ...freezeCommands(plan.freeze),
    ...(features.pageLayout ? printCommands(plan.print) : []),
  ]);
}

/** Queues a refresh: only template cells, formats and rules that differ from the plan. */
async function writeRefresh(
  ic: InjectContext,
  sheet: Excel.Worksheet,
  sheetPath: number,
  plan: SheetPlan,
  state: SheetState<RefreshExtras>,
  reader: SnapshotReader,
): Promise<{ overwritten: number }> {
  const { session, features } = ic;
  const grid = planGrid(plan);
  const diff = diffTemplate(grid, reader);
  for (const what of ['formulas', 'numberFormat'] as const) {
    const cells = runs(what === 'formulas' ? diff.content : diff.numberFormat);
    if (!cells.length) continue;
    await put(session, sheet, sheetPath, gridRunCommands(grid, cells, what));
  }

  const extras = state.extras;
  // Styles: those read back different; all of them when the sheet was not known at read time.
  const rewritten = new Set(diff.content.map((c) => `${c.row}:${c.col}`));
  const touches = (r: RangeRef) => {
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) if (rewritten.has(`${row}:${col}`)) return true;
    return false;
  };
  // A cell whose style or validation is not the plan's was most likely pasted over, and a paste
  // cuts the rules there too: the plan's rules are then added whatever the probe says.
  let pasted = false;
  if (extras?.styles) {
    const stale = new Set(
      extras.styles.filter((s) => !styleMatches(ic.styles[s.style], s.format) || touches(s.rect)).map((s) => s.rect),
    );
    const staleKeys = new Set([...stale].map((r) => rangeAddress(r)));
    pasted = stale.size > 0;
    await writeStyles(ic, sheet, sheetPath, plan, (rect) => staleKeys.has(rangeAddress(rect)), true);
  } else {
    await writeStyles(ic, sheet, sheetPath, plan);
  }

  if (features.dataValidation) {
    const stale = extras?.validations
      ? extras.validations.filter((v) => !validationMatches(v.plan, v.dv)).map((v) => v.plan)
      : plan.validations;
    if (extras?.validations && stale.length > 0) pasted = true;
    await writeValidations(ic, sheet, sheetPath, stale);
  }

  // The name first: the plan's flagged-cells rule refers to it (a rule must not refer to a name
  // that does not exist yet when it is added).
  if (state.flags === null) await put(session, sheet, sheetPath, flagsNameCommands());
  // Rules: added on top, with their record, unless the record says they are there (cfRules.ts).
  const probe = extras?.conditionalFormats ?? null;
  await put(
    session,
    sheet,
    sheetPath,
    ownRulesCommands(plan.conditionalFormats, state.rulesRecord ?? null, probe, pasted),
  );
  return { overwritten: diff.overwritten.length };
}

/**
 * Reserves, then queues, the sheet's CCHC_TEMPLATE name where it is missing or holds another
 * marker (an older version, a sheet injected before the name existed); a name already right is
 * left alone.
 */
async function writeIdentity(
  session: Session,
  sheet: Excel.Worksheet,
  sheetPath: number,
  marker: Marker,
  current: string | null,
): Promise<void> {
  const had = parseMarkerFormula(current);
  if (sameMarker(had, marker)) return;
  await put(
    session,
    sheet,
    sheetPath,
    markerNameCommands(markerNameFormula(marker.templateId, marker.version, marker.year), current !== null),
  );
}

/** Told when A1 of a sheet of ours no longer held its marker and the insert wrote it back. */
export function markerRestoredNote(sheet: string, found: CellValue): Bilingual {
  if (found === '')
    return {
      vi: `Trang "${sheet}": ô A1 (dấu nhận biết biểu mẫu) đã bị xóa; đã ghi lại dấu nhận biết.`,
      en: `Sheet "${sheet}": cell A1 (the template marker) had been cleared; the marker was written back.`,
    };
  return {
    vi: `Trang "${sheet}": ô A1 (dấu nhận biết biểu mẫu) đã bị ghi đè bằng "${String(found)}"; đã ghi lại dấu nhận biết, giá trị đã nhập được chép sang trang "${UNPLACED_SHEET}".`,
    en: `Sheet "${sheet}": cell A1 (the template marker) had been typed over with "${String(found)}"; the marker was written back, and the value typed was copied to the sheet "${UNPLACED_SHEET}".`,
  };
}

/**
 * Queues all targets, the version record, the unplaced values and the read-back; syncs (once,
 * or once per ~4 MB of writes) and checks the markers read back.
 */
export async function injectTargets(ic: InjectContext, targets: InjectTarget[]): Promise<InjectOutcome> {
  const { session, features } = ic;
  const collection = session.ctx.workbook.worksheets;
  const out: InjectOutcome = {
    created: [],
    refreshed: [],
    upgraded: [],
    valuesKept: 0,
    unplaced: [],
    unplacedSheet: null,
    notes: [],
    written: [],
  };
  const verify: { name: string; sheet: Excel.Worksheet; sheetPath: number; marker: Marker }[] = [];
  const relaid: Relaid[] = [];
  const versions = new Map<string, string>();
  let overwrittenKept = 0;

  // Which existing sheets are refreshed in place (the rest get a new layout).
  const readers = new Map<InjectTarget, SnapshotReader>();
  for (const t of targets) {
    const ex = t.existing;
    if (!ex?.snapshot) continue;
    const reader = new SnapshotReader(ex.snapshot);
    const old = ex.marker as Marker;
    if (old.version === t.plan.version && old.templateId === t.plan.templateId && layoutMatches(t.plan, reader))
      readers.set(t, reader);
  }

  for (const t of targets) {
    const plan = t.plan;
    // As a reader reads it back (a PAR plan from before years: 2021's).
    const marker = parseMarker(markerFor(plan.templateId, plan.version, plan.year)) as Marker;
    ic.onStep?.({ vi: `Đang ghi "${plan.name}"`, en: `Writing "${plan.name}"` });
    let sheet: Excel.Worksheet;
    if (!t.existing) {
      const sheetPath = pathBytes('workbook', 'worksheets', ['add', plan.name]);
      // The name first: the plan's flagged-cells rule refers to it.
      await session.reserve(actionBytes(pathBytes('workbook', 'worksheets'), 'add', plan.name));
      sheet = collection.add(plan.name);
      await put(session, sheet, sheetPath, flagsNameCommands());
      await writeIdentity(session, sheet, sheetPath, marker, null);
      await writeWholeSheet(ic, sheet, sheetPath, plan, planGrid(plan), null);
      out.created.push(plan.name);
    } else {
      const ex = t.existing;
      const sheetPath = sheetPathBytes(ex.id);
      await session.reserve(actionBytes(pathBytes('workbook', 'worksheets'), 'getItem', ex.id));
      sheet = collection.getItem(ex.id);
      const old = ex.marker as Marker;
      versions.set(ex.name, old.version);
      await writeIdentity(session, sheet, sheetPath, marker, ex.markerName ?? null);
      // A1 is written back with the marker below (refresh or new layout): what was typed over
      // it goes to the unplaced sheet, as any value without a place does.
      if (ex.a1Overwritten !== null && ex.a1Overwritten !== '') {
        out.unplaced.push({ sheet: ex.name, rowKey: '', column: 'A1', value: ex.a1Overwritten });
      }
      if (ex.a1Overwritten !== null) out.notes.push(markerRestoredNote(ex.name, ex.a1Overwritten));
      const refreshReader = readers.get(t);
      const reader = refreshReader ?? (ex.snapshot ? new SnapshotReader(ex.snapshot) : null);
      const sameVersion = old.version === plan.version && old.templateId === plan.templateId;
      if (refreshReader) {
        const r = await writeRefresh(ic, sheet, sheetPath, plan, ex, refreshReader);
        overwrittenKept += r.overwritten;
        out.refreshed.push(ex.name);
      } else {
        // A new layout: collect values by key, clear the template area, write the plan with them.
        // Without the old version's plan, columns are found by header text (a user may also have
        // inserted one), falling back to the plan's letters.
        const source = t.sourcePlan ?? null;
        const collected = reader ? collectData(ex.name, reader, source, plan) : { carried: [], unplaced: [] };
        const grid = planGrid(plan);
        out.valuesKept += placeCarried(grid, plan, collected.carried);
        out.unplaced.push(...collected.unplaced);
        // Everything read was collected (carried or kept aside), so all of it is cleared.
        const area = planArea(plan);
        const bottom = Math.max(area.rows, reader?.bottom ?? 0);
        const right = Math.max(area.cols, reader?.right ?? 0);
        const address = `A1:${columnLetter(right)}${bottom}`;
        // What the area holds just before it is cleared, read in the same request: anything a
        // co-author typed since our read is found here and kept (see keepLateEntries). Its
        // response is about what our read got for the sheet.
        const readBack = ex.snapshot ? jsonBytes(ex.snapshot.values) + jsonBytes(ex.snapshot.formulas) : 0;
        const clear = [...clearAreaCommands(address, features), ...(ex.flags === null ? flagsNameCommands() : [])];
        await session.reserve(
          getRangeBytes(sheetPath, address) +
            actionBytes(rangePathBytes(sheetPath, address), 'load', 'values,formulas') +
            commandsBytes(sheetPath, clear),
          Math.round(1.25 * readBack),
        );
        const before = sheet.getRange(address);
        before.load('values,formulas');
        relaid.push({ name: ex.name, before, reader, source: t.sourcePlan ?? null, plan });
        queueCommands(sheet, clear);
        await writeWholeSheet(ic, sheet, sheetPath, plan, leavingInputs(grid), ex.rulesRecord ?? null);
        if (sameVersion) out.refreshed.push(ex.name);
        else out.upgraded.push(ex.name);
      }
    }
    const sheetPath = t.existing
      ? sheetPathBytes(t.existing.id)
      : pathBytes('workbook', 'worksheets', ['add', plan.name]);
    verify.push({ name: plan.name, sheet, sheetPath, marker });
  }

  let unplacedSheet: Excel.Worksheet | undefined;
  if (out.unplaced.length) {
    unplacedSheet = await writeUnplaced(ic, out.unplaced, versions);
    out.unplacedSheet = UNPLACED_SHEET;
  }

  // The version, where any add-in instance (or the CLI) looks for it.
  const versionFormula = `="${ic.version}"`;
  await session.reserve(
    actionBytes(pathBytes('workbook', 'properties', 'custom'), 'add', VERSION_PROPERTY, ic.version) +
      actionBytes(pathBytes('workbook', 'names'), 'add', VERSION_NAME, versionFormula, VERSION_COMMENT) +
      actionBytes(pathBytes('workbook', 'names', ['getItem', VERSION_NAME]), 'formula', versionFormula),
  );
  if (features.customProperties) session.ctx.workbook.properties.custom.add(VERSION_PROPERTY, ic.version);
  if (ic.versionNameExists) session.ctx.workbook.names.getItem(VERSION_NAME).formula = versionFormula;
  else session.ctx.workbook.names.add(VERSION_NAME, versionFormula, VERSION_COMMENT);

  // Read-back, in the same request as the last writes (it runs after them); each load with its
  // path, and its answer (the marker, the sheet's id and name).
  const readBack: Excel.Range[] = [];
  for (const v of verify) {
    await session.reserve(
      getRangeBytes(v.sheetPath, 'A1') +
        actionBytes(v.sheetPath + pathBytes(['getRange', 'A1']), 'load', 'values') +
        actionBytes(v.sheetPath, 'load', 'id,name'),
      300,
    );
    readBack.push(v.sheet.getRange('A1').load('values'));
    v.sheet.load('id,name');
  }
  await session.sync();
  for (const [i, v] of verify.entries()) {
    const got = readBack[i].values?.[0]?.[0];
    // Compared as markers: a plan older than years writes a PAR marker without one, read as 2021's.
    if (!sameMarker(parseMarker(got), v.marker))
      throw ExcelOperationError.of('VerificationFailed', {
        vi: `(Trang "${v.name}", ô A1: "${String(got)}")`,
        en: `(Sheet "${v.name}", cell A1: "${String(got)}")`,
      });
    out.written.push({ name: v.sheet.name, id: v.sheet.id, marker: v.marker });
  }

  const late = relaid.flatMap(lateEntries);
  if (late.length > 0) {
    await writeUnplaced(ic, late, versions, unplacedSheet);
    await session.sync();
    out.unplaced.push(...late);
    out.unplacedSheet = UNPLACED_SHEET;
    out.notes.push({
      vi: `${late.length} giá trị được người khác nhập trong lúc đổi bố cục biểu mẫu: đã chép sang trang "${UNPLACED_SHEET}" để không bị mất. Hãy kiểm tra và nhập lại vào đúng ô.`,
      en: `${late.length} values were typed by someone else while the template was being re-laid out: they were copied to the sheet "${UNPLACED_SHEET}" so that none is lost. Check them and enter them again in the right cells.`,
    });
  }

  if (!features.pageLayout && targets.some((t) => !t.existing || out.upgraded.includes(t.plan.name)))
    out.notes.push({
      vi: 'Chưa đặt khổ in (A4, hướng giấy, lặp tiêu đề): phiên bản Excel này không hỗ trợ ExcelApi 1.9. Có thể đặt thủ công trong Bố trí Trang.',
      en: 'Print setup (A4, orientation, repeated titles) was skipped: this Excel does not support ExcelApi 1.9. Set it by hand in Page Layout.',
    });
  if (!features.dataValidation)
    out.notes.push({
      vi: 'Chưa gắn kiểm tra dữ liệu khi nhập (Data Validation): phiên bản Excel này không hỗ trợ ExcelApi 1.8. Nút "Kiểm tra" vẫn phát hiện lỗi.',
      en: 'Data validation was not added: this Excel does not support ExcelApi 1.8. The Validate button still finds errors.',
    });
  if (!features.customProperties)
    out.notes.push({
      vi: 'Phiên bản biểu mẫu chỉ được lưu trong tên CCHC_TEMPLATE_VERSION (Excel này không hỗ trợ thuộc tính tài liệu tùy chỉnh).',
      en: 'The template version is stored only in the name CCHC_TEMPLATE_VERSION (this Excel lacks custom document properties).',
    });
  if (overwrittenKept > 0)
    out.notes.push({
      vi: `${overwrittenKept} ô công thức tổng đang chứa số nhập tay: giữ nguyên. Bấm "Tính tổng và so sánh mục tiêu" rồi "Khôi phục công thức" để khôi phục.`,
      en: `${overwrittenKept} total formula cells hold typed numbers: left as they are. Press "Totals and targets", then "Restore formulas".`,
    });
  return out;
}
