/**
 * The Appendix 1 tables as the report prints them: only the rows that hold data and the rows above
 * them (a heading such as I.3, a total such as I.1), so a unit that reports three rows prints three
 * rows, not a page of empty grid. A total the unit left blank shows what the sheet's total formula
 * shows (layout's sumOfParts: the sum once every part holds a number, else blank); a total the unit
 * typed is printed as typed.
 */
import { appendix1Row } from '../catalog';
import type { Appendix1Table, Appendix1Template, RowKind, SumRelation, TemplateColumn } from '../catalog/types';
import { workbookReader, type WorkbookReader } from '../engine/figures';
import type { SheetSnapshot } from '../engine/types';
import { sumOfParts } from '../layout/common';
import { formatValue } from './format';

export interface ReportTableRow {
  id: string;
  stt: string;
  label: string;
  cells: string[];
  /** A heading or a top-level row: printed in bold. */
  strong: boolean;
}

export interface ReportTable {
  template: Appendix1Template;
  table: Appendix1Table;
  /** False when the workbook has no sheet for this template. */
  present: boolean;
  columns: readonly TemplateColumn[];
  /** The rows with data and their parents, in the sheet's order. */
  rows: ReportTableRow[];
  /** How many of the table's rows were left out for holding nothing. */
  omitted: number;
}

export function reportTable(
  template: Appendix1Template,
  table: Appendix1Table,
  snapshot: SheetSnapshot | undefined,
): ReportTable {
  const reader = snapshot ? workbookReader([snapshot]) : undefined;
  const totals = new Map<string, SumRelation>();
  for (const rel of template.relations) if (rel.kind === 'sum') totals.set(rel.total, rel);
  const all = table.rows.map((r) => ({
    id: r.id,
    stt: r.stt,
    label: r.groupLabel ? `${r.groupLabel}: ${r.label}` : r.label,
    strong: r.kind === 'group' || !r.parent,
    parent: r.parent,
    cells: table.columns.map((c) => (reader ? cellText(reader, template.id, r.id, c.id, r.kind, totals) : '')),
  }));
  const keep = new Set<string>();
  const parentOf = new Map(all.map((r) => [r.id, r.parent]));
  for (const r of all) {
    if (!r.cells.some((c) => c !== '')) continue;
    for (let id: string | undefined = r.id; id !== undefined && !keep.has(id); id = parentOf.get(id)) keep.add(id);
  }
  const rows = all.filter((r) => keep.has(r.id)).map(({ parent: _parent, ...r }) => r);
  return {
    template,
    table,
    present: snapshot !== undefined,
    columns: table.columns,
    rows,
    omitted: all.length - rows.length,
  };
}

function cellText(
  reader: WorkbookReader,
  templateId: string,
  rowId: string,
  columnId: string,
  kind: RowKind,
  totals: ReadonlyMap<string, SumRelation>,
): string {
  const cell = reader.text(templateId, rowId, columnId);
  if (cell && cell.value.trim() !== '') {
    if (kind === 'count' || kind === 'percent' || kind === 'flag') {
      // A number cell shows its effective value (so "72%" typed as text reads 72%).
      const v = reader.figure(rowId)?.values[columnId];
      if (typeof v === 'number') return formatValue(v, kind);
    }
    return formatValue(cell.value, 'text');
  }
  const sum = blankTotal(reader, templateId, rowId, columnId, totals.get(rowId));
  return sum === null ? '' : formatValue(sum, kind);
}

/**
 * What a total's blank cell shows once the sheet's total formula is in it: the sum of its parts
 * when each holds a number (sumOfParts), else null; null too for a row that is not a total.
 */
export function blankTotal(
  reader: WorkbookReader,
  templateId: string,
  rowId: string,
  columnId: string,
  relation = appendix1Row(rowId)?.template.relations.find(
    (r): r is SumRelation => r.kind === 'sum' && r.total === rowId,
  ),
): number | null {
  if (!relation) return null;
  return sumOfParts(relation.parts.map((p) => reader.text(templateId, p, columnId)?.raw));
}
