/**
 * Why a file could not be read as a template workbook. Shared by the CLI (Node) and the task
 * pane (browser): both read returns through src/xlsx, so both give the same message per problem.
 * The sentence is in an official's words and says what to do; what a library said goes in
 * `details`, a line for IT, never in the sentence.
 */
import type { Bilingual } from '../engine/types';

export type InputProblem =
  | 'missing' // no such file
  | 'directory' // a folder, not a file
  | 'unreadable' // permissions or I/O
  | 'empty' // 0 bytes
  | 'too-large' // the file, a part, or all parts together pass the limits of limits.ts
  | 'over-budget' // reading passed a budget of limits.ts (cells, strings, a number format, depth, time)
  | 'encrypted' // OLE compound file holding an EncryptedPackage: a password-protected .xlsx
  | 'xls' // OLE compound file without encryption: an old binary .xls renamed
  | 'ods' // an OpenDocument spreadsheet renamed to .xlsx
  | 'csv' // plain text (CSV, TSV) renamed to .xlsx
  | 'not-xlsx' // not a zip package at all (.pdf, images…)
  | 'unsafe-xml' // a part declares a DOCTYPE or entities (XML bomb, external entities)
  | 'corrupt' // a package the reader cannot read as a workbook (damaged zip, broken XML, missing part)
  | 'no-templates' // a readable workbook without any cchc-template sheet
  | 'consolidated' // a consolidation made by cchc/the pane, not a unit's return
  | 'version-older' // template version older than this add-in's
  | 'version-newer' // template version newer than this add-in's
  | 'duplicate-unit' // a second file from a unit already read
  | 'par-year'; // a PAR sheet of another year than the files already read

/** A file the command or the pane cannot use: reported for that file; the others go on. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: InputProblem,
    readonly text: Bilingual,
    /** What went wrong technically (a library's words, a part's name), for IT; absent when the sentence says all. */
    readonly details?: string,
  ) {
    super(`${file}: ${text.en}`);
    this.name = 'InputError';
  }
}

/** The sentence for a damaged package: what the official can do; the cause goes to `details`. */
export function damaged(file: string, details: string): InputError {
  return new InputError(
    file,
    'corrupt',
    {
      vi: 'tệp .xlsx bị hỏng, không đọc được. Hãy đề nghị đơn vị mở tệp bằng Excel, lưu lại (Lưu thành… dạng .xlsx) và gửi lại.',
      en: 'the .xlsx file is damaged and cannot be read. Ask the unit to open it in Excel, save it again (Save As… .xlsx) and send it again.',
    },
    details,
  );
}
