/**
 * Inserting and deleting entire rows or columns. Cells, row heights, hidden flags, merges,
 * conditional formats and validation move with their rows; references in every formula, name
 * and rule of the workbook are adjusted (Excel's behaviour for a whole-row insert/delete).
 *
 * Guesses:
 * - inserted rows/columns take the formats (style, number format, validation) of the row above /
 *   column to the left, as Excel's default "Format Same As Above";
 * - a cell whose validation anchor is above the insertion keeps reading its own row (its offset
 *   from the anchor grows); rules anchored inside a deleted block keep their text;
 * - freeze panes and the selection do not move; print titles are adjusted like a reference;
 * - a partial shift (insert 'Down' / delete 'Up' on some columns) moves references, merges and
 *   conditional formats only when they lie wholly inside those columns; shifting part of the
 *   columns right/left is not implemented.
 */
import { MAX_COLS, MAX_ROWS, type Rect } from './address';
import { adjustForShift, type Axis } from './formulaText';
import type { Cell, SheetModel } from './model';
import type { WorkbookModel } from './workbookModel';

/** New [lo, hi] of a span after `count` inserted (>0) or deleted (<0) at `at`; null when deleted whole. */
export function adjustSpan(lo: number, hi: number, at: number, count: number, max: number): [number, number] | null {
  if (count > 0) {
    const nlo = lo >= at ? lo + count : lo;
    const nhi = Math.min(hi >= at ? hi + count : hi, max - 1);
    if (nlo >= max) return null;
    return [nlo, nhi];
  }
  const n = -count;
  const last = at + n - 1;
  if (lo >= at && hi <= last) return null;
  const nlo = lo < at ? lo : lo > last ? lo - n : at;
  const nhi = hi < at ? hi : hi > last ? hi - n : at - 1;
  return [nlo, nhi];
}

function adjustRect(r: Rect, axis: Axis, at: number, count: number): Rect | null {
  if (axis === 'row') {
    if (r.top === 0 && r.bottom === MAX_ROWS - 1) return r; // whole columns do not change with rows
    const s = adjustSpan(r.top, r.bottom, at, count, MAX_ROWS);
    return s ? { ...r, top: s[0], bottom: s[1] } : null;
  }
  if (r.left === 0 && r.right === MAX_COLS - 1) return r;
  const s = adjustSpan(r.left, r.right, at, count, MAX_COLS);
  return s ? { ...r, left: s[0], right: s[1] } : null;
}

function shiftKeys<T>(map: Map<number, T>, at: number, count: number): Map<number, T> {
  const out = new Map<number, T>();
  for (const [k, v] of map) {
    if (k < at) out.set(k, v);
    else if (count > 0) out.set(k + count, v);
    else if (k >= at - count) out.set(k + count, v);
  }
  return out;
}

function shiftSet(set: Set<number>, at: number, count: number): Set<number> {
  return new Set([...shiftKeys(new Map([...set].map((k) => [k, true])), at, count).keys()]);
}

function inheritFormat(src: Cell | undefined): Cell | undefined {
  if (!src || (!src.style && !src.numberFormat && !src.dv)) return undefined;
  return {
    value: null,
    ...(src.style ? { style: src.style } : {}),
    ...(src.numberFormat ? { numberFormat: src.numberFormat } : {}),
    ...(src.dv ? { dv: { ...src.dv } } : {}),
  };
}

function within(r: Rect, band: [number, number] | undefined): boolean {
  return !band || (r.left >= band[0] && r.right <= band[1]);
}

/** Shifts cells of columns band[0]…band[1] down (count > 0, inserting at `at`) or up (deleting). */
function shiftBandRows(sheet: SheetModel, at: number, count: number, band: [number, number]): void {
  const n = Math.abs(count);
  const [lo, hi] = band;
  const last = sheet.rows.length - 1;
  const move = (from: number, to: number) => {
    const src = sheet.rows[from];
    for (let c = lo; c <= hi; c++) {
      const cell = src?.[c];
      if (cell) {
        let dst = sheet.rows[to];
        if (!dst) sheet.rows[to] = dst = [];
        dst[c] = cell;
        if (src) delete src[c];
      } else {
        const dst = sheet.rows[to];
        if (dst) delete dst[c];
      }
    }
  };
  if (count > 0) {
    for (let r = last; r >= at; r--) move(r, r + n);
    const above = at > 0 ? sheet.rows[at - 1] : undefined;
    for (let i = 0; i < n; i++) {
      for (let c = lo; c <= hi; c++) {
        const inherited = inheritFormat(above?.[c]);
        if (!inherited) continue;
        if (inherited.dv) inherited.dv = { ...inherited.dv, dr: inherited.dv.dr + i + 1 };
        let row = sheet.rows[at + i];
        if (!row) sheet.rows[at + i] = row = [];
        row[c] = inherited;
      }
    }
  } else {
    for (let r = at; r < at + n; r++) {
      const row = sheet.rows[r];
      if (row) for (let c = lo; c <= hi; c++) delete row[c];
    }
    for (let r = at + n; r <= last; r++) move(r, r - n);
  }
}

/**
 * Inserts (count > 0) or deletes (count < 0) rows or columns of `sheet` at 0-based `at`. With
 * `band`, only the cells of columns band[0]…band[1] shift (Range.insert('Down') on part of the
 * rows); row heights and hidden rows then stay.
 */
