/**
 * The workbook's state ("the server side"): sheets of sparse cells, formats, merges, names,
 * data validation, conditional formats, custom properties. API proxies read and write it only
 * while a queued command runs inside context.sync().
 */
import { MAX_COLS, type Rect } from './address';
import type { CellStyle } from './styles';
import type { CellValue } from './values';

export interface DvRule {
  type: 'WholeNumber' | 'Decimal' | 'List' | 'Custom';
  operator?: string;
  /** String formulas with '=' ("=0", "=$D7"), relative to the entry's anchor. */
  formula1?: string;
  formula2?: string;
  /** List: "a,b,c" or "=$A$1:$A$5". */
  source?: string;
  inCellDropDown?: boolean;
  /** Custom: formula relative to the anchor. */
  formula?: string;
}

export interface DvPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

export interface DvErrorAlert {
  showAlert: boolean;
  style: 'Stop' | 'Warning' | 'Information';
  title: string;
  message: string;
}

/** One data-validation setting; cells share it through DvBinding. */
export interface DvEntry {
  rule: DvRule | null;
  prompt: DvPrompt;
  errorAlert: DvErrorAlert;
  ignoreBlanks: boolean;
}

/** A cell's validation: the entry and the cell's offset from the cell the entry's formulas are written for. */
export interface DvBinding {
  entry: DvEntry;
  dr: number;
  dc: number;
}

export interface FormulaRecord {
  sheet: SheetModel;
  cell: Cell;
  row: number;
  col: number;
  /** Precedent entries registered in the dependency index at the last evaluation. */
  precedents: unknown[];
  names: string[];
}

export interface Cell {
  value: CellValue;
  /** '=…' when the cell holds a formula; value is then its last result. */
  formula?: string;
  /** undefined = 'General'. */
  numberFormat?: string;
  style?: CellStyle;
  dv?: DvBinding;
  rec?: FormulaRecord;
}

export interface CfFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
}

/** Excel.ConditionalFormatType values. Only 'Custom' can be added through the API here. */
export type CfType =
  'Custom' | 'CellValue' | 'ColorScale' | 'DataBar' | 'IconSet' | 'ContainsText' | 'PresetCriteria' | 'TopBottom';

/**
 * A conditional format. It has no stable identity in Excel: its id is its priority in the
 * collection it is read from (see conditionalFormats.ts).
 */
export interface CfEntry {
  type: CfType;
  /** Added by the user in Excel's UI (userRules.ts), not through the API. */
  byUser?: boolean;
  rects: Rect[];
  /** The cell the formula is written for (top-left of the range it was added to). */
  anchorRow: number;
  anchorCol: number;
  /** '=…' or '' before the adapter sets it. */
  formula: string;
  format: CfFormat;
}

export interface NameEntry {
  name: string;
  /** '=…' */
  formula: string;
  /** Set for worksheet-scoped names. */
  sheet?: SheetModel;
}

export interface PageLayoutModel {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: Rect | null;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export class SheetModel {
  /** rows[r][c], 0-based, sparse. */
  rows: (Array<Cell | undefined> | undefined)[] = [];
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  merges: Rect[] = [];
  /** Formats given to whole columns / rows (a cell created later starts with them). */
  colDefaults = new Map<number, CellDefaults>();
  rowDefaults = new Map<number, CellDefaults>();
  cfs: CfEntry[] = [];
  names = new Map<string, NameEntry>();
  freeze: { rows: number; cols: number } | null = null;
  visibility: Visibility = 'Visible';
  pageLayout: PageLayoutModel = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    printTitleRows: null,
  };
  deleted = false;
  /** Worksheet.protection.protect() or Review › Protect Sheet (see protection.ts). */
  protected = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get(row: number, col: number): Cell | undefined {
    return this.rows[row]?.[col];
  }

  ensure(row: number, col: number): Cell {
    let r = this.rows[row];
    if (!r) {
      r = [];
      this.rows[row] = r;
    }
    let c = r[col];
    if (!c) {
      c = { value: null, ...this.defaultsAt(row, col) };
      r[col] = c;
    }
    return c;
  }

  /** Formats an absent cell has through its row's or column's formats (row wins, as in Excel). */
  defaultsAt(row: number, col: number): CellDefaults {
    const r = this.rowDefaults.get(row);
    const c = this.colDefaults.get(col);
    if (!r && !c) return {};
    const out: CellDefaults = {};
    const nf = r?.numberFormat ?? c?.numberFormat;
    if (nf) out.numberFormat = nf;
    const style = r?.style || c?.style ? { ...(c?.style ?? {}), ...(r?.style ?? {}) } : undefined;
    if (style) out.style = style;
    return out;
  }

  /** Drops a cell that holds nothing, so the used range shrinks as Excel's does. */
  prune(row: number, col: number): void {
    const c = this.rows[row]?.[col];
    if (c && c.value === null && !c.formula && !c.numberFormat && !c.style && !c.dv) {
      const r = this.rows[row];
      if (r) delete r[col];
    }
  }

  /** Visits existing cells inside rect (sparse: absent cells are skipped). */
  forEachExisting(rect: Rect, fn: (cell: Cell, row: number, col: number) => void): void {
    const bottom = Math.min(rect.bottom, this.rows.length - 1);
    for (let r = rect.top; r <= bottom; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const right = Math.min(rect.right, row.length - 1);
      if (right - rect.left > 64) {
        row.forEach((cell, c) => {
          if (cell && c >= rect.left && c <= right) fn(cell, r, c);
        });
      } else {
        for (let c = rect.left; c <= right; c++) {
          const cell = row[c];
          if (cell) fn(cell, r, c);
        }
      }
    }
  }

  /** Extent of cells with content (valuesOnly) or with anything (formats, validation) too. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = -1;
    let bottom = -1;
    let left = MAX_COLS;
    let right = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell) return;
        const has = valuesOnly ? cell.value !== null || !!cell.formula : true;
        if (!has) return;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      });
    });
    if (top < 0) return null;
    return { top, bottom, left, right };
  }

  /** Last row and column index holding any cell (for clipping whole-column references). */
  extent(): { rows: number; cols: number } {
    let cols = 0;
    for (const row of this.rows) if (row && row.length > cols) cols = row.length;
    return { rows: this.rows.length, cols };
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
}

export interface CellDefaults {
  numberFormat?: string;
  style?: CellStyle;
}

export interface CustomPropertyEntry {
  key: string;
  value: string | number | boolean | Date;
}
