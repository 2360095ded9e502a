/**
 * The task pane's start in Office (contracts/paneStart.ts): waits for Office.onReady, then tells
 * the pane's entry where it opened, gives it the per-user settings store, Excel's decimal
 * separator and the operations over Office.js. The only place the pane's start reads `Office`.
 */
import type { ExcelNumberSettings, PaneStart } from '../contracts/paneStart';
import { officeCreateWorkbook, officeExcelRun } from './core';
import { numberSettingsOfExcel } from './numberSettings';
import { createSettingsStore, detectHost, documentIsReadOnly, documentUrl } from './officeHelpers';
import { createExcelOperations } from './operations';

export async function officePaneStart(): Promise<PaneStart> {
  await Office.onReady();
  return {
    displayLanguage: Office.context?.displayLanguage,
    inExcel: detectHost().host === 'Excel',
    settings: (namespace) => createSettingsStore(namespace),
    workbookUrl: documentUrl(),
    decimalSeparator: () => numberSettingsOfExcel(officeExcelRun, Office.context.requirements),
    operations: (numberSettings: Promise<ExcelNumberSettings | null>) =>
      createExcelOperations({
        run: officeExcelRun,
        requirements: Office.context.requirements,
        // A co-author with view rights: the pane lists results and writes nothing.
        readOnly: () => documentIsReadOnly(),
        numberSettings,
        createWorkbook: officeCreateWorkbook,
      }),
  };
}
