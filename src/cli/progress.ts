/**
 * A one-line progress bar on stderr for long runs. Drawn only when stderr is a terminal and
 * there are more than a few files: in a pipe or a log it would only add noise.
 */
import type { OutStream } from './io';

export const PROGRESS_MIN_FILES = 4;

export interface Progress {
  tick(label: string): void;
  done(): void;
}

const NO_PROGRESS: Progress = { tick: () => undefined, done: () => undefined };

export function createProgress(stream: OutStream, total: number): Progress {
  if (!stream.isTTY || total < PROGRESS_MIN_FILES) return NO_PROGRESS;
  let count = 0;
  let drawn = false;
  const width = Math.max(40, Math.min(stream.columns ?? 80, 120));
  const draw = (label: string) => {
    const barWidth = 24;
    const filled = Math.round((count / total) * barWidth);
    const head = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${count}/${total} `;
    const room = width - head.length - 1;
    const shown = label.length > room ? '…' + label.slice(label.length - room + 1) : label;
    // \r + clear-to-end-of-line redraws in place without scrolling the terminal.
    stream.write(`\r\x1b[K${head}${shown}`);
    drawn = true;
  };
  return {
    tick(label: string) {
      count = Math.min(total, count + 1);
      draw(label);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

/** Runs `work` over `files` with a progress bar on `stream`, erased however the work ends. */
export async function withProgress<T>(
  stream: OutStream,
  files: readonly string[],
  work: (onFile: (file: string) => void) => Promise<T>,
): Promise<T> {
  const progress = createProgress(stream, files.length);
  try {
    return await work((file) => progress.tick(file));
  } finally {
    progress.done();
  }
}
