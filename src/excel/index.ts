/**
 * The Excel adapter: the only code that calls Office.js. In Excel:
 *   createExcelOperations({ run: Excel.run, requirements: Office.context.requirements })
 * in the playground and tests, the in-memory workbook's `run` and a requirement checker.
 */
export { createExcelOperations } from './operations';
export { officeCreateWorkbook, officeExcelRun } from './core';
export type { ExcelOperationsDeps, ExcelRun } from './core';
export type { ExcelOperations, ExcelInjectReport, ExcelValidationReport } from './types';
export { describeExcelError, ExcelOperationError } from './errors';
export type { ExcelErrorInfo } from './errors';
export { UNPLACED_SHEET } from './names';
export { VERSION_PROPERTY, VERSION_NAME } from './read';
