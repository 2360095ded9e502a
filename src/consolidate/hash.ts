/**
 * The fingerprint of a file's bytes, computed where the pane and the CLI read a unit's file: a PAR
 * choice holds only while its file's fingerprint is unchanged. SHA-256 from the platform's Web
 * Crypto (`crypto.subtle`: every browser the pane runs in, and Node 20's global `crypto`), so no
 * hash is written by hand; the hex digest is what the sources sheet and the choices compare.
 */
export async function contentHash(bytes: Uint8Array): Promise<string> {
  // A file's bytes sit in an ArrayBuffer (read from a File or from disk), never a SharedArrayBuffer.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
