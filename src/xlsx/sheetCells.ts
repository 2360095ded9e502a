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
import { overBudget, readXmlPart, type Attributes, type Clock, type XmlHandler } from './xmlStream';
import { STOP_READING, type PackageParts } from './zipParts';

// Module constants, so that a hot loop reads no binding of another module.
const WINDOW_ROWS = READ_WINDOW_ROWS;
const WINDOW_COLUMNS = READ_WINDOW_COLUMNS;
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

/** The state of one reading of a sheet's part: a fresh one when the part is read again by saxes. */
class SheetReader implements XmlHandler {
  readonly cells: Cell[] = [];
  private readonly masters = new Map<string, { row: number; col: number; formula: string }>();
  a1: CellValue = '';
  decided = false;
  outside: SheetCells['outside'] = null;
  private cellCount = 0;

  private rowNumber = 0;
  private colNumber = 0;
  // The cell being read.
  private inCell = false;
  private skip = false;
  private skippedContent = false;
  private rooted = false;
  private type = '';
  private style = 0;
  private f: { text: string; shared: boolean; si: string | undefined; ref: boolean } | null = null;
  private v: string | null = null;
  private inline: string | null = null;
  private collecting: 'f' | 'v' | 't' | null = null;
  private phonetic = 0;
  private textLength = 0;
  private collected = '';

  constructor(
    private readonly file: string,
    private readonly part: string,
    private readonly book: WorkbookParts,
    private readonly limits: Limits,
    private readonly wanted: (a1: CellValue) => boolean,
  ) {}

  /** The cell being read, as 'B7' (made only for a message or the first cell outside). */
  private where(): string {
    return `${columnLetter(this.colNumber)}${this.rowNumber}`;
  }

  private decide(): void {
    this.decided = true;
    if (!this.wanted(this.a1)) throw STOP_READING;
  }

  private finishCell(): void {
    const { v, type, book, file, f, limits, rowNumber, colNumber } = this;
    let value: CellValue = '';
    let hasValue = false;
    if (v !== null && v !== '') {
      hasValue = true;
      switch (type) {
        case 's': {
          const index = Number(v);
          if (!Number.isInteger(index) || index < 0 || index >= book.sharedStrings.length)
            throw damaged(file, `${this.where()}: shared string ${v} of ${book.sharedStrings.length}`);
          value = book.sharedStrings[index];
          break;
        }
        case 'str':
        case 'e':
        case 'd':
          value = v;
          break;
        case 'inlineStr':
          value = this.inline ?? '';
          break;
        case 'b':
          value = Number(v) !== 0;
          break;
        default: {
          const n = Number(v);
          if (!Number.isFinite(n)) throw damaged(file, `${this.where()}: "${v.slice(0, 20)}" is no number`);
          value = n;
        }
      }
    } else if (type === 'inlineStr' && this.inline !== null) {
      hasValue = true;
      value = this.inline;
    }
    let formula: string | null = null;
    if (f && (f.text !== '' || f.shared)) {
      if (f.shared && f.si !== undefined) {
        if (f.ref && f.text !== '') this.masters.set(f.si, { row: rowNumber, col: colNumber, formula: f.text });
        else if (f.text === '') {
          const master = this.masters.get(f.si);
          if (master) formula = shiftFormula(master.formula, rowNumber - master.row, colNumber - master.col);
        }
      }
      if (formula === null && f.text !== '') formula = f.text;
      if (formula !== null) {
        if (formula.length > limits.formulaChars) throw overBudget(file, 'formula', limits, this.where());
        formula = `=${formula}`;
        hasValue = true;
        // A formula's cached result: a date-formatted number stays the serial number.
        if (v === null || v === '') value = '';
      }
    }
    const format = book.numberFormats[this.style] ?? 'General';
    if (rowNumber === 1 && colNumber === 1) this.a1 = value;
    if (!hasValue && format === 'General') return;
    this.cells.push({ row: rowNumber, col: colNumber, value, formula, format });
  }

  /** Past the window's last row every cell is outside: the rest of the sheet is only counted (xmlStream's tail). */
  private readonly countRest = (closed: string): boolean => {
    if (closed === 'c') {
      if (++this.cellCount > this.limits.cellsPerSheet) throw overBudget(this.file, 'cells', this.limits, this.part);
      // A cell with content has children, so a closing tag; an empty styled cell is self-closing.
      if (this.outside) this.outside.count++;
    }
    return closed === 'sheetData';
  };

