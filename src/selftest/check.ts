/**
 * The self-test's assertions. They throw a plain Error whose message says what was expected
 * and what Excel gave, so the JSON result IT staff send back is enough to find the fault.
 * Messages are English on purpose: they are read by the add-in's developers, not by officials.
 */

/** JSON-ish text of a value for a message (strings quoted, long values cut). */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export class CheckFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailed';
  }
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

/** Deep equality through JSON (the values compared here are plain data read from Excel). */
export function checkEqual(actual: unknown, expected: unknown, what: string): void {
  if (show(actual) !== show(expected)) {
    throw new CheckFailed(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Numbers read back from Excel may carry binary noise (0.85 written, 0.8500000000000001 read). */
export function checkNear(actual: unknown, expected: number, what: string): void {
  if (typeof actual !== 'number' || Math.abs(actual - expected) > 1e-9) {
    throw new CheckFailed(`${what}: expected ${expected}, got ${show(actual)}`);
  }
}

export function checkIncludes<T>(list: readonly T[], item: T, what: string): void {
  if (!list.some((x) => show(x) === show(item))) {
    throw new CheckFailed(`${what}: expected ${show(item)} among ${show(list)}`);
  }
}

/** Excel may re-space or re-case a formula it stores; the adapter compares formulas this way too. */
export function sameFormula(a: unknown, b: unknown): boolean {
  const norm = (f: unknown) => String(f).replace(/\s+/g, '').toUpperCase();
  return typeof a === 'string' && typeof b === 'string' && norm(a) === norm(b);
}

/** Resolves after `ms`: live validation is checked by waiting for what Excel's events cause. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
