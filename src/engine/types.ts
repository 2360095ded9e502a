/**
 * What the engine reads and what it returns. Pure: the Excel adapter, the task pane, the
 * playground and the .xlsx command line all call the same engine, so a cell is judged the
 * same everywhere.
 */
import type { TemplateId, UnitId } from '../catalog/types';
import type { DecimalSeparator } from '../layout/types';

/** A cell value as Excel's Range.values returns it ('' for an empty cell, '#REF!' for an error). */
export type CellValue = string | number | boolean | null;

/** The values of one template sheet, as read in one request. */
export interface SheetSnapshot {
  /** The sheet's actual name in the workbook (may differ from the plan's). */
  name: string;
  templateId: TemplateId;
  /** Template version read from the sheet's A1 marker. */
  version: string;
  /**
   * PAR only: the year of the list the sheet was built from, as its marker says (2021 for a marker
   * written before markers had years). Absent on a PAR snapshot: the newest list.
   */
  year?: number;
  /** Address of the top-left cell of the arrays (normally 'A1'). */
  origin: string;
  values: CellValue[][];
  /** Range.formulas of the same area: a string starting with '=' where a cell holds a formula. */
  formulas?: CellValue[][];
  /** Range.numberFormat of the same area: used to recognise dates pasted into numbers. */
  numberFormats?: string[][];
}

/** The decimal separator of a user's Excel (Application.cultureInfo.numberFormat): one type, in layout. */

/** How the engine writes its messages. */
export interface MessageOptions {
  /**
   * The decimal separator of the user's Excel, when the host knows it: messages and fix labels
   * in both languages write numbers with it (1.5 in a Vietnamese message for an Excel set to
   * "1.5"). Absent or null: Vietnamese writes 1,5 and English 1.5.
   */
  decimalSeparator?: DecimalSeparator | null;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Bilingual {
  vi: string;
  en: string;
}

/** Stable codes: the task pane, the CLI's --json and tests key on them. Never rename. */
export type FindingCode =
  | 'number-as-text' // "12" typed as text
  | 'decimal-comma' // "0,5" → 0.5
  | 'thousands-dot' // "1.234", "1,234,567", "1 234" → a whole number (any thousands separator)
  | 'percent-text' // "85%" / "85,5 %"
  | 'percent-over-one' // 85 in a % cell: did you mean 85 %?
  | 'percent-out-of-range' // < 0 or > 100 %
  | 'stray-spaces' // leading/trailing/non-breaking spaces around a value
  | 'negative' // a negative count
  | 'not-whole' // a decimal in a count
  | 'not-a-number' // text that is no number at all
  | 'excel-error' // #REF!, #VALUE!, …
  | 'formula-in-input' // a formula typed into an input cell
  | 'value-in-group' // a value in a heading row
  | 'date-in-number' // a date pasted into a number cell
  | 'flag-invalid' // not 0 or 1
  | 'passfail-variant' // "đạt", "khong dat", " Đạt " → fixable
  | 'passfail-invalid' // anything else in a Đạt/Không đạt cell
  | 'par-over-max' // PAR leaf above its maximum
  | 'par-too-precise' // more than three decimals
  | 'sum-mismatch' // total ≠ sum of complete parts
  | 'bound-exceeded' // lesser > greater (có mặt > được giao…)
  | 'implausible-jump' // year-on-year ×10 or to zero from a large figure (info)
  | 'par-previous-rounding' // a parent's published previous-year score differs from its children by rounding (info)
  | 'par-previous-mismatch' // a parent's published previous-year score differs beyond rounding
  | 'formula-overwritten' // a PAR parent's formula replaced by a number
  | 'evidence-missing' // PAR leaf scored > 0 with no evidence (column L)
  | 'percent-format' // a number shown as a percent in a cell of points or counts (typed "85%")
  | 'below-target' // PAR row below its target (info; the list is in ParSummary)
  | 'row-missing' // a template row's key is not in column A (the row was deleted)
  | 'duplicate-key' // a key on more than one row (a copied row); the first is the one counted
  | 'outside-template' // a value beyond the template's area (READ_WINDOW), found by the .xlsx reader: not read
  | 'version-mismatch' // the sheet's template version is not the add-in's
  | 'marker-overwritten' // A1's template marker typed over (the sheet is known by its CCHC_TEMPLATE name)
  | 'goal-contradicts-data' // a Section VIII assessment the Appendix 1 data contradict
  | 'goal-suggestion' // a blank Section VIII assessment the data can fill (info, with the fix)
  | 'outline-empty' // a report outline heading with no text yet (info)
  | 'outline-figure-mismatch'; // outline text citing a number that differs from the Appendix 1 figure

/**
 * A value to write into one cell. As a finding's `fix` it only changes how the official's own value is
 * written ("0,5" → 0.5, "đạt" → "Đạt", a number typed as text → the number): "Sửa tất cả" may apply
 * it. As a finding's `suggestion` it is a judgement (an assessment, a rescaled figure, a restored
 * formula over a typed number): shown beside the finding, written only when a person applies that one.
 */
export interface Fix {
  /** The value to write into the cell (null clears it). */
  value: string | number | null;
  /** A formula to restore (formula-overwritten): when set, adapters write it and ignore `value`. */
  formula?: string;
  description: Bilingual;
}

export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** Sheet name as in the workbook. */
  sheet: string;
  /** A1 address in that sheet. */
  cell: string;
  /** Catalog row key ('III.5.a', '2.4.1'). */
  rowKey: string;
  /** Column id ('2019', 'assessment', 'score', 'evidence'); null for whole-row findings. */
  column: string | null;
  message: Bilingual;
  /** A mechanical rewrite of the value the official typed: "Sửa" and "Sửa tất cả" apply it. */
  fix?: Fix;
  /** A value the official did not type (a judgement): applied one at a time, never by "Sửa tất cả". */
  suggestion?: Fix;
}

