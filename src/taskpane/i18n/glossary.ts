/**
 * One term per thing, as Vietnamese Excel names it, in the pane, the messages, the README and
 * the manifest. Data, so that test/taskpane/glossary.test.ts can hold every user-facing string
 * to it.
 */
export interface Term {
  /** The word to use. */
  use: string;
  /** Words for the same thing that must not appear (matched case-insensitively). */
  avoid: string[];
}

export const GLOSSARY: readonly Term[] = [
  { use: 'sổ làm việc', avoid: ['sổ tính'] },
  { use: 'ngăn tác vụ', avoid: ['bảng tác vụ'] },
  { use: 'Trang đầu', avoid: ['thẻ Home'] },
  { use: 'Chỉ số CCHC', avoid: ['Chỉ số PAR'] },
  /** The add-in's one name (the ribbon group and button say "CCHC", which is the same name). */
  { use: 'CCHC Hà Nội', avoid: ['Hanoi PAR', 'Tiện ích CCHC Hà Nội'] },
];

/** Quotation marks in what users read: curly ones only, in both languages. */
export const QUOTES = { open: '“', close: '”', avoid: '"' } as const;

/** Button and heading labels are words: no "&". */
export const LABEL_AVOID = '&';
