/**
 * Where a command writes. Commands never touch process.stdout/stderr directly, so the tests
 * and the benchmark run them in-process and read what they printed.
 */
export interface OutStream {
  write(text: string): unknown;
  /** True when the stream is a terminal: the progress bar is drawn only then. */
  isTTY?: boolean;
  /** Terminal width, for the progress bar. */
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /** Working directory that relative paths are resolved against. */
  cwd: string;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** Collects output in memory (tests, benchmark). */
export interface MemoryStream extends OutStream {
  text(): string;
}

export function memoryStream(isTTY = false): MemoryStream {
  const chunks: string[] = [];
  return {
    isTTY,
    columns: 80,
    write(text: string) {
      chunks.push(text);
      return true;
    },
    text: () => chunks.join(''),
  };
}

export function memoryIo(options: { cwd?: string; stderrTTY?: boolean; env?: Record<string, string> } = {}): CliIo & {
  stdout: MemoryStream;
  stderr: MemoryStream;
} {
  return {
    stdout: memoryStream(false),
    stderr: memoryStream(options.stderrTTY ?? false),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
  };
}
