/**
 * The "Tổng hợp" panel's strings, kept apart so the shared message files only gain one key each
 * (several engineers edit them). Vietnamese first; English joins the lazily loaded en chunk.
 */
export interface ConsolidateMessages {
  heading: string;
  intro: string;
  pick: string;
  pickLabel: string;
  cancel: string;
  reading: (done: string, total: string, file: string) => string;
  cancelled: string;
  limits: string;
  filesHeading: string;
  unit: (unit: string) => string;
  version: (version: string) => string;
  counts: (errors: string, warnings: string) => string;
  completeness: (filled: string, cells: string) => string;
  /** The technical cause of a refusal, for IT (a library's words): never the sentence itself. */
  details: (text: string) => string;
  status: Record<'used' | 'unreadable' | 'refused' | 'no-appendix1', string>;
  showFindings: (n: string) => string;
  sheet: (name: string) => string;
  written: (sheets: string, units: string, sources: string) => string;
  nothingToWrite: string;
  leftOut: (n: string) => string;
  parHeading: string;
  parMerged: (n: string) => string;
  conflicts: (n: string) => string;
  /** One claim of a conflict: score, unit, file; `lead` when it is the lead unit's. */
  claim: (score: string, unit: string, file: string, lead: boolean) => string;
  takeLead: string;
  takeThis: string;
  /** A chosen score, as the pane lists it (the choice persists while the file is unchanged). */
  chosen: (rowKey: string, score: string, unit: string) => string;
  chosenHeading: string;
  /** The consolidation was not written into the open workbook (it holds a unit's figures…): its own workbook instead. */
  newWorkbookOffer: string;
  openNewWorkbook: string;
  newWorkbookOpened: string;
  /** The counts above the file list, each a filter of it. */
  summaryLabel: string;
  summary: Record<'read' | 'errors' | 'unreadable' | 'duplicate', (n: string) => string>;
  /** A file's state while reading (waiting, reading, read) and after: what is true at that moment. */
  state: Record<'waiting' | 'skipped' | 'reading' | 'read' | 'duplicate', string>;
  noneMatch: string;
}

export const consolidateVi: ConsolidateMessages = {
  heading: 'Tổng hợp',
  intro:
    'Chọn các tệp .xlsx các đơn vị gửi về: add-in đọc, kiểm tra từng tệp, rồi ghi bảng tổng hợp Phụ lục 1, trang Chỉ số CCHC (điểm lấy từ đơn vị chủ trì) và trang "Nguồn số liệu" vào sổ làm việc đang mở.',
  pick: 'Tổng hợp từ tệp đơn vị',
  pickLabel: 'Chọn các tệp .xlsx của đơn vị',
  cancel: 'Hủy',
  reading: (done, total, file) => `Đang đọc tệp ${done}/${total}: ${file}`,
  cancelled: 'Đã hủy: chưa ghi gì vào sổ làm việc.',
  limits:
    'Chọn các tệp .xlsx đơn vị đã gửi (tệp có biểu mẫu của CCHC Hà Nội). Tệp hỏng, có mật khẩu hoặc lớn bất thường được báo là không đọc được, không làm dừng việc tổng hợp.',
  filesHeading: 'Các tệp đã chọn',
  unit: (unit) => `Đơn vị: ${unit}`,
  version: (version) => `Phiên bản biểu mẫu: ${version}`,
  counts: (errors, warnings) => `Lỗi: ${errors} · Cảnh báo: ${warnings}`,
  completeness: (filled, cells) => `Đã điền ${filled}/${cells} ô`,
  details: (text) => `Chi tiết cho bộ phận IT: ${text}`,
  status: {
    used: 'Đã tổng hợp',
    unreadable: 'Không đọc được',
    refused: 'Không tổng hợp',
    'no-appendix1': 'Không có trang Phụ lục 1',
  },
  showFindings: (n) => `Xem ${n} lỗi và cảnh báo`,
  sheet: (name) => `Trang "${name}":`,
  written: (sheets, units, sources) =>
    `Đã ghi số liệu tổng hợp của ${units} đơn vị vào các trang ${sheets}; đơn vị nào gửi số liệu nào: xem trang “${sources}”.`,
  nothingToWrite: 'Không tệp nào dùng được: không ghi gì vào sổ làm việc.',
  leftOut: (n) => `${n} ô không hợp lệ bị loại (xem trang nguồn số liệu).`,
  parHeading: 'Chỉ số CCHC',
  parMerged: (n) => `${n} tiêu chí lấy điểm từ tệp của đơn vị chủ trì.`,
  conflicts: (n) => `${n} xung đột cần cán bộ xử lý (chưa lấy điểm nào):`,
  claim: (score, unit, file, lead) => `${score || '(trống)'} điểm: ${unit} (${file})${lead ? ', đơn vị chủ trì' : ''}`,
  takeLead: 'Lấy điểm của đơn vị chủ trì',
  takeThis: 'Lấy điểm này',
  chosen: (rowKey, score, unit) => `Tiêu chí ${rowKey}: lấy ${score || '(trống)'} điểm của ${unit}.`,
  chosenHeading: 'Điểm đã chọn (giữ lại khi tổng hợp lại với cùng các tệp; ghi trên trang "Nguồn số liệu"):',
  newWorkbookOffer:
    'Bảng tổng hợp chưa được ghi vào sổ làm việc đang mở (không ghi đè số liệu của đơn vị). Có thể mở bảng tổng hợp trong một sổ làm việc mới, giống tệp "cchc consolidate" tạo ra.',
  openNewWorkbook: 'Mở bảng tổng hợp trong sổ làm việc mới',
  newWorkbookOpened: 'Đã mở bảng tổng hợp trong một sổ làm việc mới; sổ làm việc đang mở không thay đổi.',
  summaryLabel: 'Các tệp (bấm một số để lọc danh sách)',
  summary: {
    read: (n) => `Đã đọc: ${n}`,
    errors: (n) => `Có lỗi: ${n}`,
    unreadable: (n) => `Không đọc được: ${n}`,
    duplicate: (n) => `Trùng đơn vị: ${n}`,
  },
  state: {
    waiting: 'Chờ đọc',
    skipped: 'Chưa đọc',
    reading: 'Đang đọc…',
    read: 'Đã đọc',
    duplicate: 'Trùng đơn vị',
  },
  noneMatch: 'Không có tệp nào ở mục này.',
};

