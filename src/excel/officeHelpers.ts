/**
 * The only module that imports @microsoft/office-js-helpers. That library is archived
 * (no releases since 2018), so everything the add-in takes from it goes through here and can
 * be replaced in this one file: host/platform detection and per-user settings storage.
 *
 * Safe to load anywhere: in Excel, in the browser playground (no office.js), in jsdom and in
 * plain Node (no `window`, where the library's getters would throw).
 */
import { HostType, PlatformType, Storage, StorageType, Utilities } from '@microsoft/office-js-helpers';

export interface DetectedHost {
  /** Office's spelling ('Excel', 'Word', …) when inside Office; 'None' outside. */
  host: string;
  /** Office's spelling ('PC', 'Mac', 'OfficeOnline', 'iOS') inside Office; 'Browser' or 'Node' outside. */
  platform: string;
  inOffice: boolean;
}

// The library upper-cases Office's names; callers compare with Office.HostType/PlatformType values.
const HOST_NAMES: Record<string, string> = {
  [HostType.EXCEL]: 'Excel',
  [HostType.WORD]: 'Word',
  [HostType.POWERPOINT]: 'PowerPoint',
  [HostType.OUTLOOK]: 'Outlook',
  [HostType.ONENOTE]: 'OneNote',
  [HostType.PROJECT]: 'Project',
  [HostType.ACCESS]: 'Access',
};
const PLATFORM_NAMES: Record<string, string> = {
  [PlatformType.PC]: 'PC',
  [PlatformType.MAC]: 'Mac',
  [PlatformType.OFFICE_ONLINE]: 'OfficeOnline',
  [PlatformType.IOS]: 'iOS',
};

function hasWindow(): boolean {
  return typeof window !== 'undefined';
}

/**
 * Where the add-in is running. Inside Office this is only right after Office.onReady has
 * resolved (before that Office.context is not populated and the answer is "outside").
 */
export function detectHost(): DetectedHost {
  if (!hasWindow()) {
    return { host: 'None', platform: 'Node', inOffice: false };
  }
  const rawHost = Utilities.host;
  // Outside Office the library answers WEB; office.js loaded in a plain browser leaves host unset.
  if (!rawHost || rawHost === HostType.WEB) {
    return { host: 'None', platform: 'Browser', inOffice: false };
  }
  const rawPlatform = Utilities.platform;
  return {
    host: HOST_NAMES[rawHost] ?? rawHost,
    platform: (rawPlatform && PLATFORM_NAMES[rawPlatform]) || rawPlatform || 'Unknown',
    inOffice: true,
  };
}

/**
 * Whether the user may only view the open document (`Office.context.document.mode`, "Gets the
 * mode the document is in": Office.DocumentMode.ReadOnly or ReadWrite). Read at call time: a
 * co-author can be given or lose edit rights while the pane is open. False outside Office.
 */
export function documentIsReadOnly(): boolean {
  if (typeof Office === 'undefined') return false;
  const mode: unknown = Office.context?.document?.mode;
  // A host that does not say is not read-only (a write refused later teaches the adapter).
  if (mode === undefined || mode === null) return false;
  // The enum's runtime values differ between hosts ("readOnly", or the number 0).
  const readOnly: unknown = Office.DocumentMode?.ReadOnly;
  return (readOnly !== undefined && mode === readOnly) || mode === 'readOnly';
}

/**
 * The workbook's URL (Office.context.document.url, Common API: "Gets the URL of the document
 * that the Office application currently has open. Returns null if the URL is unavailable."), so
 * the pane can remember an answer per workbook; null outside Office and for a new, unsaved one.
 */
export function documentUrl(): string | null {
  if (typeof Office === 'undefined') return null;
  const url: unknown = Office.context?.document?.url;
  return typeof url === 'string' && url.trim() ? url : null;
}

export interface SettingsStore {
  readonly namespace: string;
  /** False when the webview gives no localStorage: values then last only while the pane is open. */
  readonly persistent: boolean;
  /**
   * The stored value, or undefined if none. Values round-trip through JSON; note that the
   * library turns strings that look like ISO dates back into Date objects.
   */
  get<T>(key: string): T | undefined;
  /** Stores a JSON-serialisable value; throws if it cannot be serialised or stored. */
  set<T>(key: string, value: T): void;
  remove(key: string): void;
}

/** The value's JSON; throws (TypeError) for values JSON cannot represent at top level. */
function assertSerialisable(key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) {
    throw new TypeError(`Setting "${key}" cannot be stored: ${typeof value} is not JSON-serialisable.`);
  }
  return json;
}

/** Per-user storage behind the library's Storage, so swapping the backend touches only this file. */
class LibrarySettingsStore implements SettingsStore {
  readonly persistent = true;
  constructor(
    readonly namespace: string,
    private readonly storage: Storage<unknown>,
  ) {}

  get<T>(key: string): T | undefined {
    const value = this.storage.get(key);
    // localStorage answers null for a missing key, which the library passes through JSON.parse.
    return value === null || value === undefined ? undefined : (value as T);
  }

  set<T>(key: string, value: T): void {
    // The library would store undefined as the text "undefined" and read it back as that string.
    assertSerialisable(key, value);
    this.storage.set(key, value);
  }

  remove(key: string): void {
    if (this.get(key) !== undefined) {
      this.storage.delete(key);
    }
  }
}

/** Used where no localStorage exists (Node, locked-down webviews). Same JSON semantics. */
class MemorySettingsStore implements SettingsStore {
  readonly persistent = false;
  private readonly values = new Map<string, string>();
  constructor(readonly namespace: string) {}

  get<T>(key: string): T | undefined {
    const json = this.values.get(key);
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }

  set<T>(key: string, value: T): void {
    this.values.set(key, assertSerialisable(key, value));
  }

  remove(key: string): void {
    this.values.delete(key);
  }
}

function localStorageUsable(): boolean {
  if (!hasWindow()) return false;
  try {
    // Reading the property itself throws a SecurityError where storage is blocked.
    const storage = window.localStorage;
    const probe = '__cchc_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}

/**
 * Per-user settings under a namespace (keys are stored as `@<namespace>/<key>` in localStorage).
 * Falls back to memory where the webview has no usable localStorage; `persistent` says which.
 */
export function createSettingsStore(namespace: string): SettingsStore {
  if (!namespace) {
    throw new TypeError('A settings namespace must be a non-empty string.');
  }
  if (!localStorageUsable()) {
    return new MemorySettingsStore(namespace);
  }
  return new LibrarySettingsStore(namespace, new Storage<unknown>(namespace, StorageType.LocalStorage));
}
