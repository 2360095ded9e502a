/**
 * Writing the marks of "Kiểm tra dữ liệu" into a sheet's hidden helper column (layout/flagColumn.ts):
 * only rows whose text changes, in as few range writes as the rows allow (one per sheet unless an
 * official typed into the column), and never over a cell the add-in did not write: such a row
 * keeps what it holds, and a note says so.
 */
import type { Bilingual, CellValue, SheetSnapshot } from '../engine/types';
import { parseCell } from '../layout/a1';
import { FLAG_COLUMN, FLAG_COLUMN_NUMBER, isRowFlagText, rowFlagText } from '../layout/flagColumn';
import type { FlaggedCell } from '../layout/flaggedCell';

/** What a helper cell holds now: its value and formula (a formula is someone's, whatever it shows). */
export interface HelperCell {
  value: CellValue;
  formula: CellValue;
}

/** The helper column's cells of a snapshot of the read window, by row (rows outside the used range are empty). */
export function helperCellsOf(snapshot: SheetSnapshot | null): Map<number, HelperCell> {
  const cells = new Map<number, HelperCell>();
  if (!snapshot) return cells;
  const origin = parseCell(snapshot.origin);
  const c = FLAG_COLUMN_NUMBER - origin.col;
  snapshot.values.forEach((row, i) => {
    if (c < 0 || c >= row.length) return;
    cells.set(origin.row + i, { value: row[c], formula: snapshot.formulas?.[i]?.[c] ?? row[c] });
  });
  return cells;
}

/** The helper text of every row with a mark. */
export function rowTexts(cells: readonly FlaggedCell[]): Map<number, string> {
  const byRow = new Map<number, { col: number; severity: FlaggedCell['severity'] }[]>();
  for (const c of cells) {
    const { row, col } = parseCell(c.cell);
    byRow.set(row, [...(byRow.get(row) ?? []), { col, severity: c.severity }]);
  }
  return new Map([...byRow].map(([row, marks]) => [row, rowFlagText(marks)]));
}

/** Empty, or text the add-in could have written, and no formula. */
function isOurs(cell: HelperCell | undefined): boolean {
  if (!cell) return true;
  if (String(cell.formula ?? '').startsWith('=')) return false;
  return cell.value === null || isRowFlagText(cell.value);
}

export interface HelperWrite {
  /** `U7:U12` and the column of texts to write there. */
  address: string;
  values: string[][];
}

/**
 * The range writes that bring the helper column from `now` to `wanted` (rows absent from `wanted`
 * lose their marks), and the rows left alone because someone else's content is there. Rows that
 * keep their text inside a run are written again with it (it is the add-in's), so that one write
 * covers the sheet whenever no official typed into the column.
 */
export function helperWrites(
  now: Map<number, HelperCell>,
  wanted: Map<number, string>,
): { writes: HelperWrite[]; foreign: number[] } {
  const foreign: number[] = [];
  const changed: number[] = [];
  const rows = new Set([...now.keys(), ...wanted.keys()]);
  for (const row of [...rows].sort((a, b) => a - b)) {
    const cell = now.get(row);
    const next = wanted.get(row) ?? '';
    if (!isOurs(cell)) {
      if (wanted.has(row)) foreign.push(row);
      continue;
    }
    if ((cell?.value ?? '') !== next) changed.push(row);
  }
  const writes: HelperWrite[] = [];
  if (changed.length === 0) return { writes, foreign };
  let run: number[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const [top, bottom] = [run[0], run[run.length - 1]];
    const values: string[][] = [];
    for (let r = top; r <= bottom; r++) values.push([wanted.get(r) ?? '']);
    writes.push({ address: `${FLAG_COLUMN}${top}:${FLAG_COLUMN}${bottom}`, values });
    run = [];
  };
  const first = changed[0];
  const last = changed[changed.length - 1];
  for (let r = first; r <= last; r++) {
    if (!isOurs(now.get(r))) flush();
    else run.push(r);
  }
  flush();
  // Runs that change nothing (between two foreign rows) are not written.
  return {
    writes: writes.filter((w) => w.values.some((v, i) => (now.get(rowOf(w, i))?.value ?? '') !== v[0])),
    foreign,
  };
}

function rowOf(w: HelperWrite, i: number): number {
  return parseCell(w.address.split(':')[0]).row + i;
}

export function foreignHelperNote(sheet: string, rows: number[]): Bilingual {
  const cells = rows.map((r) => `${FLAG_COLUMN}${r}`).join(', ');
  return {
    vi: `Trang "${sheet}": cột ẩn ${FLAG_COLUMN} (nơi tiện ích ghi dấu tô màu) có nội dung do người dùng nhập ở ${cells}; không ghi đè, nên các ô cần xem trên những dòng đó không được tô màu — xem danh sách trong khung tác vụ.`,
    en: `Sheet "${sheet}": the hidden column ${FLAG_COLUMN} (where the add-in keeps its marks) holds someone's content at ${cells}; it was not overwritten, so the cells to review on those rows are not marked — see the list in the task pane.`,
  };
}
