/**
 * What opening the pane costs (README, "Task pane": a start-up JavaScript budget and a time to
 * interactive). The pane reads the sheet list and the markers (inspect) and starts live checking;
 * neither needs a template's layout or the engine while no template sheet's values are read. The
 * layouts come with estimates.ts, loaded by the first read that queues a sheet's values.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { TEMPLATE_VERSION } from '../../src/catalog';
import { defaultSheetName } from '../../src/layout/names';
import { markerFor } from '../../src/layout/marker';
import { cellOf, planOf, setup } from './helpers';

// Counts how often the adapter loads estimates.ts: its import() goes through Jest's registry.
const mockEstimates = { loads: 0 };
jest.mock('../../src/excel/estimates', () => {
  mockEstimates.loads++;
  return jest.requireActual('../../src/excel/estimates');
});

test('opening the pane loads no layout, in an empty workbook or one with a template sheet; a read of values does', async () => {
  const { wb, ops } = setup({ api: '1.17' });
  await ops.inspect();
  await (
    await ops.startLiveValidation(() => undefined)
  )();
  expect(mockEstimates.loads).toBe(0);

  // A sheet that is ours by its marker, put there without the adapter (which would load them to write).
  await wb.run(async (context) => {
    context.workbook.worksheets.add(defaultSheetName('PAR')).getRange('A1').values = [
      [markerFor('PAR', TEMPLATE_VERSION)],
    ];
    await context.sync();
  });
  const status = await ops.inspect();
  expect(status.present.map((p) => p.templateId)).toEqual(['PAR']);
  expect(mockEstimates.loads).toBe(0);

  await ops.validate();
  expect(mockEstimates.loads).toBe(1);
});

test('number settings still being asked (the pane asks as it opens): inspect reads meanwhile, the rest waits and then writes with them', async () => {
  const PAR = planOf('PAR');
  const cell = cellOf(PAR, '1.1', 'score');
  const { wb, ops: inserter } = setup();
  await inserter.inject(['PAR']);
  await wb.pasteFromUser(PAR.name, cell, [['0,5']]);

  let answer: (numbers: { decimalSeparator: '.' }) => void = () => undefined;
  let runs = 0;
  const { ops } = setup(
    {},
    {
      run: ((...args: unknown[]) => (runs++, (wb.run as (...a: unknown[]) => unknown)(...args))) as never,
      numberSettings: new Promise((resolve) => (answer = resolve)),
    },
  );
  const inspected = ops.inspect();
  const validated = ops.validate();
  expect((await inspected).present.map((p) => p.templateId)).toEqual(['PAR']);
  // Every promise settled that can: validate has not asked Excel anything before the answer.
  await new Promise((resolve) => setImmediate(resolve));
  expect(runs).toBe(1);

  answer({ decimalSeparator: '.' });
  const finding = (await validated).findings.find((f) => f.cell === cell && f.code === 'decimal-comma');
  expect(runs).toBe(2);
  expect(finding?.fix?.description.vi).toBe('Ghi số 0.5');
});

const ROOT = resolve(__dirname, '..', '..');

/** The files a module imports for their values (not `import type`, not import()), resolved in src/. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
      if (onlyTypes) continue;
      specifier = statement.moduleSpecifier;
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifier = statement.moduleSpecifier;
    }
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    const base = resolve(dirname(file), specifier.text);
    const hit = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base].find(
      (f) => existsSync(f) && !statSync(f).isDirectory(),
    );
    if (!hit) throw new Error(`${relative(ROOT, file)}: cannot resolve ${specifier.text}`);
    found.push(hit);
  }
  return found;
}

/** Every module evaluated when `entries` are, following static value imports. */
function evaluated(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = entries.map((e) => join(ROOT, e));
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...valueImports(file));
  }
  return new Set([...seen].map((f) => relative(ROOT, f).split('\\').join('/')));
}

test("the pane's start-up code (its entry, and live checking which it starts) imports no layout, engine or template writer", () => {
  const startup = evaluated(['src/taskpane/index.tsx', 'src/excel/live.ts']);
  // The walk does reach the adapter's reading code: it is not vacuous.
  expect(startup).toContain('src/excel/ops/inspect.ts');
  expect(startup).toContain('src/excel/read.ts');
  const heavy = [
    'src/layout/index.ts',
    'src/layout/builder.ts',
    'src/layout/parSheet.ts',
    'src/layout/appendix1Sheet.ts',
    'src/layout/outlineSheet.ts',
    'src/layout/statusSheet.ts',
    'src/excel/estimates.ts',
    'src/excel/ops/templates.ts',
    'src/engine/index.ts',
  ];
  expect(heavy.filter((f) => startup.has(f))).toEqual([]);
});
