/**
 * The contract between the task pane and the hosts that serve it: what the pane can ask of a
 * workbook. The pane receives an implementation as a prop and never touches `Excel` itself;
 * src/excel implements it over Office.js (against real Excel, or the in-memory workbook in the
 * playground and tests). Neither side owns this module: both import it.
 */
import type { TemplateId, UnitId } from '../catalog/types';
import type { Finding, ParSummary, Severity, Bilingual, SheetSnapshot } from '../engine/types';
import type { CarryForwardPlan } from '../engine/parYears';

/** Reports progress of a long operation: done of total steps, with a short label. */
export type ProgressListener = (p: { done: number; total: number; label: Bilingual }) => void;

export interface TemplateInWorkbook {
  templateId: TemplateId;
  /** Sheet name in the workbook. */
  sheet: string;
  version: string;
}

export interface WorkbookStatus {
  /** The template version this add-in injects. */
  currentVersion: string;
  /** Template version recorded in the workbook, if any. */
  workbookVersion: string | null;
  present: TemplateInWorkbook[];
  /** Per template: what "Chèn biểu mẫu" would do now. */
  plan: { templateId: TemplateId; action: 'create' | 'refresh' | 'upgrade'; sheet: string; detail: Bilingual }[];
}

export interface InjectReport {
  created: string[];
  refreshed: string[];
  upgraded: string[];
  /** Values moved by key into the new layout. */
  valuesKept: number;
  /** Values that could not be placed (row no longer exists…): never dropped silently. */
  unplaced: { sheet: string; rowKey: string; column: string; value: string | number | boolean }[];
  /** Where unplaced values were written so nobody loses them (a sheet name), if any. */
  unplacedSheet: string | null;
  /** Sheets renamed because a sheet of that name was not ours. */
  renamed: { wanted: string; used: string }[];
  /** What the user should know about this run (print setup skipped on ExcelApi 1.8…). */
  notes?: Bilingual[];
  syncs: number;
}

export interface ValidationReport {
  findings: Finding[];
  counts: Record<Severity, number>;
  cellsChecked: number;
  cellsFilled: number;
  /** What the user should know about this run (marks cut off at Excel's name length limit…). */
  notes?: Bilingual[];
  syncs: number;
}

export interface FixReport {
  applied: number;
  skipped: { finding: Finding; reason: Bilingual }[];
  syncs: number;
}

export interface SubtotalReport {
  /** PAR parent cells whose formula had been overwritten (sheet!cell, the number found). */
  overwritten: { sheet: string; cell: string; rowKey: string; found: number | string }[];
  /** How many of those were restored (0 when called with restore = false). */
  restored: number;
  /**
   * Appendix 1 total cells that were blank and now hold a live formula over their parts (blank
   * until every part is a number, like the PAR parents). Typed totals are never touched.
   */
  totalsFilled: { sheet: string; cell: string; rowKey: string; formula: string }[];
  /** What the user should know (a view-only user: nothing was written). */
  notes?: Bilingual[];
  par: ParSummary | null;
  syncs: number;
}

export interface UnitProgress {
  unit: UnitId;
  rows: { sheet: string; rowKey: string; label: string; cells: number; filled: number; firstEmpty: string | null }[];
  /** The unit's rows whose key is not in column A of their sheet (deleted, or the key typed over): not counted. */
  missingRows: { sheet: string; rowKey: string; label: string }[];
  cells: number;
  filled: number;
  /** sheet!cell of the next empty input cell for this unit, or null when all are filled. */
  nextEmpty: { sheet: string; cell: string } | null;
}

/**
 * "Tổng hợp từ tệp đơn vị": what the pane consolidated from the units' files (pure code, in the
 * pane), for the adapter to write into the open workbook. Values are by row key and column id.
 */
