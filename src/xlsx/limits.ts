/**
 * How much a returned workbook may hold. A filled unit return is about 60 KB zipped and under
 * 2 MB unzipped, so these limits leave a wide margin while stopping a zip bomb (a small file
 * whose shared-strings part inflates to gigabytes) long before it costs memory.
 * Documented in README ("Giới hạn tệp / File limits").
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
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / MB) * 10) / 10} MB`;
}
