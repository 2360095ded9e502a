/**
 * Where a row sits in its sheet, in the sheet's own words: the table caption, the Phần and the
 * parent headings above it. A list that names "Tổng số được giao" twice, or "Giai đoạn 2001-2010"
 * three times, says under which heading each one is. Pure: no React, no Office.
 */
import { appendix1Row, outlineRow, parRow } from '../catalog';
import { parLabel } from './model';

/** The headings above a row, outermost first (not the sheet itself); [] for a key the catalog does not know. */
export function rowContext(rowKey: string): string[] {
  const a = appendix1Row(rowKey);
  if (a) {
    const path: string[] = [];
    if (a.table.caption) {
      const heading = a.table.rows.find((r) => r.kind === 'group' && r.label === a.table.caption);
      path.push(heading?.stt ? `${heading.stt} ${a.table.caption}` : a.table.caption);
    }
    const parent = a.row.parent ? appendix1Row(a.row.parent)?.row : undefined;
    // A table's own heading row is its caption, said once.
    if (parent && parent.label !== a.table.caption)
      path.push(parent.stt ? `${parent.stt} ${parent.label}` : parent.label);
    if (a.row.groupLabel) path.push(a.row.groupLabel);
    return path;
  }
  const p = parRow(rowKey);
  if (p) {
    const path: string[] = [];
    for (
      let up = p.parent ? parRow(p.parent) : undefined;
      up && up.level > 0;
      up = up.parent ? parRow(up.parent) : undefined
    )
      path.unshift(parLabel(up.id));
    return path;
  }
  // Outline rows are keyed by their heading ('P1.II.3.text', 'P1.II.3@III.1': outlineSheet.ts).
  const id = rowKey.replace(/\.text$/, '').split('@')[0];
  const o = outlineRow(id);
  if (o) {
    const path: string[] = [];
    for (let up = o.parent ? outlineRow(o.parent) : undefined; up; up = up.parent ? outlineRow(up.parent) : undefined)
      path.unshift(`${up.number} ${up.label}`.trim());
    return path;
  }
  return [];
}

export interface RowBlock<T> {
  /** The headings above these rows, outermost first, starting with the sheet. */
  path: string[];
  /** The headings this block opens (the previous block's path differs from here on), with their depth. */
  opens: { depth: number; text: string }[];
  rows: T[];
}

/**
 * Consecutive rows under the same headings, each block saying which headings it opens: the list
 * reads like the sheet, headings once, rows under them.
 */
export function blocksOf<T extends { sheet: string; rowKey: string }>(rows: readonly T[]): RowBlock<T>[] {
  const blocks: RowBlock<T>[] = [];
  let previous: string[] = [];
  for (const row of rows) {
    const path = [row.sheet, ...rowContext(row.rowKey)];
    const last = blocks[blocks.length - 1];
    if (last && same(last.path, path)) {
      last.rows.push(row);
      continue;
    }
    let depth = 0;
    while (depth < path.length && depth < previous.length && path[depth] === previous[depth]) depth++;
    blocks.push({ path, opens: path.slice(depth).map((text, i) => ({ depth: depth + i, text })), rows: [row] });
    previous = path;
  }
  return blocks;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
