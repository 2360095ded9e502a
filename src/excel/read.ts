/**
 * Finding the template sheets and reading them in as few round trips as possible.
 *
 * A sheet is ours when its A1 or its sheet-scoped name CCHC_TEMPLATE holds a marker, whoever
 * injected it and whatever it is called. The name wins: A1 can be typed over, and then the sheet
 * is still ours, with `a1Overwritten` saying what A1 holds now (layout/marker.ts).
 * Reading A1 of every sheet needs the sheet list first, which is itself a round trip, so the
 * adapter remembers which sheets (by id, which survives renames) were ours the last time it
 * looked: the list, their markers, their values and what a refresh compares are then read in
 * ONE sync. Sheets it has not seen yet (a new workbook, a co-author's new sheet) cost one more.
 */
import type { TemplateId } from '../catalog/types';
import { hasErrorCode } from '../contracts/errors';
import type { CellValue, SheetSnapshot } from '../engine/types';
import { parseCell, stripSheet } from '../layout/a1';
import { MARKER_NAME, parseMarker, parseMarkerFormula, sameMarker, type TemplateMarker } from '../layout/marker';
import { RULES_NAME } from '../layout/ruleRecord';
import { FLAGS_NAME } from '../layout/flagsName';
import { commandsBytes, onSheet, queueCommands, type Act, type Command } from './queue';
import { pathBytes, type Cost, type Segment, type Session } from './session';

/**
 * Told when a read found Excel in Manual calculation mode and calculated the template sheets
 * first (ReadOptions.calculate): otherwise the figures would be the stale ones Excel shows.
 */
export const MANUAL_CALCULATION_NOTE = {
  vi: 'Excel đang ở chế độ tính toán thủ công: tiện ích đã tính lại các trang biểu mẫu trước khi đọc. Các ô công thức khác trong sổ vẫn chưa được tính lại (Công thức › Tính Ngay, F9).',
  en: 'Excel is in manual calculation mode: the add-in recalculated the template sheets before reading them. Other formulas in the workbook are not recalculated (Formulas › Calculate Now, F9).',
} as const;

/** The note for a read that calculated, when Excel was in Manual mode. */
export function calculationNotes(state: { calculationMode: string | null }): { vi: string; en: string }[] {
  return state.calculationMode === 'Manual' ? [{ ...MANUAL_CALCULATION_NOTE }] : [];
}

export const VERSION_PROPERTY = 'CCHC.TemplateVersion';
export const VERSION_NAME = 'CCHC_TEMPLATE_VERSION';

/** A sheet's marker: template, version and, on a PAR sheet, its list's year. */
export type Marker = TemplateMarker;

export interface SheetState<E = unknown> {
  id: string;
  name: string;
  position: number;
  visible: boolean;
  marker: Marker | null;
  /** The CCHC_TEMPLATE formula; null when the sheet has no such name; undefined when not read. */
  markerName: string | null | undefined;
  /**
   * What A1 holds when the sheet is ours (by its name) but A1 no longer holds its marker: typed
   * over by someone ('' when cleared). Null when A1 holds the marker or the sheet is not ours.
   */
  a1Overwritten: CellValue | null;
  /** Values, formulas and number formats of the used part of the read window, when read. */
  snapshot: SheetSnapshot | null;
  /** The CCHC_FLAGS formula (the marks of sheets inserted by earlier versions); null when the sheet has no such name; undefined when not read. */
  flags: string | null | undefined;
  /** The CCHC_RULES formula (which rules the add-in gave the sheet: ruleRecord.ts); null when absent; undefined when not read. */
  rulesRecord: string | null | undefined;
  /** Whatever the caller asked to read beside the values (a refresh's comparison). */
  extras: E | undefined;
}

export interface WorkbookState<E = unknown> {
  sheets: SheetState<E>[];
  /** Sheets with a marker, in tab order. */
  templates: SheetState<E>[];
  /** CCHC.TemplateVersion (or the workbook name when properties are unavailable). */
  workbookVersion: string | null;
  versionNameExists: boolean;
  /** Application.calculationMode ('Automatic', 'AutomaticExceptTables', 'Manual') when asked to calculate. */
  calculationMode: string | null;
  /** Ids of the sheets given to ReadOptions.onRead during the read. */
  handed: Set<string>;
}

