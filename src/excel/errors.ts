/**
 * Turns what Office.js rejects with into text an official can act on. Excel's error codes
 * (OfficeExtension.Error.code, Excel.ErrorCodes) are stable and not localised; their messages
 * are localised and terse, so the advice is keyed on the code and the message is kept only as
 * detail.
 */
import { errorParts } from '../contracts/errors';
import type { Bilingual } from '../engine/types';

export interface ExcelErrorInfo extends Bilingual {
  code?: string;
}

const ADVICE: Record<string, Bilingual> = {
  InvalidOperationInCellEditMode: {
    vi: 'Excel đang ở chế độ sửa ô. Thoát chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại.',
    en: 'Excel is editing a cell. Leave cell editing (press Enter or Esc) and try again.',
  },
  AccessDenied: {
    vi: 'Excel không cho phép thao tác này: trang tính hoặc sổ làm việc có thể đang được bảo vệ, hoặc bạn chỉ có quyền xem. Bỏ bảo vệ hoặc xin quyền sửa rồi thử lại.',
    en: 'Excel refused the operation: the sheet or workbook may be protected, or you may only have view access. Unprotect it or ask for edit access, then try again.',
  },
  ItemNotFound: {
    vi: 'Không tìm thấy trang tính hoặc ô cần dùng: có thể ai đó vừa đổi tên hoặc xóa nó. Bấm "Chèn biểu mẫu" để tạo lại trang còn thiếu, rồi thử lại.',
    en: 'A sheet or cell the add-in needs was not found: someone may have renamed or deleted it. Press "Insert templates" to recreate what is missing, then retry.',
  },
  InvalidReference: {
    vi: 'Địa chỉ ô hoặc trang tính không còn hợp lệ (có thể vừa bị đổi tên hoặc xóa). Kiểm tra lại sổ rồi thử lại.',
    en: 'A cell or sheet reference is no longer valid (it may have been renamed or deleted). Inspect the workbook and retry.',
  },
  InvalidArgument: {
    vi: 'Excel từ chối một giá trị mà tiện ích gửi. Hãy thử lại; nếu vẫn lỗi, báo cho Sở Nội vụ kèm mã lỗi.',
    en: 'Excel rejected a value the add-in sent. Try again; if it persists, report it to the Department of Home Affairs with the error code.',
  },
  InvalidOperation: {
    vi: 'Excel không thể thực hiện thao tác này lúc này (ví dụ ô đang bị khóa hoặc bộ lọc đang bật). Thử lại sau.',
    en: 'Excel cannot do this right now (for instance a locked cell or an active filter). Try again later.',
  },
  ItemAlreadyExists: {
    vi: 'Đã có một trang tính hoặc tên trùng (có thể do người khác vừa tạo). Chờ vài giây rồi thử lại: tiện ích đọc lại sổ làm việc trước khi ghi.',
    en: 'A sheet or name with that name already exists (perhaps someone just created it). Wait a few seconds and retry: the add-in reads the workbook again before writing.',
  },
  MergedRangeConflict: {
    vi: 'Vùng ô bị trộn (merge) chặn thao tác. Bỏ trộn ô trong vùng biểu mẫu rồi thử lại.',
    en: 'Merged cells block the operation. Unmerge the cells in the template area and try again.',
  },
  InsertDeleteConflict: {
    vi: 'Thao tác chèn/xóa xung đột với dữ liệu khác trên trang. Thử lại sau khi mọi người lưu xong.',
    en: 'An insert or delete conflicts with other data on the sheet. Try again once everyone has saved.',
  },
  Conflict: {
    vi: 'Người khác vừa sửa cùng vùng ô. Chờ vài giây rồi thử lại.',
    en: 'Someone else just edited the same cells. Wait a few seconds and try again.',
  },
  RequestPayloadSizeLimitExceeded: {
    vi: 'Yêu cầu gửi tới Excel quá lớn (giới hạn 5 MB của Excel trên web). Chọn ít biểu mẫu hơn mỗi lần rồi thử lại.',
    en: 'The request to Excel was too large (Excel on the web’s 5 MB limit). Choose fewer templates at a time and retry.',
  },
  ResponsePayloadSizeLimitExceeded: {
    vi: 'Dữ liệu đọc từ Excel quá lớn (giới hạn 5 MB của Excel trên web). Xóa các vùng dữ liệu thừa ngoài biểu mẫu rồi thử lại.',
    en: 'The data read from Excel was too large (Excel on the web’s 5 MB limit). Remove stray data outside the templates and retry.',
  },
  OperationCellsExceedLimit: {
    vi: 'Thao tác chạm tới quá nhiều ô cùng lúc. Thử lại với ít trang tính hơn.',
    en: 'The operation touches too many cells at once. Retry with fewer sheets.',
  },
  FormulaLengthExceedsLimit: {
    vi: 'Một công thức vượt quá 8.192 ký tự mà Excel cho phép.',
    en: 'A formula exceeds Excel’s 8,192-character limit.',
  },
  ApiNotFound: {
    vi: 'Phiên bản Excel này thiếu tính năng cần dùng. Cập nhật Excel (tối thiểu Excel 2019 / Microsoft 365) hoặc dùng Excel trên web.',
    en: 'This version of Excel lacks a feature the add-in needs. Update Excel (Excel 2019 / Microsoft 365 or later) or use Excel on the web.',
  },
  NotImplemented: {
    vi: 'Excel trên thiết bị này chưa hỗ trợ thao tác này. Hãy dùng Excel trên máy tính hoặc trên web.',
    en: 'Excel on this device does not support this yet. Use Excel on a computer or on the web.',
  },
  UnsupportedOperation: {
    vi: 'Excel không hỗ trợ thao tác này trên trang tính hiện tại.',
    en: 'Excel does not support this operation on this sheet.',
  },
  UnsupportedFeature: {
    vi: 'Excel không hỗ trợ tính năng này ở đây.',
    en: 'Excel does not support this feature here.',
  },
  UnsupportedSheet: {
    vi: 'Trang này không phải trang tính thông thường (ví dụ trang biểu đồ hoặc macro).',
    en: 'This is not a regular worksheet (a chart or macro sheet, for instance).',
  },
  ActivityLimitReached: {
    vi: 'Excel đang bận vì quá nhiều yêu cầu. Chờ một lát rồi thử lại.',
    en: 'Excel is busy with too many requests. Wait a moment and try again.',
  },
  RequestAborted: {
    vi: 'Yêu cầu tới Excel bị ngắt (mất mạng hoặc sổ vừa đóng). Kiểm tra kết nối rồi thử lại.',
    en: 'The request to Excel was aborted (network lost or workbook closed). Check the connection and retry.',
  },
  InactiveWorkbook: {
    vi: 'Sổ làm việc không còn hoạt động (có thể đang mở ở cửa sổ khác). Chọn lại sổ rồi thử lại.',
    en: 'The workbook is not active (it may be open in another window). Switch back to it and retry.',
  },
  GeneralException: {
    vi: 'Excel gặp lỗi không rõ nguyên nhân. Lưu sổ, thử lại; nếu vẫn lỗi, đóng và mở lại sổ.',
    en: 'Excel hit an unexplained error. Save the workbook and retry; if it persists, close and reopen it.',
  },
  SheetProtected: {
    vi: 'Một trang tính đang được bảo vệ nên tiện ích không ghi vào đó.',
    en: 'A sheet is protected, so the add-in cannot write to it.',
  },
  HoldsUnitData: {
    vi: 'Sổ làm việc đang mở chứa số liệu của một đơn vị báo cáo: bảng tổng hợp không được ghi đè lên đó. Hãy tổng hợp vào một sổ làm việc mới (hoặc một sổ chưa có số liệu đơn vị).',
    en: "The open workbook holds a reporting unit's own figures: the consolidation must not write over them. Consolidate into a new workbook (or one that holds no unit figures).",
  },
  ReadOnlyWorkbook: {
    vi: 'Bạn chỉ có quyền xem sổ làm việc này nên tiện ích không thể ghi vào đó. Xin quyền sửa từ người chia sẻ sổ làm việc, rồi thử lại.',
    en: 'You can only view this workbook, so the add-in cannot write to it. Ask whoever shared it for edit access, then retry.',
  },
  RequirementSetMissing: {
    vi: 'Phiên bản Excel này không hỗ trợ tính năng cần dùng. Cập nhật Excel hoặc dùng Excel trên web.',
    en: 'This version of Excel does not support a feature the add-in needs. Update Excel or use Excel on the web.',
  },
  VerificationFailed: {
    vi: 'Sau khi chèn, biểu mẫu đọc lại không khớp (có thể người khác đang sửa cùng lúc). Bấm "Chèn biểu mẫu" lần nữa.',
    en: 'After injecting, the template read back did not match (someone may be editing at the same time). Press "Insert templates" again.',
  },
};

