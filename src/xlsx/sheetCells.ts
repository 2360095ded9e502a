/**
 * One worksheet part read cell by cell into a snapshot (values as Range.values gives them,
 * formulas as Range.formulas, number formats as Range.numberFormat), inside the template's read
 * window only (layout/readWindow.ts), whatever the file's <dimension> claims. A cell beyond the
 * window is counted and the first one named; its value is never kept. Every cell counts toward
 * the cells-per-sheet budget, every text toward the string budget, every formula toward the
 * formula budget.
 */
import type { CellValue } from '../engine/types';
import { columnLetter } from '../layout/a1';
import { READ_WINDOW_COLUMNS, READ_WINDOW_ROWS } from '../layout/readWindow';
import { damaged } from './errors';
import { shiftFormula } from './formulaShift';
import type { Limits } from './limits';
import type { WorkbookParts } from './packageParts';
import { overBudget, readXmlPart, type Clock, type XmlHandler } from './xmlStream';
import { StopReading, type PackageParts } from './zipParts';

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

export interface SheetCells {
  /** Rows of values, formulas and number formats from A1 to the last cell holding something. */
  values: CellValue[][];
  formulas: CellValue[][];
  numberFormats: string[][];
  /** A1's value, whether or not the sheet is a template. */
  a1: CellValue;
  /** Cells beyond the read window holding a value or a formula, and the first of them. */
  outside: { count: number; first: string } | null;
}

/** 'XFD1048576' → [row, column], 1-based; null when it is no cell address. */
function parseAddress(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || i > 3) return null;
  let row = 0;
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57 || i - start > 7) return null;
    row = row * 10 + (c - 48);
  }
  if (i === start || row < 1 || row > MAX_ROW || col > MAX_COLUMN) return null;
  return [row, col];
}

interface Cell {
  row: number;
  col: number;
  value: CellValue;
  formula: string | null;
  format: string;
}

/**
 * Reads a sheet. `wanted(a1)` is asked once the reading passes row 1: false stops there (a sheet
 * that is no template: only its A1 is needed).
 */
