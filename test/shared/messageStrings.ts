/**
 * Every string a message object can produce: plain strings, and functions called with sample
 * arguments (both branches of boolean-taking ones). Shared by the glossary test and the test of
 * officials' words.
 */
export function messageStrings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    // A sample that reads as text and also as a list (planSummary joins its parts).
    const sample = (i: number) => Object.assign([`X${i}`], { toString: () => `X${i}` });
    const args = Array.from({ length: Math.max(fn.length, 3) }, (_, i) => sample(i));
    return [
      ...messageStrings(fn(...args), path),
      ...messageStrings(fn(sample(0), true, sample(2)), path),
      ...messageStrings(fn(sample(0), false, sample(2)), path),
    ];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => messageStrings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => messageStrings(v, path ? `${path}.${k}` : k));
  return [];
}