const FALLBACK: Bilingual = {
  vi: 'Excel báo lỗi khi thực hiện thao tác. Thử lại; nếu vẫn lỗi, báo cho Sở Nội vụ kèm mã lỗi.',
  en: 'Excel reported an error. Try again; if it persists, report it to the Department of Home Affairs with the error code.',
};

/** Advice for an error thrown by Excel (or by this adapter), in both languages, with its code. */
export function describeExcelError(e: unknown): ExcelErrorInfo {
  if (e instanceof ExcelOperationError) return { vi: e.vi, en: e.en, code: e.code };
  const { code, message } = errorParts(e);
  let advice = code ? ADVICE[code] : undefined;
  // Some hosts reject with a plain Error whose message is the only clue.
  if (!advice && message && /cell[- ]edit(ing)? mode/i.test(message)) advice = ADVICE.InvalidOperationInCellEditMode;
  const base = advice ?? FALLBACK;
  const detail = message ? message.split('\n')[0].trim().slice(0, 300) : '';
  const withDetail = (text: string) => (detail && !advice ? `${text} (${detail})` : text);
  return { vi: withDetail(base.vi), en: withDetail(base.en), ...(code ? { code } : {}) };
}

/**
 * What every operation of the adapter rejects with: a readable message (Vietnamese, then
 * English), the Office.js code the pane keys on, and the original error as `cause`.
 */
export class ExcelOperationError extends Error implements ExcelErrorInfo {
  readonly vi: string;
  readonly en: string;
  readonly code?: string;
  override readonly cause: unknown;

  constructor(info: ExcelErrorInfo, cause?: unknown) {
    super(`${info.vi} / ${info.en}`);
    this.name = 'ExcelOperationError';
    this.vi = info.vi;
    this.en = info.en;
    if (info.code) this.code = info.code;
    this.cause = cause;
  }

  static from(e: unknown): ExcelOperationError {
    if (e instanceof ExcelOperationError) return e;
    return new ExcelOperationError(describeExcelError(e), e);
  }

  static of(code: keyof typeof ADVICE, detail?: Bilingual): ExcelOperationError {
    const a = ADVICE[code];
    return new ExcelOperationError(
      detail ? { vi: `${a.vi} ${detail.vi}`, en: `${a.en} ${detail.en}`, code } : { ...a, code },
    );
  }
}