export interface ConsolidationWrite {
  sheets: { templateId: TemplateId; values: { rowKey: string; column: string; value: string | number | null }[] }[];
  /** PAR scores taken from lead units' files; null when no file scored a criterion. */
  par: { rowKey: string; score: number | null; evidence: string }[] | null;
  /** The year of the PAR list the merged scores follow (absent: the newest list). */
  parYear?: number;
  /** The sources sheet: its name and rows of plain values. */
  sources: { name: string; rows: (string | number)[][] };
}

export interface ConsolidationWriteReport {
  /** Template sheets created or refreshed (by inject's rules), then filled. */
  created: string[];
  refreshed: string[];
  cellsWritten: number;
  /** The sources sheet's name as written (another name if a sheet of that name was not ours). */
  sourcesSheet: string;
  renamed: { wanted: string; used: string }[];
  syncs: number;
}

/** "Xuất báo cáo (.docx)": the template sheets as read, for the pane's report builder (src/report). */
export interface ReportData {
  snapshots: SheetSnapshot[];
  syncs: number;
}

export interface HostInfo {
  /** 'Excel' in Office; 'Playground' in the browser playground. */
  host: string;
  platform: string;
  /** Requirement sets checked at startup: false means that feature is degraded. */
  supports: { excelApi18: boolean; excelApi19: boolean; customProperties: boolean };
  /** This user may only view the workbook (co-authoring with view rights): nothing is written. */
  readOnly?: boolean;
}

export interface AddinOperations {
  hostInfo(): HostInfo;
  inspect(): Promise<WorkbookStatus>;
  /**
   * `parYear`: the year of the PAR list to insert (one of the catalog's PAR_LISTS); absent, the
   * newest year of the PAR sheets already there, else the newest list. Another year's PAR sheet is
   * left as it is, beside the one inserted.
   */
  inject(templates: TemplateId[], onProgress?: ProgressListener, parYear?: number): Promise<InjectReport>;
  /**
   * "Lấy điểm năm trước", first press: what filling this year's previous-year column from last
   * year's PAR sheet would change (reads only); null without last year's sheet. Optional: a host
   * without it offers no such button.
   */
  previewCarryForward?(): Promise<CarryForwardPlan | null>;
  /** Second press, after the official confirmed the preview: writes its changes that still stand. */
  applyCarryForward?(plan: CarryForwardPlan): Promise<{ written: number; skipped: number; syncs: number }>;
  validate(onProgress?: ProgressListener): Promise<ValidationReport>;
  /** Writes the findings' mechanical fixes (how a value is written); never a suggestion. */
  applyFixes(findings: Finding[]): Promise<FixReport>;
  /** Writes one finding's suggestion (a value the official did not type), at a person's request. */
  applySuggestion(finding: Finding): Promise<FixReport>;
  /** Checks PAR parent formulas; restores the overwritten ones when restore is true. */
  subtotals(restore: boolean): Promise<SubtotalReport>;
  /** Ensures the below-target formats and returns the PAR summary. */
  highlightBelowTarget(): Promise<ParSummary | null>;
  removeMarks(): Promise<void>;
  goToCell(sheet: string, cell: string): Promise<void>;
  unitProgress(unit: UnitId): Promise<UnitProgress>;
  /** Reads every template sheet (no writes) for the Word report. */
  reportData(): Promise<ReportData>;
  /**
   * Opens a new workbook from a base64 .xlsx (Excel.createWorkbook, ExcelApi 1.8): the open
   * workbook is not touched. Used for a consolidation's own workbook.
   */
  openWorkbook(base64: string): Promise<void>;
  /** Writes a consolidation into the open workbook: template sheets as inject makes them, plus the sources sheet. */
  writeConsolidation(input: ConsolidationWrite, onProgress?: ProgressListener): Promise<ConsolidationWriteReport>;
  /** Re-validates changed cells while the pane is open; returns a function that stops it. */
  startLiveValidation(
    onReport: (r: ValidationReport) => void,
    onError?: (e: Bilingual & { code?: string }) => void,
  ): Promise<() => Promise<void>>;
}
