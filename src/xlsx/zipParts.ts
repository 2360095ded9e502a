/**
 * The parts of a package, inflated one at a time as a stream (fflate's Inflate, loaded when first
 * needed: lazyModules.ts) into a sink that
 * tokenises them: a part never sits inflated in memory as a whole, and inflation stops as soon
 * as a part, or all parts read so far, pass the size limits, whatever their headers declare.
 * A host may pass its own inflater instead (InflateRaw: Node's zlib in the CLI), which inflates
 * a part at once but stops at the same limits. Only the parts the reader asks for are inflated.
 * In a browser with DecompressionStream (nativeInflate.ts), reader.ts has the parts it will read
 * inflated first (prepare), asynchronously and within the same limits, and they are handed on
 * from there as a host's would be. guard.ts has checked the directory first.
 */
import type * as Fflate from 'fflate';
import { damaged, InputError } from './errors';
import { NeedsModule } from './lazyModules';
import { megabytes, type Limits } from './limits';
import type { ZipEntry } from './zipDirectory';

/** Thrown by a sink that has read all it needs of a part: inflation stops there, nothing is wrong. */
export class StopReading extends Error {}
/** The one StopReading thrown: a signal, whose stack nobody reads, need not capture one each time. */
export const STOP_READING = new StopReading('the rest of the part is not needed');

/**
 * A host's own inflater of raw deflate data (Node's zlib in the CLI, several times faster than
 * fflate): the whole part, or null as soon as it passes `maxBytes`; it throws on damaged data.
 * Without one, parts inflate as a stream through fflate (the browser).
 */
export type InflateRaw = (compressed: Uint8Array, maxBytes: number) => Uint8Array | null;
/** The same, asynchronous (DecompressionStream, nativeInflate.ts): rejects on damaged data. */
export type AsyncInflateRaw = (compressed: Uint8Array, maxBytes: number) => Promise<Uint8Array | null>;

/** A part inflated ahead by prepare(): its bytes, null past the limits, or its inflater's error. */
type Prepared = { bytes: Uint8Array | null } | { error: Error };

let fflate: typeof Fflate | null = null;

/**
 * Thrown by a deflated part to inflate with fflate while fflate is not loaded: needed only where
 * neither the host (zlib) nor the platform (DecompressionStream) inflates, e.g. an old webview.
 */
const NEEDS_FFLATE = new NeedsModule('fflate', async () => {
  fflate ??= await import(/* webpackChunkName: "fflate" */ 'fflate');
});

const LOCAL_SIGNATURE = 0x04034b50;
/** Compressed bytes handed to the inflater at a time. */
const SLICE = 64 * 1024;
/** Inflated bytes handed on at a time from a part inflated whole: what follows a sheet's cells is then never decoded. */
const OUT_SLICE = 16 * 1024;

export class PackageParts {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;
  /** Bytes each part has inflated to so far: a part read twice (xmlStream.ts's fallback) counts once. */
  private readonly counted = new Map<string, number>();
  /** Parts inflated ahead (prepare), each dropped once read. */
  private readonly prepared = new Map<string, Prepared>();

