/**
 * The layering of src/ (docs/architecture.md) as data, and the scan that checks it: every import
 * of every module under src/, read with the TypeScript parser (static and dynamic imports,
 * re-exports, `import('…')` types, `import x = require('…')`), and every reference to the
 * globals of Office.js. test/architecture.test.ts fails on a violation; the benchmark
 * (test/bench/code.ts) counts them. The rules live here only.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * Each folder of src/ and the folders it may import from (its own files always). A folder missing
 * here is a violation too: a new folder says where it sits before anything imports it.
 */
export const ALLOWED_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  // Data: the templates' rows, units, versions.
  catalog: [],
  // Sheet plans built from the catalog.
  layout: ['catalog'],
  // Pure checks and sums over snapshots, reading plans.
  engine: ['catalog', 'layout'],
  // What the pane asks of a host: types over the catalog, plans and findings.
  contracts: ['catalog', 'layout', 'engine'],
  // Host-free services.
  xlsx: ['catalog', 'layout', 'engine'],
  consolidate: ['catalog', 'layout', 'engine', 'contracts', 'xlsx'],
  xlsxWrite: ['catalog', 'layout', 'engine', 'xlsx', 'consolidate'],
  report: ['catalog', 'layout', 'engine'],
  // Hosts.
  excel: ['catalog', 'layout', 'engine', 'contracts', 'consolidate'],
  cli: ['catalog', 'layout', 'engine', 'consolidate', 'xlsx', 'xlsxWrite', 'report'],
  memoryExcel: ['layout'],
  playground: ['catalog', 'layout', 'engine', 'contracts', 'excel', 'memoryExcel', 'taskpane'],
  selftest: ['catalog', 'layout', 'engine', 'contracts', 'excel', 'memoryExcel'],
  // The pane: React, operations only through contracts, the host-free services it runs in the browser.
  taskpane: ['catalog', 'layout', 'engine', 'contracts', 'consolidate', 'xlsxWrite', 'report'],
  // The ribbon's function file (Office.onReady only) and the support page: nothing of ours.
  commands: [],
  support: [],
};

/**
 * Single modules that may import one more module than their folder: an entry composing a host
 * with what it serves. Paths are relative to src/.
 */
export const ENTRY_IMPORTS: readonly { from: string; to: string; why: string }[] = [
  {
    from: 'taskpane/index.tsx',
    to: 'excel/paneStart.ts',
    why: "the pane's entry starts it in Office and knows the start by its contract (contracts/paneStart.ts)",
  },
];

/**
 * Folders whose code may name the globals of Office.js (`Excel`, `Office`, `OfficeExtension`):
 * the adapter; the imitation, which implements them; the self-test, which probes real Excel with
 * them; the ribbon's function file, which Office loads and which must call Office.onReady.
 */
export const OFFICE_GLOBAL_FOLDERS: readonly string[] = ['excel', 'memoryExcel', 'selftest', 'commands'];
export const OFFICE_GLOBALS: readonly string[] = ['Excel', 'Office', 'OfficeExtension', 'OfficeCore'];

/** Folders whose imports must all be type-only: contracts hold no code. */
export const TYPE_ONLY_FOLDERS: readonly string[] = ['contracts'];

export interface Violation {
  /** Path under src/ of the module that breaks a rule. */
  file: string;
  line: number;
  /** What it imports (a path under src/) or which global it names. */
  target: string;
  rule: 'layer' | 'unknown-folder' | 'office-global' | 'type-only';
}

const SOURCE = /\.(ts|tsx)$/;

/** Every .ts/.tsx module under `dir` (declaration files included: they may name globals too). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name)) out.push(full);
  }
  return out.sort();
}

export interface ImportSite {
  specifier: string;
  line: number;
  /** True for `import type`, `export type`, `import('…')` in a type, or an import of types only. */
  typeOnly: boolean;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'`: runs the module
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

