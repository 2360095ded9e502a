/**
 * What the adapter writes into a worksheet, each as one description: a list of commands (an
 * object path from the worksheet and what is done there) that both queues the commands
 * (queueCommands) and says what they cost in the request (commandsBytes). A command cannot be
 * queued without its estimate, nor estimated without being what is queued. None of this syncs:
 * the caller reserves the cost (session.ts, which may send what is queued first) and queues.
 * Enum values are written as the string literals Office.js accepts, so this runs against the
 * in-memory workbook too, where no `Excel` namespace exists.
 */
import { columnLetter, rangeAddress, type RangeRef } from '../layout/a1';
import { MARKER_NAME } from '../layout/marker';
import type { CellStyle, ConditionalFormatPlan, PrintPlan, SheetPlan, ValidationPlan } from '../layout/types';
import { EMPTY_FLAGS, FLAGS_NAME } from '../layout/flagsName';
import type { PlanGrid, WriteCell } from '../layout/planGrid';
import { actionBytes, pathBytes, type Segment } from './session';

/** What the host supports beyond the ExcelApi 1.8 minimum, decided once from requirement sets. */
export interface Features {
  /** Range.dataValidation (ExcelApi 1.8). */
  dataValidation: boolean;
  /** Worksheet.pageLayout (ExcelApi 1.9). */
  pageLayout: boolean;
  /** RangeFormat.indentLevel (ExcelApi 1.9). */
  indent: boolean;
  /** Workbook custom properties (ExcelApi 1.7). */
  customProperties: boolean;
  /** Worksheet onChanged/onActivated (ExcelApi 1.7). */
  events: boolean;
}

/** One thing done to an object: a property set or a method call, on it or on a navigation below it (`at`). */
export type Act =
  | { at?: readonly string[]; set: string; value: unknown }
  | { at?: readonly string[]; call: string; args?: readonly unknown[] };

/**
 * Commands on one object reached from a root (a worksheet): `path` is the navigations and method
 * calls that reach it (`[['getRange', 'A1:B2'], 'format', 'borders', ['getItem', 'EdgeTop']]`).
 */
export interface Command {
  path: readonly Segment[];
  acts: readonly Act[];
}

/**
 * A method whose name starts with "get" reaches the same object again (getRange, getItem…), so a
 * list of commands reaches it once; any other (conditionalFormats.add) makes a new object each time.
 */
function reusable(seg: Segment): boolean {
  return typeof seg === 'string' || seg[0].startsWith('get');
}

function segmentKey(seg: Segment): string {
  return typeof seg === 'string' ? seg : JSON.stringify(seg);
}

type Navigable = Record<string, unknown>;

function step(obj: Navigable, seg: Segment): Navigable {
  if (typeof seg === 'string') return obj[seg] as Navigable;
  const [name, ...args] = seg;
  return (obj[name] as (...a: unknown[]) => Navigable).apply(obj, args);
}

/**
 * Queues the commands on `root` (a worksheet), in order. Only queues. Returns the object each
 * command reached, in order (a read takes what its loads answer from them after the sync).
 */
export function queueCommands(root: object, commands: readonly Command[]): unknown[] {
  const reached = new Map<string, Navigable>();
  const objects: unknown[] = [];
  for (const c of commands) {
    let obj = root as Navigable;
    let key = '';
    for (const seg of c.path) {
      key += `/${segmentKey(seg)}`;
      const known = reusable(seg) ? reached.get(key) : undefined;
      obj = known ?? step(obj, seg);
      if (!known && reusable(seg)) reached.set(key, obj);
    }
    for (const a of c.acts) {
      let target = obj;
      for (const nav of a.at ?? []) target = target[nav] as Navigable;
      if ('call' in a) (target[a.call] as (...x: unknown[]) => unknown).apply(target, [...(a.args ?? [])]);
      else target[a.set] = a.value;
    }
    objects.push(obj);
  }
  return objects;
}

/**
 * Request bytes of queueCommands on a root whose own path costs `rootPath`: each method call on
 * the way (a command of its own, as the in-memory workbook counts it) and each act, with its path.
 */
export function commandsBytes(rootPath: number, commands: readonly Command[]): number {
  const reached = new Map<string, number>();
  let n = 0;
  for (const c of commands) {
    let path = rootPath;
    let key = '';
    for (const seg of c.path) {
      key += `/${segmentKey(seg)}`;
      const known = reusable(seg) ? reached.get(key) : undefined;
      if (known !== undefined) {
        path = known;
        continue;
      }
      if (typeof seg !== 'string') n += actionBytes(path, seg[0], ...seg.slice(1));
      path += pathBytes(seg);
      if (reusable(seg)) reached.set(key, path);
    }
    for (const a of c.acts) {
      const at = path + (a.at?.length ? pathBytes(...a.at) : 0);
      n += 'call' in a ? actionBytes(at, a.call, ...(a.args ?? [])) : actionBytes(at, a.set, a.value);
    }
  }
  return n;
}

