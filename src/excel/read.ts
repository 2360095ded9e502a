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
import { actionBytes, pathBytes, sheetPathBytes, type Cost, type Session } from './session';

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

function queueProbe<E>(
  sheet: Excel.Worksheet,
  withData: boolean,
  templateId: TemplateId | null,
  opts: ReadOptions<E>,
  year?: number,
): Probe<E> {
  const a1 = sheet.getRange('A1');
  a1.load('values');
  const markerName = sheet.names.getItemOrNullObject(MARKER_NAME);
  markerName.load('formula');
  const flags = sheet.names.getItemOrNullObject(FLAGS_NAME);
  flags.load('formula');
  const rulesRecord = sheet.names.getItemOrNullObject(RULES_NAME);
  rulesRecord.load('formula');
  let used: Excel.Range | null = null;
  let extras: E | undefined;
  if (withData) {
    const area = sheet.getRange(opts.window);
    // Queued before the load below, so the values read are calculated ones (ReadOptions.calculate).
    if (opts.calculate) area.calculate();
    used = area.getUsedRangeOrNullObject(true);
    used.load('address,values,formulas,numberFormat');
    if (opts.extras) extras = opts.extras.queue(sheet, templateId, year);
  }
  return { a1, markerName, flags, rulesRecord, used, extras };
}

/** Answers of a probe's A1 and three names (the values are the caller's estimate). */
const PROBE_RESPONSE_BYTES = 400;

/** Request bytes of a probe's commands: every getRange, getItemOrNullObject and load with its path. */
function probeBytes<E>(id: string, withData: boolean, opts: ReadOptions<E>): number {
  const sheet = sheetPathBytes(id);
  const names = sheet + pathBytes('names');
  let n =
    actionBytes(pathBytes('workbook', 'worksheets'), 'getItem', id) +
    actionBytes(sheet, 'getRange', 'A1') +
    actionBytes(sheet + pathBytes(['getRange', 'A1']), 'load', 'values');
  for (const name of [MARKER_NAME, FLAGS_NAME, RULES_NAME])
    n +=
      actionBytes(names, 'getItemOrNullObject', name) +
      actionBytes(names + pathBytes(['getItemOrNullObject', name]), 'load', 'formula');
  if (withData) {
    const area = sheet + pathBytes(['getRange', opts.window]);
    n += actionBytes(
      area + pathBytes(['getUsedRangeOrNullObject', true]),
      'load',
      'address,values,formulas,numberFormat',
    );
    n += actionBytes(sheet, 'getRange', opts.window) + actionBytes(area, 'getUsedRangeOrNullObject', true);
    if (opts.calculate) n += actionBytes(area, 'calculate');
  }
  return n;
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
  const collection = ctx.workbook.worksheets;
  const version: { property: Excel.CustomProperty | null; name: Excel.NamedItem | null } = {
    property: null,
    name: null,
  };
  let application: Excel.Application | null = null;
  const queueBase = () => {
    collection.load('items/id,items/name,items/position,items/visibility');
    if (opts.calculate) {
      application = ctx.workbook.application;
      application.load('calculationMode');
    }
    if (!opts.version) return;
    if (opts.customProperties) {
      version.property = ctx.workbook.properties.custom.getItemOrNullObject(VERSION_PROPERTY);
      version.property.load('value');
    }
    version.name = ctx.workbook.names.getItemOrNullObject(VERSION_NAME);
    version.name.load('formula');
  };
  // The sheet list's answer: a few hundred bytes a sheet (id, name, position, visibility).
  await session.reserve(1000, 200 * (cache.size + 1));
  queueBase();

  // Optimistic: sheets we know are ours, read now by id.
  const probes = new Map<string, Probe<E>>();
  /** Sheets whose values were queued for reading. */
  const loaded = new Set<string>();
  try {
    for (const id of cache.templateIds()) {
      const marker = cache.get(id) ?? null;
      const templateId = marker?.templateId ?? null;
      const withData = wantsData(opts, templateId, cache.nameOf(id));
      await session.reserveCost(await sheetCost(id, withData, templateId, opts, marker?.year));
      probes.set(id, queueProbe(collection.getItem(id), withData, templateId, opts, marker?.year));
      if (withData) loaded.add(id);
    }
    await session.sync();
  } catch (e) {
    // A sheet we remembered was deleted (maybe by a co-author): forget and read again from the list.
    if (!isNotFound(e) || probes.size === 0) throw e;
    cache.clear();
    probes.clear();
    loaded.clear();
    queueBase();
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
        second.set(s.id, queueProbe(collection.getItem(s.id), true, mark.templateId, opts, mark.year));
        loaded.add(s.id);
      }
      continue;
    }
    if (known) continue; // known not to be ours
    const guess = opts.guess?.(s.name) ?? null;
    // Not knowing the template yet, read values speculatively when any template's are wanted.
    await session.reserveCost(await sheetCost(s.id, !!opts.data, guess, opts));
    second.set(s.id, queueProbe(collection.getItem(s.id), !!opts.data, guess, opts));
    if (opts.data) loaded.add(s.id);
  }
  if (second.size > 0) await session.sync();
  for (const [id, p] of second) {
    identities.set(id, identityOf(p));
    probes.set(id, p);
  }

  const sheets: SheetState<E>[] = items.map((s) => {
    const identity = identities.get(s.id);
    const marker = identity?.marker ?? null;
    cache.set(s.id, marker, s.name);
    const p = probes.get(s.id);
    const snapshot =
      marker && p?.used && loaded.has(s.id) && wantsData(opts, marker.templateId, s.name)
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
  };
}
