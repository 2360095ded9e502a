import { createContext, useContext } from 'react';
import type { Language, Messages } from '../i18n';
import type { AddinOperations, ProgressListener } from '../../contracts/operations';
import type { PaneSettings } from '../settings';

export type BusyKey = keyof Messages['busy'];

export interface RunOptions {
  /** Background refreshes keep an error the official has not read yet. */
  keepError?: boolean;
}

export interface PaneContextValue {
  ops: AddinOperations;
  settings: PaneSettings;
  t: Messages;
  lang: Language;
  /** True while any operation runs: every action button is disabled. */
  busy: boolean;
  /**
   * Runs one operation after the ones already queued (Excel calls never overlap), showing
   * progress, and turns a failure into the pane's error bar. Resolves to null on failure.
   */
  run<T>(
    key: BusyKey,
    fn: (onProgress: ProgressListener) => Promise<T>,
    options?: RunOptions,
  ): Promise<{ value: T } | null>;
  showError(error: unknown): void;
  /** Increments after templates were inserted so panels re-read the workbook. */
  workbookEpoch: number;
  workbookChanged(): void;
  num(value: number, maxFractionDigits?: number): string;
  /** The decimal separator this Excel uses, when known (said beside a decimal-comma finding). */
  decimalSeparator: '.' | ',' | null;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (!value) throw new Error('usePane() outside <TaskPane>');
  return value;
}