export const consolidateEn: ConsolidateMessages = {
  heading: 'Consolidate',
  intro:
    'Pick the .xlsx files the units sent back: the add-in reads and checks each one, then writes the Appendix 1 consolidation, the PAR sheet (scores from lead units) and the "Nguồn số liệu" (sources) sheet into the open workbook.',
  pick: 'Consolidate units’ files',
  pickLabel: 'Pick the units’ .xlsx files',
  cancel: 'Cancel',
  reading: (done, total, file) => `Reading file ${done} of ${total}: ${file}`,
  cancelled: 'Cancelled: nothing was written to the workbook.',
  limits:
    'Choose the .xlsx files the units sent (files with the CCHC Hà Nội templates). A damaged, password-protected or unusually large file is reported as unreadable and does not stop the consolidation.',
  filesHeading: 'Files picked',
  unit: (unit) => `Unit: ${unit}`,
  version: (version) => `Template version: ${version}`,
  counts: (errors, warnings) => `Errors: ${errors} · Warnings: ${warnings}`,
  completeness: (filled, cells) => `${filled} of ${cells} cells filled`,
  details: (text) => `Details for IT: ${text}`,
  status: {
    used: 'Consolidated',
    unreadable: 'Cannot be read',
    refused: 'Not consolidated',
    'no-appendix1': 'No Appendix 1 sheet',
  },
  showFindings: (n) => `Show ${n} errors and warnings`,
  sheet: (name) => `Sheet "${name}":`,
  written: (sheets, units, sources) =>
    `Wrote the consolidated figures of ${units} units into the sheets ${sheets}; which unit sent what: see the sheet “${sources}”.`,
  nothingToWrite: 'No file could be used: nothing was written to the workbook.',
  leftOut: (n) => `${n} invalid cells left out (see the sources sheet).`,
  parHeading: 'PAR index',
  parMerged: (n) => `${n} criteria scored from their lead unit’s file.`,
  conflicts: (n) => `${n} conflicts for the official (no score taken):`,
  claim: (score, unit, file, lead) => `${score || '(blank)'} points: ${unit} (${file})${lead ? ', lead unit' : ''}`,
  takeLead: 'Take the lead unit’s score',
  takeThis: 'Take this score',
  chosen: (rowKey, score, unit) => `Criterion ${rowKey}: ${score || '(blank)'} points of ${unit} taken.`,
  chosenHeading: 'Chosen scores (kept when consolidating again with the same files; recorded on "Nguồn số liệu"):',
  newWorkbookOffer:
    'The consolidation was not written into the open workbook (a unit’s figures are never written over). It can open in a new workbook instead, the same file "cchc consolidate" makes.',
  openNewWorkbook: 'Open the consolidation in a new workbook',
  newWorkbookOpened: 'The consolidation opened in a new workbook; the open workbook is unchanged.',
  summaryLabel: 'Files (press a count to filter the list)',
  summary: {
    read: (n) => `Read: ${n}`,
    errors: (n) => `With errors: ${n}`,
    unreadable: (n) => `Cannot be read: ${n}`,
    duplicate: (n) => `Same unit twice: ${n}`,
  },
  state: {
    waiting: 'Waiting',
    skipped: 'Not read',
    reading: 'Reading…',
    read: 'Read',
    duplicate: 'Same unit twice',
  },
  noneMatch: 'No file in this group.',
};
