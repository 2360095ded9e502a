/**
 * What the pane remembers per user (language, chosen unit). In Excel the store is the host's
 * (contracts/paneStart.ts: PaneStart.settings; the entry adapts it); tests and the playground may
 * pass the in-memory one below.
 */
import type { JsonSettingsStore } from '../contracts/paneStart';

export interface PaneSettings {
  get(key: string): string | null;
  set(key: string, value: string): void | Promise<void>;
}

export const SETTING_LANGUAGE = 'language';
export const SETTING_UNIT = 'unit';

export function memorySettings(initial: Record<string, string> = {}): PaneSettings & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (key) => values.get(key) ?? null,
    set: (key, value) => {
      values.set(key, value);
    },
  };
}

/** Adapts the per-user store to the pane's string settings; a non-string value reads as unset. */
export function paneSettingsFrom(store: JsonSettingsStore): PaneSettings {
  return {
    get: (key) => {
      const value = store.get<unknown>(key);
      return typeof value === 'string' ? value : null;
    },
    set: (key, value) => store.set(key, value),
  };
}
