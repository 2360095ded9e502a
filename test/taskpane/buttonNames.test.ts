/**
 * Every message that tells the official to press a button names a button that exists, in the
 * language of the message. The messages are the string literals of the source (adapter, engine,
 * pane, CLI); the buttons are the pane's labels (and the ribbon's, from the manifest).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../src/taskpane/i18n/en';
import { vi } from '../../src/taskpane/i18n/vi';
import type { Messages } from '../../src/taskpane/i18n/messages';

const ROOT = join(__dirname, '../..');

/** The pane's button labels (keys used as Button/ToggleButton children in the components). */
const BUTTON_KEYS: (keyof Messages)[] = [
  'insertTemplates',
  'checkData',
  'fixAll',
  'fix',
  'goToCell',
  'removeMarks',
  'computeTargets',
  'restoreFormulas',
  'nextEmpty',
  'dismiss',
  'languageSwitch',
  'exportReport',
  'exportWorkingDraft',
  'carryForwardConfirm',
];

function labels(m: Messages): Set<string> {
  const out = new Set<string>();
  for (const k of BUTTON_KEYS) {
    const v = m[k];
    if (typeof v !== 'string') throw new Error(`${String(k)} is not a label`);
    out.add(v);
  }
  return out;
}

function ribbonLabels(): Set<string> {
  const xml = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
  const out = new Set<string>();
  for (const m of xml.matchAll(/<bt:String id="CCHC\.(?:Group|OpenTaskpane)\.Label" DefaultValue="([^"]+)"/g))
    out.add(m[1]);
  for (const m of xml.matchAll(/<bt:Override Locale="en-US" Value="([^"]+)"/g)) out.add(m[1]);
  return out;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

// "bấm "Chèn biểu mẫu"", "Nhấn “Kiểm tra dữ liệu”", "press "Check data"", "Use “Totals and targets”"…
const VI_NAMED = /(?:[Bb]ấm|[Nn]hấn|[Dd]ùng|[Cc]họn|nút)\s+["“]([^"”]{1,80})["”]/g;
const EN_NAMED = /(?:[Pp]ress|[Uu]se|[Cc]lick|[Cc]hoose|button)\s+["“]([^"”]{1,80})["”]/g;

function named(pattern: RegExp): { file: string; name: string }[] {
  const out: { file: string; name: string }[] = [];
  for (const folder of ['src/excel', 'src/engine', 'src/taskpane', 'src/cli', 'src/playground'])
    for (const file of sources(join(ROOT, folder)))
      for (const m of readFileSync(file, 'utf8').matchAll(pattern))
        out.push({ file: file.slice(ROOT.length + 1), name: m[1] });
  return out;
}

describe('buttons named in messages', () => {
  const ribbon = ribbonLabels();

  test('Vietnamese messages name Vietnamese buttons that exist', () => {
    const found = named(VI_NAMED);
    expect(found.length).toBeGreaterThan(3); // the scan finds the messages it is about
    const known = new Set([...labels(vi), ...ribbon]);
    expect(found.filter((f) => !known.has(f.name))).toEqual([]);
  });

  test('English messages name English buttons that exist', () => {
    const found = named(EN_NAMED);
    expect(found.length).toBeGreaterThan(3);
    const known = new Set([...labels(en), ...ribbon]);
    expect(found.filter((f) => !known.has(f.name))).toEqual([]);
  });

  test('the scan would catch a button that does not exist', () => {
    const sample = 'Bấm "Kiểm tra sổ" rồi thử lại. Press "Inspect" and retry.';
    expect([...sample.matchAll(VI_NAMED)].map((m) => m[1])).toEqual(['Kiểm tra sổ']);
    expect([...sample.matchAll(EN_NAMED)].map((m) => m[1])).toEqual(['Inspect']);
    expect(labels(vi).has('Kiểm tra sổ')).toBe(false);
  });
});
