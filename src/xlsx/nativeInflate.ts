/**
 * The platform's own inflater, DecompressionStream('deflate-raw') (Chromium 103+, so WebView2 and
 * Excel on the web in Chrome or Edge; Safari 16.4+; Firefox 113+; Node 18+): native code, several
 * times faster than fflate's JavaScript, but asynchronous, so reader.ts inflates the parts it will
 * read before reading them (zipParts.ts PackageParts.prepare). Nothing here runs at load: a
 * webview without it (Office's IE11 or EdgeHTML, Chromium 80–102 with gzip and deflate only) gets
 * null from nativeInflater() and the parts inflate with fflate as before.
 */
import type { AsyncInflateRaw } from './zipParts';

type Decompressor = new (format: 'deflate-raw') => {
  readable: ReadableStream<Uint8Array>;
  writable: WritableStream<BufferSource>;
};

let checked: AsyncInflateRaw | null | undefined;

/** DecompressionStream as an AsyncInflateRaw, or null where the platform lacks it (or lacks 'deflate-raw'). */
export function nativeInflater(): AsyncInflateRaw | null {
  if (checked !== undefined) return checked;
  const Native = (globalThis as { DecompressionStream?: Decompressor }).DecompressionStream;
  checked = null;
  if (typeof Native !== 'function') return checked;
  try {
    new Native('deflate-raw');
  } catch {
    // Chromium 80–102 know DecompressionStream but not 'deflate-raw': fflate then.
    return checked;
  }
  checked = (compressed, maxBytes) => inflateWith(Native, compressed, maxBytes);
  return checked;
}

/**
 * Inflates `compressed` chunk by chunk; null as soon as more than `maxBytes` are out (the stream is
 * cancelled there, nothing more is inflated). Rejects on damaged data (the stream's own error).
 */
export async function inflateWith(
  Native: Decompressor,
  compressed: Uint8Array,
  maxBytes: number,
): Promise<Uint8Array | null> {
  const stream = new Native('deflate-raw');
  // Written at once, not awaited (the reader pulls the output meanwhile). Damaged data rejects the
  // writer's promises with the error the reader gets below, and a cancel rejects them too: the
  // reader is where it is seen, so they are only kept from being reported as unhandled here.
  // (Written directly: a Blob's stream piped through was 4 to 5 times slower in Chromium.)
  const writer = stream.writable.getWriter();
  writer.write(compressed as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
