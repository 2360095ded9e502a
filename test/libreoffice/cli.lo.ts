/**
 * A real spreadsheet engine on what `cchc template` writes: LibreOffice (headless) recalculates
 * filled templates, and its results must equal the engine's. Needs LibreOffice: $SOFFICE_PATH, else
 * `soffice` on PATH (Debian: apt-get install -y libreoffice-calc-nogui).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import { PAR_ROWS, parLeaves } from '../../src/catalog';
import { summarizePar } from '../../src/engine';
import type { ParSummary, SheetSnapshot } from '../../src/engine/types';
import { buildWorkbookPlan, countedInputRanges } from '../../src/layout';
import { columnNumber, parseRange } from '../../src/layout/a1';
import type { SheetPlan } from '../../src/layout/types';
import { readTemplateWorkbook } from '../../src/cli/xlsx/readSnapshots';
import { excelValidation } from '../../src/xlsxWrite/writePlan';
import { cli, fillWorkbook, parScores, prng, tempDir, type Fill } from '../cli/helpers';
import { sofficePath } from './soffice';

const run = promisify(execFile);
const BIN = path.join(__dirname, '../../src/cli/bin.js');
const plan = buildWorkbookPlan();
const tmp = tempDir('cchc-lo-');
const f = (name: string) => path.join(tmp.dir, name);
const lo = (name: string) => path.join(tmp.dir, 'lo', name);

/** A throw-away profile that recalculates every formula on load, whatever cached values a file holds. */
function freshProfile(dir: string): string {
  mkdirSync(path.join(dir, 'user'), { recursive: true });
  writeFileSync(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

const appendixFills: Fill[] = [
  { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'UBND huyện Gia Lâm' },
  { template: 'I', key: 'I.1.a', column: '2019', value: 40 },
  { template: 'I', key: 'I.1.b', column: '2019', value: 25 },
  { template: 'I', key: 'I.1', column: '2019', value: 65 },
  { template: 'I', key: 'I.3.a', column: '2018', value: 1 },
  { template: 'I', key: 'I.6.c', column: '2019', value: 0.875 },
  { template: 'III', key: 'III.5.a', column: '2017', value: 0.98 },
  { template: 'VII', key: 'VII.1', column: '2020', value: 0.6 },
  { template: 'VIII', key: 'VIII.1', column: 'assessment', value: 'Đạt' },
  { template: 'VIII', key: 'VIII.2', column: 'assessment', value: 'Không đạt' },
];
const scores = parScores(prng(2021));
const blankLeaf = parLeaves('total')[17];

const filled: Record<string, SheetSnapshot[]> = {};
const recalculated: Record<string, SheetSnapshot[]> = {};

beforeAll(async () => {
  const office = sofficePath();
  await run(process.execPath, [BIN, 'template', f('template.xlsx')]);
  await fillWorkbook(f('template.xlsx'), f('full.xlsx'), [
    ...scores,
    ...scores.slice(0, 10).map((s) => ({ ...s, column: 'evidence', value: `Văn bản ${s.key}` })),
    ...appendixFills,
  ]);
  await fillWorkbook(f('full.xlsx'), f('oneblank.xlsx'), [
    { template: 'PAR', key: blankLeaf.id, column: 'score', value: null },
  ]);
  mkdirSync(path.join(tmp.dir, 'lo'));
  await run(
    office,
    [
      `-env:UserInstallation=${freshProfile(path.join(tmp.dir, 'profile'))}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx',
      '--outdir',
      path.join(tmp.dir, 'lo'),
      f('full.xlsx'),
      f('oneblank.xlsx'),
    ],
    { timeout: 170_000 },
  );
  for (const name of ['full.xlsx', 'oneblank.xlsx']) {
    filled[name] = (await readTemplateWorkbook(f(name))).snapshots;
    recalculated[name] = (await readTemplateWorkbook(lo(name))).snapshots;
  }
}, 180_000);
afterAll(() => tmp.remove());

function par(snapshots: SheetSnapshot[]): SheetSnapshot {
  const s = snapshots.find((x) => x.templateId === 'PAR');
  if (!s) throw new Error('no PAR sheet');
  return s;
}

/** The value LibreOffice computed in a row's column, the row found by its key. */
function computed(snapshot: SheetSnapshot, key: string, letter: string): unknown {
  const row = snapshot.values.find((r) => r[0] === key);
  if (!row) throw new Error(`no row ${key}`);
  return row[columnNumber(letter) - 1];
}

/**
 * LibreOffice writes TRUE/FALSE constants back as 1/0 and names in lower case; both mean the same
 * to Excel (a rule applies when its formula is non-zero; names ignore case).
 */
function sameMeaning(formula: string): string {
  return formula
    .replace(/_xlfn\./gi, '')
    .replace(/\bTRUE\b/g, '1')
    .replace(/\bFALSE\b/g, '0')
    .toUpperCase();
}

const parPlan = plan.sheets.find((s) => s.templateId === 'PAR') as SheetPlan;
const parents = parPlan.rows.filter((r) => r.kind === 'par-parent');

describe('LibreOffice recalculates the PAR list as the engine does', () => {
  let summary: ParSummary;
  beforeAll(() => {
    summary = summarizePar(par(filled['full.xlsx']));
  });

  it('every subtotal and the total', () => {
    expect(parents.length).toBe(PAR_ROWS.filter((r) => r.children.length > 0).length);
    expect(summary.total.complete).toBe(true);
    for (const row of parents) {
      const engine = summary.rows.find((r) => r.id === row.key);
      const libre = computed(par(recalculated['full.xlsx']), row.key, row.formulas.score);
      expect(typeof libre).toBe('number');
      expect(engine?.score).not.toBeNull();
      expect(libre as number).toBeCloseTo(engine?.score as number, 9);
    }
    const total = computed(par(recalculated['full.xlsx']), 'total', 'G');
    expect(total as number).toBeCloseTo(
      scores.reduce((s, x) => s + (x.value as number), 0),
      9,
    );
  });

  it('every gap (column H) against the 2021 target', () => {
    const withGap = parPlan.rows.filter((r) => r.formulas.gap);
    expect(withGap.length).toBe(PAR_ROWS.length);
    for (const row of withGap) {
      const engine = summary.rows.find((r) => r.id === row.key);
      const libre = computed(par(recalculated['full.xlsx']), row.key, row.formulas.gap);
      expect(libre as number).toBeCloseTo(engine?.gap as number, 9);
    }
  });

  it('with one leaf blank: the parents above it are "" in LibreOffice and incomplete in the engine', () => {
    const oneBlank = summarizePar(par(filled['oneblank.xlsx']));
    const ancestors = new Set<string>();
    for (let id: string | null = blankLeaf.parent; id; id = PAR_ROWS.find((r) => r.id === id)?.parent ?? null)
      ancestors.add(id);
    expect(ancestors.has('total')).toBe(true);
    for (const row of parents) {
      const engine = oneBlank.rows.find((r) => r.id === row.key);
      const libre = computed(par(recalculated['oneblank.xlsx']), row.key, row.formulas.score);
      if (ancestors.has(row.key)) {
        expect(libre).toBe('');
        expect(engine?.complete).toBe(false);
        expect(engine?.score).toBeNull();
        expect(computed(par(recalculated['oneblank.xlsx']), row.key, row.formulas.gap)).toBe('');
      } else {
        expect(engine?.complete).toBe(true);
        expect(libre as number).toBeCloseTo(engine?.score as number, 9);
      }
    }
  });
});

describe('the status sheet, evaluated by LibreOffice', () => {
  it('counts the filled input cells of every template and shows the PAR total against 92.418', () => {
    const status = recalculated['full.xlsx'].find((s) => s.templateId === 'STATUS') as SheetSnapshot;
    const statusPlan = plan.sheets.find((s) => s.templateId === 'STATUS') as SheetPlan;
    // The outline sheet holds the report's text, not figures: the status sheet does not count it.
    for (const sheetPlan of plan.sheets.filter((s) => s.templateId !== 'STATUS' && s.templateId !== 'OUTLINE')) {
      const source = filled['full.xlsx'].find((s) => s.templateId === sheetPlan.templateId) as SheetSnapshot;
      let expected = 0;
      for (const range of countedInputRanges(sheetPlan)) {
        const r = parseRange(range);
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++)
            if ((source.values[row - 1]?.[col - 1] ?? '') !== '') expected++;
      }
      const rowPlan = statusPlan.rows.find((r) => r.key === sheetPlan.templateId);
      expect(computed(status, sheetPlan.templateId, rowPlan?.formulas.filled as string)).toBe(expected);
    }
    // Every PAR leaf score, 10 evidence cells; section I has its 5 figures (the reporter line is not counted).
    expect(computed(status, 'PAR', 'D')).toBe(scores.length + 10);
    expect(computed(status, 'I', 'D')).toBe(5);
    const total = computed(status, 'PAR', 'G') as number;
    expect(total).toBeCloseTo(summarizePar(par(filled['full.xlsx'])).total.score as number, 9);
    expect(computed(status, 'PAR', 'H')).toBe(92.418);
    expect(computed(status, 'PAR', 'I') as number).toBeCloseTo(total - 92.418, 9);
  });
});

describe('LibreOffice keeps the rules of the template', () => {
  let converted: Workbook;
  beforeAll(async () => {
    converted = new Workbook();
    await converted.xlsx.readFile(lo('full.xlsx'));
  });

  const sheetOf = (p: SheetPlan): Worksheet => converted.getWorksheet(p.name) as Worksheet;

  it.each(plan.sheets.map((s) => [s.templateId, s] as const))(
    '%s: data validation with prompts and error alerts',
    (_id, p) => {
      const model = (sheetOf(p) as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } })
        .dataValidations.model;
      for (const v of p.validations) {
        const expected = excelValidation(v);
        const r = parseRange(v.range);
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            const actual = model[`${String.fromCharCode(64 + col)}${row}`];
            expect(actual).toMatchObject({
              type: expected.type,
              promptTitle: v.prompt.title,
              prompt: v.prompt.message,
              errorTitle: v.error.title,
              error: v.error.message,
              showInputMessage: true,
              showErrorMessage: true,
              ...(expected.operator ? { operator: expected.operator } : {}),
            });
            // LibreOffice also writes an unused second formula for one-bound operators.
            const used = (actual.formulae as unknown[]).slice(0, expected.formulae.length);
            expect(used.map(String)).toEqual(expected.formulae.map(String));
          }
      }
    },
  );

  it.each(plan.sheets.map((s) => [s.templateId, s] as const))('%s: conditional formats', (_id, p) => {
    const cfs = (
      sheetOf(p) as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }
    ).conditionalFormattings;
    const kept = new Set(
      cfs.flatMap((cf) => cf.rules.map((rule) => `${cf.ref} ${sameMeaning(rule.formulae?.[0] ?? '')}`)),
    );
    expect(kept.size).toBe(p.conditionalFormats.length);
    for (const cf of p.conditionalFormats) expect(kept).toContain(`${cf.range} ${sameMeaning(cf.formula.slice(1))}`);
  });
});

describe('a workbook saved by LibreOffice', () => {
  it('checks exactly as before: same findings, same PAR results, no formula reported overwritten', async () => {
    const before = await cli(['check', f('full.xlsx'), '--json']);
    const after = await cli(['check', lo('full.xlsx'), '--json']);
    expect(after.code).toBe(before.code);
    const strip = (text: string) =>
      (JSON.parse(text) as { files: { file?: string }[] }).files.map(({ file: _file, ...rest }) => rest);
    expect(strip(after.stdout)).toEqual(strip(before.stdout));
    expect(after.stdout).not.toContain('formula-overwritten');
  });
});
