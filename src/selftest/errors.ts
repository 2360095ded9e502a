/** How the self-test writes an error into its JSON result. */

/** What went wrong, as one line: the adapter's bilingual message and Excel's code and location. */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const parts: string[] = [e.message];
  const info = e as Error & { code?: string; cause?: unknown };
  if (info.code) parts.push(`[${info.code}]`);
  const cause = info.cause as { message?: string; debugInfo?: { errorLocation?: string } } | undefined;
  if (cause && typeof cause === 'object') {
    const location = cause.debugInfo?.errorLocation;
    if (cause.message && cause.message !== e.message) parts.push(`(Excel: ${cause.message})`);
    if (location) parts.push(`at ${location}`);
  }
  return parts.join(' ');
}