export interface ReadOptions<E> {
  /** Read values for template sheets of these ids (all when 'all'; none when omitted). */
  data?: 'all' | ((templateId: TemplateId, sheetName: string) => boolean);
  /**
   * Extra loads for a sheet whose values are read (templateId is a guess for unseen sheets), with
   * what they cost: one description gives both, so the read reserves what it queues.
   */
  extras?: ExtrasRead<E>;
  /** Read the workbook's version property and name. */
  version?: boolean;
  /**
   * Calculate each area before its values are read, in the same request. In Manual calculation
   * mode Excel keeps formula values stale until calculated (typings, Application.calculationMode:
   * "calculation is done when the user requests it"); Range.calculate (ExcelApi 1.6) calculates
   * that range only. The mode is read in the same request, so the caller can say it calculated.
   */
  calculate?: boolean;
  customProperties: boolean;
  /** Address of the area read on every template sheet, e.g. 'A1:R600'. */
  window: string;
  /** Guesses a sheet's template from its name before its marker is read (for extras). */
  guess?: (name: string) => TemplateId | null;
  /**
   * Estimated response bytes of reading one sheet's values: reads are split across round trips
   * where Excel on the web's 5 MB response limit requires it. Asked only for a sheet whose values
   * are queued, so a promise lets the caller load what it needs for the answer (the layouts) only
   * then: a workbook without template sheets never asks. `year`: a PAR sheet's list year, when its
   * marker is known before the read (undefined for a sheet not known yet).
   */
  estimate?: (templateId: TemplateId | null, year?: number) => number | Promise<number>;
  /**
   * Given each template sheet whose values were read as soon as its round trip is back, while
   * the read still has sheets to queue: what it queues (writes, with their reserve) travels with
   * the reads still to come instead of in requests of its own after them. Called only when the
   * read takes more than one round trip; the sheets it was given are in `handed` of the result,
   * the others the caller takes from `templates` as usual.
   */
  onRead?: (sheet: SheetState<E>) => void | Promise<void>;
}

/** A read's extra loads on one sheet: what they cost, and queuing them (loads only). */
export interface ExtrasRead<E> {
  /** `year`: a PAR sheet's list year when its marker is known before the read (as for estimate). */
  cost(templateId: TemplateId | null, year?: number): Cost | Promise<Cost>;
  queue(sheet: Excel.Worksheet, templateId: TemplateId | null, year?: number): E;
}

/** What the adapter remembers between calls: sheet id → marker (null for sheets not ours) and name. */
export class SheetCache {
  private readonly known = new Map<string, Marker | null>();
  private readonly names = new Map<string, string>();

  get size(): number {
    return this.known.size;
  }
  has(id: string): boolean {
    return this.known.has(id);
  }
  get(id: string): Marker | null | undefined {
    return this.known.get(id);
  }
  set(id: string, marker: Marker | null, name?: string): void {
    this.known.set(id, marker);
    if (name !== undefined) this.names.set(id, name);
  }
  /** The name the sheet had when last seen ('' if never seen by name). */
  nameOf(id: string): string {
    return this.names.get(id) ?? '';
  }
  templateIds(): string[] {
    return [...this.known].filter(([, m]) => m !== null).map(([id]) => id);
  }
  clear(): void {
    this.known.clear();
    this.names.clear();
  }
  forget(ids: Set<string>): void {
    for (const id of [...this.known.keys()])
      if (!ids.has(id)) {
        this.known.delete(id);
        this.names.delete(id);
      }
  }
}

interface Probe<E> {
  a1: Excel.Range;
  markerName: Excel.NamedItem;
  flags: Excel.NamedItem;
  rulesRecord: Excel.NamedItem;
  used: Excel.Range | null;
  extras: E | undefined;
}

/**
 * A sheet's probe as one description, on the workbook: the sheet reached by id, A1 and the three
 * names loaded and, with its values, the read window (calculated first when asked) and its used
 * part loaded. Both what is queued (queueProbe) and what it costs (probeBytes).
 */
