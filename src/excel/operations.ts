/**
 * AddinOperations over Office.js: the task pane's buttons, each a single Excel.run that queues
 * its reads, syncs, runs the pure engine, queues its writes and syncs again. Round trips per
 * button are fixed (whatever the number of rows): validate 2, inject ≤ 3, subtotals 2,
 * highlight 2, remove marks 2, go to cell 1; one more the first time a sheet is seen (see
 * read.ts); a write is split only where it would exceed Excel on the web's 5 MB request limit.
 */
import { appendix1Row, appendix1Template, parRow, TEMPLATE_IDS, TEMPLATE_VERSION } from '../catalog';
import type { TemplateId, UnitId } from '../catalog/types';
import type { Bilingual, CellValue, Finding, ParSummary, Severity, SheetResult, SheetSnapshot } from '../engine/types';
import { cellAddress, columnLetter, columnNumber, parseCell } from '../layout/a1';
import { buildSheetPlan, defaultSheetName, STYLES } from '../layout';
import type { SheetPlan, WorkbookPlan } from '../layout/types';
import type {
  AddinOperations,
  FixReport,
  HostInfo,
  InjectReport,
  ProgressListener,
  SubtotalReport,
  UnitProgress,
  ValidationReport,
  WorkbookStatus,
} from '../taskpane/operations';
import { describeExcelError, ExcelOperationError, type ExcelErrorInfo } from './errors';
import { EMPTY_FLAGS, FLAGS_NAME, flaggedCells, flagsFormula, parseFlags, truncationNote } from './flags';
import { isBlank, planArea, planGrid, remapFormula, rowMap, SnapshotReader, styleRects } from './grid';
import {
  freeName,
  injectTargets,
  queueRefreshExtras,
  UNPLACED_SHEET,
  type InjectOutcome,
  type InjectTarget,
  type RefreshExtras,
} from './inject';
import { queueAddFlagsName, queueConditionalFormat, type Features } from './queue';
import { readWorkbook, SheetCache, type ReadOptions, type SheetState, type WorkbookState } from './read';
import { jsonBytes, Session } from './session';

/**
 * The engine is loaded on first use: opening the pane (inspect, insert) does not need it, and the
 * task pane's start-up JavaScript has a budget. Every caller awaits it after its read has synced,
 * so the await never splits a batch of queued commands.
 */
let engineModule: Promise<typeof import('../engine')> | null = null;
function loadEngine(): Promise<typeof import('../engine')> {
  return (engineModule ??= import(/* webpackChunkName: "engine" */ '../engine'));
}

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelOperationsDeps {
  /** `Excel.run` in Excel; the in-memory workbook's `run` in tests and the playground. */
  run: ExcelRun;
  /** `Office.context.requirements` in Excel. */
  requirements: { isSetSupported(name: string, version?: string): boolean };
  host?: { host?: string; platform?: string };
  /**
   * Plans of older template versions, so an upgrade reads their values exactly where that
   * version put them. Without one, columns are found by header text.
   */
  legacyPlan?: (templateId: TemplateId, version: string, sheetName: string) => SheetPlan | null;
  /** How long live validation waits for a burst of edits to end (ms). */
  debounceMs?: number;
  /** Clock for the unplaced-values sheet. */
  now?: () => Date;
}

/** Reports carry notes the pane shows (features this Excel lacks, marks that did not fit). */
export interface Noted {
  notes: Bilingual[];
}
export type ExcelInjectReport = InjectReport & Noted;
export type ExcelValidationReport = ValidationReport & Noted;

export interface ExcelOperations extends AddinOperations {
  inject(templates: TemplateId[], onProgress?: ProgressListener): Promise<ExcelInjectReport>;
  validate(onProgress?: ProgressListener): Promise<ExcelValidationReport>;
  /** Injects plans as they are, matched to sheets by name (copies per unit, older layouts). */
  injectPlans(plans: SheetPlan[] | WorkbookPlan): Promise<ExcelInjectReport>;
  startLiveValidation(
    onReport: (r: ValidationReport) => void,
    onError?: (e: ExcelErrorInfo) => void,
  ): Promise<() => Promise<void>>;
  /** Round trips of the last button (for the pane's diagnostics and the benchmark). */
  readonly lastSyncs: number;
}

