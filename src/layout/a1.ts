/**
 * A1 addressing shared by every layer. Rows and columns are 1-based, as in Excel.
 */

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1 → 'A', 27 → 'AA'. */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`Bad column number ${col}`);
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'A' → 1, 'AA' → 27. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`Bad column letters ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 'D7' or '$D$7' → { row: 7, col: 4 }. */
export function parseCell(address: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`Bad cell address ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** Strips a sheet prefix ("'PAR 2021'!G7" → 'G7'). */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/** 'D7:I9', 'D7' (one cell) or with a sheet prefix → bounds. */
export function parseRange(address: string): RangeRef {
  const [a, b] = stripSheet(address).split(':');
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function rangeAddress(r: RangeRef): string {
  const a = cellAddress(r.top, r.left);
  const b = cellAddress(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/**
 * Quotes a sheet name for use in a formula or address: PAR 2021 → 'PAR 2021'. Always quoted,
 * because a bare name that looks like a cell ("PAR1") is misread, and quotes are valid everywhere.
 */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
