/**
 * The catalog: both documents as typed data, and look-ups over them.
 */
import { APPENDIX1 } from './appendix1';
import { PAR_ROWS } from './parLists';
import { UNITS } from './units';
import type { Appendix1Row, Appendix1Table, Appendix1Template, Catalog, ParRow, TemplateId } from './types';

export type * from './types';
export { UNITS, unitById, unitByName, unitPlace } from './units';
export type { UnitPlace } from './units';
export { APPENDIX1, PAR_ROWS };
export { OUTLINE, OUTLINE_SOURCE, outlineRow, relatedOf } from './outline';
export type { OutlinePart, OutlineRow } from './outline';
export { PAR_LISTS, PAR_LIST_2021, parList, latestParList } from './parLists';
export type { ParList, ParListSource } from './parLists';
// Section VIII's mapping (section8.ts) and the outline's guidance (outlineGuidance.ts) are imported from
// their modules, not re-exported here: the task pane's start-up code would carry them.

/**
 * Version of the templates this build injects. Bump the minor for added rows or formats,
 * the major when a value's place changes; workbooks carry it (A1 marker, document property).
 */
export const TEMPLATE_VERSION = '1.0.0';

export const CATALOG: Catalog = {
  version: TEMPLATE_VERSION,
  units: [...UNITS],
  appendix1: APPENDIX1,
  par: PAR_ROWS,
};

/** Every template, in the order the task pane lists them. */
export const TEMPLATE_IDS: readonly TemplateId[] = [...APPENDIX1.map((t) => t.id), 'OUTLINE', 'PAR', 'STATUS'];

const parById = new Map(PAR_ROWS.map((r) => [r.id, r]));
const templateById = new Map(APPENDIX1.map((t) => [t.id, t]));
const appendixRowById = new Map<string, { template: Appendix1Template; table: Appendix1Table; row: Appendix1Row }>();
for (const template of APPENDIX1)
  for (const table of template.tables)
    for (const row of table.rows) appendixRowById.set(row.id, { template, table, row });

export function parRow(id: string): ParRow | undefined {
  return parById.get(id);
}

/** Leaves under a PAR row (the row itself for a leaf). */
export function parLeaves(id: string): ParRow[] {
  const row = parById.get(id);
  if (!row) return [];
  if (row.children.length === 0) return [row];
  return row.children.flatMap((c) => parLeaves(c));
}

export function appendix1Template(id: string): Appendix1Template | undefined {
  return templateById.get(id as Appendix1Template['id']);
}

export function appendix1Row(
  id: string,
): { template: Appendix1Template; table: Appendix1Table; row: Appendix1Row } | undefined {
  return appendixRowById.get(id);
}