const APPENDIX_IDS = new Set<TemplateId>(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
const isChecked = (id: TemplateId) => id !== 'STATUS';

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function byTemplateOrder(a: SheetState, b: SheetState): number {
  const ia = TEMPLATE_IDS.indexOf(a.marker?.templateId as TemplateId);
  const ib = TEMPLATE_IDS.indexOf(b.marker?.templateId as TemplateId);
  return ia - ib || a.position - b.position;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
}

function planFor(
  id: TemplateId,
  name: string,
  names?: Partial<Record<TemplateId, string>>,
  templates?: TemplateId[],
): SheetPlan {
  if (id === 'STATUS')
    return buildSheetPlan('STATUS', {
      sheetNames: { ...names, STATUS: name },
      templates: [...(templates ?? []), 'STATUS'],
    });
  return buildSheetPlan(id, { sheetNames: { [id]: name } });
}

/** The area read on each template sheet: the largest plan, with room for inserted rows. */
let windowCache: string | null = null;
function readWindow(): string {
  if (windowCache) return windowCache;
  let rows = 0;
  let cols = 0;
  for (const id of TEMPLATE_IDS) {
    const a = planArea(buildSheetPlan(id));
    rows = Math.max(rows, a.rows);
    cols = Math.max(cols, a.cols);
  }
  windowCache = `A1:${columnLetter(cols + 6)}${rows * 2 + 100}`;
  return windowCache;
}

/**
 * Response bytes of reading one template sheet: values, formulas and number formats of its
 * planned area (a quarter more, for rows and text officials add), plus the refresh's rule and
 * format reads. An unknown sheet is costed as the largest template.
 */
const estimates = new Map<string, number>();
function readEstimate(id: TemplateId | null, extras: boolean): number {
  const key = `${id ?? '*'}:${extras}`;
  const known = estimates.get(key);
  if (known !== undefined) return known;
  const ids = id ? [id] : TEMPLATE_IDS;
  let bytes = 0;
  for (const t of ids) {
    const plan = buildSheetPlan(t);
    const grid = planGrid(plan);
    let b = Math.round(1.25 * (2 * jsonBytes(grid.formulas) + jsonBytes(grid.numberFormat)));
    if (extras) {
      let rects = 0;
      for (const list of styleRects(plan).values()) rects += list.length;
      b += plan.conditionalFormats.length * 150 + plan.validations.length * 300 + rects * 120;
    }
    bytes = Math.max(bytes, b);
  }
  estimates.set(key, bytes);
  return bytes;
}

/** A template guessed from a sheet's name before its marker is read (for refresh loads). */
function guessTemplate(name: string): TemplateId | null {
  for (const id of TEMPLATE_IDS) if (name.startsWith(defaultSheetName(id))) return id;
  return null;
}

function hostInfoOf(deps: ExcelOperationsDeps): HostInfo {
  const r = deps.requirements;
  return {
    host: deps.host?.host ?? 'Excel',
    platform: deps.host?.platform ?? 'Unknown',
    supports: {
      excelApi18: r.isSetSupported('ExcelApi', '1.8'),
      excelApi19: r.isSetSupported('ExcelApi', '1.9'),
      customProperties: r.isSetSupported('ExcelApi', '1.7'),
    },
  };
}

function featuresOf(deps: ExcelOperationsDeps): Features {
  const r = deps.requirements;
  const v19 = r.isSetSupported('ExcelApi', '1.9');
  const v17 = r.isSetSupported('ExcelApi', '1.7');
  return {
    dataValidation: r.isSetSupported('ExcelApi', '1.8'),
    pageLayout: v19,
    indent: v19,
    customProperties: v17,
    events: v17,
  };
}

export function createExcelOperations(deps: ExcelOperationsDeps): ExcelOperations {
  const features = featuresOf(deps);
  const cache = new SheetCache();
  const now = deps.now ?? (() => new Date());
  const debounceMs = deps.debounceMs ?? 400;
  let lastSyncs = 0;
  /** What validate saw in each finding's cell, so a fix never overwrites a co-author's edit. */
  const seen = new Map<string, { value: CellValue; formula: CellValue }>();
  const seenKey = (sheet: string, cell: string) => `${sheet.toLocaleLowerCase('vi')}!${cell.toUpperCase()}`;

  /** One Excel.run with a counted session; errors leave as readable ExcelOperationErrors. */
  async function withSession<T>(batch: (s: Session) => Promise<T>): Promise<T> {
    let session: Session | null = null;
    try {
      return await deps.run(async (ctx) => {
        session = new Session(ctx);
        return batch(session);
      });
    } catch (e) {
      throw ExcelOperationError.from(e);
    } finally {
      lastSyncs = (session as Session | null)?.syncs ?? 0;
    }
  }

  function read<E = RefreshExtras>(session: Session, opts: Omit<ReadOptions<E>, 'customProperties' | 'window'>) {
    return readWorkbook<E>(session, cache, {
      ...opts,
      customProperties: features.customProperties,
      window: readWindow(),
      guess: guessTemplate,
      estimate: (id) => readEstimate(id, !!opts.extras),
    });
  }

  function snapshots(state: WorkbookState<unknown>, filter: (id: TemplateId) => boolean = isChecked): SheetSnapshot[] {
    return state.templates
      .filter((s) => s.snapshot && filter(s.marker!.templateId))
      .map((s) => s.snapshot as SheetSnapshot);
  }

  // -------------------------------------------------------------------------------------------
  // Inspect and inject

  /** Sheet targets for "inject these templates": every sheet of ours of each, or a new one. */
  function planTargets(
    state: WorkbookState<RefreshExtras>,
    wanted: TemplateId[],
  ): {
    targets: InjectTarget[];
    renamed: { wanted: string; used: string }[];
  } {
    const ids = new Set<TemplateId>(wanted);
    // An existing status sheet follows whatever this injection names or renames.
    if (state.templates.some((s) => s.marker?.templateId === 'STATUS')) ids.add('STATUS');
    const taken = state.sheets.map((s) => s.name);
    const renamed: { wanted: string; used: string }[] = [];
    const names: Partial<Record<TemplateId, string>> = {};
    const targets: InjectTarget[] = [];
    const present = new Set<TemplateId>();
    for (const s of state.templates) present.add(s.marker!.templateId);

    const existingOf = (id: TemplateId) => state.templates.filter((s) => s.marker?.templateId === id);
    for (const id of TEMPLATE_IDS) {
      const existing = existingOf(id);
      const primary = existing.find((s) => sameName(s.name, defaultSheetName(id))) ?? existing[0];
      if (primary) names[id] = primary.name;
      else if (ids.has(id)) {
        const name = freeName(defaultSheetName(id), taken);
        if (name !== defaultSheetName(id)) renamed.push({ wanted: defaultSheetName(id), used: name });
        taken.push(name);
        names[id] = name;
        present.add(id);
      }
    }
    const covered = TEMPLATE_IDS.filter((id) => id !== 'STATUS' && present.has(id));
    for (const id of TEMPLATE_IDS) {
      if (!ids.has(id)) continue;
      const existing = existingOf(id);
      const sourcePlanOf = (s: SheetState) =>
        s.marker && s.marker.version !== TEMPLATE_VERSION
          ? (deps.legacyPlan?.(id, s.marker.version, s.name) ?? null)
          : null;
      if (existing.length === 0)
        targets.push({ plan: planFor(id, names[id] as string, names, covered), existing: null });
      else
        for (const s of existing)
          targets.push({
            plan: planFor(id, s.name, { ...names, [id]: s.name }, covered),
            existing: s,
            sourcePlan: sourcePlanOf(s),
          });
    }
    return { targets, renamed };
  }

  function injectReport(
    out: InjectOutcome,
    renamed: { wanted: string; used: string }[],
    syncs: number,
  ): ExcelInjectReport {
    for (const w of out.written) cache.set(w.id, w.marker, w.name);
    return {
      created: out.created,
      refreshed: out.refreshed,
      upgraded: out.upgraded,
      valuesKept: out.valuesKept,
      unplaced: out.unplaced,
      unplacedSheet: out.unplacedSheet,
      renamed,
      syncs,
      notes: out.notes,
    };
  }

  function progressOf(onProgress: ProgressListener | undefined, total: number) {
    let done = 0;
    return (label: Bilingual) => onProgress?.({ done: Math.min(++done, total), total, label });
  }

  async function inspect(): Promise<WorkbookStatus> {
    return withSession(async (session) => {
      const state = await read(session, { version: true });
      const present = state.templates
        .slice()
        .sort(byTemplateOrder)
        .map((s) => ({ templateId: s.marker!.templateId, sheet: s.name, version: s.marker!.version }));
      const taken = state.sheets.map((s) => s.name);
      const plan: WorkbookStatus['plan'] = TEMPLATE_IDS.map((id) => {
        const existing = present.filter((p) => p.templateId === id);
        if (existing.length) {
          const old = existing.find((p) => p.version !== TEMPLATE_VERSION);
          if (old)
            return {
              templateId: id,
              action: 'upgrade' as const,
              sheet: old.sheet,
              detail: {
                vi: `Nâng cấp "${old.sheet}" từ phiên bản ${old.version} lên ${TEMPLATE_VERSION}, giữ nguyên số liệu đã nhập.`,
                en: `Upgrade "${old.sheet}" from version ${old.version} to ${TEMPLATE_VERSION}, keeping the values entered.`,
              },
            };
          return {
            templateId: id,
            action: 'refresh' as const,
            sheet: existing[0].sheet,
            detail: {
              vi: `Làm mới "${existing[0].sheet}": chỉ sửa phần khung biểu mẫu bị thay đổi, không động tới số liệu.`,
              en: `Refresh "${existing[0].sheet}": only template parts that changed are rewritten, never values.`,
            },
          };
        }
        const wanted = defaultSheetName(id);
        const sheet = freeName(wanted, taken);
        return {
          templateId: id,
          action: 'create' as const,
          sheet,
          detail:
            sheet === wanted
              ? { vi: `Tạo trang "${sheet}".`, en: `Create sheet "${sheet}".` }
              : {
                  vi: `Đã có trang "${wanted}" không phải của tiện ích: giữ nguyên, tạo trang mới "${sheet}".`,
                  en: `A sheet "${wanted}" exists that is not the add-in's: it is kept, a new sheet "${sheet}" is created.`,
                },
        };
      });
      return { currentVersion: TEMPLATE_VERSION, workbookVersion: state.workbookVersion, present, plan };
    });
  }

  function refreshExtrasFor(ids: (id: TemplateId) => boolean) {
    return (sheet: Excel.Worksheet, templateId: TemplateId | null): RefreshExtras => {
      const known = templateId !== null && templateId !== 'STATUS' && ids(templateId);
      return queueRefreshExtras(sheet, known ? buildSheetPlan(templateId) : null, readWindow(), features, {
        conditionalFormats: true,
        validations: known,
        styles: known,
      });
    };
  }

  async function inject(templates: TemplateId[], onProgress?: ProgressListener): Promise<ExcelInjectReport> {
    const wanted = TEMPLATE_IDS.filter((id) => templates.includes(id));
    return withSession(async (session) => {
      const step = progressOf(onProgress, wanted.length + 2);
      step({ vi: 'Đang đọc sổ làm việc', en: 'Reading the workbook' });
      const inWanted = (id: TemplateId) => wanted.includes(id) || id === 'STATUS';
      const state = await read<RefreshExtras>(session, {
        data: inWanted,
        version: true,
        extras: refreshExtrasFor(inWanted),
      });
      const { targets, renamed } = planTargets(state, wanted);
      const out = await injectTargets(
        {
          session,
          features,
          styles: STYLES,
          version: TEMPLATE_VERSION,
          sheets: state.sheets,
          versionNameExists: state.versionNameExists,
          now,
          onStep: step,
        },
        targets,
      );
      step({ vi: 'Xong', en: 'Done' });
      return injectReport(out, renamed, session.syncs);
    });
  }

  async function injectPlans(input: SheetPlan[] | WorkbookPlan): Promise<ExcelInjectReport> {
    const plans = Array.isArray(input) ? input : input.sheets;
    return withSession(async (session) => {
      const ids = new Set(plans.map((p) => p.templateId));
      // Only the sheets these plans go into are read (not every copy of the same template).
      const names = new Set(plans.map((p) => p.name.toLocaleLowerCase('vi')));
      const state = await read<RefreshExtras>(session, {
        data: (id, name) => ids.has(id) && names.has(name.toLocaleLowerCase('vi')),
        version: true,
        extras: refreshExtrasFor((id) => ids.has(id)),
      });
      const taken = state.sheets.map((s) => s.name);
      const renamed: { wanted: string; used: string }[] = [];
      const targets: InjectTarget[] = plans.map((plan) => {
        const same = state.sheets.find((s) => sameName(s.name, plan.name));
        if (same && same.marker?.templateId === plan.templateId) {
          const source =
            same.marker.version !== plan.version
              ? (deps.legacyPlan?.(plan.templateId, same.marker.version, same.name) ?? null)
              : null;
          return { plan, existing: same, sourcePlan: source };
        }
        if (!same) {
          taken.push(plan.name);
          return { plan, existing: null };
        }
        const name = freeName(plan.name, taken);
        taken.push(name);
        renamed.push({ wanted: plan.name, used: name });
        return { plan: { ...plan, name }, existing: null };
      });
      const version = plans[0]?.version ?? TEMPLATE_VERSION;
      const out = await injectTargets(
        {
          session,
          features,
          styles: STYLES,
          version,
          sheets: state.sheets,
          versionNameExists: state.versionNameExists,
          now,
        },
        targets,
      );
      return injectReport(out, renamed, session.syncs);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Validate, fix, flags

  /** Queues CCHC_FLAGS writes for sheets whose marks changed; returns notes for cut lists. */
  function queueFlags(
    session: Session,
    sheets: SheetState<unknown>[],
    results: Map<string, SheetResult>,
  ): { notes: Bilingual[]; writes: number } {
    const notes: Bilingual[] = [];
    let writes = 0;
    for (const s of sheets) {
      if (!s.marker || s.flags === undefined) continue;
      const result = results.get(s.name);
      const f = flagsFormula(result ? flaggedCells(result.findings) : []);
      if (f.left > 0) notes.push(truncationNote(s.name, f.cells.length, f.left));
      if (s.flags === null) {
        queueAddFlagsName(session.ctx.workbook.worksheets.getItem(s.id), f.formula);
        writes++;
      } else if (s.flags !== f.formula) {
        session.ctx.workbook.worksheets.getItem(s.id).names.getItem(FLAGS_NAME).formula = f.formula;
        writes++;
      }
      s.flags = f.formula;
    }
    return { notes, writes };
  }

  function remember(snapshot: SheetSnapshot, findings: Finding[]): void {
    const reader = new SnapshotReader(snapshot);
    for (const key of [...seen.keys()])
      if (key.startsWith(`${snapshot.name.toLocaleLowerCase('vi')}!`)) seen.delete(key);
    for (const f of findings) {
      if (!f.fix) continue;
      const { row, col } = parseCell(f.cell);
      seen.set(seenKey(f.sheet, f.cell), { value: reader.value(row, col), formula: reader.formula(row, col) });
    }
  }

  function reportOf(results: SheetResult[], notes: Bilingual[], syncs: number): ExcelValidationReport {
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

  async function validate(onProgress?: ProgressListener): Promise<ExcelValidationReport> {
    return withSession(async (session) => {
      const step = progressOf(onProgress, 3);
      step({ vi: 'Đang đọc các trang biểu mẫu', en: 'Reading the template sheets' });
      const state = await read<never>(session, { data: isChecked });
      step({ vi: 'Đang kiểm tra', en: 'Checking' });
      const { validateSheet } = await loadEngine();
      const results = new Map<string, SheetResult>();
      for (const snap of snapshots(state)) {
        const r = validateSheet(snap);
        results.set(snap.name, r);
        remember(snap, r.findings);
      }
      const { notes, writes } = queueFlags(session, state.templates, results);
      if (writes > 0) await session.sync();
      step({ vi: 'Đã đánh dấu các ô cần xem', en: 'Marked the cells to review' });
      return reportOf([...results.values()], notes, session.syncs);
    });
  }

  async function applyFixes(findings: Finding[]): Promise<FixReport> {
    return withSession(async (session) => {
      const skipped: FixReport['skipped'] = [];
      const collection = session.ctx.workbook.worksheets;
      const probes: { finding: Finding; range: Excel.Range }[] = [];
      const flagNames = new Map<string, Excel.NamedItem>();
      const targeted = new Set<string>();
      for (const f of findings) {
        if (!f.fix) {
          skipped.push({
            finding: f,
            reason: { vi: 'Lỗi này không có cách sửa tự động.', en: 'This finding has no automatic fix.' },
          });
          continue;
        }
        const key = seenKey(f.sheet, f.cell);
        if (targeted.has(key)) {
          skipped.push({
            finding: f,
            reason: { vi: 'Ô này đã được sửa theo một đề xuất khác.', en: 'Another fix already targets this cell.' },
          });
          continue;
        }
        if (!seen.has(key)) {
          skipped.push({
            finding: f,
            reason: {
              vi: 'Chưa kiểm tra ô này trong phiên này: bấm "Kiểm tra" rồi sửa lại.',
              en: 'This cell was not validated in this session: validate again first.',
            },
          });
          continue;
        }
        targeted.add(key);
        const sheet = collection.getItem(f.sheet);
        const range = sheet.getRange(f.cell);
        range.load('values,formulas');
        probes.push({ finding: f, range });
        if (!flagNames.has(f.sheet)) {
          const n = sheet.names.getItemOrNullObject(FLAGS_NAME);
          n.load('formula');
          flagNames.set(f.sheet, n);
        }
      }
      if (probes.length === 0) return { applied: 0, skipped, syncs: session.syncs };
      await session.sync();

      let applied = 0;
      const fixedBySheet = new Map<string, Set<string>>();
      for (const { finding: f, range } of probes) {
        const before = seen.get(seenKey(f.sheet, f.cell));
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
        const fix = f.fix!;
        if (fix.formula) range.formulas = [[fix.formula]];
        else range.values = [[fix.value === null ? '' : fix.value]];
        seen.delete(seenKey(f.sheet, f.cell));
        applied++;
        const set = fixedBySheet.get(f.sheet) ?? new Set<string>();
        set.add(f.cell.toUpperCase());
        fixedBySheet.set(f.sheet, set);
      }
      // Fixed cells lose their mark in the same request.
      for (const [sheetName, fixed] of fixedBySheet) {
        const name = flagNames.get(sheetName);
        if (!name || name.isNullObject) continue;
        const remaining = parseFlags(name.formula).filter((c) => !fixed.has(c));
        const next = flagsFormula(remaining).formula;
        if (next !== name.formula) name.formula = next;
      }
      if (applied > 0) await session.sync();
      return { applied, skipped, syncs: session.syncs };
    });
  }

  async function removeMarks(): Promise<void> {
    await withSession(async (session) => {
      const state = await read<never>(session, {});
      let writes = 0;
      for (const s of state.templates) {
        if (s.flags === null) continue;
        if (s.flags !== EMPTY_FLAGS) {
          session.ctx.workbook.worksheets.getItem(s.id).names.getItem(FLAGS_NAME).formula = EMPTY_FLAGS;
          writes++;
        }
      }
      if (writes > 0) await session.sync();
    });
  }

  // -------------------------------------------------------------------------------------------
  // Subtotals, targets

  async function subtotals(restore: boolean): Promise<SubtotalReport> {
    return withSession(async (session) => {
      const state = await read<never>(session, { data: (id) => id === 'PAR' || APPENDIX_IDS.has(id) });
      const { summarizePar } = await loadEngine();
      const overwritten: SubtotalReport['overwritten'] = [];
      const totalsFilled: SubtotalReport['totalsFilled'] = [];
      let restored = 0;
      let writes = 0;
      let par: ParSummary | null = null;
      const collection = session.ctx.workbook.worksheets;

      for (const s of state.templates.slice().sort(byTemplateOrder)) {
        const snap = s.snapshot;
        const id = s.marker!.templateId;
        if (!snap) continue;
        const plan = buildSheetPlan(id, { sheetNames: { [id]: s.name } });
        const reader = new SnapshotReader(snap);
        const keyRows = reader.keyRows();
        if (id === 'PAR') {
          par ??= summarizePar(snap);
          const moved = rowMap(plan, reader);
          const formulaAt = new Map(plan.cells.filter((c) => c.formula).map((c) => [c.address, c.formula as string]));
          for (const r of plan.rows) {
            if (r.kind !== 'par-parent') continue;
            const letter = r.formulas.score2021;
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
              found: isBlank(found) ? '' : (found as number | string),
            });
            const planned = formulaAt.get(`${letter}${r.row}`);
            if (restore && planned) {
              collection.getItem(s.id).getRange(cell).formulas = [[remapFormula(planned, moved)]];
              restored++;
              writes++;
            }
          }
          continue;
        }
        const template = appendix1Template(id);
        if (!template) continue;
        const rowPlans = new Map(plan.rows.map((r) => [r.key, r]));
        for (const rel of template.relations) {
          if (rel.kind !== 'sum') continue;
          const total = rowPlans.get(rel.total);
          const totalRow = keyRows.get(rel.total);
          if (!total || totalRow === undefined) continue;
          for (const [columnId, letter] of Object.entries(total.inputs)) {
            const col = columnNumber(letter);
            if (!isBlank(reader.formula(totalRow, col))) continue;
            let sum = 0;
            let complete = rel.parts.length > 0;
            for (const part of rel.parts) {
              const partPlan = rowPlans.get(part);
              const partRow = keyRows.get(part);
              const partLetter = partPlan?.inputs[columnId];
              const v = partRow !== undefined && partLetter ? reader.value(partRow, columnNumber(partLetter)) : '';
              if (typeof v !== 'number' || !Number.isFinite(v)) {
                complete = false;
                break;
              }
              sum += v;
            }
            if (!complete) continue;
            const value = Math.round(sum * 1e9) / 1e9;
            const cell = cellAddress(totalRow, col);
            collection.getItem(s.id).getRange(cell).values = [[value]];
            totalsFilled.push({ sheet: s.name, cell, rowKey: rel.total, value });
            writes++;
          }
        }
      }
      if (writes > 0) await session.sync();
      return { overwritten, restored, totalsFilled, par, syncs: session.syncs };
    });
  }

  async function highlightBelowTarget(): Promise<ParSummary | null> {
    return withSession(async (session) => {
      const state = await read<RefreshExtras>(session, {
        data: (id) => id === 'PAR',
        extras: (sheet) =>
          queueRefreshExtras(sheet, null, readWindow(), features, {
            conditionalFormats: true,
            validations: false,
            styles: false,
          }),
      });
      let summary: ParSummary | null = null;
      let writes = 0;
      const { summarizePar } = await loadEngine();
      for (const s of state.templates) {
        if (s.marker?.templateId !== 'PAR' || !s.snapshot) continue;
        summary ??= summarizePar(s.snapshot);
        const plan = buildSheetPlan('PAR', { sheetNames: { PAR: s.name } });
        const have = new Set<string>();
        for (const item of s.extras?.conditionalFormats?.items ?? [])
          if (item.type === 'Custom' && !item.customOrNullObject.isNullObject)
            have.add(item.customOrNullObject.rule.formula.replace(/\s+/g, '').toUpperCase());
        for (const cf of plan.conditionalFormats) {
          if (cf.purpose !== 'belowTarget') continue;
          if (have.has(cf.formula.replace(/\s+/g, '').toUpperCase())) continue;
          queueConditionalFormat(session.ctx.workbook.worksheets.getItem(s.id), cf);
          writes++;
        }
      }
      if (writes > 0) await session.sync();
      return summary;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Navigation and progress

  async function goToCell(sheetName: string, cell: string): Promise<void> {
    await withSession(async (session) => {
      const sheet = session.ctx.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(cell).select();
      await session.sync();
    });
  }

  async function unitProgress(unit: UnitId): Promise<UnitProgress> {
    return withSession(async (session) => {
      const state = await read<never>(session, { data: (id) => id === 'PAR' || APPENDIX_IDS.has(id) });
      const rows: UnitProgress['rows'] = [];
      let nextEmpty: UnitProgress['nextEmpty'] = null;
      for (const s of state.templates.slice().sort(byTemplateOrder)) {
        const id = s.marker!.templateId;
        if (!s.snapshot || id === 'STATUS') continue;
        const plan = buildSheetPlan(id, { sheetNames: { [id]: s.name } });
        const reader = new SnapshotReader(s.snapshot);
        const keyRows = reader.keyRows();
        for (const r of plan.rows) {
          const letters = Object.values(r.inputs);
          if (letters.length === 0) continue;
          let label: string | undefined;
          if (id === 'PAR') {
            const p = parRow(r.key);
            if (!p || p.children.length > 0 || p.lead !== unit) continue;
            label = p.label;
          } else {
            const a = appendix1Row(r.key);
            if (!a || a.row.unit !== unit) continue;
            label = a.row.label;
          }
          const row = keyRows.get(r.key) ?? r.row;
          let filled = 0;
          let firstEmpty: string | null = null;
          for (const letter of letters) {
            const col = columnNumber(letter);
            if (!isBlank(reader.value(row, col))) filled++;
            else firstEmpty ??= cellAddress(row, col);
          }
          rows.push({ sheet: s.name, rowKey: r.key, label, cells: letters.length, filled, firstEmpty });
          if (!nextEmpty && firstEmpty) nextEmpty = { sheet: s.name, cell: firstEmpty };
        }
      }
      return {
        unit,
        rows,
        cells: rows.reduce((n, r) => n + r.cells, 0),
        filled: rows.reduce((n, r) => n + r.filled, 0),
        nextEmpty,
      };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Live validation

  async function startLiveValidation(
    onReport: (r: ValidationReport) => void,
    onError?: (e: ExcelErrorInfo) => void,
  ): Promise<() => Promise<void>> {
    if (!features.events)
      throw new ExcelOperationError({
        vi: 'Phiên bản Excel này không hỗ trợ theo dõi thay đổi (ExcelApi 1.7): hãy bấm "Kiểm tra" sau khi nhập.',
        en: 'This Excel cannot watch for changes (ExcelApi 1.7): press Validate after entering data.',
        code: 'RequirementSetMissing',
      });
    interface Watched {
      id: string;
      name: string;
      snapshot: SheetSnapshot;
      flags: string | null;
    }
    const watched = new Map<string, Watched>();
    const results = new Map<string, SheetResult>();
    const pending = new Map<string, { ranges: Set<string>; full: boolean }>();
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

    const report = (syncs: number, notes: Bilingual[]) => {
      const list = [...watched.values()].map((w) => results.get(w.id)).filter((r): r is SheetResult => !!r);
      onReport(reportOf(list, notes, syncs));
    };

    const mark = (sheetId: string, address: string | null) => {
      if (stopped || !watched.has(sheetId)) return;
      const p = pending.get(sheetId) ?? { ranges: new Set<string>(), full: false };
      if (address === null) p.full = true;
      else p.ranges.add(address);
      pending.set(sheetId, p);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        running = running.then(flush).catch(fail);
      }, debounceMs);
    };

    async function flush(): Promise<void> {
      if (stopped || pending.size === 0) return;
      const batch = new Map(pending);
      pending.clear();
      await withSession(async (session) => {
        const collection = session.ctx.workbook.worksheets;
        const reads: { w: Watched; full: Excel.Range | null; a1: Excel.Range | null; parts: Excel.Range[] }[] = [];
        for (const [id, p] of batch) {
          const w = watched.get(id);
          if (!w) continue;
          const sheet = collection.getItem(id);
          const reader = new SnapshotReader(w.snapshot);
          // A change outside what we hold (rows added below, say) needs the whole sheet again.
          const inside = (address: string) => {
            const [a, b = a] = address.replace(/\$/g, '').split('!').pop()!.split(':');
            const p1 = parseCell(a);
            const p2 = parseCell(b);
            return p1.row >= reader.top && p2.row <= reader.bottom && p1.col >= reader.left && p2.col <= reader.right;
          };
          const full =
            p.full ||
            [...p.ranges].some((r) => !/^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(r.split('!').pop()!) || !inside(r));
          if (full) {
            const used = sheet.getRange(readWindow()).getUsedRangeOrNullObject(true);
            used.load('address,values,formulas,numberFormat');
            const a1 = sheet.getRange('A1');
            a1.load('values');
            reads.push({ w, full: used, a1, parts: [] });
          } else {
            const parts = [...p.ranges].map((r) => {
              const range = sheet.getRange(r.split('!').pop()!);
              range.load('address,values,formulas,numberFormat');
              return range;
            });
            reads.push({ w, full: null, a1: null, parts });
          }
        }
        if (reads.length === 0) return;
        await session.sync();
        const { validateSheet } = await loadEngine();
        const changed: SheetState<unknown>[] = [];
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
          const result = validateSheet(r.w.snapshot);
          results.set(r.w.id, result);
          remember(r.w.snapshot, result.findings);
          changed.push({
            id: r.w.id,
            name: r.w.name,
            position: 0,
            visible: true,
            marker: { templateId: r.w.snapshot.templateId, version: r.w.snapshot.version },
            snapshot: r.w.snapshot,
            flags: r.w.flags,
            extras: undefined,
          });
        }
        const byName = new Map([...results].map(([id, res]) => [watched.get(id)?.name ?? id, res]));
        const { notes, writes } = queueFlags(session, changed, byName);
        for (const c of changed) {
          const w = watched.get(c.id);
          if (w) w.flags = c.flags ?? null;
        }
        if (writes > 0) await session.sync();
        report(session.syncs, notes);
      });
    }

    return withSession(async (session) => {
      const state = await read<never>(session, { data: isChecked });
      const results0 = new Map<string, SheetResult>();
      const checked = state.templates.filter((s) => s.snapshot && isChecked(s.marker!.templateId));
      // A workbook with no template sheet yet has nothing to check: don't fetch the engine for it.
      if (checked.length > 0) {
        const { validateSheet } = await loadEngine();
        for (const s of checked) {
          const snapshot = s.snapshot!;
          watched.set(s.id, { id: s.id, name: s.name, snapshot, flags: s.flags ?? null });
          const r = validateSheet(snapshot);
          results.set(s.id, r);
          results0.set(s.name, r);
          remember(snapshot, r.findings);
        }
      }
      const { notes } = queueFlags(session, state.templates, results0);
      for (const s of state.templates) {
        const w = watched.get(s.id);
        if (w) w.flags = s.flags ?? null;
      }
      const collection = session.ctx.workbook.worksheets;
      for (const w of watched.values()) {
        const sheet = collection.getItem(w.id);
        handlers.push(
          sheet.onChanged.add(async (e: Excel.WorksheetChangedEventArgs) => {
            // details is absent for pastes and multi-cell edits: the address is all we rely on.
            const structural = e.changeType !== undefined && e.changeType !== 'RangeEdited';
            mark(e.worksheetId ?? w.id, structural ? null : e.address);
          }),
        );
        handlers.push(
          // Some hosts raise no onChanged for a drop-down pick: re-check a sheet when it is shown.
          sheet.onActivated.add(async (e: Excel.WorksheetActivatedEventArgs) => {
            mark(e.worksheetId ?? w.id, null);
          }),
        );
      }
      await session.sync();
      report(session.syncs, notes);

      return async () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        timer = null;
        await running;
        if (handlers.length > 0) {
          try {
            for (const h of handlers) h.remove();
            await handlers[0].context.sync();
          } catch (e) {
            throw ExcelOperationError.from(e);
          }
          handlers.length = 0;
        }
        if (lastError !== null) throw ExcelOperationError.from(lastError);
      };
    });
  }

  return {
    hostInfo: () => hostInfoOf(deps),
    inspect,
    inject,
    injectPlans,
    validate,
    applyFixes,
    subtotals,
    highlightBelowTarget,
    removeMarks,
    goToCell,
    unitProgress,
    startLiveValidation,
    get lastSyncs() {
      return lastSyncs;
    },
  };
}

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

export { UNPLACED_SHEET };
