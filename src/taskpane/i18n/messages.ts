/**
 * Every string the task pane shows, as one typed shape: vi.ts and en.ts are both annotated
 * `Messages`, so a key missing from either (or misspelt) fails `tsc`.
 * Functions take already formatted numbers/names so each language decides the word order.
 */
import type { Severity } from '../../engine/types';
import type { ConditionalPurpose } from '../../layout/types';
import type { ListMessages } from './lists';

export type Language = 'vi' | 'en';

export interface Messages {
  language: Language;
  /** BCP 47 tag for Intl number formatting. */
  locale: string;
  appTitle: string;
  appSubtitle: string;
  /** Asked once per workbook where Excel cannot say its decimal separator (before ExcelApi 1.11). */
  decimalQuestionTitle: string;
  decimalQuestion: string;
  decimalAnswer: (separator: ',' | '.') => string;
  languageSwitch: string;
  busyLabel: string;
  /** The tab list's name, and one tab label per view (one screen per job). */
  viewsLabel: string;
  views: Record<'templates' | 'validate' | 'targets' | 'unit' | 'consolidate' | 'report', string>;

  // Templates
  templatesHeading: string;
  insertTemplates: string;
  selectAllTemplates: string;
  templateListLabel: string;
  addinVersion: (version: string) => string;
  workbookVersion: (version: string | null) => string;
  /** The PAR template's name for a year's list. */
  parTemplateName: (year: number) => string;
  parTemplateUnits: string;
  /** The insert's choice of PAR list, shown only when the add-in carries more than one year. */
  parYearLabel: string;
  parYearOption: (year: number) => string;
  statusTemplateName: string;
  statusTemplateUnits: string;
  outlineTemplateName: string;
  outlineTemplateUnits: string;

  // Report (Word draft)
  reportHeading: string;
  reportIntro: string;
  exportReport: string;
  /** The working draft: the report with the guidance, figures to cite and errors, marked. */
  exportWorkingDraft: string;
  reportBuilding: string;
  reportSaved: (file: string) => string;
  reportNoDownload: (command: string) => string;
  reportFailed: (reason: string) => string;
  reportNoOutline: string;
  reportGoalsHeading: string;
  reportGoalSuggestion: (goal: string, suggestion: string, evidence: string) => string;
  reportGoalNoData: (goal: string, reason: string) => string;
  reportingUnits: (names: string) => string;
  presentAs: (sheet: string, version: string) => string;
  notPresent: string;
  action: Record<'create' | 'refresh' | 'upgrade', string>;
  noTemplateSelected: string;
  chooseTemplates: (selected: string, total: string) => string;
  planSummary: (parts: string[]) => string;
  planCount: Record<'create' | 'refresh' | 'upgrade', (count: string) => string>;
  injectCreated: (sheets: string) => string;
  injectRefreshed: (sheets: string) => string;
  injectUpgraded: (sheets: string) => string;
  injectValuesKept: (count: string) => string;
  injectUnplaced: (count: string, sheet: string | null) => string;
  injectRenamed: (wanted: string, used: string) => string;
  injectDoneTitle: string;

  // Validation
  validateHeading: string;
  checkData: string;
  fixAll: string;
  fixableCount: (count: string) => string;
  goToCell: string;
  fix: string;
  severity: Record<Severity, string>;
  checkedSummary: (cells: string, filled: string) => string;
  noFindings: string;
  /** A workbook with no template sheet: nothing was checked, so "no problems" would mislead. */
  nothingToCheck: string;
  /** After "Kiểm tra dữ liệu" (with live checking on too): every sheet was read again. */
  recheckedAll: (time: string) => string;
  /** Facts of the source document (rounded published scores), shown once in the totals view. */
  sourceNotesHeading: string;
  findingsListLabel: string;
  sourceRoundingNote: (row: string, published: string, sum: string, previousYear: number) => string;
  notValidatedYet: string;
  liveValidation: string;
  liveUpdated: (time: string) => string;
  removeMarks: string;
  marksRemoved: string;
  fixesApplied: (count: string) => string;
  fixSkipped: string;
  /** "Sửa tất cả" shows what it will write before writing it. */
  fixPreviewTitle: (count: string) => string;
  fixPreviewConfirm: (count: string) => string;
  fixPreviewCancel: string;
  /** A value the official did not type (an assessment, a rescaled figure, a formula): offered, never in bulk. */
  suggestionLabel: (what: string) => string;
  applySuggestion: string;
  suggestionApplied: string;
  showMore: (count: string) => string;
  findingsOf: (sheet: string) => string;
  marksLegendHeading: string;
  /** One line per colour in a template sheet (MarksLegend.tsx). */
  marksLegend: Record<ConditionalPurpose, string>;
  marksLegendNote: string;

