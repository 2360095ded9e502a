/**
 * The error code a batch fails with ('no error' when it succeeds), so that a test can assert the
 * exact code; an error without one (a bug in the in-memory workbook) shows as `plain:<message>`.
 */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? `plain:${(e as Error).message}`;
  }
  return 'no error';
}
