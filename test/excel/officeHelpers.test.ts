/** @jest-environment jsdom */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createSettingsStore, detectHost, documentIsReadOnly } from '../../src/excel/officeHelpers';

const ROOT = path.resolve(__dirname, '../..');

type OfficeGlobal = { Office?: unknown };

function setOffice(office: unknown): void {
  (globalThis as OfficeGlobal).Office = office;
}

afterEach(() => {
  jest.restoreAllMocks();
  delete (globalThis as OfficeGlobal).Office;
  window.localStorage.clear();
});

describe('documentIsReadOnly', () => {
  it.each([
    ['no office.js', undefined, false],
    ['a host that does not say', { context: { document: {} }, DocumentMode: { ReadOnly: 'readOnly' } }, false],
    ['an old stub without the enum', { context: { document: {} } }, false],
    ['read-only', { context: { document: { mode: 'readOnly' } }, DocumentMode: { ReadOnly: 'readOnly' } }, true],
    [
      'read-only as a number',
      { context: { document: { mode: 0 } }, DocumentMode: { ReadOnly: 0, ReadWrite: 1 } },
      true,
    ],
    ['read-write', { context: { document: { mode: 'readWrite' } }, DocumentMode: { ReadOnly: 'readOnly' } }, false],
  ])('%s', (_, office, expected) => {
    if (office) setOffice(office);
    expect(documentIsReadOnly()).toBe(expected);
  });
});

describe('detectHost', () => {
  it('reports a plain browser when office.js is absent (the playground)', () => {
    expect(detectHost()).toEqual({ host: 'None', platform: 'Browser', inOffice: false });
  });

  it('reports a plain browser when office.js is loaded outside Office (no host in the context)', () => {
    setOffice({ context: { host: undefined, platform: undefined } });
    expect(detectHost()).toEqual({ host: 'None', platform: 'Browser', inOffice: false });
  });

  it.each([
    ['Excel', 'PC'],
    ['Excel', 'OfficeOnline'],
    ['Excel', 'Mac'],
    ['Word', 'iOS'],
  ])('reports %s on %s in the spelling Office uses', (host, platform) => {
    setOffice({ context: { host, platform } });
    expect(detectHost()).toEqual({ host, platform, inOffice: true });
  });

  it('passes through a platform the library does not know', () => {
    setOffice({ context: { host: 'Excel', platform: 'Universal' } });
    expect(detectHost()).toEqual({ host: 'Excel', platform: 'Universal', inOffice: true });
  });
});

describe('createSettingsStore', () => {
  it('round-trips JSON values and answers undefined for missing keys', () => {
    const store = createSettingsStore('cchc-test');
    expect(store.persistent).toBe(true);
    expect(store.get('unit')).toBeUndefined();
    store.set('unit', { id: 'SNV', recent: ['I', 'PAR'] });
    store.set('count', 3);
    store.set('flag', false);
    expect(store.get('unit')).toEqual({ id: 'SNV', recent: ['I', 'PAR'] });
    expect(store.get<number>('count')).toBe(3);
    expect(store.get<boolean>('flag')).toBe(false);
  });

  it('persists in localStorage, so a later store (a reopened pane) reads it', () => {
    createSettingsStore('cchc-test').set('language', 'vi');
    expect(window.localStorage.getItem('@cchc-test/language')).toBe('"vi"');
    expect(createSettingsStore('cchc-test').get('language')).toBe('vi');
  });

  it('keeps namespaces apart', () => {
    createSettingsStore('a').set('k', 1);
    createSettingsStore('b').set('k', 2);
    expect(createSettingsStore('a').get('k')).toBe(1);
    expect(createSettingsStore('b').get('k')).toBe(2);
  });

  it('removes a value, and removing a missing key is not an error', () => {
    const store = createSettingsStore('cchc-test');
    store.set('k', 'v');
    store.remove('k');
    expect(store.get('k')).toBeUndefined();
    expect(() => store.remove('k')).not.toThrow();
  });

  it('refuses values JSON cannot hold instead of storing garbage', () => {
    const store = createSettingsStore('cchc-test');
    expect(() => store.set('f', undefined)).toThrow(TypeError);
    expect(() => store.set('b', BigInt(1))).toThrow();
    expect(window.localStorage.getItem('@cchc-test/f')).toBeNull();
  });

  it('rejects an empty namespace', () => {
    expect(() => createSettingsStore('')).toThrow(TypeError);
  });

  it('falls back to memory where localStorage is blocked, and says so', () => {
    jest.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const store = createSettingsStore('cchc-test');
    expect(store.persistent).toBe(false);
    store.set('k', { a: 1 });
    expect(store.get('k')).toEqual({ a: 1 });
    expect(() => store.set('u', undefined)).toThrow(TypeError);
    store.remove('k');
    expect(store.get('k')).toBeUndefined();
  });
});

describe('outside a browser', () => {
  it('loads and works in plain Node, where the library getters would throw', () => {
    const script = [
      "const m = require('./src/excel/officeHelpers.ts');",
      "const s = m.createSettingsStore('n');",
      "s.set('k', [1, 'x']);",
      'console.log(JSON.stringify({ host: m.detectHost(), persistent: s.persistent, value: s.get("k") }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual({
      host: { host: 'None', platform: 'Node', inOffice: false },
      persistent: false,
      value: [1, 'x'],
    });
  });
});
