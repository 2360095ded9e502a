/**
 * The engine: pure validation, subtotals and targets over sheet snapshots. No Office.js, no DOM:
 * the Excel adapter, the task pane, the playground and the `cchc` command line share it, so a cell
 * is judged the same everywhere.
 */
export type * from './types';
export { validateSheet, validateWorkbook, crossSheetFindings } from './validate';
export { JUMP_MIN_LARGER, JUMP_RATIO, PARTIAL_YEAR_FACTOR, ZERO_FROM } from './relations';
export { summarizePar } from './par';
export { newestParSnapshot, parYearOf, planCarryForward } from './parYears';
export type { CarryChange, CarryForwardPlan } from './parYears';
export { agrees, clean, fromMilli, MILLI, ROUNDING_PER_PART, roundedPreviousScores, sumMilli, toMilli } from './sums';
export { totalFormulas, sameFormula } from './totals';
export type { TotalFormula } from './totals';
export { keyOfCell, rowsByKey, sheetRowsByKey } from './rowKeys';
export { reporterOf } from './sheet';
export { parseCellInput } from './parse';
export { isDateFormat } from './cellFormats';
export { foldVietnamese, PASS, FAIL } from './text';
export type { CellKind, InputProblem, ParseOptions, ParsedInput } from './parse';
export { describeInput, cellKind } from './tables';
export { assessSection8, section8Findings, verdictOf } from './section8';
export type { GoalAssessment, Verdict } from './section8';
export { outlineFindings, citedNumber } from './outline';
export { workbookReader, latestYear, FIGURE_YEARS } from './figures';
export type { Figure, WorkbookReader } from './figures';