/** Where a source file imports another module, and the globals of Office.js it names. */
export function scanSource(
  fileName: string,
  text: string,
): { imports: ImportSite[]; globals: { name: string; line: number }[] } {
  const sf = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const imports: ImportSite[] = [];
  const globals: { name: string; line: number }[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const local = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, line: lineOf(node), typeOnly: isTypeOnlyImport(node) });
      const clause = node.importClause;
      if (clause?.name) local.add(clause.name.text);
      if (clause?.namedBindings) {
        if (ts.isNamespaceImport(clause.namedBindings)) local.add(clause.namedBindings.name.text);
        else for (const e of clause.namedBindings.elements) local.add(e.name.text);
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, line: lineOf(node), typeOnly: node.isTypeOnly });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      imports.push({ specifier: node.moduleReference.expression.text, line: lineOf(node), typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      imports.push({ specifier: node.arguments[0].text, line: lineOf(node), typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      imports.push({ specifier: node.argument.literal.text, line: lineOf(node), typeOnly: true });
    } else if (ts.isIdentifier(node) && OFFICE_GLOBALS.includes(node.text) && namesGlobal(node)) {
      globals.push({ name: node.text, line: lineOf(node) });
    }
    const declared = declaredName(node);
    if (declared !== null) local.add(declared);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // A module that binds the name itself (an import or a declaration of its own) does not name the global.
  return { imports, globals: globals.filter((g) => !local.has(g.name)) };
}

/** True where an identifier stands for a value or type of that name, not a member or a key. */
function namesGlobal(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isEnumMember(parent) ||
      ts.isGetAccessor(parent) ||
      ts.isSetAccessor(parent)) &&
    parent.name === node
  )
    return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent)) return false;
  if (ts.isJsxAttribute(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  return true;
}

/** The name a declaration binds in the file itself (a global augmentation binds none of its own). */
function declaredName(node: ts.Node): string | null {
  if (!(
    ts.isVariableDeclaration(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isParameter(node)
  ))
    return null;
  if (!node.name || !ts.isIdentifier(node.name)) return null;
  if (ts.isModuleDeclaration(node) && isGlobalAugmentation(node)) return null;
  return node.name.text;
}

/** `declare global { namespace Excel … }` adds to the global: it is no local of the file. */
function isGlobalAugmentation(node: ts.ModuleDeclaration): boolean {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent)
    if (ts.isModuleDeclaration(p) && p.name.getText() === 'global') return true;
  return false;
}

/** The module a relative specifier names, as a path under src/ ('excel/paneStart.ts'), if it is one of ours. */
export function resolveUnderSrc(srcDir: string, fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.d.ts`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ];
  const found =
    candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile()) ??
    // A file we cannot see (generated, or a data file): its folder still says its layer.
    base;
  const relative = path.relative(srcDir, found);
  return relative.split(path.sep).join('/');
}

const folderOf = (underSrc: string): string => underSrc.split('/')[0];

/** Every import and global reference under `srcDir` that breaks the rules above. */
export function layerViolations(srcDir: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of sourceFiles(srcDir)) {
    const underSrc = path.relative(srcDir, file).split(path.sep).join('/');
    const from = folderOf(underSrc);
    const allowed = ALLOWED_IMPORTS[from];
    const { imports, globals } = scanSource(file, fs.readFileSync(file, 'utf8'));
    if (!allowed) violations.push({ file: underSrc, line: 1, target: from, rule: 'unknown-folder' });
    for (const site of imports) {
      const target = resolveUnderSrc(srcDir, file, site.specifier);
      if (target === null) continue;
      if (target.startsWith('..')) {
        violations.push({ file: underSrc, line: site.line, target, rule: 'layer' });
        continue;
      }
      const to = folderOf(target);
      if (TYPE_ONLY_FOLDERS.includes(from) && !site.typeOnly)
        violations.push({ file: underSrc, line: site.line, target, rule: 'type-only' });
      if (to === from || allowed?.includes(to)) continue;
      if (ENTRY_IMPORTS.some((e) => e.from === underSrc && e.to === target)) continue;
      violations.push({ file: underSrc, line: site.line, target, rule: 'layer' });
    }
    if (!OFFICE_GLOBAL_FOLDERS.includes(from))
      for (const g of globals) violations.push({ file: underSrc, line: g.line, target: g.name, rule: 'office-global' });
  }
  return violations;
}

/** One line per violation, for a failing test or a report. */
export function describeViolation(v: Violation): string {
  switch (v.rule) {
    case 'layer':
      return `src/${v.file}:${v.line} imports src/${v.target}, which its layer may not`;
    case 'unknown-folder':
      return `src/${v.file}: folder src/${v.target} has no place in the layering (test/architecture/layering.ts)`;
    case 'office-global':
      return `src/${v.file}:${v.line} names the Office.js global ${v.target} outside src/excel and the hosts allowed to`;
    case 'type-only':
      return `src/${v.file}:${v.line} imports code (not only types) from src/${v.target}`;
  }
}
