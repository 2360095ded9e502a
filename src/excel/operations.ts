/**
 * AddinOperations over Office.js: the task pane's buttons, each one Excel.run that queues its
 * reads, syncs, runs the pure engine, queues its writes and syncs again, one after another in
 * the adapter's queue (core.ts). One module per operation:
 *   ops/templates.ts   inspect, inject, injectPlans ("Chèn biểu mẫu")
 *   ops/validate.ts    validate, applyFixes, removeMarks ("Kiểm tra dữ liệu", "Sửa", "Xóa đánh dấu")
 *   ops/totals.ts      subtotals, highlightBelowTarget ("Tính tổng…", "Khôi phục công thức")
 *   ops/navigation.ts  goToCell, unitProgress ("Đi tới ô", "Đơn vị của tôi")
 *   ops/consolidate.ts writeConsolidation ("Tổng hợp từ tệp đơn vị")
 *   live.ts            live validation
 * Round trips per button are fixed whatever the number of rows (README, "Round trips"); a write
 * is split only where it would exceed Excel on the web's 5 MB request limit.
 */
import { AdapterCore, type ExcelOperationsDeps } from './core';
import { startLiveValidation } from './live';
import { goToCell, unitProgress } from './ops/navigation';
import { reportData } from './ops/report';
import { inject, injectPlans, inspect } from './ops/templates';
import { highlightBelowTarget, subtotals } from './ops/totals';
import { applyFixes, removeMarks, validate } from './ops/validate';
import type { ExcelOperations } from './types';

export type { ExcelOperationsDeps, ExcelRun } from './core';
export type { ExcelOperations, ExcelInjectReport, ExcelValidationReport, Noted } from './types';

export function createExcelOperations(deps: ExcelOperationsDeps): ExcelOperations {
  const core = new AdapterCore(deps);
  return {
    hostInfo: () => core.hostInfo(),
    inspect: () => inspect(core),
    inject: (templates, onProgress) => inject(core, templates, onProgress),
    injectPlans: (plans) => injectPlans(core, plans),
    validate: (onProgress) => validate(core, onProgress),
    applyFixes: (findings) => applyFixes(core, findings),
    subtotals: (restore) => subtotals(core, restore),
    highlightBelowTarget: () => highlightBelowTarget(core),
    removeMarks: () => removeMarks(core),
    goToCell: (sheet, cell) => goToCell(core, sheet, cell),
    unitProgress: (unit) => unitProgress(core, unit),
    reportData: () => reportData(core),
    // Loaded on first use, like the engine: only Sở Nội vụ consolidates, and the pane's start-up has a budget.
    writeConsolidation: (input, onProgress) =>
      import(/* webpackChunkName: "consolidate-op" */ './ops/consolidate').then((m) =>
        m.writeConsolidation(core, input, onProgress),
      ),
    startLiveValidation: (onReport, onError) => startLiveValidation(core, onReport, onError),
    get lastSyncs() {
      return core.lastSyncs;
    },
  };
}

export { UNPLACED_SHEET } from './inject';
