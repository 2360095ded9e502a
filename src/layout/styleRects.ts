/**
 * The cells of each style of a plan, gathered into as few rectangles as its rows allow, so a host
 * sets each style with one range per rectangle instead of one per cell.
 */
import { parseCell, type RangeRef } from './a1';
import type { SheetPlan, StyleId } from './types';

/** Cells of one style gathered into as few rectangles as rows allow (one range each in Excel). */
export function styleRects(plan: SheetPlan): Map<StyleId, RangeRef[]> {
  const byStyle = new Map<StyleId, Map<number, number[]>>();
  for (const c of plan.cells) {
    if (!c.style) continue;
    const { row, col } = parseCell(c.address);
    let rows = byStyle.get(c.style);
    if (!rows) byStyle.set(c.style, (rows = new Map()));
    const cols = rows.get(row) ?? [];
    cols.push(col);
    rows.set(row, cols);
  }
  const out = new Map<StyleId, RangeRef[]>();
  for (const [style, rows] of byStyle) {
    const rects: RangeRef[] = [];
    // Runs in the previous row, by "left:right", still open for extension downwards.
    let open = new Map<string, RangeRef>();
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const cols = [...new Set(rows.get(row))].sort((a, b) => a - b);
      const next = new Map<string, RangeRef>();
      for (let i = 0; i < cols.length;) {
        let j = i;
        while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
        const key = `${cols[i]}:${cols[j]}`;
        const above = open.get(key);
        if (above && above.bottom === row - 1) {
          above.bottom = row;
          next.set(key, above);
        } else {
          const r = { top: row, left: cols[i], bottom: row, right: cols[j] };
          rects.push(r);
          next.set(key, r);
        }
        i = j + 1;
      }
      open = next;
    }
    out.set(style, rects);
  }
  return out;
}
