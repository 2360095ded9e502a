/**
 * The engine: pure validation, subtotals and targets over sheet snapshots. No Office.js, no DOM:
 * the Excel adapter, the task pane, the playground and the `cchc` command line share it, so a cell
 * is judged the same everywhere.
 */
export type * from './types';
export {
  validateSheet,
  validateWorkbook,
  crossSheetFindings,
  JUMP_MIN_LARGER,
  JUMP_RATIO,
  PARTIAL_YEAR_FACTOR,
  ZERO_FROM,
} from './validate';
export { summarizePar, ROUNDING_PER_CHILD } from './par';
export { newestParSnapshot, parYearOf, planCarryForward } from './parYears';
export type { CarryChange, CarryForwardPlan } from './parYears';
export { totalFormulas, sameFormula } from './totals';
export type { TotalFormula } from './totals';
export { keyOfCell } from './sheet';
export { parseCellInput, isDateFormat, foldVietnamese, PASS, FAIL } from './parse';
export type { CellKind, InputProblem, ParseOptions, ParsedInput } from './parse';
export { describeInput, cellKind } from './tables';
export { assessSection8, section8Findings, verdictOf } from './section8';
export type { GoalAssessment, Verdict } from './section8';
export { outlineFindings, citedNumber } from './outline';
export { workbookReader, latestYear, FIGURE_YEARS } from './figures';
export type { Figure, WorkbookReader } from './figures';
