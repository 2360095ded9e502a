/**
 * How much a returned workbook may hold, checked while it is read (a budget passed refuses that
 * file only; the other files of a batch go on). A filled unit return is about 60 KB zipped and
 * under 2 MB unzipped, with a few hundred cells per sheet, so these limits leave a wide margin
 * while stopping a zip bomb, a stray value at XFD1048576 or a pathological number format long
 * before it costs memory or time. Documented in README ("Giới hạn tệp / File limits").
 */
const MB = 1024 * 1024;

export const LIMITS = {
  /** The .xlsx file itself, as picked or on disk. */
  fileBytes: 200 * MB,
  /** One part (sheet XML, shared strings…) once inflated, declared or actual. */
  partBytes: 50 * MB,
  /** All parts of one file together once inflated, declared or actual. */
  totalBytes: 200 * MB,
  /** Parts in one package: a return has a few dozen. */
  parts: 10_000,
  /** Cell elements in one sheet, inside and outside the template's area (a sheet holds 400 × 21 at most). */
  cellsPerSheet: 1_000_000,
  /** Entries of the shared-string table. */
  sharedStrings: 500_000,
  /** Characters of one text (a cell holds at most 32,767 in Excel). */
  stringChars: 32_767,
  /** Characters of one formula (Excel: 8,192). */
  formulaChars: 8_192,
  /** Characters of one number format (Excel: 255). */
  numberFormatChars: 255,
  /** Nesting of XML elements in a part (a sheet needs 6). */
  xmlDepth: 64,
  /**
   * Time spent reading one file, in milliseconds (wall clock: the browser has no other). A return
   * reads in tens of milliseconds; the margin is for a busy machine, where the worst of the hostile
   * corpus (200,000 extra rows) has taken ten seconds.
   */
  milliseconds: 30_000,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
