/** The Excel adapter's operations: the pane's contract plus what only Excel's side reports. */
import type { Bilingual } from '../engine/types';
import type { SheetPlan, WorkbookPlan } from '../layout/types';
import type { AddinOperations, InjectReport, ProgressListener, ValidationReport } from '../contracts/operations';
import type { TemplateId } from '../catalog/types';
import type { ExcelErrorInfo } from './errors';

/** Reports carry notes the pane shows (features this Excel lacks, marks that did not fit). */
export interface Noted {
  notes: Bilingual[];
}
export type ExcelInjectReport = InjectReport & Noted;
export type ExcelValidationReport = ValidationReport & Noted;

export interface ExcelOperations extends AddinOperations {
  inject(templates: TemplateId[], onProgress?: ProgressListener, parYear?: number): Promise<ExcelInjectReport>;
  validate(onProgress?: ProgressListener): Promise<ExcelValidationReport>;
  /** Injects plans as they are, matched to sheets by name (copies per unit, older layouts). */
  injectPlans(plans: SheetPlan[] | WorkbookPlan): Promise<ExcelInjectReport>;
  startLiveValidation(
    onReport: (r: ValidationReport) => void,
    onError?: (e: ExcelErrorInfo) => void,
  ): Promise<() => Promise<void>>;
  /** Round trips of the last operation (for the pane's diagnostics and the benchmark). */
  readonly lastSyncs: number;
}
