/**
 * Every user-facing string keeps to the glossary (src/taskpane/i18n/glossary.ts): the pane's
 * messages in both languages, the playground's chrome, the manifest, the README, and the
 * Vietnamese messages of the engine and the Excel adapter.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../src/taskpane/i18n/en';
import { GLOSSARY, LABEL_AVOID, QUOTES } from '../../src/taskpane/i18n/glossary';
import { vi } from '../../src/taskpane/i18n/vi';
import { messageStrings as strings } from '../shared/messageStrings';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const avoided = GLOSSARY.flatMap((t) => t.avoid.map((word) => ({ word, use: t.use })));

function offences(text: string): string[] {
  const lower = text.toLocaleLowerCase('vi');
  return avoided.filter((a) => lower.includes(a.word.toLocaleLowerCase('vi'))).map((a) => `${a.word} → ${a.use}`);
}

describe('the glossary', () => {
  it.each([
    ['vi', vi],
    ['en', en],
  ] as const)('the pane’s %s messages use its terms, curly quotes only, and no "&"', (_, messages) => {
    const bad: string[] = [];
    for (const [path, text] of strings(messages)) {
      for (const o of offences(text)) bad.push(`${path}: ${o}`);
      if (text.includes(QUOTES.avoid)) bad.push(`${path}: straight quote in ${text}`);
      if (text.includes(LABEL_AVOID)) bad.push(`${path}: & in ${text}`);
    }
    expect(bad).toEqual([]);
  });

  it('the engine, the Excel adapter, the playground, the manifest and the README use its terms', () => {
    const files = [
      ...sources(join(ROOT, 'src/engine')),
      ...sources(join(ROOT, 'src/excel')),
      ...sources(join(ROOT, 'src/playground')),
      ...sources(join(ROOT, 'src/taskpane')),
      join(ROOT, 'manifest.xml'),
      join(ROOT, 'README.md'),
    ];
    const bad = files.flatMap((f) => offences(readFileSync(f, 'utf8')).map((o) => `${f.slice(ROOT.length + 1)}: ${o}`));
    // The glossary itself names the words to avoid.
    expect(bad.filter((b) => !b.startsWith('src/taskpane/i18n/glossary.ts'))).toEqual([]);
  });

  it('catches an avoided word (the check can fail)', () => {
    expect(offences('Lưu sổ tính rồi mở lại Bảng tác vụ')).toEqual([
      'sổ tính → sổ làm việc',
      'bảng tác vụ → ngăn tác vụ',
    ]);
  });
});
