/**
 * The A1 marker that identifies a template sheet whatever its name: `cchc-template:<id>@<version>`.
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

export function markerFor(templateId: TemplateId, version: string): string {
  if (!KNOWN_IDS.has(templateId)) throw new RangeError(`Unknown template id ${templateId}`);
  if (!VERSION.test(version)) throw new RangeError(`Bad template version ${version}`);
  return `${MARKER_PREFIX}${templateId}@${version}`;
}

/**
 * Reads a marker from the value of A1 (any type Excel returns). Null for anything that is not a
 * marker of a known template, so a foreign sheet is never mistaken for ours.
 */
export function parseMarker(a1Value: unknown): { templateId: TemplateId; version: string } | null {
  if (typeof a1Value !== 'string') return null;
  const text = a1Value.trim();
  if (!text.startsWith(MARKER_PREFIX)) return null;
  const rest = text.slice(MARKER_PREFIX.length);
  const at = rest.indexOf('@');
  if (at <= 0) return null;
  const templateId = rest.slice(0, at);
  const version = rest.slice(at + 1);
  if (!KNOWN_IDS.has(templateId) || !VERSION.test(version)) return null;
  return { templateId: templateId as TemplateId, version };
}

/**
 * The sheet-scoped name that holds the same marker as A1 (`="cchc-template:PAR@1.0.0"`). A1 is a
 * cell anyone can type over (it is where a new sheet's cursor would land); a name is not in the
 * grid, survives an edit of A1, and is copied with the sheet, so a sheet stays recognised after
 * its A1 was typed over, and "Chèn biểu mẫu" restores A1 instead of creating a second sheet.
 */
export const MARKER_NAME = 'CCHC_TEMPLATE';

/** The formula of MARKER_NAME for a template: a text constant. */
export function markerNameFormula(templateId: TemplateId, version: string): string {
  return `="${markerFor(templateId, version)}"`;
}

/**
 * Reads a marker from MARKER_NAME's formula as Excel returns it (`="cchc-template:…"`, with or
 * without the '='). Null for anything else.
 */
export function parseMarkerFormula(formula: unknown): { templateId: TemplateId; version: string } | null {
  if (typeof formula !== 'string') return null;
  const m = /^=?\s*"([^"]*)"\s*$/.exec(formula.trim());
  return m ? parseMarker(m[1]) : null;
}
