/**
 * A fake AddinOperations for component tests: records every call, answers with small fixtures,
 * and can hold an operation open (`hold`) so a test sees the pane while it runs.
 */
import type { Bilingual, Finding, ParRowResult, ParSummary } from '../../src/engine/types';
import type {
  AddinOperations,
  HostInfo,
  InjectReport,
  SubtotalReport,
  UnitProgress,
  ValidationReport,
  WorkbookStatus,
} from '../../src/contracts/operations';

export interface Call {
  name: keyof AddinOperations;
  args: unknown[];
}

type AsyncOps = Exclude<keyof AddinOperations, 'hostInfo'>;

export interface Held {
  resolve(): void;
  reject(error: unknown): void;
}

export interface FakeOperations extends AddinOperations {
  calls: Call[];
  callsTo(name: keyof AddinOperations): unknown[][];
  /** The next call to `name` waits until the returned handle is resolved. */
  hold(name: AsyncOps): Held;
  /** The next call to `name` rejects with `error`. */
  failNext(name: AsyncOps, error: unknown): void;
  /** Pushes a report as live validation would. */
  emitLive(report: ValidationReport): void;
  /** Reports a failure inside live validation's change handler, as the Excel adapter does. */
  emitLiveError(error: Bilingual & { code?: string }): void;
  liveStops: number;
  host: HostInfo;
}

export const finding = (over: Partial<Finding> = {}): Finding => ({
  severity: 'error',
  code: 'decimal-comma',
  sheet: 'II. Văn bản QPPL',
  cell: 'D7',
  rowKey: 'II.1',
  column: '2019',
  message: { vi: 'Số thập phân viết bằng dấu phẩy', en: 'Decimal written with a comma' },
  fix: { value: 0.5, description: { vi: 'Ghi thành 0,5', en: 'Write 0.5' } },
  ...over,
});

export const VALIDATION: ValidationReport = {
  findings: [
    finding(),
    finding({
      severity: 'warning',
      code: 'sum-mismatch',
      cell: 'E9',
      rowKey: 'II.2',
      message: { vi: 'Tổng không khớp', en: 'Total does not match' },
      fix: undefined,
    }),
    finding({
      sheet: 'PAR 2021',
      severity: 'error',
      code: 'par-over-max',
      cell: 'G12',
      rowKey: '1.3',
      column: 'score',
      message: { vi: 'Điểm vượt tối đa', en: 'Score above maximum' },
      fix: undefined,
    }),
  ],
  counts: { error: 2, warning: 1, info: 0 },
  cellsChecked: 120,
  cellsFilled: 30,
  syncs: 1,
};

export const CLEAN: ValidationReport = {
  findings: [],
  counts: { error: 0, warning: 0, info: 0 },
  cellsChecked: 120,
  cellsFilled: 31,
  syncs: 1,
};

const parResult = (over: Partial<ParRowResult> & { id: string }): ParRowResult => ({
  cell: 'G7',
  max: 1,
  previousScore: 1,
  target: 1,
  score: 1,
  partialSum: 1,
  missing: 0,
  complete: true,
  belowTarget: false,
  gap: 0,
  achievable: 0,
  lead: null,
  isLeaf: true,
  ...over,
});

export const PAR_SUMMARY: ParSummary = (() => {
  const total = parResult({
    id: 'total',
    cell: 'G7',
    max: 100,
    previousScore: 86.07,
    target: 92.418,
    score: 90.5,
    partialSum: 90.5,
    belowTarget: true,
    gap: 90.5 - 92.418,
    isLeaf: false,
  });
  const area1 = parResult({
    id: '1',
    cell: 'G8',
    max: 8.5,
    previousScore: 8.286,
    target: 8.3,
    score: 7.5,
    partialSum: 7.5,
    belowTarget: true,
    gap: -0.8,
    isLeaf: false,
  });
  const leafA = parResult({
    id: '1.1',
    cell: 'G9',
    max: 1.5,
    previousScore: 1.5,
    target: 1.5,
    score: 1,
    partialSum: 1,
    belowTarget: true,
    gap: -0.5,
    lead: 'SNV',
  });
  const leafB = parResult({
    id: '1.2',
    cell: 'G10',
    max: 0.5,
    previousScore: 0.5,
    target: 0.5,
    score: 0.2,
    partialSum: 0.2,
    belowTarget: true,
    gap: -0.3,
    lead: 'SNV',
  });
  return {
    sheet: 'PAR 2021',
    rows: [total, area1, leafA, leafB],
    total,
    belowTarget: [area1, leafA, leafB],
    byLead: [{ lead: 'SNV', rows: [leafB, leafA], pointsOwed: 0.8 }],
    below2020: [],
    year: 2021,
    previousYear: 2020,
    excluded: [],
  };
})();

export const SUBTOTALS: SubtotalReport = {
  overwritten: [{ sheet: 'PAR 2021', cell: 'G8', rowKey: '1', found: 7 }],
  restored: 0,
  totalsFilled: [],
  par: PAR_SUMMARY,
  syncs: 1,
};

