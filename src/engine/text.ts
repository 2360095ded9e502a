/**
 * Text as officials type and paste it: the spaces that hide around values (non-breaking ones from
 * web pages and Word), Vietnamese folded for comparison, and the two words of a Đạt/Không đạt cell.
 */

export const PASS = 'Đạt';
export const FAIL = 'Không đạt';

/** Nothing entered ('' or null): a cell no one wrote, or one cleared. Whether to write over a cell asks this. */
export function isEmpty(raw: unknown): boolean {
  return raw === '' || raw === null || raw === undefined;
}

export function isSpaceChar(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0xa0 ||
    c === 0x202f ||
    c === 0x2007 ||
    c === 0x2009 ||
    c === 0x200b ||
    c === 0xfeff ||
    c === 0x3000 ||
    c === 0x2002 ||
    c === 0x2003
  );
}

/** The text without leading and trailing spaces of any kind, and whether there were some. */
export function trimSpaces(s: string): { text: string; spaces: boolean } {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceChar(s.charCodeAt(a))) a++;
  while (b > a && isSpaceChar(s.charCodeAt(b - 1))) b--;
  return { text: a === 0 && b === s.length ? s : s.slice(a, b), spaces: a > 0 || b < s.length };
}

export function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceChar(s.charCodeAt(i))) return false;
  return true;
}

/**
 * No content: nothing entered, or only spaces. Whether a cell is filled asks this (evidence, a unit's
 * progress): a cell holding a space is not filled.
 */
export function isBlank(raw: unknown): boolean {
  return isEmpty(raw) || (typeof raw === 'string' && isBlankText(raw));
}

/** Lower case, no diacritics, đ → d, runs of spaces → one space, trimmed. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s\u00A0\u202F\u2007\u2009\u200B\uFEFF]+/g, ' ')
    .trim();
}