  // Subtotals and targets
  targetsHeading: string;
  computeTargets: string;
  noParSheet: string;
  /** The total card's labels, with the years of the sheet's list. */
  totalScore: (year: number) => string;
  target: (year: number) => string;
  previousScore: (previousYear: number) => string;
  maxPoints: (max: string) => string;
  totalVsTarget: (gap: string, reached: boolean) => string;
  totalVsPrevious: (delta: string, up: boolean, previousYear: number) => string;
  totalIncomplete: (missing: string, partial: string) => string;
  /** Filled scores the total leaves out (text, out of range…), listed under it. */
  excludedHeading: (count: string) => string;
  excludedItem: (criterion: string, value: string, reason: string) => string;
  chartHeading: string;
  chartLegend: (year: number, previousYear: number) => { previousScore: string; target: string; score: string };
  chartAreaLabel: (
    area: string,
    previousScore: string,
    target: string,
    score: string,
    max: string,
    year: number,
    previousYear: number,
  ) => string;
  chartNotScored: string;
  /** A partial sum: the points so far and how many criteria were scored ("đã chấm 12/20 tiêu chí"). */
  chartPartial: (points: string, scored: string, total: string) => string;
  chartOutOf: (points: string, max: string) => string;
  belowTargetHeading: string;
  noneBelowTarget: string;
  sharedLead: string;
  pointsOwed: (points: string) => string;
  rowBelowTarget: (score: string, target: string, gap: string) => string;
  totalsFilled: (count: string, cells: string) => string;
  overwrittenHeading: string;
  overwrittenNone: string;
  overwrittenItem: (cell: string, rowKey: string, found: string) => string;
  restoreFormulas: string;
  formulasRestored: (count: string) => string;

  // My unit
  myUnitHeading: string;
  chooseUnit: string;
  noUnitChosen: string;
  unitFilled: (filled: string, cells: string) => string;
  nextEmpty: string;
  allFilled: string;
  unitRows: string;
  rowFilled: (filled: string, cells: string) => string;
  rowComplete: string;
  unitHasNoRows: string;
  /** Rows of the unit whose key is no longer in the sheet: not counted. */
  unitRowsMissing: (rows: string) => string;
  unitKindsGroup: string;
  namedUnitsGroup: string;
  unitKindReport: (sheet: string) => string;
  unitKindFigures: string;

  // Last year's scores into this year's previous-year column (two presses: preview, then confirm)
  carryForwardButton: (previousYear: number) => string;
  carryForwardNone: string;
  carryForwardPreview: (changes: string, sheet: string, previousSheet: string) => string;
  carryForwardChange: (key: string, from: string, to: string) => string;
  carryForwardKept: (key: string, typed: string, lastYear: string) => string;
  carryForwardKeys: (newKeys: string, dropped: string) => string;
  carryForwardConfirm: string;
  carryForwardDone: (written: string, skipped: string) => string;

  // Progress labels
  busy: Record<
    | 'consolidate'
    | 'report'
    | 'inspect'
    | 'inject'
    | 'validate'
    | 'fix'
    | 'subtotals'
    | 'restore'
    | 'removeMarks'
    | 'goTo'
    | 'unit'
    | 'carryForward',
    string
  >;

  // Errors and host
  errorTitle: string;
  errorCode: (code: string) => string;
  errorHelp: Record<
    | 'cellEditMode'
    | 'protected'
    | 'notFound'
    | 'tooLarge'
    | 'unsupported'
    | 'conflict'
    | 'busyExcel'
    | 'network'
    | 'generic',
    string
  >;
  dismiss: string;
  /** A co-author with view rights: what the pane still does. */
  readOnlyWorkbook: string;
  degradedPrint: string;
  degradedProperties: string;
  notInExcelTitle: string;
  notInExcel: string;
  /** The lists' strings (findings by what to do first, rows under headings, sheet links): lists.ts. */
  lists: ListMessages;
}
