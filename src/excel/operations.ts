/**
 * AddinOperations over Office.js: the task pane's buttons, each one Excel.run that queues its
 * reads, syncs, runs the pure engine, queues its writes and syncs again, one after another in
 * the adapter's queue (core.ts). One module per operation:
 *   ops/inspect.ts     inspect (what "Chèn biểu mẫu" would do; every pane calls it when it opens)
 *   ops/templates.ts   inject, injectPlans ("Chèn biểu mẫu")
 *   ops/validate.ts    validate, applyFixes, applySuggestion, removeMarks ("Kiểm tra dữ liệu", "Sửa", "Áp dụng đề xuất", "Xóa đánh dấu")
 *   ops/totals.ts      subtotals, highlightBelowTarget ("Tính tổng…", "Khôi phục công thức")
 *   ops/navigation.ts  goToCell, unitProgress ("Đi tới ô", "Đơn vị của tôi")
 *   ops/consolidate.ts writeConsolidation ("Tổng hợp từ tệp đơn vị")
 *   live.ts            live validation
 * Round trips per button are fixed whatever the number of rows (README, "Round trips"); a write
 * is split only where it would exceed Excel on the web's 5 MB request limit.
 */
import { AdapterCore, type ExcelOperationsDeps } from './core';
import { ExcelOperationError } from './errors';
import { inspect } from './ops/inspect';
import type { ExcelOperations } from './types';

/**
 * Each operation's module is loaded on its first use, like the engine: the pane's start-up
 * JavaScript has a budget (165 KiB gzip), and an official who only checks data never needs the
 * code that writes templates. The import is awaited before the operation's Excel.run starts,
 * so it never splits a batch. inspect is the exception: the pane calls it as it opens, so it
 * comes with the pane's own code instead of a chunk requested only after the first render.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}
const templates = once(() => import(/* webpackChunkName: "excel-templates" */ './ops/templates'));
const checks = once(() => import(/* webpackChunkName: "excel-validate" */ './ops/validate'));
const totals = once(() => import(/* webpackChunkName: "excel-totals" */ './ops/totals'));
const navigation = once(() => import(/* webpackChunkName: "excel-navigation" */ './ops/navigation'));
const report = once(() => import(/* webpackChunkName: "excel-report" */ './ops/report'));
const live = once(() => import(/* webpackChunkName: "excel-live" */ './live'));
const carry = once(() => import(/* webpackChunkName: "excel-carry" */ './ops/carryForward'));
const consolidation = once(() => import(/* webpackChunkName: "consolidate-op" */ './ops/consolidate'));

export function createExcelOperations(deps: ExcelOperationsDeps): ExcelOperations {
  const core = new AdapterCore(deps);
  return {
    hostInfo: () => core.hostInfo(),
    inspect: () => inspect(core),
    inject: async (ids, onProgress, parYear) => (await templates()).inject(core, ids, onProgress, parYear),
    injectPlans: async (plans) => (await templates()).injectPlans(core, plans),
    validate: async (onProgress) => (await checks()).validate(core, onProgress),
    applyFixes: async (findings) => (await checks()).applyFixes(core, findings),
    applySuggestion: async (finding) => (await checks()).applySuggestion(core, finding),
    subtotals: async (restore) => (await totals()).subtotals(core, restore),
    highlightBelowTarget: async () => (await totals()).highlightBelowTarget(core),
    removeMarks: async () => (await checks()).removeMarks(core),
    goToCell: async (sheet, cell) => (await navigation()).goToCell(core, sheet, cell),
    unitProgress: async (unit) => (await navigation()).unitProgress(core, unit),
    reportData: async () => (await report()).reportData(core),
    previewCarryForward: async () => (await carry()).previewCarryForward(core),
    applyCarryForward: async (plan) => (await carry()).applyCarryForward(core, plan),
    openWorkbook: async (base64) => {
      // Outside Excel.run: it opens another workbook and touches nothing of this one.
      if (!deps.createWorkbook || !deps.requirements.isSetSupported('ExcelApi', '1.8'))
        throw ExcelOperationError.of('RequirementSetMissing');
      try {
        await deps.createWorkbook(base64);
      } catch (e) {
        throw ExcelOperationError.from(e);
      }
    },
    writeConsolidation: async (input, onProgress) =>
      (await consolidation()).writeConsolidation(core, input, onProgress),
    startLiveValidation: async (onReport, onError) => (await live()).startLiveValidation(core, onReport, onError),
    get lastSyncs() {
      return core.lastSyncs;
    },
  };
}
