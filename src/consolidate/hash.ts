/**
 * A cheap, stable fingerprint of a file's bytes (length and FNV-1a, 32 bits), computed where the
 * pane and the CLI read a unit's file: a PAR choice holds only while its file's fingerprint is
 * unchanged. Not a security hash: it only tells an edited or replaced file from the one chosen.
 */
export function contentHash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193);
  }
  return `${bytes.length.toString(16)}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}