  tail(): ((closed: string) => boolean) | null {
    return this.decided && this.outside !== null && this.rowNumber > WINDOW_ROWS && !this.inCell
      ? this.countRest
      : null;
  }

  open(name: string, a: Attributes): void {
    if (this.inCell) {
      if (this.skip) {
        // Beyond the window: only whether the cell holds something is noted, nothing is kept.
        if (name === 'v' || name === 'f' || name === 'is') this.skippedContent = true;
        return;
      }
      if (name === 'f') {
        this.f = { text: '', shared: a.get('t') === 'shared', si: a.get('si'), ref: a.has('ref') };
        this.collecting = 'f';
      } else if (name === 'v') {
        this.collecting = 'v';
        this.v = '';
      } else if (name === 'is') this.inline = '';
      else if (name === 't' && this.inline !== null) this.collecting = 't';
      else if (name === 'rPh') this.phonetic++;
      this.textLength = 0;
      this.collected = '';
      return;
    }
    const { file, part, limits } = this;
    if (!this.rooted) {
      // A relationship pointing at another kind of part (workbook.xml, a .rels: a loop) is no sheet.
      if (name !== 'worksheet') throw damaged(file, `${part} is a <${name}>, not a worksheet`);
      this.rooted = true;
    } else if (name === 'row') {
      const r = a.number('r') ?? this.rowNumber + 1;
      if (!Number.isInteger(r) || r < 1 || r > MAX_ROW || r <= this.rowNumber)
        throw damaged(file, `${part}: row ${a.get('r')} out of order`);
      this.rowNumber = r;
      this.colNumber = 0;
      if (!this.decided && r > 1) this.decide();
    } else if (name === 'c') {
      if (++this.cellCount > limits.cellsPerSheet) throw overBudget(file, 'cells', limits, part);
      const ref = a.get('r');
      if (ref !== undefined) {
        const at = parseAddress(ref);
        if (!at || at[0] !== this.rowNumber || at[1] <= this.colNumber)
          throw damaged(file, `${part}: cell ${ref.slice(0, 20)} out of place`);
        this.colNumber = at[1];
      } else this.colNumber++;
      if (this.colNumber > MAX_COLUMN) throw damaged(file, `${part}: column past XFD`);
      this.inCell = true;
      this.skip = this.rowNumber > WINDOW_ROWS || this.colNumber > WINDOW_COLUMNS;
      this.type = a.get('t') ?? 'n';
      this.style = a.number('s') ?? 0;
      this.f = null;
      this.v = null;
      this.inline = null;
      this.collecting = null;
      this.phonetic = 0;
      this.skippedContent = false;
    }
  }

  text(t: string): void {
    if (!this.inCell || this.skip || this.collecting === null || this.phonetic > 0) return;
    this.textLength += t.length;
    const formula = this.collecting === 'f';
    if (this.textLength > (formula ? this.limits.formulaChars : this.limits.stringChars))
      throw overBudget(this.file, formula ? 'formula' : 'string', this.limits, this.where());
    this.collected += t;
  }

  close(name: string): void {
    if (!this.inCell) {
      if (name === 'sheetData') {
        if (!this.decided) this.decide();
        // What follows the cells (rules, validations, formatting: a third of a template sheet) is not needed.
        throw STOP_READING;
      }
      return;
    }
    if (name === 'c') {
      this.inCell = false;
      if (!this.skip) this.finishCell();
      else if (this.skippedContent) {
        this.outside ??= { count: 0, first: this.where() };
        this.outside.count++;
      }
      return;
    }
    if (this.skip) return;
    const collecting = this.collecting;
    if (name === 'f' && this.f && collecting === 'f') this.f.text = this.collected;
    else if (name === 'v' && collecting === 'v') this.v = this.collected;
    else if (name === 't' && collecting === 't') this.inline += this.collected;
    else if (name === 'rPh') this.phonetic--;
    if (name === 'f' || name === 'v' || name === 't') this.collecting = null;
  }
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
  let reader: SheetReader | null = null;
  readXmlPart(parts, part, () => (reader = new SheetReader(parts.file, part, book, limits, wanted)), limits, clock);
  const read = reader as unknown as SheetReader;
  // A sheet without rows past the first: asked here, whatever the answer the whole part is read.
  if (!read.decided) wanted(read.a1);
  return { ...grid(read.cells), a1: read.a1, outside: read.outside };
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
