/**
 * Modules the reader loads only when a file needs them (issue #21, the pane's reading chunk):
 * saxes, for XML outside the fast tokenizer's subset (xmlStream.ts), and fflate, where the
 * platform has no DecompressionStream and the host no inflater (zipParts.ts). Reading code is
 * synchronous, so a part that needs one not loaded yet throws its NeedsModule; readTemplateBytes
 * (reader.ts) then loads it and reads the file again from the start.
 */

/** Thrown when reading needs a module not loaded yet: nothing is wrong with the file. */
export class NeedsModule extends Error {
  constructor(
    what: string,
    /** Loads the module; reading the file again then finds it. */
    readonly load: () => Promise<void>,
  ) {
    super(`${what} is needed and not loaded yet`);
  }
}
