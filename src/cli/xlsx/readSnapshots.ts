/**
 * The CLI's side of reading returns: bytes from disk (refusing a file above the size limit
 * before reading it into memory), then the shared reader of src/xlsx, which the task pane uses
 * on the files an official picks.
 */
import { promises as fs } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../../xlsx/errors';
import { LIMITS, megabytes, type Limits } from '../../xlsx/limits';
import { readTemplateBytes, type ReadOptions, type TemplateWorkbook } from '../../xlsx/reader';
import type { InflateRaw } from '../../xlsx/zipParts';

/**
 * Node's zlib as the reader's inflater: several times faster than fflate, and it stops inflating
 * once `maxBytes` are out (maxOutputLength), so a part lying about its size is still cut short.
 */
export const inflateWithZlib: InflateRaw = (compressed, maxBytes) => {
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};

/** What the CLI reads with: the shared reader, inflating with zlib. */
export function nodeReadOptions(options: { limits?: Limits } = {}): ReadOptions {
  return { ...options, inflateRaw: inflateWithZlib };
}

export async function readFileBytes(file: string, limits: Limits = LIMITS): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory())
      throw new InputError(file, 'directory', {
        vi: 'đây là một thư mục, không phải tệp .xlsx.',
        en: 'this is a folder, not an .xlsx file.',
      });
    if (stat.size > limits.fileBytes)
      throw new InputError(file, 'too-large', {
        vi: `tệp lớn ${megabytes(stat.size)}, vượt giới hạn ${megabytes(limits.fileBytes)} cho một tệp báo cáo.`,
        en: `the file is ${megabytes(stat.size)}, above the ${megabytes(limits.fileBytes)} limit for a return.`,
      });
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(file, 'missing', { vi: 'không tìm thấy tệp.', en: 'file not found.' });
    throw new InputError(file, 'unreadable', {
      vi: `không đọc được tệp (${code ?? (e as Error).message}).`,
      en: `cannot read the file (${code ?? (e as Error).message}).`,
    });
  }
}

/** Reads a unit's workbook from disk. Throws InputError if it is not one. */
export async function readTemplateWorkbook(file: string, options: { limits?: Limits } = {}): Promise<TemplateWorkbook> {
  return readTemplateBytes(file, await readFileBytes(file, options.limits), nodeReadOptions(options));
}
