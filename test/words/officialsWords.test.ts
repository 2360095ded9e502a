/**
 * Only officials' words: every string an official can read — the pane's messages in both
 * languages, the sheets' input prompts and error alerts, the checks' findings with their place
 * and fixes, and what `cchc check` and `cchc consolidate` print — is held to one rule: no code
 * identifiers, no column ids, no sheet!cell references, no byte sizes. (Cell addresses alone,
 * "F9", are how Excel names a cell and stay.)
 */
import path from 'node:path';
import { APPENDIX1, TEMPLATE_IDS } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { validateWorkbook } from '../../src/engine';
import { findingPlace } from '../../src/engine/findingPlace';
import type { Finding } from '../../src/engine/types';
import { buildWorkbookPlan } from '../../src/layout';
import { consolidateEn, consolidateVi } from '../../src/taskpane/i18n/consolidate';
import { en } from '../../src/taskpane/i18n/en';
import { vi } from '../../src/taskpane/i18n/vi';
import { cli, fillWorkbook, tempDir, type Fill } from '../cli/helpers';
import { inputsOf, makeSnapshot, type Fill as SnapshotFill } from '../engine/snapshot';
import { messageStrings } from '../shared/messageStrings';

type Lang = 'vi' | 'en';

/** Ids of the plans' input columns that are English words: never in a Vietnamese text. */
const ENGLISH_COLUMN_IDS = ['evidence', 'score', 'previousScore', 'target', 'assessment', 'text', 'gap', 'reporter'];

const RULES: { what: string; re: RegExp; only?: Lang }[] = [
  { what: 'sheet!cell reference', re: /!\$?[A-Z]{1,3}\$?\d+/ },
  { what: 'code identifier (camelCase)', re: /\b[a-z]+[A-Z][A-Za-z]*\d*\b/ },
  { what: 'code identifier with a year', re: /\b[a-z]+(19|20)\d\d\b/ },
  { what: 'row key with a column id', re: /\b[A-Z]{1,4}\d*(\.[A-Za-z0-9]+)*\.(text|score|evidence|reporter)\b/ },
  { what: 'row key and column id in brackets', re: /\([A-Za-z0-9.]+, [a-z][A-Za-z0-9.]*\)/ },
  { what: 'byte size', re: /\b\d+([.,]\d+)?\s?(B|KB|MB|GB|KiB|MiB|GiB|bytes?)\b/ },
  {
    what: 'column id in a Vietnamese text',
    re: new RegExp(`(^|[^\\p{L}])(${ENGLISH_COLUMN_IDS.join('|')})([^\\p{L}]|$)`, 'u'),
    only: 'vi',
  },
];

/** What is wrong with a text an official reads, one line per rule broken. */
function developerWords(text: string, lang: Lang): string[] {
  return RULES.filter((r) => (r.only === undefined || r.only === lang) && r.re.test(text)).map(
    (r) => `${r.what}: ${text.match(r.re)?.[0]}`,
  );
}

function offences(texts: Iterable<[string, string, Lang]>): string[] {
  const out: string[] = [];
  for (const [where, text, lang] of texts) for (const o of developerWords(text, lang)) out.push(`${where} — ${o}`);
  return out;
}

describe('the rule itself', () => {
  it.each([
    ['[Cảnh báo] L8 (1.2, evidence)', 'vi'],
    ['E9 (P1.I.1.text, text)', 'vi'],
    ['score2020', 'en'],
    ['I. Chỉ đạo điều hành!E7, F7', 'vi'],
    ['mỗi phần giải nén tối đa 50 MB', 'vi'],
    ['previousScore', 'en'],
  ] as const)('finds developer words in %s', (text, lang) => {
    expect(developerWords(text, lang)).not.toEqual([]);
  });

  it.each([
    ['[Lỗi] F9 — III.1 Tổng số TTHC, năm 2019: Số phải là số nguyên không âm.', 'vi'],
    ['Điểm của 1.2 là 0,8, vượt điểm tối đa 0,5.', 'vi'],
    ['The score of 1.2 is 0.8, above the maximum of 0.5.', 'en'],
  ] as const)('leaves officials’ words alone: %s', (text, lang) => {
    expect(developerWords(text, lang)).toEqual([]);
  });
});