/** The same commands on the sheet with this id, for a root that is the workbook (`pathBytes('workbook')`). */
export function onSheet(id: string, commands: readonly Command[]): Command[] {
  return commands.map((c) => ({ ...c, path: ['worksheets', ['getItem', id], ...c.path] }));
}

/** Excel's column width unit (characters of the default font) to points, as Excel itself converts. */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', center: 'Center', bottom: 'Bottom' } as const;
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

/**
 * Applying a plan style to a range (the whole range, merged areas included). With `reset`, what
 * the style leaves unset goes back to Excel's default (a refresh undoing someone's fill).
 */
export function styleCommands(style: CellStyle, r: RangeRef, features: Features, reset = false): Command[] {
  const range: Segment = ['getRange', rangeAddress(r)];
  const acts: Act[] = [];
  const font = (set: string, value: unknown) => acts.push({ at: ['format', 'font'], set, value });
  const format = (set: string, value: unknown) => acts.push({ at: ['format'], set, value });
  if (reset) {
    if (style.fill === undefined) acts.push({ at: ['format', 'fill'], call: 'clear' });
    if (style.bold === undefined) font('bold', false);
    if (style.italic === undefined) font('italic', false);
  }
  if (style.bold !== undefined) font('bold', style.bold);
  if (style.italic !== undefined) font('italic', style.italic);
  if (style.fontSize !== undefined) font('size', style.fontSize);
  if (style.fontColor !== undefined) font('color', style.fontColor);
  if (style.fill !== undefined) acts.push({ at: ['format', 'fill'], set: 'color', value: style.fill });
  if (style.wrap !== undefined) format('wrapText', style.wrap);
  if (style.hAlign) format('horizontalAlignment', H_ALIGN[style.hAlign]);
  if (style.vAlign) format('verticalAlignment', V_ALIGN[style.vAlign]);
  if (style.indent !== undefined && features.indent) format('indentLevel', style.indent);
  const commands: Command[] = [{ path: [range], acts }];
  if (style.border) {
    const edges: string[] = [...EDGES];
    if (r.right > r.left) edges.push('InsideVertical');
    if (r.bottom > r.top) edges.push('InsideHorizontal');
    for (const edge of edges)
      commands.push({
        path: [range, 'format', 'borders', ['getItem', edge]],
        acts: [
          { set: 'style', value: 'Continuous' },
          { set: 'weight', value: 'Thin' },
          { set: 'color', value: '#000000' },
        ],
      });
  }
  return commands;
}

/** Columns: widths, hidden key column. */
export function columnCommands(plan: SheetPlan): Command[] {
  return plan.columns.map((c) => ({
    path: [['getRange', `${c.letter}:${c.letter}`]],
    acts: [
      { at: ['format'], set: 'columnWidth', value: widthToPoints(c.width) },
      ...(c.hidden ? [{ set: 'columnHidden', value: true }] : []),
    ],
  }));
}

export function rowHeightCommands(plan: SheetPlan): Command[] {
  return Object.entries(plan.rowHeights ?? {}).map(([row, height]) => ({
    path: [['getRange', `${row}:${row}`]],
    acts: [{ at: ['format'], set: 'rowHeight', value: height }],
  }));
}

/**
 * The one rule for every value written from text (inject, fixes, consolidation). Excel reads text
 * written through the API as if typed: "- Tham mưu…" or "=1+1" becomes a formula (Range.values:
 * a value starting with "+", "-" or "=" is interpreted as a formula; "@" too, a guess), "12" a
 * number, "1/2" a date. Such text gets Excel's apostrophe prefix (not part of the value), except
 * in '@' cells, which keep whatever they are given. A formula is written as one by protectRows.
 */
