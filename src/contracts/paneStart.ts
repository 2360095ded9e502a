/**
 * What the task pane's entry (src/taskpane/index.tsx) gets from the host it opens in, once that
 * host is ready: the facts the first render needs, the per-user settings store and the workbook
 * operations. src/excel implements it over Office.js (excel/paneStart.ts), so the pane's entry
 * never touches `Office` or `Excel` itself.
 */
import type { DecimalSeparator } from '../layout/types';
import type { AddinOperations } from './operations';

/** Per-user values kept between sessions; values round-trip as JSON. */
export interface JsonSettingsStore {
  get<T>(key: string): T | undefined;
  set<T>(key: string, value: T): void;
}

/** Excel's own number settings, when Excel gave them (not a guess from the display language). */
export interface ExcelNumberSettings {
  decimalSeparator: DecimalSeparator;
}

export interface PaneStart {
  /** Office's display language ('vi-VN', 'en-US'); undefined where the host does not say. */
  readonly displayLanguage: string | undefined;
  /** True when the pane opened in Excel; anywhere else it only says that it needs Excel. */
  readonly inExcel: boolean;
  /** The open workbook's URL (null for a new, unsaved one): what the pane remembers answers by. */
  readonly workbookUrl: string | null;
  /** The per-user store of the pane's settings (language, chosen unit) under `namespace`. */
  settings(namespace: string): JsonSettingsStore;
  /**
   * The decimal separator this Excel shows numbers with (ExcelApi 1.11), as Excel gives it; null
   * where this Excel cannot say or failed to answer (never rejects): the pane then asks the official.
   */
  decimalSeparator(): Promise<DecimalSeparator | null>;
  /**
   * The operations on the open workbook. `numberSettings` settles with Excel's own settings or
   * the official's answer; operations that write numbers wait for it.
   */
  operations(numberSettings: Promise<ExcelNumberSettings | null>): AddinOperations;
}
