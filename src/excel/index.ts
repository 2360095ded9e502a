/**
 * The Excel adapter: AddinOperations over Office.js. In Excel the pane's entry gets them from
 * officePaneStart (paneStart.ts); the playground, the self-test and tests call
 *   createExcelOperations({ run, requirements })
 * with the in-memory workbook's `run` (or Excel.run) and a requirement checker.
 */
export { createExcelOperations } from './operations';
export type { ExcelOperationsDeps, ExcelRun } from './core';
export type { ExcelOperations, ExcelInjectReport, ExcelValidationReport } from './types';
export { describeExcelError, ExcelOperationError } from './errors';
export type { ExcelErrorInfo } from './errors';
export { UNPLACED_SHEET } from './names';
export { VERSION_PROPERTY, VERSION_NAME } from './read';