export function protectText(v: WriteCell, numberFormat: string | undefined): WriteCell {
  if (typeof v !== 'string' || v === '' || numberFormat === '@') return v;
  if (/^[=+\-'@#]/.test(v)) return `'${v}`;
  const t = v.trim();
  if (/^[+-]?(\d[\d.,]*|[.,]\d+)(e[+-]?\d+)?\s*%?$/i.test(t)) return `'${v}`;
  if (/^(true|false)$/i.test(t) || /^\d{1,4}[/-]\d{1,2}([/-]\d{1,4})?$/.test(t) || /^\d{1,2}:\d{2}/.test(t))
    return `'${v}`;
  return v;
}

/** A grid's cells: a formula (planned, or typed by an official and carried) as such, every other text protected. */
function protectRows(rows: WriteCell[][], formats: string[][]): WriteCell[][] {
  return rows.map((row, i) =>
    row.map((v, j) => (typeof v === 'string' && v.startsWith('=') ? v : protectText(v, formats[i]?.[j]))),
  );
}

/** Writes rows top…bottom of a grid: number formats first, so '@' keeps keys like '1.6' as text. */
export function gridBlockCommands(grid: PlanGrid, top: number, bottom: number): Command[] {
  const formats = grid.numberFormat.slice(top - 1, bottom);
  return [
    {
      path: [['getRange', `A${top}:${columnLetter(grid.cols)}${bottom}`]],
      acts: [
        { set: 'numberFormat', value: formats },
        { set: 'formulas', value: protectRows(grid.formulas.slice(top - 1, bottom), formats) },
      ],
    },
  ];
}

/**
 * Splits a grid's rows into blocks of at most `maxBytes` each (at least one row a block), so the
 * caller can reserve payload per block.
 */
export function gridBlocks(grid: PlanGrid, maxBytes: number): [number, number][] {
  const blocks: [number, number][] = [];
  let top = 1;
  let bytes = 0;
  for (let r = 1; r <= grid.rows; r++) {
    const row = commandsBytes(0, gridBlockCommands(grid, r, r));
    if (r > top && bytes + row > maxBytes) {
      blocks.push([top, r - 1]);
      top = r;
      bytes = 0;
    }
    bytes += row;
  }
  blocks.push([top, grid.rows]);
  return blocks;
}

/** A few cells of a grid as horizontal runs (a refresh's diff). */
export function gridRunCommands(grid: PlanGrid, runs: RangeRef[], what: 'formulas' | 'numberFormat'): Command[] {
  return runs.map((r) => {
    const rowCells = <T>(a: T[][]) => [a[r.top - 1].slice(r.left - 1, r.right)];
    const data: WriteCell[][] =
      what === 'formulas'
        ? protectRows(rowCells(grid.formulas), rowCells(grid.numberFormat))
        : rowCells(grid.numberFormat);
    return { path: [['getRange', rangeAddress(r)]], acts: [{ set: what, value: data }] };
  });
}

export function mergeCommands(merges: string[]): Command[] {
  return merges.map((m) => ({ path: [['getRange', m]], acts: [{ call: 'merge', args: [false] }] }));
}

const OPERATORS = { between: 'Between', greaterThanOrEqualTo: 'GreaterThanOrEqualTo' } as const;
const ALERT_STYLES = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;

export function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  switch (v.type) {
    case 'wholeNumber':
    case 'decimal': {
      const basic: Excel.BasicDataValidation = {
        formula1: v.min ?? 0,
        operator: OPERATORS[v.operator ?? 'between'],
        ...(v.max !== undefined && (v.operator ?? 'between') === 'between' ? { formula2: v.max } : {}),
      };
      return v.type === 'wholeNumber' ? { wholeNumber: basic } : { decimal: basic };
    }
    case 'list':
      return { list: { inCellDropDown: true, source: (v.list ?? []).join(',') } };
    case 'custom':
      return { custom: { formula: v.formula ?? '=TRUE' } };
  }
}

/** Excel's DataValidation.type for a plan type, as read back. */
export const VALIDATION_TYPE: Record<ValidationPlan['type'], string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  custom: 'Custom',
};

/** What a validation sets, in order. */
function validationSets(v: ValidationPlan): [string, unknown][] {
  return [
    ['rule', validationRule(v)],
    ['ignoreBlanks', true],
    ['prompt', { showPrompt: true, title: v.prompt.title, message: v.prompt.message }],
    [
      'errorAlert',
      { showAlert: true, title: v.error.title, message: v.error.message, style: ALERT_STYLES[v.error.style] },
    ],
  ];
}

export function validationCommands(v: ValidationPlan, address = v.range): Command[] {
  return [
    {
      path: [['getRange', address], 'dataValidation'],
      acts: [{ call: 'clear' }, ...validationSets(v).map(([set, value]) => ({ set, value }))],
    },
  ];
}

/** What a rule of the plan sets on the rule added for it: [navigation below the rule, member, value]. */
function ruleSets(cf: ConditionalFormatPlan): [string[], string, unknown][] {
  const sets: [string[], string, unknown][] = [[['custom', 'rule'], 'formula', cf.formula]];
  if (cf.format.fill) sets.push([['custom', 'format', 'fill'], 'color', cf.format.fill]);
  if (cf.format.fontColor) sets.push([['custom', 'format', 'font'], 'color', cf.format.fontColor]);
  if (cf.format.bold !== undefined) sets.push([['custom', 'format', 'font'], 'bold', cf.format.bold]);
  return sets;
}

