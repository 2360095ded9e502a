/**
 * Errors a user can cause and understand. main() prints their message (no stack) and exits 2;
 * anything else is a bug and is reported as "unexpected" (stack only with CCHC_DEBUG=1).
 */
import type { Bilingual } from '../engine/types';

/** Bad command-line arguments: the message is followed by the usage text. */
export class UsageError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = 'UsageError';
  }
}
