/**
 * One Excel.run batch as the adapter sees it: counts round trips (every `context.sync()` is one
 * on Excel on the web) and keeps the queued request under Excel on the web's 5 MB limit by
 * syncing early only when the next write would push it over.
 */

/** Requests larger than this are split (Excel on the web rejects requests over 5 MB). */
export const PAYLOAD_BUDGET_BYTES = 4 * 1024 * 1024;

/** Overhead of one queued command (object path, method name, ids) in the request JSON. */
export const BYTES_PER_COMMAND = 160;

const encoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;

/** UTF-8 size of a value as it travels in the request JSON. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  // Vietnamese text is mostly 2–3 bytes a character in UTF-8; measure where we can.
  return encoder ? encoder.encode(json).length : json.length * 3;
}

export class Session {
  syncs = 0;
  private pendingBytes = 0;

  constructor(
    readonly ctx: Excel.RequestContext,
    private readonly budget = PAYLOAD_BUDGET_BYTES,
  ) {}

  /** One round trip. */
  async sync(): Promise<void> {
    this.syncs += 1;
    this.pendingBytes = 0;
    await this.ctx.sync();
  }

  /**
   * Call before queuing a write of about `bytes`: if the request already holds data and this
   * write would take it past the budget, sends what is queued first. The only sync that may
   * happen inside a loop, and only for very large workbooks.
   */
  async reserve(bytes: number): Promise<void> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.budget) await this.sync();
    this.pendingBytes += bytes;
  }

  /** Records bytes queued without a chance to split (small commands). */
  note(bytes: number): void {
    this.pendingBytes += bytes;
  }

  get pending(): number {
    return this.pendingBytes;
  }
}