function probeCommands<E>(id: string, withData: boolean, opts: ReadOptions<E>): Command[] {
  const load = (what: string): Act => ({ call: 'load', args: [what] });
  const commands: Command[] = [
    { path: [], acts: [] },
    { path: [['getRange', 'A1']], acts: [load('values')] },
    ...[MARKER_NAME, FLAGS_NAME, RULES_NAME].map((name) => ({
      path: ['names', ['getItemOrNullObject', name]] as Segment[],
      acts: [load('formula')],
    })),
  ];
  if (withData) {
    const area: Segment = ['getRange', opts.window];
    // Queued before the load below, so the values read are calculated ones (ReadOptions.calculate).
    if (opts.calculate) commands.push({ path: [area], acts: [{ call: 'calculate' }] });
    commands.push({
      path: [area, ['getUsedRangeOrNullObject', true]],
      acts: [load('address,values,formulas,numberFormat')],
    });
  }
  return onSheet(id, commands);
}

function queueProbe<E>(
  workbook: Excel.Workbook,
  id: string,
  withData: boolean,
  templateId: TemplateId | null,
  opts: ReadOptions<E>,
  year?: number,
): Probe<E> {
  const reached = queueCommands(workbook, probeCommands(id, withData, opts));
  const [sheet, a1, markerName, flags, rulesRecord] = reached as [
    Excel.Worksheet,
    Excel.Range,
    Excel.NamedItem,
    Excel.NamedItem,
    Excel.NamedItem,
  ];
  const used = withData ? (reached[reached.length - 1] as Excel.Range) : null;
  const extras = withData && opts.extras ? opts.extras.queue(sheet, templateId, year) : undefined;
  return { a1, markerName, flags, rulesRecord, used, extras };
}

/** Answers of a probe's A1 and three names (the values are the caller's estimate). */
const PROBE_RESPONSE_BYTES = 400;

/** Request bytes of a probe's commands, from the description queued. */
function probeBytes<E>(id: string, withData: boolean, opts: ReadOptions<E>): number {
  return commandsBytes(pathBytes('workbook'), probeCommands(id, withData, opts));
}

/** What reading one sheet costs: the probe, its values' answers when read, and the extras. */
async function sheetCost<E>(
  id: string,
  withData: boolean,
  templateId: TemplateId | null,
  opts: ReadOptions<E>,
  year?: number,
): Promise<Cost> {
  let request = probeBytes(id, withData, opts);
  let response = PROBE_RESPONSE_BYTES;
  if (withData) {
    response += (await opts.estimate?.(templateId, year)) ?? 0;
    if (opts.extras) {
      const extras = await opts.extras.cost(templateId, year);
      request += extras.request;
      response += extras.response ?? 0;
    }
  }
  return { request, response };
}

function wantsData<E>(opts: ReadOptions<E>, templateId: TemplateId | null, name: string): boolean {
  if (!opts.data) return false;
  if (opts.data === 'all') return true;
  return templateId !== null && opts.data(templateId, name);
}

function snapshotOf(name: string, marker: Marker, used: Excel.Range): SheetSnapshot | null {
  if (used.isNullObject) return null;
  const address = stripSheet(used.address);
  const origin = address.split(':')[0];
  parseCell(origin); // throws on an address we could not read
  return {
    name,
    templateId: marker.templateId,
    version: marker.version,
    ...(marker.year !== undefined ? { year: marker.year } : {}),
    origin,
    values: used.values as CellValue[][],
    formulas: used.formulas as CellValue[][],
    numberFormats: used.numberFormat as string[][],
  };
}

/** A sheet's identity from its probe: the name's marker first, else A1's. */
function identityOf<E>(p: Probe<E>): { marker: Marker | null; a1Overwritten: CellValue | null } {
  const a1 = (p.a1.values?.[0]?.[0] ?? '') as CellValue;
  const byName = p.markerName.isNullObject ? null : parseMarkerFormula(p.markerName.formula);
  if (!byName) return { marker: parseMarker(a1), a1Overwritten: null };
  // Compared as markers, not as text: a PAR marker written before years and its 2021 form are one.
  const intact = sameMarker(parseMarker(a1), byName);
  return { marker: byName, a1Overwritten: intact ? null : a1 };
}

