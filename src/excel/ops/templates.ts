/**
 * "Chèn biểu mẫu": putting the templates into the workbook (inject,
 * injectPlans). Sheets are ours by marker, wherever they are and whatever they are called; the
 * writing itself (create, refresh, re-layout without losing a value) is inject.ts.
 */
import { latestParList, parList, TEMPLATE_IDS, TEMPLATE_VERSION } from '../../catalog';
import type { TemplateId } from '../../catalog/types';
import type { ProgressListener } from '../../contracts/operations';
import type { Bilingual } from '../../engine/types';
import { buildSheetPlan, defaultSheetName, STYLES } from '../../layout';
import type { SheetPlan, WorkbookPlan } from '../../layout/types';
import { ExcelOperationError } from '../errors';
import { freeName } from '../names';
import { ACTIONS, AdapterCore, progressOf, readWindow, sameName } from '../core';
import { injectTargets, type InjectOutcome, type InjectTarget } from '../inject';
import { refreshExtrasRead, type RefreshExtras } from '../refreshCompare';
import type { ExtrasRead, SheetState, WorkbookState } from '../read';
import { pathBytes, SHEET_BY_ID_PATH_BYTES, type Session } from '../session';
import { commandsBytes, onSheet, queueCommands } from '../queue';
import type { ExcelInjectReport } from '../types';

/**
 * The plan of a template's sheet as this user inserts it: its prompts write numbers with this
 * Excel's decimal separator (deps.numberSettings; ',' when Excel did not say). A co-author whose
 * Excel uses the other one plans other prompts but the same rules, which a refresh compares
 * (validationMatches), so their insert leaves the prompts as the first insert wrote them.
 */
function planFor(
  core: AdapterCore,
  id: TemplateId,
  name: string,
  names?: Partial<Record<TemplateId, string>>,
  templates?: TemplateId[],
  parYear?: number,
): SheetPlan {
  const { decimalSeparator } = core.messages;
  if (id === 'STATUS')
    return buildSheetPlan('STATUS', {
      sheetNames: { ...names, STATUS: name },
      templates: [...(templates ?? []), 'STATUS'],
      decimalSeparator,
      parYear,
    });
  return buildSheetPlan(id, { sheetNames: { [id]: name }, decimalSeparator, parYear });
}

/**
 * The PAR year an insert works on: the one asked for; else, when the workbook already holds PAR
 * sheets, the newest of their years (what the status sheet follows); else the newest list.
 * A year the add-in does not carry is refused (parList throws).
 */
export function insertParYear(state: WorkbookState<unknown>, asked?: number): number {
  if (asked !== undefined) return parList(asked).year;
  const years = state.templates.filter((s) => s.marker?.templateId === 'PAR').map((s) => s.marker?.year ?? 0);
  return years.length > 0 ? Math.max(...years) : latestParList().year;
}