/** Adds a planned rule (Office.js puts it on top of the range's rules). */
export function conditionalFormatCommands(cf: ConditionalFormatPlan, address = cf.range): Command[] {
  return [
    {
      path: [['getRange', address], 'conditionalFormats', ['add', 'Custom']],
      acts: ruleSets(cf).map(([at, set, value]) => ({ at, set, value })),
    },
  ];
}

export function freezeCommands(freeze: SheetPlan['freeze']): Command[] {
  const acts: Act[] = [{ call: 'unfreeze' }];
  // freezeAt takes the range's address (Range | string in the typings).
  if (freeze.rows > 0 && freeze.columns > 0)
    acts.push({ call: 'freezeAt', args: [`A1:${columnLetter(freeze.columns)}${freeze.rows}`] });
  else if (freeze.rows > 0) acts.push({ call: 'freezeRows', args: [freeze.rows] });
  else if (freeze.columns > 0) acts.push({ call: 'freezeColumns', args: [freeze.columns] });
  return [{ path: ['freezePanes'], acts }];
}

/**
 * Fitting the width to one page. office-js #1860: `zoom = { horizontalFitToPages: 1 }` alone
 * "does not get set" unless the Page Layout tab happens to be open (`{ scale: … }` is). Excel
 * applies fit-to-pages as the pair Page Setup › "Fit to: 1 page wide by [ ] tall" stores
 * (ECMA-376 Part 1, §18.3.1.64 pageSetup: fitToWidth/fitToHeight, 0 = automatic: as many pages
 * as needed), so both directions are given: 1 wide, 0 (automatic) tall. The in-memory workbook
 * applies the pair and ignores the half (src/memoryExcel/worksheet.ts, PageLayout.zoom).
 */
export const FIT_WIDTH_ZOOM: Excel.PageLayoutZoomOptions = { horizontalFitToPages: 1, verticalFitToPages: 0 };

/** Print setup (ExcelApi 1.9): the caller checks the requirement set. */
export function printCommands(print: PrintPlan): Command[] {
  const acts: Act[] = [
    { set: 'orientation', value: print.orientation === 'landscape' ? 'Landscape' : 'Portrait' },
    { set: 'paperSize', value: 'A4' },
  ];
  // Only the width is fixed: the height runs to as many pages as the rows need.
  if (print.fitToWidth) acts.push({ set: 'zoom', value: FIT_WIDTH_ZOOM });
  if (print.titleRows) acts.push({ call: 'setPrintTitleRows', args: [print.titleRows] });
  return [{ path: ['pageLayout'], acts }];
}

const FLAGS_COMMENT = 'Ô được tiện ích CCHC đánh dấu khi kiểm tra (CCHC add-in flagged cells)';

/** Adds the sheet's CCHC_FLAGS name (empty unless given). */
export function flagsNameCommands(formula = EMPTY_FLAGS): Command[] {
  return [{ path: ['names'], acts: [{ call: 'add', args: [FLAGS_NAME, formula, FLAGS_COMMENT] }] }];
}

/** Sets the formula of a sheet-scoped name that exists. */
export function nameFormulaCommands(name: string, formula: string): Command[] {
  return [{ path: ['names', ['getItem', name]], acts: [{ set: 'formula', value: formula }] }];
}

const MARKER_COMMENT = 'Dấu nhận biết biểu mẫu CCHC, như ô A1 (CCHC template marker, as in A1)';

/**
 * Writes the sheet's CCHC_TEMPLATE name (layout/marker.ts): added where missing, its formula set
 * where it holds another marker (an upgrade). NamedItem.formula is writable from ExcelApi 1.7.
 */
export function markerNameCommands(formula: string, exists: boolean): Command[] {
  if (exists) return nameFormulaCommands(MARKER_NAME, formula);
  return [{ path: ['names'], acts: [{ call: 'add', args: [MARKER_NAME, formula, MARKER_COMMENT] }] }];
}

/** Clears an area before a new layout is written over it: contents, formats, merges, rules. */
export function clearAreaCommands(address: string, features: Features): Command[] {
  const range: Segment = ['getRange', address];
  return [
    { path: [range, 'conditionalFormats'], acts: [{ call: 'clearAll' }] },
    ...(features.dataValidation ? [{ path: [range, 'dataValidation'], acts: [{ call: 'clear' }] }] : []),
    { path: [range], acts: [{ call: 'unmerge' }, { call: 'clear', args: ['All'] }] },
  ];
}

/** Each planned rule's whole description, in the order queued (last first: the first ends on top). */
export function rulesCommands(planned: readonly ConditionalFormatPlan[]): Command[] {
  return [...planned].reverse().flatMap((cf) => conditionalFormatCommands(cf));
}
