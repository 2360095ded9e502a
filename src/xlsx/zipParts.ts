/**
 * The parts of a package, inflated one at a time as a stream (fflate's Inflate) into a sink that
 * tokenises them: a part never sits inflated in memory as a whole, and inflation stops as soon
 * as a part, or all parts read so far, pass the size limits, whatever their headers declare.
 * Only the parts the reader asks for are inflated. guard.ts has checked the directory first.
 */
import { Inflate } from 'fflate';
import { damaged, InputError } from './errors';
import { megabytes, type Limits } from './limits';
import type { ZipEntry } from './zipDirectory';

/** Thrown by a sink that has read all it needs of a part: inflation stops there, nothing is wrong. */
export class StopReading extends Error {}

const LOCAL_SIGNATURE = 0x04034b50;
/** Compressed bytes handed to the inflater at a time. */
const SLICE = 64 * 1024;

export class PackageParts {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    readonly file: string,
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly limits: Limits,
  ) {
    for (const e of entries) {
      // Two parts of one name: which one Excel would take is not said; neither is trusted.
      if (this.byName.has(e.name)) throw damaged(file, `duplicate part ${e.name}`);
      this.byName.set(e.name, e);
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Streams a part's inflated bytes to `sink`, chunk by chunk; false when the package has no such part. */
  read(name: string, sink: (chunk: Uint8Array, final: boolean) => void): boolean {
    try {
      return this.readPart(name, sink);
    } catch (e) {
      if (e instanceof StopReading) return true;
      throw e;
    }
  }

  private readPart(name: string, sink: (chunk: Uint8Array, final: boolean) => void): boolean {
    const entry = this.byName.get(name);
    if (!entry) return false;
    const { bytes, file } = this;
    const at = entry.localHeaderOffset;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE)
      throw damaged(file, `no local header for ${name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw damaged(file, `part ${name} runs past the end of the file`);
    let size = 0;
    const count = (chunk: Uint8Array) => {
      size += chunk.length;
      this.inflated += chunk.length;
      if (size > this.limits.partBytes || this.inflated > this.limits.totalBytes) {
        const cap = size > this.limits.partBytes ? this.limits.partBytes : this.limits.totalBytes;
        throw new InputError(file, 'too-large', {
          vi: `phần "${name}" giải nén ra hơn ${megabytes(cap)} (khai báo ${megabytes(entry.uncompressedSize)}): dừng giải nén, tệp bị từ chối (có thể là "bom nén"). Hãy đề nghị đơn vị gửi lại tệp lưu từ Excel.`,
          en: `part "${name}" inflates beyond ${megabytes(cap)} (it declares ${megabytes(entry.uncompressedSize)}): inflation stopped, the file is refused (possibly a zip bomb). Ask the unit to send the file again, saved from Excel.`,
        });
      }
    };
    if (entry.method === 0) {
      for (let from = start; from < end; from += SLICE) {
        const chunk = bytes.subarray(from, Math.min(end, from + SLICE));
        count(chunk);
        sink(chunk, from + SLICE >= end);
      }
      if (start === end) sink(new Uint8Array(0), true);
    } else if (entry.method === 8) {
      let ended = false;
      const inflater = new Inflate((chunk, final) => {
        count(chunk);
        ended = final;
        sink(chunk, final);
      });
      try {
        for (let from = start; from < end; from += SLICE)
          inflater.push(bytes.subarray(from, Math.min(end, from + SLICE)), from + SLICE >= end);
        if (start === end) inflater.push(new Uint8Array(0), true);
      } catch (e) {
        if (e instanceof InputError || e instanceof StopReading) throw e;
        throw damaged(file, `inflating ${name}: ${(e as Error).message}`);
      }
      if (!ended) throw damaged(file, `part ${name} ends before its compressed data does`);
    } else throw damaged(file, `part ${name} uses compression method ${entry.method}`);
    if (size !== entry.uncompressedSize && Number.isFinite(entry.uncompressedSize))
      throw damaged(file, `part ${name} inflates to ${size} bytes, its directory says ${entry.uncompressedSize}`);
    return true;
  }
}