/** Sheet targets for "inject these templates": every sheet of ours of each, or a new one. */
export function planTargets(
  core: AdapterCore,
  state: WorkbookState<RefreshExtras>,
  wanted: TemplateId[],
  parYear: number = insertParYear(state),
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
  // Another year's PAR sheet is not this insert's: it stays as it is, beside this year's.
  const existingOf = (id: TemplateId) =>
    state.templates.filter((s) => s.marker?.templateId === id && (id !== 'PAR' || s.marker.year === parYear));
  for (const id of TEMPLATE_IDS) if (existingOf(id).length > 0) present.add(id);
  for (const id of TEMPLATE_IDS) {
    const existing = existingOf(id);
    const wantedName = defaultSheetName(id, parYear);
    const primary = existing.find((s) => sameName(s.name, wantedName)) ?? existing[0];
    if (primary) names[id] = primary.name;
    else if (ids.has(id)) {
      const name = freeName(wantedName, taken);
      if (name !== wantedName) renamed.push({ wanted: wantedName, used: name });
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
        ? (core.deps.legacyPlan?.(id, s.marker.version, s.name) ?? null)
        : null;
    if (existing.length === 0)
      targets.push({ plan: planFor(core, id, names[id] as string, names, covered, parYear), existing: null });
    else
      for (const s of existing)
        targets.push({
          plan: planFor(core, id, s.name, { ...names, [id]: s.name }, covered, parYear),
          existing: s,
          sourcePlan: sourcePlanOf(s),
        });
  }
  return { targets, renamed };
}

export function injectReport(
  core: AdapterCore,
  out: InjectOutcome,
  renamed: { wanted: string; used: string }[],
  syncs: number,
): ExcelInjectReport {
  for (const w of out.written) core.cache.set(w.id, w.marker, w.name);
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

/**
 * What a refresh compares on each sheet read (refreshCompare.ts): the loads and their cost from
 * one description per template (the rules only, for a sheet whose template is not refreshed or
 * not known yet).
 */
export function refreshExtrasFor(
  core: AdapterCore,
  ids: (id: TemplateId) => boolean,
  parYear?: number,
): ExtrasRead<RefreshExtras> {
  const described = new Map<TemplateId | null, ReturnType<typeof refreshExtrasRead>>();
  const describe = (templateId: TemplateId | null) => {
    const key = templateId !== null && templateId !== 'STATUS' && ids(templateId) ? templateId : null;
    let d = described.get(key);
    if (!d) {
      // The validations read are rewritten from these plans where they differ: with this user's prompts.
      // (A PAR sheet's extras are read before its marker says its year: the insert's year is assumed.)
      const plan = key ? buildSheetPlan(key, { decimalSeparator: core.messages.decimalSeparator, parYear }) : null;
      d = refreshExtrasRead(plan, readWindow(), core.features, {
        conditionalFormats: true,
        validations: key !== null,
        styles: key !== null,
      });
      described.set(key, d);
    }
    return d;
  };
  return {
    cost: (templateId) => describe(templateId).cost(SHEET_BY_ID_PATH_BYTES),
    queue: (sheet, templateId) => describe(templateId).queue(sheet),
  };
}

/**
 * Inject's core, shared with the consolidation: reads the workbook (the wanted templates' sheets
 * with what a refresh compares), plans each template's sheet and writes them (create, refresh or
 * re-layout, never losing a value). `beforeWrite` runs between the read and the writes.
 */
export async function injectTemplates(
  core: AdapterCore,
  session: Session,
  wanted: TemplateId[],
  options: { onStep?: (label: Bilingual) => void; beforeWrite?: () => void; parYear?: number } = {},
): Promise<{
  state: WorkbookState<RefreshExtras>;
  targets: InjectTarget[];
  renamed: { wanted: string; used: string }[];
  out: InjectOutcome;
}> {
  const inWanted = (id: TemplateId) => wanted.includes(id) || id === 'STATUS';
  const state = await core.read<RefreshExtras>(session, {
    data: inWanted,
    version: true,
    extras: refreshExtrasFor(core, inWanted, options.parYear),
  });
  const { targets, renamed } = planTargets(core, state, wanted, insertParYear(state, options.parYear));
  options.beforeWrite?.();
  const out = await injectTargets(
    {
      session,
      features: core.features,
      styles: STYLES,
      version: TEMPLATE_VERSION,
      sheets: state.sheets,
      versionNameExists: state.versionNameExists,
      now: core.now,
      onStep: options.onStep,
    },
    targets,
  );
  return { state, targets, renamed, out };
}

/** `parYear`: the PAR list to insert (default the newest; see insertParYear). */
export function inject(
  core: AdapterCore,
  templates: TemplateId[],
  onProgress?: ProgressListener,
  parYear?: number,
): Promise<ExcelInjectReport> {
  const wanted = TEMPLATE_IDS.filter((id) => templates.includes(id));
  return core.button(ACTIONS.inject, async (session) => {
    if (core.readOnly) throw ExcelOperationError.of('ReadOnlyWorkbook');
    const step = progressOf(onProgress, wanted.length + 2);
    step({ vi: 'Đang đọc sổ làm việc', en: 'Reading the workbook' });
    const { targets, renamed, out } = await injectTemplates(core, session, wanted, { onStep: step, parYear });
    await showFirstCreated(session, targets, out.created);
    step({ vi: 'Xong', en: 'Done' });
    return injectReport(core, out, renamed, session.syncs);
  });
}

/**
 * The first sheet just created is shown with its first input cell selected, not A1: A1 holds
 * the template marker, and whatever the official types first would otherwise overwrite it.
 * One more round trip, only when a sheet was created.
 */
async function showFirstCreated(session: Session, targets: InjectTarget[], created: string[]): Promise<void> {
  const first = targets.find((t) => t.existing === null && created.includes(t.plan.name));
  const cell = first ? firstInputCell(first.plan) : null;
  if (!first || !cell) return;
  const commands = onSheet(first.plan.name, [
    { path: [], acts: [{ call: 'activate' }] },
    { path: [['getRange', cell]], acts: [{ call: 'select' }] },
  ]);
  await session.reserve(commandsBytes(pathBytes('workbook'), commands));
  queueCommands(session.ctx.workbook, commands);
  await session.sync();
}

/** The leftmost input of the first row that takes input ('D7'), or null for a sheet without inputs. */
export function firstInputCell(plan: SheetPlan): string | null {
  for (const row of plan.rows) {
    const letters = Object.values(row.inputs).filter((l): l is string => typeof l === 'string');
    if (letters.length === 0) continue;
    letters.sort((a, b) => a.length - b.length || a.localeCompare(b));
    return `${letters[0]}${row.row}`;
  }
  return null;
}

export function injectPlans(core: AdapterCore, input: SheetPlan[] | WorkbookPlan): Promise<ExcelInjectReport> {
  const plans = Array.isArray(input) ? input : input.sheets;
  return core.button(ACTIONS.inject, async (session) => {
    if (core.readOnly) throw ExcelOperationError.of('ReadOnlyWorkbook');
    const ids = new Set(plans.map((p) => p.templateId));
    // Only the sheets these plans go into are read (not every copy of the same template).
    const names = new Set(plans.map((p) => p.name.toLocaleLowerCase('vi')));
    const state = await core.read<RefreshExtras>(session, {
      data: (id, name) => ids.has(id) && names.has(name.toLocaleLowerCase('vi')),
      version: true,
      extras: refreshExtrasFor(core, (id) => ids.has(id)),
    });
    const taken = state.sheets.map((s) => s.name);
    const renamed: { wanted: string; used: string }[] = [];
    const targets: InjectTarget[] = plans.map((plan) => {
      const same = state.sheets.find((s) => sameName(s.name, plan.name));
      if (same && same.marker?.templateId === plan.templateId) {
        const source =
          same.marker.version !== plan.version
            ? (core.deps.legacyPlan?.(plan.templateId, same.marker.version, same.name) ?? null)
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
        features: core.features,
        styles: STYLES,
        version,
        sheets: state.sheets,
        versionNameExists: state.versionNameExists,
        now: core.now,
      },
      targets,
    );
    return injectReport(core, out, renamed, session.syncs);
  });
}
