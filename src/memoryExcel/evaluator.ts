/**
 * Formula evaluation. The workbook calls the evaluator with formulas whose defined names
 * are already replaced by their definitions; it is built on fast-formula-parser,
 * with the functions the templates use re-implemented where the library's blank-cell or
 * comparison semantics differ from Excel's (blank = "" is TRUE, text compares ignore case,
 * INT(blank) is 0, MATCH and ISFORMULA exist).
 */
import FormulaParser, { FormulaError, type FunctionArg, type Position } from 'fast-formula-parser';
import { Infix } from 'fast-formula-parser/formulas/operators';
import { CellError, isErrorCode, numberToText, type CellValue } from './values';

/** Positions are 1-based, as in A1 notation. */
export interface EvalContext {
  sheet: string;
  row: number;
  col: number;
  /** Value of a cell (evaluating it first when it is a stale formula); #REF! for an unknown sheet. */
  cell(sheet: string, row: number, col: number): CellValue;
  /** Values of a rectangle, clipped to the sheet's used extent (trailing blanks dropped). */
  range(sheet: string, top: number, left: number, bottom: number, right: number): CellValue[][];
  isFormula(sheet: string, row: number, col: number): boolean;
}

export interface FormulaEvaluator {
  /** `formula` has its leading '=' and names replaced by definitions. */
  evaluate(formula: string, ctx: EvalContext): CellValue;
  /** Throws an Error when Excel would refuse the formula (syntax). Optional. */
  validate?(formula: string): void;
}

const FE = FormulaParser.FormulaError;

// ---- Excel comparison semantics, installed once into the library's operator table ----------
// The library compares a blank as 0 and text with case; Excel compares a blank as the other
// side's empty value ("" / 0 / FALSE) and text without regard to case.
const TYPE_RANK: Record<string, number> = { number: 1, string: 2, boolean: 3 };
let comparisonInstalled = false;
function installExcelComparison(): void {
  if (comparisonInstalled) return;
  comparisonInstalled = true;
  Infix.compareOp = (v1: unknown, infix: string, v2: unknown, isArray1: boolean, isArray2: boolean) => {
    let a = isArray1 && Array.isArray(v1) ? (v1 as unknown[][])[0][0] : v1;
    let b = isArray2 && Array.isArray(v2) ? (v2 as unknown[][])[0][0] : v2;
    if (a instanceof FE) return a;
    if (b instanceof FE) return b;
    const blank = (other: unknown) => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
    if (a == null && b == null) {
      a = 0;
      b = 0;
    } else if (a == null) a = blank(b);
    else if (b == null) b = blank(a);
    const ta = typeof a;
    const tb = typeof b;
    let cmp: number;
    if (ta !== tb) cmp = (TYPE_RANK[ta] ?? 0) - (TYPE_RANK[tb] ?? 0);
    else if (ta === 'string') {
      const x = (a as string).toLocaleLowerCase();
      const y = (b as string).toLocaleLowerCase();
      cmp = x < y ? -1 : x > y ? 1 : 0;
    } else if (ta === 'boolean') cmp = Number(a) - Number(b);
    else cmp = (a as number) - (b as number);
    switch (infix) {
      case '=':
        return cmp === 0;
      case '<>':
        return cmp !== 0;
      case '<':
        return cmp < 0;
      case '>':
        return cmp > 0;
      case '<=':
        return cmp <= 0;
      case '>=':
        return cmp >= 0;
    }
    throw new Error(`memoryExcel: unknown comparison ${infix}`);
  };
}

// ---- argument helpers ---------------------------------------------------------------------
type Raw = unknown;

function scalarOf(arg: FunctionArg | undefined): Raw {
  if (!arg || arg.omitted) return null;
  const v = arg.value;
  if (Array.isArray(v)) return (v as unknown[][])[0]?.[0] ?? null;
  return v;
}

function isMulti(arg: FunctionArg): boolean {
  return !!arg.isRangeRef || !!arg.isArray || Array.isArray(arg.value);
}

function flat(arg: FunctionArg): Raw[] {
  if (Array.isArray(arg.value)) return (arg.value as unknown[][]).flat();
  return [arg.value];
}

function toNumber(v: Raw): number {
  if (v instanceof FE) throw v;
  if (v == null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') throw FE.VALUE;
    const n = Number(t);
    if (Number.isNaN(n)) throw FE.VALUE;
    return n;
  }
  throw FE.VALUE;
}

function toBool(v: Raw): boolean {
  if (v instanceof FE) throw v;
  if (v == null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    if (/^true$/i.test(v)) return true;
    if (/^false$/i.test(v)) return false;
  }
  throw FE.VALUE;
}

