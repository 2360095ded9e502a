/**
 * Which members of the imitation of Excel (src/memoryExcel) nothing but the imitation's own tests
 * uses. The imitation exists to run the adapter, the playground and the self-test; a member none
 * of them (nor a test of theirs) touches is code to keep in step with Excel for no one.
 *
 * Members are enumerated from the source, not listed by hand:
 *   - every API type's table (`const X_DEF: TypeDef<…> = { name, props, navs, methods }`):
 *     `<name>.<member>` for each property, navigation property and method;
 *   - the plain API objects (`guardPlain('<Type>', { … })`): `<Type>.<member>`;
 *   - the members every API object has (proxyGuard.ts BASE_METHODS: load, toJSON, set, track,
 *     untrack): `*.<member>`, used when any Excel object's member of that name is;
 *   - the public methods and properties of the classes tests and the playground hold
 *     (MemoryWorkbook, WorkbookSession, SharedWorkbook): `<Class>.<member>`.
 *
 * Uses are found by the TypeScript type checker over src/excel, src/playground, src/selftest,
 * src/taskpane and test/ (without test/memoryExcel, the imitation's own tests): a property access,
 * a key of an object literal given to `set({…})` / `load({…})`, or a property path of a
 * `load('a, b/c')` string, whose member is declared on an Excel (or OfficeExtension) type of
 * @types/office-js or on one of the classes above. Excel.Interfaces.RangeUpdateData,
 * RangeLoadOptions, RangeData… count for Range; OfficeExtension.ClientRequestContext for
 * RequestContext. So `conditionalFormats.getCount()` uses ConditionalFormatCollection.getCount
 * and not WorksheetCollection.getCount.
 *
 * Two ways in which a use is granted by name rather than by type:
 *   - host code (src/excel, src/selftest, src/playground) that names a member in a string may
 *     reach it by `target[member] = value` (queue.ts writes styles and validation so): such a
 *     string uses every member of that name — unless it only feeds a request-size estimate
 *     (an argument of a `…Bytes(…)` call), which calls nothing;
 *   - a held class's member used by another class of the imitation (directly, or through an
 *     interface the class implements) is plumbing between them, in use.
 *
 * Only expressions naming a member of the imitation are given to the checker, and other
 * packages' declarations are read as empty, so one run takes seconds (about 8 s of CPU).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const IMITATION = path.join(ROOT, 'src', 'memoryExcel');
/** Where the imitation is used for its purpose. */
const USER_DIRS = ['src/excel', 'src/playground', 'src/selftest', 'src/taskpane', 'test'];
/** The imitation's own tests, and this file and its test: they do not count as uses. */
const NOT_USERS = ['test/memoryExcel', 'test/shared/imitationUse.ts'];
/** Classes of the imitation that callers hold directly (not through Excel's types). */
const HELD_CLASSES = new Set(['MemoryWorkbook', 'WorkbookSession', 'SharedWorkbook']);
/** Office.js type names the imitation implements under another name. */
const ALIASES: Record<string, string> = { ClientRequestContext: 'RequestContext' };

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, keep));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') && keep(full)) out.push(full);
  }
  return out;
}

function keyName(name: ts.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return undefined;
}

function literalKeys(node: ts.Node | undefined): string[] {
  if (!node || !ts.isObjectLiteralExpression(node)) return [];
  return node.properties.map((p) => keyName(p.name)).filter((k): k is string => k !== undefined);
}

function property(obj: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const p of obj.properties) if (ts.isPropertyAssignment(p) && keyName(p.name) === key) return p.initializer;
  return undefined;
}

function isPublicMember(m: ts.ClassElement): boolean {
  if (ts.isConstructorDeclaration(m) || !m.name || ts.isPrivateIdentifier(m.name)) return false;
  const flags = ts.getCombinedModifierFlags(m as ts.Declaration);
  return !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static));
}

/** The imitation's public members, read from its source files (parsed, not type-checked). */
export function imitationMembers(): string[] {
  const members = new Set<string>();
  for (const file of filesUnder(IMITATION, () => true)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isVariableDeclaration(node) &&
        node.type &&
        ts.isTypeReferenceNode(node.type) &&
        node.type.typeName.getText(source) === 'TypeDef' &&
        node.initializer &&
        ts.isObjectLiteralExpression(node.initializer)
      ) {
        const name = property(node.initializer, 'name');
        if (name && ts.isStringLiteral(name))
          for (const part of ['props', 'navs', 'methods'])
            for (const key of literalKeys(property(node.initializer, part))) members.add(`${name.text}.${key}`);
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.getText(source) === 'guardPlain' &&
        ts.isStringLiteral(node.arguments[0])
      )
        for (const key of literalKeys(node.arguments[1])) members.add(`${node.arguments[0].text}.${key}`);
      if (
        ts.isVariableDeclaration(node) &&
        node.name.getText(source) === 'BASE_METHODS' &&
        node.initializer &&
        ts.isObjectLiteralExpression(node.initializer)
      )
        for (const key of literalKeys(node.initializer)) members.add(`*.${key}`);
      if (ts.isClassDeclaration(node) && node.name && HELD_CLASSES.has(node.name.text))
        for (const m of node.members) {
          const key = isPublicMember(m) ? keyName(m.name) : undefined;
          if (key) members.add(`${node.name.text}.${key}`);
        }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...members].sort();
}

