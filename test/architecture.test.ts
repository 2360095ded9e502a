/**
 * The layering of src/ (docs/architecture.md; rules in test/architecture/layering.ts): every
 * import of every module keeps to it, the doc says what the rules say, and the scan finds each
 * form of import and each Office.js global it is meant to find.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ALLOWED_IMPORTS,
  describeViolation,
  ENTRY_IMPORTS,
  layerViolations,
  type Violation,
} from './architecture/layering';
import { benchCode } from './bench/code';

const SRC = path.resolve(__dirname, '../src');
const DOC = path.resolve(__dirname, '../docs/architecture.md');

test('every import under src/ keeps to the layering, and only the hosts allowed to name Office.js globals', () => {
  expect(layerViolations(SRC).map(describeViolation)).toEqual([]);
  // It reads and parses every module of src/ (some 400 files): 1.5 s on an idle machine, more when it is shared.
}, 30_000);

test('every folder of src/ has its rule and its paragraph in docs/architecture.md, and no rule is for a folder that is gone', () => {
  const folders = fs
    .readdirSync(SRC, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  expect(Object.keys(ALLOWED_IMPORTS).sort()).toEqual(folders);
  const doc = fs.readFileSync(DOC, 'utf8');
  const paragraphs = [...doc.matchAll(/^### `src\/([A-Za-z]+)`\n\n\S/gm)].map((m) => m[1]).sort();
  expect(paragraphs).toEqual(folders);
});

test('the table of docs/architecture.md is the rules', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const table: Record<string, string[]> = {};
  for (const m of doc.matchAll(/^\| `([A-Za-z]+)` +\| ([^|]+)\|$/gm))
    table[m[1]] = m[2].trim() === '—' ? [] : m[2].split(',').map((s) => s.trim());
  const rules = Object.fromEntries(Object.entries(ALLOWED_IMPORTS).map(([k, v]) => [k, [...v]]));
  expect(table).toEqual(rules);
  for (const e of ENTRY_IMPORTS) expect(doc).toContain(`\`${e.from}\` → \`${e.to}\``);
});

describe('the scan', () => {
  let root: string;
  const write = (file: string, text: string) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  };
  const found = (): Omit<Violation, 'line'>[] =>
    layerViolations(root)
      .map(({ file, target, rule }) => ({ file, target, rule }))
      .sort((a, b) => `${a.file}${a.target}${a.rule}`.localeCompare(`${b.file}${b.target}${b.rule}`));

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-layers-'));
    write('excel/index.ts', 'export const run = 1;\n');
    write('excel/paneStart.ts', 'export const start = 1;\n');
    write('excel/types.ts', 'export interface Ops { a: number }\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('finds every form of import against the layering', () => {
    write(
      'engine/all.ts',
      [
        "import { run } from '../excel';",
        "import type { Ops } from '../excel/types';",
        "export { start } from '../excel/paneStart';",
        "export type { Ops as Other } from '../excel/types';",
        "import '../excel/index';",
        "import fs = require('../excel/index.ts');",
        "export const later = () => import('../excel/paneStart');",
        "export type Later = import('../excel/types').Ops;",
        'export const used = [run, fs] as unknown as Ops;',
      ].join('\n'),
    );
    expect(found().map((v) => `${v.target} ${v.rule}`)).toEqual([
      ...Array(3).fill('excel/index.ts layer'),
      ...Array(2).fill('excel/paneStart.ts layer'),
      ...Array(3).fill('excel/types.ts layer'),
    ]);
  });

  test('an allowed import, an import within the folder and a package are no violation', () => {
    write('catalog/data.ts', 'export const rows = 1;\n');
    write(
      'layout/plan.ts',
      "import { rows } from '../catalog/data';\nimport { other } from './other';\nexport const p = rows + other;\n",
    );
    write('layout/other.ts', "import ts from 'typescript';\nexport const other = ts ? 1 : 0;\n");
    expect(found()).toEqual([]);
  });

  test("the entry's one more import is the entry's only, and only that module", () => {
    write('taskpane/index.tsx', "import { start } from '../excel/paneStart';\nexport const s = start;\n");
    expect(found()).toEqual([]);
    write('taskpane/index.tsx', "import { run } from '../excel';\nexport const s = run;\n");
    write('taskpane/Other.tsx', "import { start } from '../excel/paneStart';\nexport const s = start;\n");
    expect(found()).toEqual([
      { file: 'taskpane/index.tsx', target: 'excel/index.ts', rule: 'layer' },
      { file: 'taskpane/Other.tsx', target: 'excel/paneStart.ts', rule: 'layer' },
    ]);
  });

  test('finds Office.js globals outside the hosts allowed them, not members or locals of that name', () => {
    write(
      'taskpane/Pane.tsx',
      [
        'export async function a(): Promise<void> {',
        '  await Office.onReady();',
        '  await Excel.run(async (ctx: Excel.RequestContext) => ctx.sync());',
        '}',
        'export const b = { Excel: 1, Office: 2 };',
        'export const c = (x: { Excel: number }) => x.Excel;',
      ].join('\n'),
    );
    write('taskpane/Local.ts', 'const Office = { onReady: () => 1 };\nexport const d = Office.onReady();\n');
    write('excel/core.ts', 'export const run = () => Excel.run(async (c) => c.sync());\n');
    expect(found()).toEqual([
      { file: 'taskpane/Pane.tsx', target: 'Excel', rule: 'office-global' },
      { file: 'taskpane/Pane.tsx', target: 'Excel', rule: 'office-global' },
      { file: 'taskpane/Pane.tsx', target: 'Office', rule: 'office-global' },
    ]);
  });

  test('contracts import types only; a folder without a rule is reported', () => {
    write('catalog/types.ts', 'export type Id = string;\nexport const ids: Id[] = [];\n');
    write(
      'contracts/ops.ts',
      "import type { Id } from '../catalog/types';\nimport { ids } from '../catalog/types';\nexport type Ops = Id | typeof ids;\n",
    );
    write('widgets/w.ts', 'export const w = 1;\n');
    expect(found()).toEqual([
      { file: 'contracts/ops.ts', target: 'catalog/types.ts', rule: 'type-only' },
      { file: 'widgets/w.ts', target: 'widgets', rule: 'unknown-folder' },
    ]);
  });

  test("the benchmark's figures: lines of src/, of the imitation, of the longest module, and the violations", async () => {
    write('memoryExcel/range.ts', 'export const a = 1;\nexport const b = 2;\n');
    write('taskpane/Pane.tsx', "import { run } from '../excel';\n\nexport const p = run;\nexport const q = Office;\n");
    // excel/: three files of one line each (beforeEach).
    expect(await benchCode(root)).toEqual({
      srcLines: 3 + 2 + 4,
      memoryExcelLines: 2,
      largestModuleLines: 4,
      largestModule: 'taskpane/Pane.tsx',
      layerViolations: 2,
    });
  });
});