export function shiftSheet(
  model: WorkbookModel,
  sheet: SheetModel,
  axis: Axis,
  at: number,
  count: number,
  band?: [number, number],
): void {
  if (count === 0) return;
  const n = Math.abs(count);
  if (band && axis === 'row') {
    sheet.rows.forEach((row, r) => {
      if (!row || r < at) return;
      for (let c = band[0]; c <= band[1]; c++) {
        const cell = row[c];
        if (!cell?.dv) continue;
        const anchor = r - cell.dv.dr;
        if (count > 0 && anchor < at) cell.dv = { ...cell.dv, dr: cell.dv.dr + count };
        if (count < 0 && r >= at + n && anchor < at) cell.dv = { ...cell.dv, dr: cell.dv.dr + count };
      }
    });
    shiftBandRows(sheet, at, count, band);
  } else if (band) {
    throw new Error('memoryExcel: shifting part of columns right/left is not implemented');
  } else if (axis === 'row') {
    // Validation offsets of cells that move relative to their rule's anchor.
    sheet.rows.forEach((row, r) => {
      if (!row || r < at) return;
      row.forEach((cell) => {
        if (!cell?.dv) return;
        const anchor = r - cell.dv.dr;
        if (count > 0 && anchor < at) cell.dv = { ...cell.dv, dr: cell.dv.dr + count };
        if (count < 0 && r >= at + n && anchor < at) cell.dv = { ...cell.dv, dr: cell.dv.dr + count };
      });
    });
    if (count > 0) {
      const above = at > 0 ? sheet.rows[at - 1] : undefined;
      const fresh: (Array<Cell | undefined> | undefined)[] = [];
      for (let i = 0; i < n; i++) {
        if (!above) {
          fresh.push(undefined);
          continue;
        }
        const row: Array<Cell | undefined> = [];
        above.forEach((cell, c) => {
          const inherited = inheritFormat(cell);
          if (inherited) {
            if (inherited.dv) inherited.dv = { ...inherited.dv, dr: inherited.dv.dr + i + 1 };
            row[c] = inherited;
          }
        });
        fresh.push(row);
      }
      if (at < sheet.rows.length) sheet.rows.splice(at, 0, ...fresh);
      else if (above) fresh.forEach((row, i) => (sheet.rows[at + i] = row));
    } else if (at < sheet.rows.length) sheet.rows.splice(at, n);
    sheet.rowHeights = shiftKeys(sheet.rowHeights, at, count);
    sheet.rowDefaults = shiftKeys(sheet.rowDefaults, at, count);
    sheet.hiddenRows = shiftSet(sheet.hiddenRows, at, count);
  } else {
    sheet.rows.forEach((row) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell?.dv || c < at) return;
        const anchor = c - cell.dv.dc;
        if (count > 0 && anchor < at) cell.dv = { ...cell.dv, dc: cell.dv.dc + count };
        if (count < 0 && c >= at + n && anchor < at) cell.dv = { ...cell.dv, dc: cell.dv.dc + count };
      });
      if (count > 0) {
        const left = at > 0 ? row[at - 1] : undefined;
        const fresh: (Cell | undefined)[] = [];
        for (let i = 0; i < n; i++) {
          const inherited = inheritFormat(left);
          if (inherited?.dv) inherited.dv = { ...inherited.dv, dc: inherited.dv.dc + i + 1 };
          fresh.push(inherited);
        }
        if (at < row.length) row.splice(at, 0, ...fresh);
        else fresh.forEach((c, i) => c && (row[at + i] = c));
      } else if (at < row.length) row.splice(at, n);
    });
    sheet.colWidths = shiftKeys(sheet.colWidths, at, count);
    sheet.colDefaults = shiftKeys(sheet.colDefaults, at, count);
    sheet.hiddenCols = shiftSet(sheet.hiddenCols, at, count);
  }
  sheet.merges = sheet.merges
    .map((m) => (within(m, band) ? adjustRect(m, axis, at, count) : m))
    .filter((m): m is Rect => m !== null);
  for (const cf of sheet.cfs) {
    if (band && !cf.rects.every((r) => within(r, band))) continue;
    cf.rects = cf.rects.map((r) => adjustRect(r, axis, at, count)).filter((r): r is Rect => r !== null);
    const a = adjustSpan(
      axis === 'row' ? cf.anchorRow : cf.anchorCol,
      axis === 'row' ? cf.anchorRow : cf.anchorCol,
      at,
      count,
      axis === 'row' ? MAX_ROWS : MAX_COLS,
    );
    if (a) {
      if (axis === 'row') cf.anchorRow = a[0];
      else cf.anchorCol = a[0];
    }
  }
  sheet.cfs = sheet.cfs.filter((cf) => cf.rects.length > 0);
  if (sheet.pageLayout.printTitleRows && !band)
    sheet.pageLayout.printTitleRows = adjustRect(sheet.pageLayout.printTitleRows, axis, at, count);
  const target = sheet.name;
  model.rewriteFormulas((formula, formulaSheet) =>
    adjustForShift(formula, formulaSheet.name, target, axis, at, count, band),
  );
}
