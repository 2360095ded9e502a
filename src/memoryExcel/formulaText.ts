/**
 * Formula text as Excel rewrites it: relative references translated for conditional formats and
 * data validation (formulas relative to a range's top-left cell), references adjusted when rows
 * or columns are inserted or deleted, sheet renames, and defined names replaced by their
 * definitions before evaluation. A small tokenizer, not a parser: it only needs to find
 * references, names and string literals.
 */
import { columnLetter, columnNumber } from '../layout/a1';
import { MAX_COLS, MAX_ROWS, quoteSheetName, readQuoted } from './address';

export interface RefPart {
  /** 0-based; undefined for a whole-row part ('5' in '5:6'). */
  col?: number;
  colAbs?: boolean;
  /** 0-based; undefined for a whole-column part ('A' in 'A:C'). */
  row?: number;
  rowAbs?: boolean;
}

export interface RefToken {
  kind: 'ref';
  /** Sheet name (unquoted) when the reference names one. */
  sheet?: string;
  /** The sheet prefix as written, including quotes and '!', so unchanged references render as written. */
  sheetText?: string;
  a: RefPart;
  b?: RefPart;
  /** Set when an edit destroyed the reference: renders as #REF!. */
  broken?: boolean;
}

export type Token =
  RefToken | { kind: 'name'; text: string } | { kind: 'func'; text: string } | { kind: 'text'; text: string };

const WORD = /[\p{L}\p{N}_.\\$]/u;
const WORD_START = /[\p{L}_\\$]/u;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;
const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)/i;

function cellPart(text: string): RefPart | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const col = columnNumber(m[2]) - 1;
  const row = Number(m[4]) - 1;
  if (col >= MAX_COLS || row < 0 || row >= MAX_ROWS) return null;
  return { col, colAbs: m[1] === '$', row, rowAbs: m[3] === '$' };
}

function columnPart(text: string): RefPart | null {
  const m = COLUMN.exec(text);
  if (!m) return null;
  const col = columnNumber(m[2]) - 1;
  return col < MAX_COLS ? { col, colAbs: m[1] === '$' } : null;
}

function rowPart(text: string): RefPart | null {
  const m = ROW.exec(text);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  return row >= 0 && row < MAX_ROWS ? { row, rowAbs: m[1] === '$' } : null;
}

function readWord(s: string, i: number): string {
  let j = i;
  while (j < s.length && WORD.test(s[j])) j++;
  return s.slice(i, j);
}

/** Reads a reference (cell, area, columns, rows) at i; returns the token and the end index. */
function readReference(s: string, i: number): { ref: RefToken; end: number } | null {
  const first = readWord(s, i);
  if (!first) return null;
  let end = i + first.length;
  const afterFirst = s[end];
  if (afterFirst === '(') return null;
  const cell = cellPart(first);
  if (cell) {
    if (afterFirst === ':') {
      const second = readWord(s, end + 1);
      const cell2 = cellPart(second);
      if (cell2 && s[end + 1 + second.length] !== '(')
        return { ref: { kind: 'ref', a: cell, b: cell2 }, end: end + 1 + second.length };
    }
    return { ref: { kind: 'ref', a: cell }, end };
  }
  if (afterFirst === ':') {
    const second = readWord(s, end + 1);
    const c1 = columnPart(first);
    const c2 = columnPart(second);
    if (c1 && c2) return { ref: { kind: 'ref', a: c1, b: c2 }, end: end + 1 + second.length };
    const r1 = rowPart(first);
    const r2 = rowPart(second);
    if (r1 && r2) return { ref: { kind: 'ref', a: r1, b: r2 }, end: end + 1 + second.length };
  }
  end = i;
  return null;
}

