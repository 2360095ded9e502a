/**
 * The A1 marker that identifies a template sheet whatever its name: `cchc-template:<id>@<version>`,
 * and for a PAR sheet the year of its list after a slash (`cchc-template:PAR@1.0.0/2022`): a workbook
 * may hold two years' PAR sheets side by side, and each is read against its own year's list.
 * Markers written before lists had years (`cchc-template:PAR@1.0.0`) are the 2021 list's.
 */
import type { TemplateId } from '../catalog/types';
import { MARKER_PREFIX } from './types';

/** Every template id a marker may carry (kept here so that reading a marker needs no catalog data). */
const KNOWN_IDS: ReadonlySet<string> = new Set<TemplateId>([
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'OUTLINE',
  'PAR',
  'STATUS',
]);

const VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
const YEAR = /^\d{4}$/;

/** The year of a PAR marker written before markers carried one: the only list there was then. */
export const LEGACY_PAR_YEAR = 2021;

/** What a marker says: the template, its version and, for PAR only, the year of its list. */
export interface TemplateMarker {
  templateId: TemplateId;
  version: string;
  /** PAR only: the year of the list the sheet was built from (LEGACY_PAR_YEAR for a marker without one). */
  year?: number;
}

/** `year`: the PAR list's year (PAR only; without it, the marker is written as before years, i.e. 2021's). */
export function markerFor(templateId: TemplateId, version: string, year?: number): string {
  if (!KNOWN_IDS.has(templateId)) throw new RangeError(`Unknown template id ${templateId}`);
  if (!VERSION.test(version)) throw new RangeError(`Bad template version ${version}`);
  if (year === undefined) return `${MARKER_PREFIX}${templateId}@${version}`;
  if (templateId !== 'PAR') throw new RangeError(`Only the PAR template has a year (got ${templateId})`);
  if (!YEAR.test(String(year))) throw new RangeError(`Bad PAR year ${year}`);
  return `${MARKER_PREFIX}${templateId}@${version}/${year}`;
}

/** Whether two markers name the same template, version and year. */
export function sameMarker(a: TemplateMarker | null, b: TemplateMarker | null): boolean {
  return !!a && !!b && a.templateId === b.templateId && a.version === b.version && a.year === b.year;
}

/**
 * Reads a marker from the value of A1 (any type Excel returns). Null for anything that is not a
 * marker of a known template, so a foreign sheet is never mistaken for ours.
 */
export function parseMarker(a1Value: unknown): TemplateMarker | null {
  if (typeof a1Value !== 'string') return null;
  const text = a1Value.trim();
  if (!text.startsWith(MARKER_PREFIX)) return null;
  const rest = text.slice(MARKER_PREFIX.length);
  const at = rest.indexOf('@');
  if (at <= 0) return null;
  const templateId = rest.slice(0, at);
  const [version, year, ...more] = rest.slice(at + 1).split('/');
  if (!KNOWN_IDS.has(templateId) || !VERSION.test(version) || more.length > 0) return null;
  if (templateId !== 'PAR') return year === undefined ? { templateId: templateId as TemplateId, version } : null;
  if (year !== undefined && !YEAR.test(year)) return null;
  return { templateId: 'PAR', version, year: year === undefined ? LEGACY_PAR_YEAR : Number(year) };
}

/**
 * The sheet-scoped name that holds the same marker as A1 (`="cchc-template:PAR@1.0.0"`). A1 is a
 * cell anyone can type over (it is where a new sheet's cursor would land); a name is not in the
 * grid, survives an edit of A1, and is copied with the sheet, so a sheet stays recognised after
 * its A1 was typed over, and "Chèn biểu mẫu" restores A1 instead of creating a second sheet.
 */
export const MARKER_NAME = 'CCHC_TEMPLATE';

/** The formula of MARKER_NAME for a template: a text constant. */
export function markerNameFormula(templateId: TemplateId, version: string, year?: number): string {
  return `="${markerFor(templateId, version, year)}"`;
}

/**
 * Reads a marker from MARKER_NAME's formula as Excel returns it (`="cchc-template:…"`, with or
 * without the '='). Null for anything else.
 */
export function parseMarkerFormula(formula: unknown): TemplateMarker | null {
  if (typeof formula !== 'string') return null;
  const m = /^=?\s*"([^"]*)"\s*$/.exec(formula.trim());
  return m ? parseMarker(m[1]) : null;
}