export interface ParRowResult {
  id: string;
  /** Cell of the score in the sheet (G…). */
  cell: string;
  max: number;
  previousScore: number;
  target: number;
  /** Leaf: the entered value; parent: the sum of its leaves when complete; null when not filled. */
  score: number | null;
  /** Sum of the filled leaves under this row (equals score when complete). */
  partialSum: number;
  /** Leaves under this row not yet filled (0 for a filled leaf). */
  missing: number;
  complete: boolean;
  /** null while incomplete. */
  belowTarget: boolean | null;
  /** score − target; null while incomplete. */
  gap: number | null;
  /** max − score: points still achievable; null while incomplete. */
  achievable: number | null;
  lead: UnitId | null;
  isLeaf: boolean;
}

export interface LeadGroup {
  lead: UnitId | null;
  rows: ParRowResult[];
  /** Sum of the (negative) gaps of the unit's rows below target, as points owed (positive). */
  pointsOwed: number;
}

/** A leaf's score cell that holds something the total does not count (text, out of range, an error…). */
export interface ExcludedScore {
  id: string;
  /** The G cell on the PAR sheet. */
  cell: string;
  /** What the cell holds, as read. */
  value: CellValue;
  /** Why it is not counted, and what makes it count. */
  reason: Bilingual;
}

export interface ParSummary {
  sheet: string;
  rows: ParRowResult[];
  total: ParRowResult;
  /**
   * Leaves whose score cell is filled but not counted (the sheet's parent formulas and gap cells
   * leave them out too): listed under the total so that nothing is dropped silently.
   */
  excluded: ExcludedScore[];
  /** Rows (leaves and complete parents) below their target, largest gap first. */
  belowTarget: ParRowResult[];
  /** The same rows, leaves only, grouped by lead unit, largest debt first. */
  byLead: LeadGroup[];
  /** Rows whose published previous-year score was already below this year's target. */
  below2020: ParRowResult[];
  /** The year of the sheet's list (the year scored) and of the published scores it carries. */
  year: number;
  previousYear: number;
}

export interface SheetResult {
  sheet: string;
  templateId: TemplateId;
  findings: Finding[];
  /** Input cells examined (filled or not). */
  cellsChecked: number;
  /** Input cells holding a value. */
  cellsFilled: number;
  /** Present for the PAR sheet; built on first read (an accessor), a plain value to JSON and spreads. */
  par?: ParSummary;
}

export interface WorkbookResult {
  sheets: SheetResult[];
  findings: Finding[];
  counts: Record<Severity, number>;
}