  constructor(
    readonly file: string,
    private readonly bytes: Uint8Array,
    entries: readonly ZipEntry[],
    private readonly limits: Limits,
    private readonly inflateRaw?: InflateRaw,
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

  /**
   * Inflates ahead, in this order, the deflated parts of `names` that the reader is about to read,
   * so that read() hands them on at once. Each stops past the room the limits leave (the parts
   * before it counted whole, as read() will count them); preparing stops at the first part past
   * the limits or failing to inflate (read() refuses the file there, with the same words as
   * without preparing) or at the first that cannot be found (read() says why). If `inflate`
   * throws on starting (an old DecompressionStream), the parts left inflate as before.
   */
  async prepare(names: readonly string[], inflate: AsyncInflateRaw): Promise<void> {
    let ahead = 0;
    for (const name of names) {
      const entry = this.byName.get(name);
      if (!entry || entry.method !== 8 || this.prepared.has(name)) continue;
      let range: { start: number; end: number };
      try {
        range = this.dataRange(entry);
      } catch {
        return; // read() throws the same when it comes to this part
      }
      // As in readPart: a part read before (a file read again with saxes) counts once.
      const before = this.counted.get(name) ?? 0;
      const room = Math.min(this.limits.partBytes, this.limits.totalBytes - this.inflated - ahead + before);
      let done: Promise<Uint8Array | null>;
      try {
        done = inflate(this.bytes.subarray(range.start, range.end), Math.max(0, room));
      } catch {
        return;
      }
      try {
        const bytes = await done;
        this.prepared.set(name, { bytes });
        if (bytes === null) return;
        ahead += Math.max(0, bytes.length - before);
      } catch (e) {
        this.prepared.set(name, { error: e instanceof Error ? e : new Error(String(e)) });
        return;
      }
    }
  }

  /** Where a part's compressed data lies in the file; throws when its local header is not where the directory says. */
  private dataRange(entry: ZipEntry): { start: number; end: number } {
    const { bytes, file } = this;
    const at = entry.localHeaderOffset;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE)
      throw damaged(file, `no local header for ${entry.name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw damaged(file, `part ${entry.name} runs past the end of the file`);
    return { start, end };
  }

  /**
   * Streams a part's inflated bytes to `sink`, chunk by chunk; false when the package has no such
   * part. A chunk is never written to after the sink returns (fflate hands fresh buffers, zlib's
   * slices are views of one): xmlSubset.ts keeps the unread end of one until the next.
   */
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
    const { start, end } = this.dataRange(entry);
    const ahead = this.prepared.get(name);
    this.prepared.delete(name);
    let size = 0;
    const before = this.counted.get(name) ?? 0;
    const count = (length: number) => {
      size += length;
      if (size > before) this.inflated += Math.min(length, size - before);
      if (size > this.limits.partBytes || this.inflated > this.limits.totalBytes) {
        const cap = size > this.limits.partBytes ? this.limits.partBytes : this.limits.totalBytes;
        throw new InputError(file, 'too-large', {
          vi: `phần "${name}" giải nén ra hơn ${megabytes(cap)} (khai báo ${megabytes(entry.uncompressedSize)}): dừng giải nén, tệp bị từ chối (có thể là "bom nén"). Hãy đề nghị đơn vị gửi lại tệp lưu từ Excel.`,
          en: `part "${name}" inflates beyond ${megabytes(cap)} (it declares ${megabytes(entry.uncompressedSize)}): inflation stopped, the file is refused (possibly a zip bomb). Ask the unit to send the file again, saved from Excel.`,
        });
      }
    };
    try {
      // How far this part may inflate before a limit is passed.
      const room = Math.min(this.limits.partBytes, this.limits.totalBytes - this.inflated + before);
      if (entry.method === 8 && ahead) {
        const inflated = () => {
          if ('error' in ahead) throw ahead.error;
          return ahead.bytes;
        };
        this.inflateWhole(entry, inflated, room, count, sink);
      } else if (entry.method === 8 && this.inflateRaw) {
        const inflateRaw = this.inflateRaw;
        this.inflateWhole(entry, () => inflateRaw(bytes.subarray(start, end), room), room, count, sink);
      } else this.inflate(entry, start, end, count, sink);
    } finally {
      if (size > before) this.counted.set(name, size);
    }
    if (size !== entry.uncompressedSize && Number.isFinite(entry.uncompressedSize))
      throw damaged(file, `part ${name} inflates to ${size} bytes, its directory says ${entry.uncompressedSize}`);
    return true;
  }

  /**
   * A part inflated at once, stopped past `room` bytes (by the host's inflater, Node's zlib in the
   * CLI, or ahead by prepare()), then handed on in slices.
   */
  private inflateWhole(
    entry: ZipEntry,
    inflated: () => Uint8Array | null,
    room: number,
    count: (length: number) => void,
    sink: (chunk: Uint8Array, final: boolean) => void,
  ): void {
    let out: Uint8Array | null;
    try {
      out = inflated();
    } catch (e) {
      throw damaged(this.file, `inflating ${entry.name}: ${(e as Error).message}`);
    }
    if (out === null) count(room + 1);
    else {
      count(out.length);
      for (let from = 0; from < out.length; from += OUT_SLICE)
        sink(out.subarray(from, Math.min(out.length, from + OUT_SLICE)), from + OUT_SLICE >= out.length);
      if (out.length === 0) sink(out, true);
    }
  }

  private inflate(
    entry: ZipEntry,
    start: number,
    end: number,
    count: (length: number) => void,
    sink: (chunk: Uint8Array, final: boolean) => void,
  ): void {
    const { bytes, file } = this;
    const name = entry.name;
    if (entry.method === 0) {
      for (let from = start; from < end; from += SLICE) {
        const chunk = bytes.subarray(from, Math.min(end, from + SLICE));
        count(chunk.length);
        sink(chunk, from + SLICE >= end);
      }
      if (start === end) sink(new Uint8Array(0), true);
    } else if (entry.method === 8) {
      if (!fflate) throw NEEDS_FFLATE;
      const { Inflate } = fflate;
      let ended = false;
      // What the sink or the limits throw goes on as it is; only fflate's own errors mean damaged data.
      let passOn: unknown = null;
      const inflater = new Inflate((chunk, final) => {
        try {
          count(chunk.length);
          ended = final;
          sink(chunk, final);
        } catch (e) {
          passOn = e;
          throw e;
        }
      });
      try {
        for (let from = start; from < end; from += SLICE)
          inflater.push(bytes.subarray(from, Math.min(end, from + SLICE)), from + SLICE >= end);
        if (start === end) inflater.push(new Uint8Array(0), true);
      } catch (e) {
        if (e === passOn) throw e;
        throw damaged(file, `inflating ${name}: ${(e as Error).message}`);
      }
      if (!ended) throw damaged(file, `part ${name} ends before its compressed data does`);
    } else throw damaged(file, `part ${name} uses compression method ${entry.method}`);
  }
}
