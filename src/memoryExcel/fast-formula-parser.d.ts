/**
 * The part of fast-formula-parser (MIT, no bundled types) the in-memory workbook uses.
 * Checked against node_modules/fast-formula-parser/grammar/hooks.js and formulas/error.js.
 */
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export interface Position {
    sheet: string;
    row: number;
    col: number;
  }
  /** What a custom function receives per argument once references are read. */
  export interface FunctionArg {
    value: unknown;
    isArray: boolean;
    isRangeRef?: boolean;
    isCellRef?: boolean;
    omitted?: boolean;
    /** Present for functions listed in the parser's `funsPreserveRef`. */
    ref?: CellRef | RangeRef;
  }
  export class FormulaError extends Error {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    toString(): string;
    static DIV0: FormulaError;
    static NA: FormulaError;
    static NAME: FormulaError;
    static NULL: FormulaError;
    static NUM: FormulaError;
    static REF: FormulaError;
    static VALUE: FormulaError;
  }
  export interface ParserConfig {
    // Function signatures vary per function; the parser passes FunctionArg objects (or the
    // parser itself first for context functions), which each implementation narrows.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous function table
    functions?: Record<string, (...args: any[]) => unknown>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous function table
    functionsNeedContext?: Record<string, (...args: any[]) => unknown>;
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown;
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null;
  }
  export default class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: Position, allowReturnArray?: boolean): unknown;
    position: Position;
    funsPreserveRef: string[];
    utils: { extractRefValue(obj: unknown): { val: unknown; isArray: boolean } };
    static FormulaError: typeof FormulaError;
    static DepParser: new (config?: { onVariable?: (name: string) => unknown }) => {
      parse(formula: string, position: Position): unknown[];
    };
    static SSF: { format(fmt: string, value: number | string | boolean, opts?: Record<string, unknown>): string };
  }
}

declare module 'fast-formula-parser/formulas/operators' {
  export const Infix: {
    compareOp: (value1: unknown, infix: string, value2: unknown, isArray1: boolean, isArray2: boolean) => unknown;
  };
}
