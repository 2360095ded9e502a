/**
 * The zip central directory read by hand: names, flags and the sizes each part declares, without
 * inflating anything. JSZip only learns a part's real size by inflating it, which is exactly
 * what a zip bomb exploits, so the declared sizes are checked here first (limits.ts).
 * zipParts.ts then inflates the few parts the reader needs, from the offsets read here.
 */

export interface ZipEntry {
  name: string;
  /** General-purpose flags: bit 0 means the entry is encrypted (zip password). */
  flags: number;
  method: number;
  compressedSize: number;
  /** What the directory claims; may lie, so inflation is capped as well (zipParts.ts). */
  uncompressedSize: number;
  /** Where the part's local header starts in the file. */
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CD_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
/** Zip64 markers: a return never needs zip64, so they are read as "larger than any limit". */
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

export class ZipDirectoryError extends Error {}

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function findEndOfDirectory(bytes: Uint8Array): number {
  // The end record is followed by a comment of at most 65535 bytes.
  const stop = Math.max(0, bytes.length - EOCD_MIN - U16_MAX);
  for (let at = bytes.length - EOCD_MIN; at >= stop; at--) if (u32(bytes, at) === EOCD_SIGNATURE) return at;
  return -1;
}

const utf8 = new TextDecoder('utf-8');

/** Entries of the central directory; throws ZipDirectoryError when it cannot be read. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  if (end < 0) throw new ZipDirectoryError('no end of central directory');
  const count = u16(bytes, end + 10);
  const size = u32(bytes, end + 12);
  const offset = u32(bytes, end + 16);
  if (count === U16_MAX || size === U32_MAX || offset === U32_MAX)
    return [
      {
        name: '(zip64)',
        flags: 0,
        method: 0,
        compressedSize: U32_MAX,
        uncompressedSize: Infinity,
        localHeaderOffset: 0,
      },
    ];
  if (offset + size > bytes.length) throw new ZipDirectoryError('central directory outside the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CD_SIGNATURE) throw new ZipDirectoryError('bad directory entry');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const compressedSize = u32(bytes, at + 20);
    const uncompressedSize = u32(bytes, at + 24);
    entries.push({
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize,
      uncompressedSize: uncompressedSize === U32_MAX ? Infinity : uncompressedSize,
      localHeaderOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
