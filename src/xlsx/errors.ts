/**
 * Why a file could not be read as a template workbook. Shared by the CLI (Node) and the task
 * pane (browser): both read returns through src/xlsx, so both give the same message per problem.
 */
import type { Bilingual } from '../engine/types';

export type InputProblem =
  | 'missing' // no such file
  | 'directory' // a folder, not a file
  | 'unreadable' // permissions or I/O
  | 'empty' // 0 bytes
  | 'too-large' // the file, a part, or all parts together pass the limits of limits.ts
  | 'encrypted' // OLE compound file holding an EncryptedPackage: a password-protected .xlsx
  | 'xls' // OLE compound file without encryption: an old binary .xls renamed
  | 'ods' // an OpenDocument spreadsheet renamed to .xlsx
  | 'csv' // plain text (CSV, TSV) renamed to .xlsx
  | 'not-xlsx' // not a zip package at all (.pdf, images…)
  | 'unsafe-xml' // a part declares a DOCTYPE or entities (XML bomb, external entities)
  | 'corrupt' // a zip that ExcelJS cannot read as a workbook
  | 'no-templates' // a readable workbook without any cchc-template sheet
  | 'consolidated' // a consolidation made by cchc/the pane, not a unit's return
  | 'version-older' // template version older than this add-in's
  | 'version-newer' // template version newer than this add-in's
  | 'duplicate-unit'; // a second file from a unit already read

/** A file the command or the pane cannot use: reported for that file; the others go on. */
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