/** The Excel type a member declaration of @types/office-js belongs to ('Range' for Excel.Interfaces.RangeUpdateData). */
function officeTypeOf(decl: ts.Declaration): string | undefined {
  const owner = decl.parent;
  if (!(ts.isClassDeclaration(owner) || ts.isInterfaceDeclaration(owner)) || !owner.name) return undefined;
  const file = decl.getSourceFile().fileName;
  if (!file.includes('@types/office-js')) return undefined;
  let name = owner.name.text;
  let ns = owner.parent;
  while (ns && !ts.isModuleDeclaration(ns)) ns = ns.parent;
  const namespace = ns && ts.isModuleDeclaration(ns) ? ns.name.getText() : '';
  if (namespace === 'Interfaces') name = name.replace(/(UpdateData|LoadOptions|Data)$/, '');
  return ALIASES[name] ?? name;
}

/** Interface → the held classes that implement it, read from the imitation's source once. */
let implementersCache: Map<string, string[]> | undefined;
function implementers(): Map<string, string[]> {
  if (implementersCache) return implementersCache;
  const found = new Map<string, string[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node) && node.name && HELD_CLASSES.has(node.name.text))
      for (const clause of node.heritageClauses ?? [])
        for (const t of clause.types) {
          const name = t.expression.getText();
          found.set(name, [...(found.get(name) ?? []), node.name.text]);
        }
    ts.forEachChild(node, visit);
  };
  for (const file of filesUnder(IMITATION, () => true))
    visit(ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true));
  implementersCache = found;
  return found;
}

/** The held classes a member declaration of the imitation belongs to (a class, or an interface they implement). */
function heldClassesOf(decl: ts.Declaration): string[] {
  const owner = decl.parent;
  if (!path.resolve(decl.getSourceFile().fileName).startsWith(IMITATION)) return [];
  if (ts.isClassDeclaration(owner) && owner.name && HELD_CLASSES.has(owner.name.text)) return [owner.name.text];
  if (ts.isInterfaceDeclaration(owner)) return implementers().get(owner.name.text) ?? [];
  return [];
}

/** Host code that may name a member in a string and reach it by `obj[name]` (queue.ts's style sets). */
const DYNAMIC_USERS = ['src/excel/', 'src/selftest/', 'src/playground/'];

/**
 * Members (`Type.member`, `*.member` for any Excel type, `?.member` for a member named by a string
 * in host code) used where the imitation serves its purpose. Only expressions naming one of
 * `names` are given to the checker.
 */