export const STATUS: WorkbookStatus = {
  currentVersion: '1.1.0',
  workbookVersion: '1.0.0',
  present: [{ templateId: 'PAR', sheet: 'PAR 2021', version: '1.0.0' }],
  plan: [
    { templateId: 'I', action: 'create', sheet: 'I. Chỉ đạo', detail: { vi: 'Tạo trang mới', en: 'New sheet' } },
    {
      templateId: 'PAR',
      action: 'upgrade',
      sheet: 'PAR 2021',
      detail: { vi: 'Nâng cấp 1.0.0 → 1.1.0, giữ giá trị', en: 'Upgrade 1.0.0 → 1.1.0, values kept' },
    },
  ],
};

export const INJECTED: InjectReport = {
  created: ['I. Chỉ đạo'],
  refreshed: [],
  upgraded: ['PAR 2021'],
  valuesKept: 12,
  unplaced: [],
  unplacedSheet: null,
  renamed: [],
  syncs: 2,
};

export const UNIT_PROGRESS: UnitProgress = {
  unit: 'SNV',
  rows: [
    { sheet: 'PAR 2021', rowKey: '1.1', label: '1.1. Thực hiện Kế hoạch CCHC', cells: 2, filled: 1, firstEmpty: 'L9' },
    { sheet: 'PAR 2021', rowKey: '1.2', label: '1.2. Báo cáo định kỳ', cells: 2, filled: 2, firstEmpty: null },
  ],
  missingRows: [],
  cells: 4,
  filled: 3,
  nextEmpty: { sheet: 'PAR 2021', cell: 'L9' },
};

export function createFakeOperations(): FakeOperations {
  const calls: Call[] = [];
  const held = new Map<string, Promise<void>>();
  const failures = new Map<string, unknown>();
  let liveListener: ((r: ValidationReport) => void) | null = null;
  let liveErrorListener: ((e: Bilingual & { code?: string }) => void) | null = null;

  async function answer<T>(name: AsyncOps, args: unknown[], value: () => T): Promise<T> {
    calls.push({ name, args });
    const gate = held.get(name);
    if (gate) {
      held.delete(name);
      await gate;
    }
    if (failures.has(name)) {
      const error = failures.get(name);
      failures.delete(name);
      throw error;
    }
    return value();
  }

  const fake: FakeOperations = {
    calls,
    liveStops: 0,
    host: {
      host: 'Test',
      platform: 'jsdom',
      supports: { excelApi18: true, excelApi19: true, customProperties: true },
    },
    callsTo: (name) => calls.filter((c) => c.name === name).map((c) => c.args),
    hold(name) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      held.set(name, new Promise<void>((res, rej) => ((resolve = res), (reject = rej))));
      return { resolve: () => resolve(), reject: (e) => reject(e) };
    },
    failNext(name, error) {
      failures.set(name, error);
    },
    emitLiveError(error) {
      if (!liveErrorListener) throw new Error('live validation was started without an error callback');
      liveErrorListener(error);
    },
    emitLive(report) {
      if (!liveListener) throw new Error('live validation is not running');
      liveListener(report);
    },
    hostInfo() {
      calls.push({ name: 'hostInfo', args: [] });
      return fake.host;
    },
    inspect: () => answer('inspect', [], () => STATUS),
    inject: (templates, onProgress, parYear) =>
      answer('inject', parYear === undefined ? [templates] : [templates, parYear], () => {
        onProgress?.({ done: 1, total: 2, label: { vi: 'Đang tạo trang', en: 'Creating sheet' } });
        return INJECTED;
      }),
    validate: (onProgress) =>
      answer('validate', [], () => {
        onProgress?.({ done: 1, total: 1, label: { vi: 'Đang đọc', en: 'Reading' } });
        return VALIDATION;
      }),
    applyFixes: (findings) =>
      answer('applyFixes', [findings], () => ({ applied: findings.length, skipped: [], syncs: 1 })),
    applySuggestion: (finding) => answer('applySuggestion', [finding], () => ({ applied: 1, skipped: [], syncs: 1 })),
    subtotals: (restore) => answer('subtotals', [restore], () => (restore ? { ...SUBTOTALS, restored: 1 } : SUBTOTALS)),
    highlightBelowTarget: () => answer('highlightBelowTarget', [], () => PAR_SUMMARY),
    removeMarks: () => answer('removeMarks', [], () => undefined),
    goToCell: (sheet, cell) => answer('goToCell', [sheet, cell], () => undefined),
    unitProgress: (unit) => answer('unitProgress', [unit], () => ({ ...UNIT_PROGRESS, unit })),
    reportData: () => answer('reportData', [], () => ({ snapshots: [], syncs: 1 })),
    openWorkbook: (base64) => answer('openWorkbook', [base64], () => undefined),
    writeConsolidation: (input, onProgress) =>
      answer('writeConsolidation', [input], () => {
        onProgress?.({ done: 1, total: 2, label: { vi: 'Đang ghi số liệu', en: 'Writing figures' } });
        return {
          created: input.sheets.map((s) => `${s.templateId}.`),
          refreshed: [],
          cellsWritten: input.sheets.reduce((n, s) => n + s.values.length, 0),
          sourcesSheet: input.sources.name,
          renamed: [],
          syncs: 3,
        };
      }),
    startLiveValidation: (onReport, onError) =>
      answer('startLiveValidation', [], () => {
        liveListener = onReport;
        liveErrorListener = onError ?? null;
        return async () => {
          fake.liveStops += 1;
          liveListener = null;
        };
      }),
  };
  return fake;
}
