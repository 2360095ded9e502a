/**
 * Addresses as the Excel JS API reads and writes them. Internally rectangles are 0-based and
 * inclusive (like Range.rowIndex/columnIndex); A1 text is 1-based. Column letters come from
 * the shared helpers in src/layout/a1.ts.
 */
import { columnLetter, columnNumber } from '../layout/a1';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rect(top: number, left: number, bottom = top, right = left): Rect {
  return { top, left, bottom, right };
}

export const rowsOf = (r: Rect): number => r.bottom - r.top + 1;
export const colsOf = (r: Rect): number => r.right - r.left + 1;
export const isEntireRows = (r: Rect): boolean => r.left === 0 && r.right === MAX_COLS - 1;
export const isEntireColumns = (r: Rect): boolean => r.top === 0 && r.bottom === MAX_ROWS - 1;

export function intersect(a: Rect, b: Rect): Rect | null {
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.top && row <= outer.bottom && col >= outer.left && col <= outer.right;
}

/** `a` minus `b` as up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.top < i.top) out.push({ top: a.top, left: a.left, bottom: i.top - 1, right: a.right });
  if (i.bottom < a.bottom) out.push({ top: i.bottom + 1, left: a.left, bottom: a.bottom, right: a.right });
  if (a.left < i.left) out.push({ top: i.top, left: a.left, bottom: i.bottom, right: i.left - 1 });
  if (i.right < a.right) out.push({ top: i.top, left: i.right + 1, bottom: i.bottom, right: a.right });
  return out;
}

/** 'D7' for (6, 3). */
export function a1Cell(row: number, col: number): string {
  return `${columnLetter(col + 1)}${row + 1}`;
}

/** Excel's own spelling: 'A1', 'A1:B2', 'A:B' for entire columns, '5:6' for entire rows. */
export function a1Rect(r: Rect): string {
  if (isEntireColumns(r) && isEntireRows(r)) return `1:${MAX_ROWS}`;
  if (isEntireColumns(r)) return `${columnLetter(r.left + 1)}:${columnLetter(r.right + 1)}`;
  if (isEntireRows(r)) return `${r.top + 1}:${r.bottom + 1}`;
  const a = a1Cell(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${a1Cell(r.bottom, r.right)}`;
}

/** '$D$7:$E$9' (absolute), as named items and data-validation sources spell references. */
export function a1RectAbsolute(r: Rect): string {
  if (isEntireColumns(r)) return `$${columnLetter(r.left + 1)}:$${columnLetter(r.right + 1)}`;
  if (isEntireRows(r)) return `$${r.top + 1}:$${r.bottom + 1}`;
  const cell = (row: number, col: number) => `$${columnLetter(col + 1)}$${row + 1}`;
  const a = cell(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cell(r.bottom, r.right)}`;
}

/**
 * Whether Excel writes a sheet name in quotes in an address. Guess: Excel quotes any name that
 * is not a plain identifier (letters incl. non-ASCII letters, digits, '_', '.', not starting
 * with a digit) or that could be read as a cell reference (A1 or R1C1 style).
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return true;
  if (/^[Rr](\d*)?([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) return true;
  return false;
}

export function quoteSheetName(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "'PAR 2021'!G7:G9" */
export function qualifiedAddress(sheetName: string, r: Rect): string {
  return `${quoteSheetName(sheetName)}!${a1Rect(r)}`;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7}):\$?(\d{1,7})$/;

function parseCellPart(text: string): { row: number; col: number } | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const col = columnNumber(m[1]) - 1;
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return null;
  return { row, col };
}

/**
 * Reads the quoted text whose opening quote (' or ") is at `open`; a doubled quote inside stands
 * for one. `close` is the index of the closing quote, or the text's length when there is none.
 */
export function readQuoted(s: string, open: number): { text: string; close: number } {
  const quote = s[open];
  let i = open + 1;
  let text = '';
  while (i < s.length) {
    if (s[i] === quote) {
      if (s[i + 1] !== quote) break;
      text += quote;
      i += 2;
      continue;
    }
    text += s[i++];
  }
  return { text, close: i };
}

/** Splits "'My sheet'!A1:B2" into sheet name and the rest. */
export function splitSheet(address: string): { sheet?: string; rest: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    const { text: name, close: i } = readQuoted(s, 0);
    if (s[i] !== "'" || s[i + 1] !== '!') return { rest: s };
    return { sheet: name, rest: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf('!');
  return bang >= 0 ? { sheet: s.slice(0, bang), rest: s.slice(bang + 1) } : { rest: s };
}

/** Parses 'A1', 'A1:B2', 'A:C', '5:6', with optional sheet prefix and '$'. Returns null when malformed. */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, rest } = splitSheet(address);
  const text = rest.trim();
  let m = COLS.exec(text);
  if (m) {
    const a = columnNumber(m[1]) - 1;
    const b = columnNumber(m[2]) - 1;
    if (a >= MAX_COLS || b >= MAX_COLS) return null;
    return { sheet, rect: { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) } };
  }
  m = ROWS.exec(text);
  if (m) {
    const a = Number(m[1]) - 1;
    const b = Number(m[2]) - 1;
    if (a < 0 || b < 0 || a >= MAX_ROWS || b >= MAX_ROWS) return null;
    return { sheet, rect: { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLS - 1 } };
  }
  const parts = text.split(':');
  if (parts.length > 2) return null;
  const p1 = parseCellPart(parts[0]);
  const p2 = parts.length === 2 ? parseCellPart(parts[1]) : p1;
  if (!p1 || !p2) return null;
  return {
    sheet,
    rect: {
      top: Math.min(p1.row, p2.row),
      left: Math.min(p1.col, p2.col),
      bottom: Math.max(p1.row, p2.row),
      right: Math.max(p1.col, p2.col),
    },
  };
}