export function usedMembers(names: ReadonlySet<string>): Set<string> {
  const relative = (file: string): string => path.relative(ROOT, file).split(path.sep).join('/');
  const isUser = (file: string): boolean => {
    const rel = relative(file);
    return !NOT_USERS.some((n) => rel === n || rel.startsWith(`${n}/`));
  };
  const roots = USER_DIRS.flatMap((d) => filesUnder(path.join(ROOT, d), isUser));
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('imitationUse: tsconfig.json not readable');
  const options = { ...config.options, types: ['office-js'], lib: ['lib.es2022.d.ts'], noEmit: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  // Other packages' declarations only slow the checker down: what they type is not Excel's.
  host.getSourceFile = (file, language, onError) =>
    /[\\/]node_modules[\\/]/.test(file) && !/[\\/](@types[\\/]office-js|typescript[\\/]lib)[\\/]/.test(file)
      ? ts.createSourceFile(file, 'export {};', language)
      : getSourceFile(file, language, onError);
  const program = ts.createProgram({ rootNames: roots, options, host });
  const checker = program.getTypeChecker();
  const used = new Set<string>();

  const note = (symbol: ts.Symbol | undefined, at?: ts.Node): void => {
    for (const decl of symbol?.declarations ?? []) {
      const owner = officeTypeOf(decl);
      if (owner) {
        used.add(`${owner}.${symbol!.name}`);
        used.add(`*.${symbol!.name}`);
      }
      if (!(at && insideOf(at, decl.parent)))
        for (const held of heldClassesOf(decl)) used.add(`${held}.${symbol!.name}`);
    }
  };
  const insideOf = (node: ts.Node, container: ts.Node): boolean => {
    for (let n: ts.Node | undefined = node; n; n = n.parent) if (n === container) return true;
    return false;
  };
  const typeOf = (member: ts.Symbol): ts.Type => {
    const t = checker.getNonNullableType(checker.getTypeOfSymbol(member));
    return checker.isArrayType(t) ? (t.getNumberIndexType() ?? t) : t;
  };
  /** A member of a type, or of a collection's items (load paths name the items' members). */
  const memberOf = (type: ts.Type, name: string): ts.Symbol | undefined => {
    const own = type.getProperty(name);
    if (own) return own;
    const items = type.getProperty('items');
    return items ? typeOf(items).getProperty(name) : undefined;
  };
  /** 'address, format/fill/color' on a type: each step of each path. */
  const noteLoadPaths = (type: ts.Type, paths: string): void => {
    for (const p of paths.split(',')) {
      let at: ts.Type | undefined = type;
      for (const step of p.trim().split('/')) {
        if (!at || !step) break;
        const member = memberOf(at, step);
        note(member);
        at = member ? typeOf(member) : undefined;
      }
    }
  };
  /** `{ format: { fill: { color: … } } }` given to set() or load() of a type. */
  const noteLiteral = (type: ts.Type, literal: ts.ObjectLiteralExpression): void => {
    for (const p of literal.properties) {
      const key = keyName(p.name);
      if (!key) continue;
      if (key === 'select' || key === 'expand') {
        if (ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer))
          noteLoadPaths(type, p.initializer.text);
        continue;
      }
      const member = memberOf(type, key);
      note(member);
      if (member && ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer))
        noteLiteral(typeOf(member), p.initializer);
    }
  };
  const noteArgument = (type: ts.Type, arg: ts.Expression | undefined): void => {
    if (!arg) return;
    if (ts.isStringLiteralLike(arg)) noteLoadPaths(type, arg.text);
    else if (ts.isArrayLiteralExpression(arg))
      for (const e of arg.elements)
        if (ts.isStringLiteralLike(e)) noteLoadPaths(type, e.text);
        else if (ts.isObjectLiteralExpression(arg)) noteLiteral(type, arg);
  };

  // The held classes serve one another inside the imitation too (a session joins its shared
  // workbook): a member another class of the imitation calls is in use.
  for (const source of program.getSourceFiles()) {
    if (!path.resolve(source.fileName).startsWith(IMITATION)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && names.has(node.name.text)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        if (symbol?.declarations?.some((d) => heldClassesOf(d).length > 0)) note(symbol, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  /** A member named only to count a request's bytes (`actionBytes(path, 'getCount')`) is not called. */
  const inSizeEstimate = (node: ts.Node): boolean => {
    for (let n: ts.Node | undefined = node.parent; n && !ts.isStatement(n); n = n.parent)
      if (ts.isCallExpression(n) && /Bytes$/.test(n.expression.getText())) return true;
    return false;
  };
  for (const source of program.getSourceFiles()) {
    if (!roots.includes(path.resolve(source.fileName))) continue;
    const dynamic = DYNAMIC_USERS.some((d) => relative(source.fileName).startsWith(d));
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) && names.has(node.name.text))
        note(checker.getSymbolAtLocation(node.name));
      else if (dynamic && ts.isStringLiteral(node) && names.has(node.text) && !inSizeEstimate(node))
        used.add(`?.${node.text}`);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        if (method === 'load' || method === 'set') {
          const receiver = checker.getTypeAtLocation(node.expression.expression);
          const isContext = receiver.getProperty('sync') !== undefined && receiver.getProperty('trackedObjects');
          if (isContext && node.arguments[0])
            noteArgument(checker.getTypeAtLocation(node.arguments[0]), node.arguments[1]);
          else noteArgument(receiver, node.arguments[0]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

export interface ImitationUse {
  /** Every public member, `Type.member` (`*.member` for the members every API object has). */
  members: string[];
  /** What the users use: `Type.member`, `*.member`, or `?.member` for a member host code names in a string. */
  used: Set<string>;
  /** The members nothing but the imitation's own tests uses, sorted. */
  unused: string[];
}

export function imitationUse(): ImitationUse {
  const members = imitationMembers();
  const nameOf = (m: string): string => m.slice(m.indexOf('.') + 1);
  const used = usedMembers(new Set(members.map(nameOf)));
  const unused = members.filter((m) => !used.has(m) && !used.has(`?.${nameOf(m)}`));
  return { members, used, unused };
}

/** Members of the imitation nothing outside its own tests uses, `Type.member`, sorted. */
export function unusedImitationMembers(): string[] {
  return imitationUse().unused;
}
