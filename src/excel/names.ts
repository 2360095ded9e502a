/** Names the adapter gives things in the workbook, kept apart so that importing them loads no operation. */
import { MAX_SHEET_NAME } from '../layout/names';

/** The sheet where values with no place in a new layout are kept, newest first. */
export const UNPLACED_SHEET = 'CCHC – chưa xếp';

/** A name no sheet uses yet: "name", else "name (2)", "name (3)"… (≤ 31 characters). */
export function freeName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase('vi')));
  if (!used.has(wanted.toLocaleLowerCase('vi'))) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${wanted.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(name.toLocaleLowerCase('vi'))) return name;
  }
}
