/**
 * Turns whatever an operation threw into something an official can act on: a sentence saying
 * what to do, the error's own one-line message, and its code for whoever supports them.
 * Never a stack trace.
 */
import { errorParts } from '../contracts/errors';
import type { Language, Messages } from './i18n';

export interface PaneError {
  help: string;
  detail: string | null;
  code: string | null;
}

type HelpKey = keyof Messages['errorHelp'];

/** Office.js error codes (OfficeExtension.Error.code) grouped by what the official can do about them. */
const HELP_BY_CODE: Record<string, HelpKey> = {
  InvalidOperationInCellEditMode: 'cellEditMode',
  AccessDenied: 'protected',
  ItemNotFound: 'notFound',
  InvalidReference: 'notFound',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  OperationCellsExceedLimit: 'tooLarge',
  ApiNotFound: 'unsupported',
  NotImplemented: 'unsupported',
  UnsupportedFeature: 'unsupported',
  UnsupportedOperation: 'unsupported',
  Conflict: 'conflict',
  InsertDeleteConflict: 'conflict',
  ActivityLimitReached: 'busyExcel',
  ServiceNotAvailable: 'busyExcel',
  Timeout: 'busyExcel',
  RequestAborted: 'network',
  ConnectionFailure: 'network',
};

/**
 * The Excel adapter already rejects with advice in both languages (ExcelOperationError: `vi`,
 * `en`, `code`); that advice is more specific than ours, so it wins. Anything else is keyed
 * on its Office.js code, then on its message.
 */
export function describeError(error: unknown, t: Messages, lang: Language): PaneError {
  const { code, message } = errorParts(error);
  const advice = bilingual(error);
  if (advice) return { help: advice[lang], detail: null, code };
  const detail = firstLine(message);
  const key: HelpKey = (code && HELP_BY_CODE[code]) || guessFromMessage(detail) || 'generic';
  return { help: t.errorHelp[key], detail, code };
}

function bilingual(error: unknown): { vi: string; en: string } | null {
  if (!error || typeof error !== 'object') return null;
  const { vi, en } = error as { vi?: unknown; en?: unknown };
  return typeof vi === 'string' && typeof en === 'string' && vi && en ? { vi, en } : null;
}

function firstLine(message: string | null): string | null {
  if (!message) return null;
  const line = message.split('\n')[0].trim();
  if (!line) return null;
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/** Some hosts reject with a plain Error whose message is the only clue. */
function guessFromMessage(message: string | null): HelpKey | null {
  if (!message) return null;
  if (/cell edit mode|editing a cell/i.test(message)) return 'cellEditMode';
  if (/protected/i.test(message)) return 'protected';
  if (/failed to fetch|network/i.test(message)) return 'network';
  return null;
}
