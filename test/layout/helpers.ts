/**
 * Small readers over a sheet plan for the layout tests.
 */
import { cellAddress, parseRange } from '../../src/layout/a1';
import type { CellPlan, RowPlan, SheetPlan } from '../../src/layout/types';

export function cellMap(sheet: SheetPlan): Map<string, CellPlan> {
  return new Map(sheet.cells.map((c) => [c.address, c]));
}

/** Every cell address of a range ('D7:E8' → D7, E7, D8, E8). */
export function expand(range: string): string[] {
  const r = parseRange(range);
  const out: string[] = [];
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) out.push(cellAddress(row, col));
  return out;
}

export function contains(range: string, address: string): boolean {
  const r = parseRange(range);
  const c = parseRange(address);
  return c.top >= r.top && c.bottom <= r.bottom && c.left >= r.left && c.right <= r.right;
}

export interface InputCell {
  address: string;
  row: RowPlan;
  columnId: string;
}

export function inputCells(sheet: SheetPlan): InputCell[] {
  return sheet.rows.flatMap((row) =>
    Object.entries(row.inputs).map(([columnId, letter]) => ({ address: `${letter}${row.row}`, row, columnId })),
  );
}

export function rowByKey(sheet: SheetPlan, key: string): RowPlan {
  const row = sheet.rows.find((r) => r.key === key);
  if (!row) throw new Error(`No row ${key} in ${sheet.name}`);
  return row;
}

/** Value of a planned cell ('' when the plan leaves it empty). */
export function valueAt(sheet: SheetPlan, address: string): string | number | undefined {
  return sheet.cells.find((c) => c.address === address)?.value;
}

/** Cell references in a formula, without sheet prefixes and $ signs, in order of appearance. */
export function referencedCells(formula: string): string[] {
  const withoutStrings = formula.replace(/"[^"]*"/g, '""');
  return [...withoutStrings.matchAll(/(?<![A-Za-z0-9_!'])\$?([A-Z]{1,3})\$?(\d+)(?![A-Za-z0-9_(])/g)].map(
    (m) => `${m[1]}${m[2]}`,
  );
}

/** The part of fast-formula-parser's API the tests use (the package ships no types). */
interface FormulaParserInstance {
  parse(formula: string, position: { row: number; col: number; sheet: string }): unknown;
}
type FormulaParserCtor = (new (config: {
  onCell: (ref: { row: number; col: number; sheet: string }) => unknown;
}) => FormulaParserInstance) & { FormulaError: { REF: unknown } };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package has no ES module types
const FormulaParser = require('fast-formula-parser') as FormulaParserCtor;

/** An error value (#REF!) as the evaluator's cells hold it. */
export const REF_ERROR: unknown = FormulaParser.FormulaError.REF;

/**
 * Evaluates a sheet plan's formulas over typed values (address → value). Formula cells are
 * evaluated once each, after the formula cells they reference (the parser is not re-entrant).
 * Blank cells are ''.
 */
export function evaluator(sheet: SheetPlan, typed: Record<string, unknown>): (address: string) => unknown {
  const cells = cellMap(sheet);
  const values = new Map<string, unknown>();
  const plain = (address: string): unknown => typed[address] ?? cells.get(address)?.value ?? '';
  const parser = new FormulaParser({
    onCell: (ref) => {
      const address = cellAddress(ref.row, ref.col);
      if (cells.get(address)?.formula && !values.has(address)) throw new Error(`${address} evaluated out of order`);
      return values.has(address) ? values.get(address) : plain(address);
    },
  });
  let pending = sheet.cells.filter((c) => c.formula);
  while (pending.length) {
    const ready = pending.filter((c) =>
      referencedCells(c.formula as string).every((a) => !cells.get(a)?.formula || values.has(a) || a === c.address),
    );
    if (ready.length === 0) throw new Error('Circular references');
    for (const c of ready) {
      const { top: row, left: col } = parseRange(c.address);
      values.set(c.address, parser.parse((c.formula as string).slice(1), { row, col, sheet: sheet.name }));
    }
    pending = pending.filter((c) => !values.has(c.address));
  }
  return (address) => (values.has(address) ? values.get(address) : plain(address));
}

/** Evaluates one formula as if it sat in `at`, over cell values given by address. */
export function evaluateAt(formula: string, at: string, values: Record<string, unknown>): unknown {
  const parser = new FormulaParser({ onCell: (ref) => values[cellAddress(ref.row, ref.col)] ?? '' });
  const r = parseRange(at);
  return parser.parse(formula.replace(/^=/, ''), { row: r.top, col: r.left, sheet: 'S' });
}