/** Tokenizes a formula (with or without the leading '='; the '=' is kept as text). */
export function tokenize(formula: string): Token[] {
  const s = formula;
  const out: Token[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      const j = readQuoted(s, i).close;
      text += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const m = ERROR_LITERAL.exec(s.slice(i));
      if (m) {
        text += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (ch === "'") {
      // Quoted sheet prefix.
      const { text: name, close: j } = readQuoted(s, i);
      if (s[j + 1] === '!') {
        const r = readReference(s, j + 2);
        if (r) {
          flush();
          out.push({ ...r.ref, sheet: name, sheetText: s.slice(i, j + 2) });
          i = r.end;
          continue;
        }
      }
      text += s.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? s[i - 1] : '';
    const startsWord = WORD_START.test(ch) || /\d/.test(ch);
    if (startsWord && !(prev && WORD.test(prev))) {
      const word = readWord(s, i);
      const next = s[i + word.length];
      if (next === '!' && !/^\d/.test(word)) {
        const r = readReference(s, i + word.length + 1);
        if (r) {
          flush();
          out.push({ ...r.ref, sheet: word, sheetText: s.slice(i, i + word.length + 1) });
          i = r.end;
          continue;
        }
      }
      const r = readReference(s, i);
      if (r && !(r.end < s.length && (WORD.test(s[r.end]) || s[r.end] === '('))) {
        flush();
        out.push(r.ref);
        i = r.end;
        continue;
      }
      if (/^\d/.test(word) || /^\.\d/.test(word)) {
        // A number (possibly with exponent sign following: handled as text).
        text += word;
        i += word.length;
        continue;
      }
      flush();
      if (next === '(') out.push({ kind: 'func', text: word });
      else if (/^(TRUE|FALSE)$/i.test(word)) out.push({ kind: 'text', text: word });
      else out.push({ kind: 'name', text: word });
      i += word.length;
      continue;
    }
    text += ch;
    i++;
  }
  flush();
  return out;
}

function renderPart(p: RefPart): string {
  let s = '';
  if (p.col !== undefined) s += `${p.colAbs ? '$' : ''}${columnLetter(p.col + 1)}`;
  if (p.row !== undefined) s += `${p.rowAbs ? '$' : ''}${p.row + 1}`;
  return s;
}

export function renderRef(t: RefToken): string {
  if (t.broken) return '#REF!';
  const prefix = t.sheetText ?? (t.sheet !== undefined ? `${quoteSheetName(t.sheet)}!` : '');
  return prefix + renderPart(t.a) + (t.b ? `:${renderPart(t.b)}` : '');
}

export function render(tokens: Token[]): string {
  let s = '';
  for (const t of tokens) s += t.kind === 'ref' ? renderRef(t) : t.text;
  return s;
}

/** Same sheet? Sheet names compare without regard to case. */
export function sameSheet(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

/**
 * Moves relative parts by (dr, dc): the formula as seen from a cell dr rows below and dc columns
 * right of the cell it was written for. Parts pushed off the grid break the reference (#REF!).
 */
export function translate(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  const tokens = tokenize(formula);
  for (const t of tokens) {
    if (t.kind !== 'ref') continue;
    for (const p of t.b ? [t.a, t.b] : [t.a]) {
      if (p.row !== undefined && !p.rowAbs) p.row += dr;
      if (p.col !== undefined && !p.colAbs) p.col += dc;
      if (
        (p.row !== undefined && (p.row < 0 || p.row >= MAX_ROWS)) ||
        (p.col !== undefined && (p.col < 0 || p.col >= MAX_COLS))
      )
        t.broken = true;
    }
  }
  return render(tokens);
}

/** translate() for many offsets of one formula: tokenizes once. */
export function translator(formula: string): (dr: number, dc: number) => string {
  const tokens = tokenize(formula);
  if (
    !tokens.some(
      (t) =>
        t.kind === 'ref' &&
        [t.a, t.b].some((p) => p && ((p.row !== undefined && !p.rowAbs) || (p.col !== undefined && !p.colAbs))),
    )
  )
    return () => formula;
  return (dr, dc) => {
    let s = '';
    for (const t of tokens) {
      if (t.kind !== 'ref') {
        s += t.text;
        continue;
      }
      const move = (p: RefPart): RefPart => ({
        ...p,
        ...(p.row !== undefined && !p.rowAbs ? { row: p.row + dr } : {}),
        ...(p.col !== undefined && !p.colAbs ? { col: p.col + dc } : {}),
      });
      const a = move(t.a);
      const b = t.b ? move(t.b) : undefined;
      const off = (p: RefPart) =>
        (p.row !== undefined && (p.row < 0 || p.row >= MAX_ROWS)) ||
        (p.col !== undefined && (p.col < 0 || p.col >= MAX_COLS));
      s += renderRef({ ...t, a, b, broken: t.broken || off(a) || (!!b && off(b)) });
    }
    return s;
  };
}

export type Axis = 'row' | 'col';

/**
 * Adjusts references for `count` rows/columns inserted (count > 0) or deleted (count < 0) at
 * 0-based index `at` of sheet `target`. `formulaSheet` is the sheet the formula lives on (its
 * unqualified references point there). Absolute and relative references move alike, as in Excel.
 * `band` limits a partial shift to columns (rows for a column shift) band[0]…band[1].
 */
export function adjustForShift(
  formula: string,
  formulaSheet: string,
  target: string,
  axis: Axis,
  at: number,
  count: number,
  band?: [number, number],
): string {
  const tokens = tokenize(formula);
  let changed = false;
  for (const t of tokens) {
    if (t.kind !== 'ref' || t.broken) continue;
    const sheet = t.sheet ?? formulaSheet;
    if (!sameSheet(sheet, target)) continue;
    if (band) {
      // A partial shift (cells shifted down within some columns) moves only references lying
      // wholly inside those columns.
      const other = axis === 'row' ? 'col' : 'row';
      const o1 = t.a[other];
      const o2 = t.b ? t.b[other] : o1;
      if (o1 === undefined || o2 === undefined || Math.min(o1, o2) < band[0] || Math.max(o1, o2) > band[1]) continue;
    }
    const key = axis === 'row' ? 'row' : 'col';
    const a = t.a[key];
    const b = t.b ? t.b[key] : a;
    if (a === undefined || b === undefined) continue; // whole rows/columns along the other axis
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    let nlo = lo;
    let nhi = hi;
    if (count > 0) {
      if (lo >= at) nlo = lo + count;
      if (hi >= at) nhi = hi + count;
    } else {
      const n = -count;
      const last = at + n - 1;
      if (lo >= at && hi <= last) {
        t.broken = true;
        changed = true;
        continue;
      }
      nlo = lo < at ? lo : lo > last ? lo - n : at;
      nhi = hi < at ? hi : hi > last ? hi - n : at - 1;
    }
    const max = axis === 'row' ? MAX_ROWS : MAX_COLS;
    if (nhi >= max) nhi = max - 1;
    if (nlo >= max) {
      t.broken = true;
      changed = true;
      continue;
    }
    if (nlo !== lo || nhi !== hi) {
      changed = true;
      if (t.b) {
        t.a[key] = nlo;
        t.b[key] = nhi;
      } else t.a[key] = nlo;
    }
  }
  return changed ? render(tokens) : formula;
}

/** Applies `edit` to every reference to `sheet`; a formula without one comes back as it was. */
function editSheetRefs(formula: string, sheet: string, edit: (t: RefToken) => void): string {
  if (!formula.includes('!')) return formula;
  const tokens = tokenize(formula);
  let changed = false;
  for (const t of tokens) {
    if (t.kind === 'ref' && t.sheet !== undefined && sameSheet(t.sheet, sheet)) {
      edit(t);
      changed = true;
    }
  }
  return changed ? render(tokens) : formula;
}

/** Rewrites references to sheet `from` so they name `to` (Excel follows a renamed sheet). */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  return editSheetRefs(formula, from, (t) => {
    t.sheet = to;
    t.sheetText = undefined;
  });
}

/** Breaks references to a deleted sheet (#REF!). */
export function breakSheetInFormula(formula: string, sheet: string): string {
  return editSheetRefs(formula, sheet, (t) => {
    t.broken = true;
  });
}

const WORDS = /[\p{L}_\\$][\p{L}\p{N}_.\\$]*/gu;

/**
 * Cheap pre-check: could the formula use a defined name? False for formulas made only of
 * references, functions, numbers and strings (most cell formulas), which then skip tokenizing.
 */
export function mayUseNames(formula: string): boolean {
  const body = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, 'S!');
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(body); m; m = WORDS.exec(body)) {
    const word = m[0];
    const next = body[m.index + word.length];
    const prev = m.index > 0 ? body[m.index - 1] : '';
    if (next === '(' || next === '!') continue;
    if (/[\d.]/.test(prev)) continue; // exponent of a number (1E5) or part of one
    if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(word)) continue;
    if (/^(TRUE|FALSE)$/i.test(word)) continue;
    if (/^\$?[A-Za-z]{1,3}$/.test(word) && (next === ':' || prev === ':')) continue;
    return true;
  }
  return false;
}

