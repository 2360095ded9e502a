/** Cell values as the in-memory workbook stores them. */

export const ERROR_CODES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#CALC!',
  '#SPILL!',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error value in a cell (#DIV/0!…); the API reads it as its text, with valueType 'Error'. */
export class CellError {
  private static readonly cache = new Map<string, CellError>();
  private constructor(readonly code: ErrorCode) {}
  static of(code: ErrorCode): CellError {
    let e = CellError.cache.get(code);
    if (!e) {
      e = new CellError(code);
      CellError.cache.set(code, e);
    }
    return e;
  }
  toString(): string {
    return this.code;
  }
}

export function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s.toUpperCase());
}

export type CellScalar = number | string | boolean | CellError;
/** null = blank. */
export type CellValue = CellScalar | null;

/** What the API returns in `values`: blanks as '', errors as their text. */
export function apiValue(v: CellValue): number | string | boolean {
  if (v === null) return '';
  if (v instanceof CellError) return v.code;
  return v;
}

export type ApiValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

/** Guess: Excel reports every number as 'Double' (it reports 'Integer' only in rare legacy cases). */
export function valueType(v: CellValue): ApiValueType {
  if (v === null) return 'Empty';
  if (v instanceof CellError) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  // Guess: a formula returning "" reads as 'String' (a constant '' cannot exist: writing '' clears).
  return 'String';
}

/** Excel shows at most 15 significant digits; text conversions of numbers use that. */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const s = String(Number(n.toPrecision(15)));
  return s.includes('e') ? s.replace('e+', 'E+').replace('e-', 'E-') : s;
}