export function readSheetCells(
  parts: PackageParts,
  part: string,
  book: WorkbookParts,
  limits: Limits,
  clock: Clock,
  wanted: (a1: CellValue) => boolean,
): SheetCells {
  const file = parts.file;
  const cells: Cell[] = [];
  const masters = new Map<string, { row: number; col: number; formula: string }>();
  let a1: CellValue = '';
  let decided = false;
  let outside: SheetCells['outside'] = null;
  let cellCount = 0;

  let rowNumber = 0;
  let colNumber = 0;
  // The cell being read.
  let inCell = false;
  let skip = false;
  let skippedContent = false;
  let rooted = false;
  let type = '';
  let style = 0;
  let where = '';
  let f: { text: string; shared: boolean; si: string | undefined; ref: boolean } | null = null;
  let v: string | null = null;
  let inline: string | null = null;
  let collecting: 'f' | 'v' | 't' | null = null;
  let phonetic = 0;
  let textLength = 0;
  let text = '';

  const decide = () => {
    decided = true;
    if (!wanted(a1)) throw new StopReading();
  };

  const finishCell = () => {
    let value: CellValue = '';
    let hasValue = false;
    if (v !== null && v !== '') {
      hasValue = true;
      switch (type) {
        case 's': {
          const index = Number(v);
          if (!Number.isInteger(index) || index < 0 || index >= book.sharedStrings.length)
            throw damaged(file, `${where}: shared string ${v} of ${book.sharedStrings.length}`);
          value = book.sharedStrings[index];
          break;
        }
        case 'str':
        case 'e':
        case 'd':
          value = v;
          break;
        case 'inlineStr':
          value = inline ?? '';
          break;
        case 'b':
          value = Number(v) !== 0;
          break;
        default: {
          const n = Number(v);
          if (!Number.isFinite(n)) throw damaged(file, `${where}: "${v.slice(0, 20)}" is no number`);
          value = n;
        }
      }
    } else if (type === 'inlineStr' && inline !== null) {
      hasValue = true;
      value = inline;
    }
    let formula: string | null = null;
    if (f && (f.text !== '' || f.shared)) {
      if (f.shared && f.si !== undefined) {
        if (f.ref && f.text !== '') masters.set(f.si, { row: rowNumber, col: colNumber, formula: f.text });
        else if (f.text === '') {
          const master = masters.get(f.si);
          if (master) formula = shiftFormula(master.formula, rowNumber - master.row, colNumber - master.col);
        }
      }
      if (formula === null && f.text !== '') formula = f.text;
      if (formula !== null) {
        if (formula.length > limits.formulaChars) throw overBudget(file, 'formula', limits, where);
        formula = `=${formula}`;
        hasValue = true;
        // A formula's cached result: a date-formatted number stays the serial number.
        if (v === null || v === '') value = '';
      }
    }
    const format = book.numberFormats[style] ?? 'General';
    if (rowNumber === 1 && colNumber === 1) a1 = value;
    if (!hasValue && format === 'General') return;
    cells.push({ row: rowNumber, col: colNumber, value, formula, format });
  };

  /** Past the window's last row every cell is outside: the rest of the sheet is only counted (xmlStream's tail). */
  const countRest = (closed: string): boolean => {
    if (closed === 'c') {
      if (++cellCount > limits.cellsPerSheet) throw overBudget(file, 'cells', limits, part);
      // A cell with content has children, so a closing tag; an empty styled cell is self-closing.
      if (outside) outside.count++;
    }
    return closed === 'sheetData';
  };

  const handler: XmlHandler = {
    tail: () => (decided && outside !== null && rowNumber > READ_WINDOW_ROWS && !inCell ? countRest : null),
    open(name, a) {
      if (inCell) {
        if (skip) {
          // Beyond the window: only whether the cell holds something is noted, nothing is kept.
          if (name === 'v' || name === 'f' || name === 'is') skippedContent = true;
          return;
        }
        if (name === 'f') {
          f = { text: '', shared: a.t === 'shared', si: a.si, ref: a.ref !== undefined };
          collecting = 'f';
        } else if (name === 'v') {
          collecting = 'v';
          v = '';
        } else if (name === 'is') inline = '';
        else if (name === 't' && inline !== null) collecting = 't';
        else if (name === 'rPh') phonetic++;
        textLength = 0;
        text = '';
        return;
      }
      if (!rooted) {
        // A relationship pointing at another kind of part (workbook.xml, a .rels: a loop) is no sheet.
        if (name !== 'worksheet') throw damaged(file, `${part} is a <${name}>, not a worksheet`);
        rooted = true;
      } else if (name === 'row') {
        const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
        if (!Number.isInteger(r) || r < 1 || r > MAX_ROW || r <= rowNumber)
          throw damaged(file, `${part}: row ${a.r} out of order`);
        rowNumber = r;
        colNumber = 0;
        if (!decided && rowNumber > 1) decide();
      } else if (name === 'c') {
        if (++cellCount > limits.cellsPerSheet) throw overBudget(file, 'cells', limits, part);
        if (a.r !== undefined) {
          const at = parseAddress(a.r);
          if (!at || at[0] !== rowNumber || at[1] <= colNumber)
            throw damaged(file, `${part}: cell ${a.r.slice(0, 20)} out of place`);
          colNumber = at[1];
        } else colNumber++;
        if (colNumber > MAX_COLUMN) throw damaged(file, `${part}: column past XFD`);
        inCell = true;
        skip = rowNumber > READ_WINDOW_ROWS || colNumber > READ_WINDOW_COLUMNS;
        type = a.t ?? 'n';
        style = a.s === undefined ? 0 : Number(a.s);
        where = `${columnLetter(colNumber)}${rowNumber}`;
        f = null;
        v = null;
        inline = null;
        collecting = null;
        phonetic = 0;
        skippedContent = false;
      }
    },
    text(t) {
      if (!inCell || skip || collecting === null || phonetic > 0) return;
      textLength += t.length;
      const max = collecting === 'f' ? limits.formulaChars : limits.stringChars;
      if (textLength > max) throw overBudget(file, collecting === 'f' ? 'formula' : 'string', limits, where);
      text += t;
    },
    close(name) {
      if (!inCell) {
        if (name === 'sheetData') {
          if (!decided) decide();
          // What follows the cells (rules, validations, formatting: a third of a template sheet) is not needed.
          throw new StopReading();
        }
        return;
      }
      if (name === 'c') {
        inCell = false;
        if (!skip) finishCell();
        else if (skippedContent) {
          outside ??= { count: 0, first: where };
          outside.count++;
        }
        return;
      }
      if (skip) return;
      if (name === 'f' && f && collecting === 'f') f.text = text;
      else if (name === 'v' && collecting === 'v') v = text;
      else if (name === 't' && collecting === 't') inline += text;
      else if (name === 'rPh') phonetic--;
      if (name === 'f' || name === 'v' || name === 't') collecting = null;
    },
  };
  readXmlPart(parts, part, handler, limits, clock);
  // A sheet without rows past the first: asked here, whatever the answer the whole part is read.
  if (!decided) wanted(a1);
  return { ...grid(cells), a1, outside };
}

function grid(cells: Cell[]): Pick<SheetCells, 'values' | 'formulas' | 'numberFormats'> {
  let rows = 0;
  let cols = 0;
  for (const c of cells) {
    if (c.row > rows) rows = c.row;
    if (c.col > cols) cols = c.col;
  }
  const values: CellValue[][] = [];
  const formulas: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(new Array<CellValue>(cols).fill(''));
    formulas.push(new Array<CellValue>(cols).fill(''));
    numberFormats.push(new Array<string>(cols).fill('General'));
  }
  for (const c of cells) {
    values[c.row - 1][c.col - 1] = c.value;
    formulas[c.row - 1][c.col - 1] = c.formula ?? c.value;
    numberFormats[c.row - 1][c.col - 1] = c.format;
  }
  return { values, formulas, numberFormats };
}
