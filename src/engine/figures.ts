/**
 * Reading Appendix 1 figures and outline text out of a workbook's snapshots, by row key, for the
 * Section VIII suggestions, the outline checks and the Word report. A figure is the cell's effective
 * value: the stored value when valid, or the value a warning's fix proposes ("72%" typed as text → 0.72),
 * the same rule validation uses; nothing for an error.
 */
import { appendix1Row } from '../catalog';
import { parseCellInput, type CellKind } from './parse';
import { sheetContext, type SheetContext } from './sheet';
import { tableOf } from './tables';
import type { SheetSnapshot } from './types';

/** The year columns read, latest first: 2020 counts only to 31/3 but is the latest when filled. */
export const FIGURE_YEARS = ['2020', '2019'] as const;

export interface Figure {
  rowId: string;
  label: string;
  kind: CellKind;
  /** By year column id ('2015'…'2020'): the effective value, absent when unfilled or invalid. */
  values: Record<string, number>;
  /** Sheet and cell of each value, for messages. */
  cells: Record<string, string>;
}

export interface WorkbookReader {
  /** The snapshot of a template, the first one when a workbook has two. */
  snapshot(templateId: string): SheetSnapshot | undefined;
  figure(rowId: string): Figure | null;
  /** A text input of a keyed row ('' when empty), with its cell; null when the row is absent. */
  text(
    templateId: string,
    rowKey: string,
    columnId: string,
  ): { value: string; raw: unknown; cell: string; sheet: string } | null;
}

/**
 * `known`: the sheets' rows already found (sheetContext of each snapshot with its own table), so
 * that a caller who validated the sheets does not find them again.
 */
export function workbookReader(
  snapshots: readonly SheetSnapshot[],
  known?: ReadonlyMap<SheetSnapshot, SheetContext>,
): WorkbookReader {
  const contexts = new Map<string, SheetContext>();
  const context = (templateId: string): SheetContext | undefined => {
    if (contexts.has(templateId)) return contexts.get(templateId);
    const snapshot = snapshots.find((s) => s.templateId === templateId);
    const ctx = snapshot ? (known?.get(snapshot) ?? sheetContext(snapshot, tableOf(snapshot))) : undefined;
    if (ctx) contexts.set(templateId, ctx);
    return ctx;
  };
  const cellOf = (ctx: SheetContext, rowKey: string, columnId: string) => {
    const spec = ctx.table.rows.get(rowKey);
    if (!spec) return null;
    const r = ctx.first[spec.index];
    if (r < 0) return null;
    const slot = spec.inputs.find((s) => s.columnId === columnId);
    if (!slot) return null;
    const raw = ctx.values[r]?.[slot.col - ctx.col0];
    return { raw, slot, address: `${slot.letter}${ctx.row0 + r}` };
  };
  return {
    snapshot: (templateId) => snapshots.find((s) => s.templateId === templateId),
    figure(rowId) {
      const found = appendix1Row(rowId);
      if (!found) return null;
      const ctx = context(found.template.id);
      const figure: Figure = { rowId, label: found.row.label, kind: found.row.kind, values: {}, cells: {} };
      if (!ctx) return figure;
      for (const column of found.table.columns) {
        const cell = cellOf(ctx, rowId, column.id);
        if (!cell) continue;
        const parsed = parseCellInput(cell.raw ?? null, cell.slot.kind);
        if (typeof parsed.value === 'number') {
          figure.values[column.id] = parsed.value;
          figure.cells[column.id] = `${ctx.snapshot.name}!${cell.address}`;
        }
      }
      return figure;
    },
    text(templateId, rowKey, columnId) {
      const ctx = context(templateId);
      if (!ctx) return null;
      const cell = cellOf(ctx, rowKey, columnId);
      if (!cell) return null;
      const raw = cell.raw;
      const value = raw === null || raw === undefined ? '' : String(raw);
      return { value, raw, cell: cell.address, sheet: ctx.snapshot.name };
    },
  };
}

/** The latest year with a value (2020 to 31/3, else 2019), or null. */
export function latestYear(figure: Figure | null): { year: string; value: number } | null {
  if (!figure) return null;
  for (const year of FIGURE_YEARS) {
    const value = figure.values[year];
    if (typeof value === 'number') return { year, value };
  }
  return null;
}
