/**
 * The plan of a template sheet: pure data that an adapter applies (Office.js in src/excel,
 * ExcelJS in src/cli, the in-memory workbook in the playground). Every adapter must produce
 * the same cells, formulas, rules and formats from the same plan, so nothing here is
 * specific to one host.
 *
 * Addresses are A1-style without sheet name ('D7', 'D7:I9'); formulas are in English
 * function names with ',' separators and a leading '=', as Range.formulas expects.
 */
import type { RowKind, TemplateId } from '../catalog/types';

/** Marker in cell A1 of every template sheet: `cchc-template:<templateId>@<version>`. */
export const MARKER_PREFIX = 'cchc-template:';

export type StyleId =
  | 'title' // document title, bold 14pt
  | 'subtitle' // reporting units, source reference, italic
  | 'header' // table header: bold, centred, wrapped, grey fill, borders
  | 'key' // column A keys: small grey text (the column is hidden)
  | 'stt' // STT cells: centred
  | 'label' // row labels: wrapped
  | 'labelStrong' // headings and PAR areas/total: bold
  | 'labelSub' // sub-rows and PAR sub-criteria: indented / italic
  | 'input' // a cell officials fill: light yellow fill, borders
  | 'formula' // a computed cell: light blue fill, borders, not for typing
  | 'readonly' // published figures (PAR max, previous year's score, target): borders
  | 'text' // long text (tasks, deadlines): wrapped, top-aligned
  | 'meta'; // "Cơ quan, đơn vị báo cáo" line

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** '#RRGGBB' */
  fontColor?: string;
  /** '#RRGGBB' */
  fill?: string;
  wrap?: boolean;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'center' | 'bottom';
  /** Thin borders on all four edges. */
  border?: boolean;
  indent?: number;
}

export interface CellPlan {
  address: string;
  /** A constant. Row keys are strings even when they look like numbers ('1.6'). */
  value?: string | number;
  /** A formula, e.g. '=IF(COUNT(G8,G9)=2,SUM(G8,G9),"")'. */
  formula?: string;
  numberFormat?: string;
  style?: StyleId;
}

export interface ColumnPlan {
  letter: string;
  /** Width in Excel character units (ExcelJS `width`); Office.js adapters convert to points. */
  width: number;
  hidden?: boolean;
  /** The id of the data column this sheet column holds ('2019', 'score', 'evidence'…). */
  columnId?: string;
}

/** One keyed row of the sheet: where every later step finds a catalog row. */
export interface RowPlan {
  /** Row key written in column A ('I.1.a', '2.4.1', 'total', 'meta.reporter'). */
  key: string;
  /** 1-based row number in the freshly injected sheet. Rows may move later: find them by key. */
  row: number;
  /** For Appendix 1 rows: the row kind. PAR rows use 'par-leaf' / 'par-parent'. 'meta' for the reporter line. */
  kind: RowKind | 'par-leaf' | 'par-parent' | 'meta';
  /** Input cells of this row, by column id → column letter (empty for group/parent rows). */
  inputs: Record<string, string>;
  /** Formula cells of this row, by column id → column letter. */
  formulas: Record<string, string>;
}

/**
 * A decimal separator: how the numbers of a sheet's own texts (validation prompts and alerts) are
 * written, after the Excel the sheet is inserted from; also how the engine's messages and the pane
 * write numbers (the one definition: engine/types.ts and taskpane/numbers.ts take it from here).
 */
export type DecimalSeparator = '.' | ',';

export type ValidationRuleType = 'wholeNumber' | 'decimal' | 'list' | 'custom';

export interface ValidationPlan {
  /** Contiguous range, e.g. 'D7:I7'. */
  range: string;
  type: ValidationRuleType;
  /** For wholeNumber/decimal. */
  operator?: 'between' | 'greaterThanOrEqualTo';
  /** Numbers, or a formula such as '=$D7' (relative to the range's top-left cell). */
  min?: number | string;
  max?: number | string;
  /** For list: the allowed values. */
  list?: string[];
  /** For custom: a formula relative to the range's top-left cell. */
  formula?: string;
  /** Input prompt shown when the cell is selected (title ≤ 32 chars, message ≤ 255). */
  prompt: { title: string; message: string };
  /** Error alert on a bad typed value (title ≤ 32 chars, message ≤ 255). */
  error: { title: string; message: string; style: 'stop' | 'warning' | 'information' };
}

/**
 * Every purpose of a conditional format, in the order a sheet's rules are listed: the first rule
 * wins where the formats of rules matching one cell conflict (Excel's precedence), so
 * 'flaggedWarning' (the warnings a check found, orange) is listed before 'flagged' (every cell it
 * found, red), which also matches a warning's cell. 'sumMismatch' and 'evidenceMissing' are checks the
 * sheet draws itself (warnings of the engine written as formulas over the sheet's cells): after a
 * check's marks, which say more, and before 'belowTarget', which covers whole PAR rows. Writers
 * that apply every purpose take this list.
 */
export const CONDITIONAL_PURPOSES = [
  'invalid',
  'formulaOverwritten',
  'flaggedWarning',
  'flagged',
  'sumMismatch',
  'evidenceMissing',
  'belowTarget',
] as const;

export type ConditionalPurpose = (typeof CONDITIONAL_PURPOSES)[number];

export interface ConditionalFormatPlan {
  purpose: ConditionalPurpose;
  /** Range the rule covers, e.g. 'G7:G120' or 'D7:I7'. */
  range: string;
  /** Formula relative to the range's top-left cell, leading '='; true → format applies. */
  formula: string;
  format: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface PrintPlan {
  orientation: 'portrait' | 'landscape';
  paperSize: 'A4';
  fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, e.g. '$5:$6'. */
  titleRows?: string;
}

export interface SheetPlan {
  templateId: TemplateId;
  /** Sheet name, ≤ 31 characters. */
  name: string;
  version: string;
  /** PAR only: the year of the list the sheet is built from (its marker carries it too). */
  year?: number;
  /** Header rows (1-based, inclusive) of the (first) table; the data rows follow. */
  headerRows: [number, number];
  columns: ColumnPlan[];
  /** Every non-empty cell, including the A1 marker and column A keys. A merged area takes its top-left cell's style. */
  cells: CellPlan[];
  merges: string[];
  rows: RowPlan[];
  /** Row heights in points for rows that need more than the default. */
  rowHeights?: Record<number, number>;
  validations: ValidationPlan[];
  /** Highest priority first: adapters must keep this order (Office.js `add` puts each new rule on top). */
  conditionalFormats: ConditionalFormatPlan[];
  /** Frozen panes: rows above and columns left of the first scrolling cell. */
  freeze: { rows: number; columns: number };
  print: PrintPlan;
}

export interface WorkbookPlan {
  version: string;
  sheets: SheetPlan[];
  styles: Record<StyleId, CellStyle>;
}
