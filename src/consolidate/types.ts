/** What a consolidation is made of: shared by the core, the CLI's writer and the pane's operation. */
import type { Appendix1TemplateId, RowKind, TemplateId, UnitId } from '../catalog/types';
import type { CellValue, Finding } from '../engine/types';
import type { DecimalSeparator } from '../layout/types';
import type { InputError, InputProblem } from '../xlsx/errors';
import type { TemplateWorkbook } from '../xlsx/reader';

export type Lang = 'vi' | 'en';

export type ValueKind = Exclude<RowKind, 'group' | 'meta' | 'par-leaf' | 'par-parent'>;

/** One file as the reader left it: a workbook, or why it could not be one. */
export type ReadReturn = ({ file: string; book: TemplateWorkbook } | { file: string; error: InputError }) & {
  /** The file's content hash (contentHash of its bytes): a PAR choice holds only while it is unchanged. */
  hash?: string;
};

export interface Contribution {
  source: number;
  value: number | string;
  /** Where it was read (sheet name and cell in the unit's workbook). */
  sheet: string;
  cell: string;
}

/** A cell of a unit's workbook: `source` indexes `Consolidation.sources`. */
export interface SourceCell {
  source: number;
  sheet: string;
  cell: string;
  rowKey: string;
  column: string;
}

export interface LeftOut extends SourceCell {
  value: CellValue;
  reason: string;
}

export interface Normalised extends SourceCell {
  from: CellValue;
  to: number | string;
}

export interface Aggregate {
  rowKey: string;
  column: string;
  kind: ValueKind;
  /** What is written in the cell. */
  value: number | string | null;
  /** How many units' values went into it. */
  units: number;
  /** For flags: units answering 1; for pass/fail: units 'Đạt'. */
  yes?: number;
  /** For pass/fail: units 'Không đạt'. */
  no?: number;
  /** How the value was formed; percentages are 'weighted' (by `weightBy`) or a plain 'mean'. */
  method?: 'sum' | 'countYes' | 'mean' | 'weighted' | 'countPass' | 'joined';
  weightBy?: string;
  contributions: Contribution[];
}

export interface SourceFile {
  file: string;
  /** The reporter cell, else the file name. */
  unit: string;
  reporterFromCell: boolean;
  /** The catalog unit the reporter names, when it names one (PAR lead units). */
  unitId?: UnitId;
  /** The content hash of the file's bytes, when the caller computed one (PAR choices). */
  hash?: string;
  /**
   * used: consolidated; unreadable: the reader refused it; refused: read, but not consolidated
   * (another version, a second file of the same unit); no-appendix1: nothing of Appendix 1.
   */
  status: 'used' | 'unreadable' | 'refused' | 'no-appendix1';
  problem?: InputProblem;
  message?: string;
  /** For an unreadable file, the technical cause for IT (InputError.details), apart from the sentence. */
  details?: string;
  version?: string;
  sheets: { templateId: TemplateId; sheet: string; used: number; leftOut: number; normalised: number }[];
  /** Sheets of a template already read from this file (only the first counts). */
  duplicates: string[];
  /** The engine's findings of this file, by severity (the pane lists them like `cchc check`). */
  counts?: { error: number; warning: number; info: number };
  findings?: Finding[];
  /** Input cells of its Appendix 1 sheets (completeness is `used + leftOut` of `sheets` over this). */
  inputCells?: number;
}

/** A PAR criterion's score as one file gives it. */
export interface ParClaim {
  source: number;
  rowKey: string;
  score: number | null;
  evidence: string;
  sheet: string;
  cell: string;
}

export interface ParMerged {
  rowKey: string;
  score: number | null;
  evidence: string;
  source: number;
  /** Set when the official chose this score among conflicting claims. */
  chosen?: ParChoice;
}

/**
 * The official's choice of one claim of a conflicting criterion: the claim of the file with this
 * content hash and unit. It holds only while that file is unchanged (same hash).
 */
export interface ParChoice {
  rowKey: string;
  hash: string;
  unit: string;
  /** When it was chosen (ISO date), written on "Nguồn số liệu". */
  at: string;
  /** Where it was chosen: the pane's buttons (default) or `cchc consolidate --choose`. */
  by?: 'pane' | 'cli';
}

export interface ParConflict {
  rowKey: string;
  reason: 'several-files' | 'not-lead' | 'no-lead';
  /** The catalog's lead unit of the criterion, if any. */
  lead: UnitId | null;
  claims: ParClaim[];
  message: string;
  /** A choice was made for it, but the chosen file changed (or is gone): the official chooses again. */
  staleChoice?: boolean;
}

export interface ParMerge {
  merged: ParMerged[];
  conflicts: ParConflict[];
  /** Every file's claims, so choices can be applied again without reading the files. */
  claims: ParClaim[];
}

export interface Consolidation {
  /**
   * The decimal separator of the consolidating official's Excel, when the host knows it: the
   * engine's messages (findings, reasons a cell was left out) and the notes on consolidated cells
   * write numbers with it. Null: each language its own (1,5 in Vietnamese, 1.5 in English).
   */
  decimalSeparator: DecimalSeparator | null;
  templates: Appendix1TemplateId[];
  sources: SourceFile[];
  aggregates: Map<Appendix1TemplateId, Aggregate[]>;
  leftOut: LeftOut[];
  normalised: Normalised[];
  /** Scores of the PAR returns of lead units; null when no file scored any criterion. */
  par: ParMerge | null;
  /**
   * The year of the PAR list the files' PAR sheets follow (each file's newest PAR sheet), set by
   * the first file that has one: a file of another year is refused ('par-year'). Absent: none yet.
   */
  parYear?: number;
}
