/**
 * The pane's side of "Tổng hợp từ tệp đơn vị", loaded only when the panel is used (it brings
 * the .xlsx reader and the engine; saxes and fflate only for a file or a browser that needs them, xlsx/lazyModules.ts; what writes comes later, paneWrite.ts): reads the picked files one at a time through the shared reader,
 * adds each to the core, and turns the result into what the adapter writes. Cancelling stops
 * between files; nothing is written until the official's files have all been read.
 */
import type { ConsolidationWrite } from '../contracts/operations';
import type { DecimalSeparator } from '../layout/types';
import { InputError } from '../xlsx/errors';
import { readTemplateBytes } from '../xlsx/reader';
import { contentHash } from './hash';
import { Consolidator } from './index';
import { SOURCES_SHEET } from './sourcesSheet';
import type { Consolidation, Lang, ParChoice, SourceFile } from './types';

export { SOURCES_SHEET };
export { applyParChoices } from './index';

/** What the pane needs of a picked file (a browser File has all three). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Lets the browser paint (progress bar, cancel button) between two files. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/**
 * Reading goes on for this long before the browser gets a turn: a file reads in a few
 * milliseconds, and a turn after each one cost more than the reading (timers are clamped to
 * 4 ms, and the list re-renders once per turn instead of once per batch of files). Each turn
 * also costs the page a frame (style, layout, paint, and the hit test of the pointer resting on
 * the pane: 20 % of 50 files' time at a turn every 50 ms); ten a second still shows the progress
 * moving and answers "Hủy" within a tenth of a second.
 */
export const BREATHE_EVERY_MS = 100;

/**
 * The User Timing mark set when the last file has been read and folded in, before anything is
 * written: what the page fetched before it is what reading took (the benchmark's chunkGzipBytes),
 * what it fetched after, what writing took. Also visible in the browser's performance tools.
 */
export const READ_MARK = 'cchc-consolidation-read';

export async function readAndConsolidate(
  files: readonly PickedFile[],
  lang: Lang,
  options: {
    signal?: AbortSignal;
    onFile?: (done: number, source: SourceFile) => void;
    /** This Excel's decimal separator, when known: the pane's lists write numbers with it. */
    decimalSeparator?: DecimalSeparator | null;
    /** The official's PAR choices so far: each holds while its file's bytes are unchanged. */
    choices?: readonly ParChoice[];
  } = {},
): Promise<Consolidation> {
  const consolidator = new Consolidator(lang, undefined, { decimalSeparator: options.decimalSeparator });
  let breathed = performance.now();
  for (const [i, file] of files.entries()) {
    if (options.signal?.aborted) throw new Cancelled();
    let source: SourceFile;
    let hash: string | undefined;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      hash = await contentHash(bytes);
      source = consolidator.add({ file: file.name, hash, book: await readTemplateBytes(file.name, bytes) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      source = consolidator.add({ file: file.name, hash, error: e });
    }
    options.onFile?.(i + 1, source);
    if (performance.now() - breathed >= BREATHE_EVERY_MS) {
      await breathe();
      breathed = performance.now();
    }
  }
  if (options.signal?.aborted) throw new Cancelled();
  const consolidation = consolidator.finish(options.choices);
  // jsdom (the pane's dom tests) has no User Timing.
  if (typeof performance.mark === 'function') performance.mark(READ_MARK);
  return consolidation;
}

/**
 * The consolidation as the adapter writes it (paneWrite.ts). Loaded when the write happens, not
 * with the reading: what the page fetches when files are picked is only what reads them.
 */
export async function toWrite(
  consolidation: Consolidation,
  lang: Lang,
  by: string,
  date = new Date(),
): Promise<ConsolidationWrite> {
  const write = await import(/* webpackChunkName: "consolidate-write" */ './paneWrite');
  return write.toWrite(consolidation, lang, by, date);
}