function toText(v: Raw): string {
  if (v instanceof FE) throw v;
  if (v == null) return '';
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** Half away from zero, as Excel rounds. */
function roundExcel(n: number, digits: number): number {
  const d = Math.trunc(digits);
  const sign = n < 0 ? -1 : 1;
  const abs = Math.abs(n);
  if (d >= 0) {
    const r = Number(`${Math.round(Number(`${abs}e${d}`))}e-${d}`);
    return sign * r;
  }
  const f = 10 ** -d;
  return sign * Math.round(abs / f) * f;
}

function logicalValues(args: FunctionArg[]): boolean[] {
  const out: boolean[] = [];
  for (const a of args) {
    if (a.omitted) continue;
    if (isMulti(a)) {
      for (const v of flat(a)) {
        if (v instanceof FE) throw v;
        if (typeof v === 'boolean') out.push(v);
        else if (typeof v === 'number') out.push(v !== 0);
      }
    } else out.push(toBool(a.value));
  }
  if (out.length === 0) throw FE.VALUE;
  return out;
}

function matchPosition(lookup: Raw, values: Raw[], type: number): number {
  if (lookup instanceof FE) throw lookup;
  const norm = (v: Raw) => (typeof v === 'string' ? v.toLocaleLowerCase() : v);
  const target = norm(lookup ?? 0);
  if (type === 0) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v == null) continue;
      if (typeof v === typeof lookup && norm(v) === target) return i + 1;
    }
    throw FE.NA;
  }
  // Approximate match: assumes sorted data (ascending for 1, descending for -1), as Excel does.
  let found = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null || typeof v !== typeof lookup) continue;
    const x = norm(v) as number | string;
    const t = target as number | string;
    if (type > 0 ? x <= t : x >= t) found = i;
    else break;
  }
  if (found < 0) throw FE.NA;
  return found + 1;
}

/** Functions with Excel's semantics for the templates' formulas. Arguments arrive read. */
const FUNCTIONS = {
  SUM: (...args: FunctionArg[]) => {
    let s = 0;
    for (const a of args) {
      if (a.omitted) continue;
      if (isMulti(a)) {
        for (const v of flat(a)) {
          if (v instanceof FE) throw v;
          if (typeof v === 'number') s += v;
        }
      } else s += toNumber(a.value);
    }
    return s;
  },
  COUNT: (...args: FunctionArg[]) => {
    let n = 0;
    for (const a of args) {
      if (a.omitted) continue;
      if (isMulti(a) || a.isCellRef) {
        for (const v of flat(a)) if (typeof v === 'number') n++;
      } else {
        const v = a.value;
        if (typeof v === 'number' || typeof v === 'boolean') n++;
        else if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) n++;
      }
    }
    return n;
  },
  COUNTA: (...args: FunctionArg[]) => {
    let n = 0;
    for (const a of args) {
      if (a.omitted) continue;
      if (isMulti(a) || a.isCellRef) {
        for (const v of flat(a)) if (v != null) n++;
      } else n++;
    }
    return n;
  },
  AND: (...args: FunctionArg[]) => logicalValues(args).every(Boolean),
  OR: (...args: FunctionArg[]) => logicalValues(args).some(Boolean),
  NOT: (a: FunctionArg) => !toBool(scalarOf(a)),
  ISNUMBER: (a: FunctionArg) => typeof scalarOf(a) === 'number',
  ISERROR: (a: FunctionArg) => scalarOf(a) instanceof FE,
  ROUND: (n: FunctionArg, d: FunctionArg) => roundExcel(toNumber(scalarOf(n)), toNumber(scalarOf(d))),
  INT: (n: FunctionArg) => Math.floor(toNumber(scalarOf(n))),
  ABS: (n: FunctionArg) => Math.abs(toNumber(scalarOf(n))),
  EXACT: (a: FunctionArg, b: FunctionArg) => toText(scalarOf(a)) === toText(scalarOf(b)),
  // Excel's TRIM (support.microsoft.com, "TRIM function"): removes the space character (32) only,
  // leading, trailing and all but one between words; a blank reads as "". The library's reads a
  // blank as 0 and trims every white space.
  TRIM: (a: FunctionArg) => toText(scalarOf(a)).replace(/ +/g, ' ').replace(/^ | $/g, ''),
  MATCH: (lookup: FunctionArg, array: FunctionArg, type?: FunctionArg) => {
    const t = type && !type.omitted ? Math.sign(toNumber(scalarOf(type))) : 1;
    const v = array.value;
    let values: Raw[];
    if (Array.isArray(v)) {
      const rows = v as unknown[][];
      // A lookup array is one row or one column.
      if (rows.length > 1 && rows.some((r) => r.length > 1)) throw FE.NA;
      values = rows.length === 1 ? rows[0] : rows.map((r) => r[0]);
    } else values = [v];
    return matchPosition(scalarOf(lookup), values, t);
  },
};

function isFormulaError(v: unknown): v is FormulaError {
  return v instanceof FE;
}