describe('what an official reads', () => {
  it('the pane’s messages, in both languages', () => {
    const texts: [string, string, Lang][] = [];
    for (const [lang, messages] of [
      ['vi', vi],
      ['en', en],
    ] as const)
      for (const [p, text] of messageStrings(messages)) texts.push([`pane ${lang} ${p}`, text, lang]);
    for (const [lang, messages] of [
      ['vi', consolidateVi],
      ['en', consolidateEn],
    ] as const)
      for (const [p, text] of messageStrings(messages)) texts.push([`consolidation ${lang} ${p}`, text, lang]);
    expect(offences(texts)).toEqual([]);
  });

  it('the sheets’ input prompts and error alerts, with either decimal separator', () => {
    const texts: [string, string, Lang][] = [];
    for (const decimalSeparator of [',', '.'] as const)
      for (const sheet of buildWorkbookPlan({ decimalSeparator }).sheets)
        for (const v of sheet.validations)
          for (const text of [v.prompt.title, v.prompt.message, v.error.title, v.error.message])
            texts.push([`${sheet.name} ${v.range}`, text, 'vi']);
    expect(texts.length).toBeGreaterThan(20);
    expect(offences(texts)).toEqual([]);
  });

  it('the findings of the checks, their places and their fixes, in both languages', () => {
    // Every input of every template filled with something wrong for it, and every sheet empty.
    const wrong = (kind: string): string | number =>
      kind === 'text' || kind === 'meta' ? 12 : kind === 'flag' ? 7 : 'abc';
    const badFill = (id: TemplateId): SnapshotFill => {
      const fill: SnapshotFill = {};
      for (const { key, columnId, kind } of inputsOf(id)) (fill[key] ??= {})[columnId] = wrong(kind);
      return fill;
    };
    // Numbers out of their range, as text with the other separator, and totals unlike their parts.
    const outOfRange = (kind: string, n: number): string | number =>
      kind === 'percent' ? 1.5 : kind === 'par-leaf' ? 9 : kind === 'count' ? (n % 2 ? -3 : '1.234,5') : 'Có';
    const rangeFill = (id: TemplateId): SnapshotFill => {
      const fill: SnapshotFill = {};
      inputsOf(id).forEach(({ key, columnId, kind }, n) => ((fill[key] ??= {})[columnId] = outOfRange(kind, n)));
      return fill;
    };
    const ids = TEMPLATE_IDS.filter((id) => id !== 'STATUS');
    const findings: Finding[] = [
      ...validateWorkbook(ids.map((id) => makeSnapshot(id, { values: badFill(id) }))).findings,
      ...validateWorkbook(ids.map((id) => makeSnapshot(id, { values: rangeFill(id) }))).findings,
      ...validateWorkbook(ids.map((id) => makeSnapshot(id))).findings,
    ];
    const codes = new Set(findings.map((f) => f.code));
    expect([...codes].sort()).toEqual(
      expect.arrayContaining(['outline-empty', 'par-over-max', 'par-previous-rounding']),
    );
    expect(codes.size).toBeGreaterThanOrEqual(8);
    const texts: [string, string, Lang][] = [];
    for (const f of findings)
      for (const lang of ['vi', 'en'] as const) {
        const where = `${f.code} ${f.sheet}!${f.cell}`;
        texts.push([where, f.message[lang], lang], [where, findingPlace(f, lang), lang]);
        for (const fix of [f.fix, f.suggestion]) if (fix) texts.push([`${where} fix`, fix.description[lang], lang]);
      }
    expect(offences(texts)).toEqual([]);
  });
});

describe('what the command line prints', () => {
  const tmp = tempDir();
  const f = (name: string) => path.join(tmp.dir, name);
  afterAll(() => tmp.remove());

  const fill = (template: TemplateId, key: string, column: string, value: Fill['value']): Fill => ({
    template,
    key,
    column,
    value,
  });
  const i = APPENDIX1[0].id;

  beforeAll(async () => {
    expect((await cli(['template', f('blank.xlsx'), '--only', `${i},OUTLINE,PAR`])).code).toBe(0);
    await fillWorkbook(f('blank.xlsx'), f('a.xlsx'), [
      fill(i, 'meta.reporter', 'reporter', 'UBND quận Ba Đình'),
      fill(i, 'I.2', '2019', 'mười'),
      fill('PAR', '1.2', 'score', 0.8),
      fill('PAR', '1.3', 'score', 0.2),
      fill('OUTLINE', 'P1.I.1.text', 'text', 12),
    ]);
    await fillWorkbook(f('blank.xlsx'), f('b.xlsx'), [
      fill(i, 'meta.reporter', 'reporter', 'Sở Y tế'),
      fill(i, 'I.2', '2019', 4),
      fill('PAR', '1.2', 'score', 0.5),
    ]);
  }, 60_000);

  it.each(['vi', 'en'] as const)('cchc check, in %s', async (lang) => {
    const result = await cli(['check', 'a.xlsx', 'b.xlsx', '--lang', lang], { cwd: tmp.dir });
    expect(result.stdout).toMatch(lang === 'vi' ? /Lỗi/ : /Error/);
    const lines = result.stdout.split('\n').map((line, n): [string, string, Lang] => [`line ${n + 1}`, line, lang]);
    expect(offences(lines)).toEqual([]);
  });

  it.each(['vi', 'en'] as const)('cchc consolidate, in %s', async (lang) => {
    const result = await cli(['consolidate', 'a.xlsx', 'b.xlsx', '--out', `total-${lang}.xlsx`, '--lang', lang], {
      cwd: tmp.dir,
    });
    const lines = `${result.stdout}\n${result.stderr}`
      .split('\n')
      .map((line, n): [string, string, Lang] => [`line ${n + 1}`, line, lang]);
    expect(lines.length).toBeGreaterThan(2);
    expect(offences(lines)).toEqual([]);
  });
});