/**
 * Replaces defined names by their definitions (without '='), recursively, so the evaluator sees
 * only references, constants and functions. `lookup` returns the definition of a name visible
 * from the formula's sheet, or undefined (the name stays and evaluates to #NAME?).
 */
export function substituteNames(
  formula: string,
  lookup: (name: string) => string | undefined,
  depth = 0,
): { text: string; names: string[] } {
  const tokens = tokenize(formula);
  const names: string[] = [];
  if (!tokens.some((t) => t.kind === 'name')) return { text: formula, names };
  let s = '';
  for (const t of tokens) {
    if (t.kind === 'name') {
      names.push(t.text.toUpperCase());
      const def = depth < 8 ? lookup(t.text) : undefined;
      if (def === undefined) {
        s += t.text;
        continue;
      }
      const body = def.startsWith('=') ? def.slice(1) : def;
      const inner = substituteNames(body, lookup, depth + 1);
      names.push(...inner.names);
      s += isSimpleOperand(inner.text) ? inner.text : `(${inner.text})`;
    } else s += t.kind === 'ref' ? renderRef(t) : t.text;
  }
  return { text: s, names };
}

/** A reference, number, string or array constant can stand in place of a name without parentheses. */
function isSimpleOperand(text: string): boolean {
  const t = text.trim();
  if (/^\{[^{}]*\}$/.test(t)) return true;
  if (/^"([^"]|"")*"$/.test(t)) return true;
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return true;
  const tokens = tokenize(t);
  return tokens.length === 1 && tokens[0].kind === 'ref';
}
