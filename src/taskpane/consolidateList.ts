/**
 * The consolidation's file list as it is true at each moment: while reading, a file is waiting,
 * being read, read, or unreadable (never "consolidated" before the totals are made); once the
 * consolidation is finished (or cancelled: the rest were not read), a read file says what became of it. Counts at the top, and the
 * filters they stand for. Pure: no React, no Office.
 */
import type { SourceFile } from '../consolidate/types';

export type FileState =
  'waiting' | 'skipped' | 'reading' | 'read' | 'unreadable' | 'duplicate' | 'refused' | 'used' | 'no-appendix1';

/** What the counts at the top stand for, each also a filter of the list. */
export type FileFilter = 'read' | 'errors' | 'unreadable' | 'duplicate';
export const FILE_FILTERS: readonly FileFilter[] = ['read', 'errors', 'unreadable', 'duplicate'];

export interface ListedFile {
  /** The picked file's name. */
  file: string;
  /** What reading it gave, once read. */
  source: SourceFile | null;
  state: FileState;
}

/**
 * Every picked file in order. `sources[i]` is the i-th picked file as read so far; `finished`:
 * the consolidation was made (files are then "used", not just "read").
 */
export function listedFiles(
  picked: readonly string[],
  sources: readonly SourceFile[],
  reading: boolean,
  finished: boolean,
): ListedFile[] {
  return picked.map((file, i) => {
    const source = sources[i] ?? null;
    // Not read: next in line, waiting its turn, or left unread (cancelled, or the reading failed).
    if (!source) return { file, source, state: !reading ? 'skipped' : i === sources.length ? 'reading' : 'waiting' };
    return { file, source, state: stateOf(source, finished) };
  });
}

function stateOf(source: SourceFile, finished: boolean): FileState {
  if (source.status === 'unreadable') return 'unreadable';
  if (source.status === 'refused') return source.problem === 'duplicate-unit' ? 'duplicate' : 'refused';
  if (!finished) return 'read';
  return source.status;
}

export function matches(listed: ListedFile, filter: FileFilter): boolean {
  switch (filter) {
    case 'read':
      return listed.source !== null && listed.state !== 'unreadable';
    case 'errors':
      return (listed.source?.counts?.error ?? 0) > 0;
    case 'unreadable':
      return listed.state === 'unreadable';
    case 'duplicate':
      return listed.state === 'duplicate';
  }
}

export function fileCounts(listed: readonly ListedFile[]): Record<FileFilter, number> {
  const counts: Record<FileFilter, number> = { read: 0, errors: 0, unreadable: 0, duplicate: 0 };
  for (const l of listed) for (const f of FILE_FILTERS) if (matches(l, f)) counts[f]++;
  return counts;
}
