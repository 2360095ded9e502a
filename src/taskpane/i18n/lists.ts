/**
 * Strings of the pane's lists (findings by what to do first, rows under their headings, links to
 * the template sheets), kept apart so the shared message files gain one key. Vietnamese first;
 * English travels in the lazily loaded en chunk with the rest of English.
 */
export interface ListMessages {
  /** The counts bar: each count narrows the list to its severity. */
  filterLabel: string;
  /** Said beside the counts while one is pressed. */
  filteredBy: (severity: string) => string;
  /** One line standing for a kind of note, e.g. "26 mục chưa có nội dung". */
  noteKind: (code: string, count: string) => string;
  /** Links to the template sheets of the workbook. */
  sheetsHeading: string;
  goToSheet: (sheet: string) => string;
}

const NOTE_KINDS_VI: Record<string, (n: string) => string> = {
  'outline-empty': (n) => `${n} mục chưa có nội dung`,
  'below-target': (n) => `${n} tiêu chí thấp hơn mục tiêu`,
  'implausible-jump': (n) => `${n} số liệu thay đổi bất thường`,
  'goal-suggestion': (n) => `${n} mục tiêu chưa đánh giá (có đề xuất)`,
};

const NOTE_KINDS_EN: Record<string, (n: string) => string> = {
  'outline-empty': (n) => `${n} headings without text`,
  'below-target': (n) => `${n} criteria below target`,
  'implausible-jump': (n) => `${n} unusual changes between years`,
  'goal-suggestion': (n) => `${n} goals not assessed (with a suggestion)`,
};

export const listsVi: ListMessages = {
  filterLabel: 'Lọc theo mức độ',
  filteredBy: (s) => `Đang chỉ hiện: ${s}. Bấm lại để hiện tất cả.`,
  noteKind: (code, n) => (NOTE_KINDS_VI[code] ?? ((x) => `${x} lưu ý khác`))(n),
  sheetsHeading: 'Mở trang biểu mẫu',
  goToSheet: (sheet) => `Mở trang “${sheet}”`,
};

export const listsEn: ListMessages = {
  filterLabel: 'Filter by severity',
  filteredBy: (s) => `Showing only: ${s}. Press it again to show all.`,
  noteKind: (code, n) => (NOTE_KINDS_EN[code] ?? ((x) => `${x} other notes`))(n),
  sheetsHeading: 'Open a template sheet',
  goToSheet: (sheet) => `Open the sheet “${sheet}”`,
};