function toParserValue(v: CellValue): unknown {
  if (v instanceof CellError) return new FE(v.code);
  return v;
}

/** Converts a parser result to a cell value: refs are read by the parser, blanks become 0. */
export function toCellValue(r: unknown): CellValue {
  if (r == null) return 0;
  if (Array.isArray(r)) return toCellValue((r as unknown[][])[0]?.[0]);
  if (isFormulaError(r)) {
    const code = r.toString();
    return CellError.of(isErrorCode(code) ? (code.toUpperCase() as Parameters<typeof CellError.of>[0]) : '#VALUE!');
  }
  if (typeof r === 'number') {
    if (Number.isNaN(r)) return CellError.of('#VALUE!');
    if (!Number.isFinite(r)) return CellError.of('#NUM!');
    return r === 0 ? 0 : r;
  }
  if (typeof r === 'string' || typeof r === 'boolean') return r;
  return CellError.of('#VALUE!');
}

/** The default evaluator: one parser per evaluation depth, because the parser is not re-entrant. */
export function createDefaultEvaluator(): FormulaEvaluator {
  installExcelComparison();
  const parsers: FormulaParser[] = [];
  const contexts: (EvalContext | undefined)[] = [];
  let depth = 0;
  let validator: InstanceType<typeof FormulaParser.DepParser> | undefined;
  const validated = new Set<string>();

  function parserAt(d: number): FormulaParser {
    const existing = parsers[d];
    if (existing) return existing;
    const ctx = (): EvalContext => {
      const c = contexts[d];
      if (!c) throw new Error('memoryExcel: formula callback outside an evaluation');
      return c;
    };
    const sheetOf = (s: string | undefined) => s ?? parser.position.sheet;
    const parser: FormulaParser = new FormulaParser({
      onCell: (ref) => toParserValue(ctx().cell(sheetOf(ref.sheet), ref.row, ref.col)),
      onRange: (ref) => {
        const rows = ctx().range(sheetOf(ref.sheet), ref.from.row, ref.from.col, ref.to.row, ref.to.col);
        return rows.length ? rows.map((r) => r.map(toParserValue)) : [[null]];
      },
      functions: {
        ...FUNCTIONS,
        // IF is called with the parser first and unread arguments (the library lists it so).
        IF: (p: FormulaParser, test: unknown, ifTrue: unknown, ifFalse: unknown) => {
          const read = (x: unknown) => (x == null ? null : p.utils.extractRefValue(x).val);
          const t = read(test);
          const cond = toBool(Array.isArray(t) ? (t as unknown[][])[0][0] : t);
          const chosen = cond ? read(ifTrue) : ifFalse === undefined ? false : read(ifFalse);
          return chosen === null && (cond ? ifTrue === null : ifFalse === null) ? 0 : chosen;
        },
      },
      functionsNeedContext: {
        ISFORMULA: (_p: FormulaParser, arg: FunctionArg) => {
          const ref = arg?.ref;
          if (!ref) throw FE.VALUE;
          const cell = 'from' in ref ? ref.from : ref;
          return ctx().isFormula(sheetOf(ref.sheet), cell.row, cell.col);
        },
      },
    });
    // ISFORMULA needs its argument as a reference, not a value.
    parser.funsPreserveRef.push('ISFORMULA');
    parsers[d] = parser;
    return parser;
  }

  return {
    evaluate(formula: string, ctx: EvalContext): CellValue {
      const body = formula.startsWith('=') ? formula.slice(1) : formula;
      if (body.trim() === '') return CellError.of('#VALUE!');
      const d = depth++;
      contexts[d] = ctx;
      try {
        const position: Position = { sheet: ctx.sheet, row: ctx.row, col: ctx.col };
        return toCellValue(parserAt(d).parse(body, position));
      } catch (e) {
        if (isFormulaError(e)) {
          const code = e.toString();
          // '#ERROR!' is the parser's syntax error; validate() keeps such formulas out of cells.
          return CellError.of(
            isErrorCode(code) ? (code.toUpperCase() as Parameters<typeof CellError.of>[0]) : '#NAME?',
          );
        }
        throw e;
      } finally {
        contexts[d] = undefined;
        depth--;
      }
    },
    validate(formula: string): void {
      if (validated.has(formula)) return;
      const body = formula.startsWith('=') ? formula.slice(1) : formula;
      if (body.trim() === '') throw new Error('empty formula');
      validator ??= new FormulaParser.DepParser({ onVariable: () => null });
      try {
        validator.parse(body, { sheet: 'Sheet1', row: 1, col: 1 });
      } catch (e) {
        if (isFormulaError(e) && e.toString() === '#ERROR!') throw new Error(`formula syntax: ${formula}`);
        // Other failures of the dependency parser are not syntax errors.
      }
      if (validated.size > 100_000) validated.clear();
      validated.add(formula);
    },
  };
}
