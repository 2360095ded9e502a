/**
 * A shared formula (ECMA-376 Part 1, 18.3.1.40, `<f t="shared" si="…"/>`) as it reads in one of
 * the cells sharing it: the master cell's formula with its relative references moved by the
 * distance from the master, as Range.formulas gives it. One pass over the text, no regular
 * expression: string literals ("…") and quoted sheet names ('…') are copied as they are, a name
 * followed by "(" is a function, and a reference moved off the sheet becomes #REF!.
 */
import { columnLetter } from '../layout/a1';

const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || c === 46 || c > 127
  );
}

/** A cell reference ($A$1, B12) moved by (dRow, dCol), or null when `word` is not one. */
function shiftReference(word: string, dRow: number, dCol: number): string | null {
  let i = 0;
  const colAbsolute = word.charCodeAt(i) === 36;
  if (colAbsolute) i++;
  let col = 0;
  const colStart = i;
  for (; i < word.length; i++) {
    const c = word.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === colStart || i - colStart > 3) return null;
  const rowAbsolute = word.charCodeAt(i) === 36;
  if (rowAbsolute) i++;
  const rowStart = i;
  let row = 0;
  for (; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (i === rowStart || word.charCodeAt(rowStart) === 48 || col > MAX_COLUMN || row > MAX_ROW) return null;
  if (!colAbsolute) col += dCol;
  if (!rowAbsolute) row += dRow;
  if (col < 1 || row < 1 || col > MAX_COLUMN || row > MAX_ROW) return '#REF!';
  return `${colAbsolute ? '$' : ''}${columnLetter(col)}${rowAbsolute ? '$' : ''}${row}`;
}

/** `formula` (without '=') of the master cell, as it reads `dRow` rows and `dCol` columns away. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === 34 || c === 39) {
      // "text" or 'sheet name': up to the closing quote (a doubled quote stays inside).
      let j = i + 1;
      while (j < n) {
        if (formula.charCodeAt(j) === c) {
          if (formula.charCodeAt(j + 1) === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (isWordChar(c)) {
      let j = i;
      while (j < n && isWordChar(formula.charCodeAt(j))) j++;
      const word = formula.slice(i, j);
      // A word followed by '(' is a function (LOG10(…)), not a reference.
      const moved = formula.charCodeAt(j) === 40 ? null : shiftReference(word, dRow, dCol);
      out += moved ?? word;
      i = j;
    } else {
      out += formula[i];
      i++;
    }
  }
  return out;
}