function isNotFound(e: unknown): boolean {
  return hasErrorCode(e, 'ItemNotFound');
}

/**
 * Reads the sheet list, every sheet's marker and the values of the template sheets asked for:
 * one sync when every sheet is already known, two otherwise.
 */
export async function readWorkbook<E>(
  session: Session,
  cache: SheetCache,
  opts: ReadOptions<E>,
): Promise<WorkbookState<E>> {
  const ctx = session.ctx;
  let collection = ctx.workbook.worksheets;
  const version: { property: Excel.CustomProperty | null; name: Excel.NamedItem | null } = {
    property: null,
    name: null,
  };
  let application: Excel.Application | null = null;
  /** The sheet list, the calculation mode and the version, as one description on the workbook. */
  const load = (what: string): Act => ({ call: 'load', args: [what] });
  const base: Command[] = [
    { path: ['worksheets'], acts: [load('items/id,items/name,items/position,items/visibility')] },
  ];
  if (opts.calculate) base.push({ path: ['application'], acts: [load('calculationMode')] });
  if (opts.version && opts.customProperties)
    base.push({ path: ['properties', 'custom', ['getItemOrNullObject', VERSION_PROPERTY]], acts: [load('value')] });
  if (opts.version) base.push({ path: ['names', ['getItemOrNullObject', VERSION_NAME]], acts: [load('formula')] });
  const queueBase = async () => {
    // The sheet list's answer: a few hundred bytes a sheet (id, name, position, visibility).
    await session.reserve(commandsBytes(pathBytes('workbook'), base), 200 * (cache.size + 1));
    const reached = queueCommands(ctx.workbook, base);
    collection = reached[0] as Excel.WorksheetCollection;
    let i = 1;
    if (opts.calculate) application = reached[i++] as Excel.Application;
    if (opts.version && opts.customProperties) version.property = reached[i++] as Excel.CustomProperty;
    if (opts.version) version.name = reached[i++] as Excel.NamedItem;
  };
  await queueBase();

  // Optimistic: sheets we know are ours, read now by id.
  const probes = new Map<string, Probe<E>>();
  /** Sheets whose values were queued for reading. */
  const loaded = new Set<string>();
  /** Sheets given to opts.onRead, and the probes queued since the last round trip that came back. */
  const handed = new Set<string>();
  let waiting: [string, Probe<E>][] = [];
  let syncsSeen = session.syncs;
  /**
   * After a round trip that came back while the read still queues: each sheet whose values it
   * brought, to opts.onRead (the sheet list came back with the first round trip).
   */
  const handOut = async () => {
    if (!opts.onRead || session.syncs === syncsSeen) return;
    const resolved = waiting;
    waiting = [];
    const listed = new Map(collection.items.map((s) => [s.id, s]));
    for (const [id, p] of resolved) {
      const s = listed.get(id);
      if (!s) continue;
      const state = stateOf(s, identityOf(p), p, loaded.has(id), opts);
      if (!state.snapshot) continue;
      handed.add(id);
      await opts.onRead(state);
    }
    syncsSeen = session.syncs;
  };
  try {
    for (const id of cache.templateIds()) {
      const marker = cache.get(id) ?? null;
      const templateId = marker?.templateId ?? null;
      const withData = wantsData(opts, templateId, cache.nameOf(id));
      await session.reserveCost(await sheetCost(id, withData, templateId, opts, marker?.year));
      await handOut();
      const p = queueProbe(ctx.workbook, id, withData, templateId, opts, marker?.year);
      probes.set(id, p);
      waiting.push([id, p]);
      if (withData) loaded.add(id);
    }
    await session.sync();
  } catch (e) {
    // A sheet we remembered was deleted (maybe by a co-author): forget and read again from the
    // list. Not when sheets were already handed on: what their caller queued went in the request
    // Excel refused, so the operation fails as Excel said; pressed again, it reads from the list.
    if (isNotFound(e) && handed.size > 0) cache.clear();
    if (!isNotFound(e) || probes.size === 0 || handed.size > 0) throw e;
    cache.clear();
    probes.clear();
    loaded.clear();
    waiting = [];
    await queueBase();
    await session.sync();
  }

  const items = collection.items;
  cache.forget(new Set(items.map((s) => s.id)));
  /** Each probed sheet's identity (its marker, and A1 when typed over), worked out once. */
  const identities = new Map<string, ReturnType<typeof identityOf>>();
  const seen = new Set<string>();
  for (const [id, p] of probes) {
    identities.set(id, identityOf(p));
    seen.add(id);
  }

  // Unseen sheets (and known ones whose template changed so their values were not read).
  const second = new Map<string, Probe<E>>();
  for (const s of items) {
    const known = cache.has(s.id);
    const mark = identities.get(s.id)?.marker;
    if (seen.has(s.id)) {
      // Its template or name changed since we looked, so the values asked for were not read.
      if (mark && !loaded.has(s.id) && wantsData(opts, mark.templateId, s.name)) {
        await session.reserveCost(await sheetCost(s.id, true, mark.templateId, opts, mark.year));
        await handOut();
        const p = queueProbe(ctx.workbook, s.id, true, mark.templateId, opts, mark.year);
        second.set(s.id, p);
        waiting.push([s.id, p]);
        loaded.add(s.id);
      }
      continue;
    }
    if (known) continue; // known not to be ours
    const guess = opts.guess?.(s.name) ?? null;
    // Not knowing the template yet, read values speculatively when any template's are wanted.
    await session.reserveCost(await sheetCost(s.id, !!opts.data, guess, opts));
    await handOut();
    const p = queueProbe(ctx.workbook, s.id, !!opts.data, guess, opts);
    second.set(s.id, p);
    waiting.push([s.id, p]);
    if (opts.data) loaded.add(s.id);
  }
  if (second.size > 0) await session.sync();
  for (const [id, p] of second) {
    identities.set(id, identityOf(p));
    probes.set(id, p);
  }

  const sheets: SheetState<E>[] = items.map((s) => {
    const identity = identities.get(s.id);
    cache.set(s.id, identity?.marker ?? null, s.name);
    return stateOf(s, identity, probes.get(s.id), loaded.has(s.id), opts);
  });
  sheets.sort((a, b) => a.position - b.position);

  const { property, name: versionName } = version;
  let workbookVersion: string | null = null;
  if (property && !property.isNullObject && property.value !== undefined && property.value !== null)
    workbookVersion = String(property.value);
  const nameVersion =
    versionName && !versionName.isNullObject ? /"([^"]+)"/.exec(versionName.formula ?? '')?.[1] : undefined;
  if (!workbookVersion && nameVersion) workbookVersion = nameVersion;
  return {
    sheets,
    templates: sheets.filter((s) => s.marker !== null),
    workbookVersion,
    versionNameExists: !!versionName && !versionName.isNullObject,
    calculationMode: (application as Excel.Application | null)?.calculationMode ?? null,
    handed,
  };
}

/** A sheet as read: its list entry, its identity and probe when probed, its values when `loaded`. */
function stateOf<E>(
  s: Excel.Worksheet,
  identity: ReturnType<typeof identityOf> | undefined,
  p: Probe<E> | undefined,
  loaded: boolean,
  opts: ReadOptions<E>,
): SheetState<E> {
  const marker = identity?.marker ?? null;
  const snapshot =
    marker && p?.used && loaded && wantsData(opts, marker.templateId, s.name)
      ? snapshotOf(s.name, marker, p.used)
      : null;
  return {
    id: s.id,
    name: s.name,
    position: s.position,
    visible: s.visibility === 'Visible',
    marker,
    markerName: p ? (p.markerName.isNullObject ? null : p.markerName.formula) : undefined,
    a1Overwritten: identity?.a1Overwritten ?? null,
    snapshot,
    flags: p ? (p.flags.isNullObject ? null : p.flags.formula) : undefined,
    rulesRecord: p ? (p.rulesRecord.isNullObject ? null : p.rulesRecord.formula) : undefined,
    extras: marker && p ? p.extras : undefined,
  };
}
