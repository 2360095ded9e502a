import type { Language } from '../taskpane/i18n';

/** The playground's own chrome (the task pane brings its strings from src/taskpane/i18n). */
export interface PlaygroundStrings {
  title: string;
  subtitle: string;
  sheetTabs: string;
  sheetGrid: (sheet: string) => string;
  cellContent: (address: string) => string;
  hiddenColumn: string;
  pasteHint: string;
  /** Excel's own text when a validation alert has no message. */
  defaultAlertTitle: string;
  defaultAlertMessage: string;
  continueQuestion: string;
  retry: string;
  cancel: string;
  yes: string;
  no: string;
  ok: string;
  /** A workbook the add-in opened (Excel.createWorkbook): offered as a download. */
  createdWorkbook: (n: string) => string;
  badFormula: string;
  paneLabel: string;
}

const vi: PlaygroundStrings = {
  title: 'CCHC Hà Nội — Playground',
  subtitle: 'Sổ làm việc trong trình duyệt, không cần Excel: thử mọi nút của ngăn tác vụ.',
  sheetTabs: 'Các trang tính',
  sheetGrid: (sheet) => `Trang tính ${sheet}`,
  cellContent: (address) => `Nội dung ô ${address}`,
  hiddenColumn: 'Cột ẩn',
  pasteHint: 'Gõ để nhập, Enter để ghi; Ctrl+V dán văn bản (dán bỏ qua xác thực dữ liệu, như Excel).',
  defaultAlertTitle: 'Microsoft Excel',
  defaultAlertMessage: 'Giá trị này không khớp với các giới hạn xác thực dữ liệu đã xác định cho ô này.',
  continueQuestion: 'Tiếp tục?',
  retry: 'Thử lại',
  cancel: 'Hủy',
  yes: 'Có',
  no: 'Không',
  ok: 'OK',
  createdWorkbook: (n) => `Sổ làm việc mới ${n} (.xlsx)`,
  badFormula: 'Công thức này có vấn đề.',
  paneLabel: 'Ngăn tác vụ CCHC',
};

const en: PlaygroundStrings = {
  title: 'Hà Nội CCHC — Playground',
  subtitle: 'A workbook in the browser, no Excel needed: try every button of the task pane.',
  sheetTabs: 'Sheets',
  sheetGrid: (sheet) => `Sheet ${sheet}`,
  cellContent: (address) => `Content of cell ${address}`,
  hiddenColumn: 'Hidden column',
  pasteHint: 'Type to enter, Enter to commit; Ctrl+V pastes text (pasting bypasses data validation, as in Excel).',
  defaultAlertTitle: 'Microsoft Excel',
  defaultAlertMessage: "This value doesn't match the data validation restrictions defined for this cell.",
  continueQuestion: 'Continue?',
  retry: 'Retry',
  cancel: 'Cancel',
  yes: 'Yes',
  no: 'No',
  ok: 'OK',
  createdWorkbook: (n) => `New workbook ${n} (.xlsx)`,
  badFormula: "There's a problem with this formula.",
  paneLabel: 'CCHC task pane',
};

export const PLAYGROUND_STRINGS: Record<Language, PlaygroundStrings> = { vi, en };
