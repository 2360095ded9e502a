/**
 * What an operation rejects with, read the same way by the adapter (src/excel/errors.ts, which
 * turns it into advice) and by the pane (src/taskpane/errors.ts, which shows it): an Office.js
 * error (OfficeExtension.Error) carries a stable, unlocalised `code` and a localised `message`;
 * anything else thrown is read for the same two. No Office.js here: only the error's shape.
 */

export interface ErrorParts {
  /** OfficeExtension.Error.code (Excel.ErrorCodes), or null when the error has none. */
  code: string | null;
  /** Its message (an Error's, a thrown string, or an object's `message`), or null. */
  message: string | null;
}

/** The code and message of anything thrown, without trusting its type. */
export function errorParts(e: unknown): ErrorParts {
  let code: string | null = null;
  let message: string | null = null;
  if (typeof e === 'string') message = e;
  else if (e !== null && typeof e === 'object') {
    const { code: c, message: m } = e as { code?: unknown; message?: unknown };
    if (typeof c === 'string' && c) code = c;
    if (typeof m === 'string') message = m;
  }
  return { code, message };
}

/** Whether an error carries this Office.js code ('AccessDenied', 'ItemNotFound'…). */
export function hasErrorCode(e: unknown, code: string): boolean {
  return errorParts(e).code === code;
}
