/**
 * Errors a user can cause and understand. main() prints their message (no stack) and exits 2;
 * anything else is a bug and is reported as "unexpected" (stack only with CCHC_DEBUG=1).
 */
import type { Bilingual } from '../engine/types';

/** Bad command-line arguments: the message is followed by the usage text. */
export class UsageError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = 'UsageError';
  }
}

/** Why a file could not be read as a template workbook. */
export type InputProblem =
  | 'missing' // no such file
  | 'directory' // a folder, not a file
  | 'unreadable' // permissions or I/O
  | 'encrypted' // OLE compound file: password-protected .xlsx or an old binary .xls
  | 'not-xlsx' // not a zip package at all (.txt, .csv, .pdf…)
  | 'corrupt' // a zip that ExcelJS cannot read as a workbook
  | 'no-templates'; // a readable workbook without any cchc-template sheet

/** A file the command cannot use: reported on stderr for that file, exit status 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: InputProblem,
    readonly text: Bilingual,
  ) {
    super(`${file}: ${text.en}`);
    this.name = 'InputError';
  }
}
