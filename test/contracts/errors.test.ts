import { errorParts, hasErrorCode } from '../../src/contracts/errors';
import { describeExcelError } from '../../src/excel/errors';
import { describeError } from '../../src/taskpane/errors';
import { vi } from '../../src/taskpane/i18n/vi';

/** What Office.js rejects with: an Error subclass with Excel's code, debugInfo beside. */
class OfficeLikeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

describe('errorParts: the code and message of anything thrown, read once for adapter and pane', () => {
  test('an OfficeExtension.Error-like object, an Error, a string, a plain object, nothing', () => {
    expect(errorParts(new OfficeLikeError('AccessDenied', 'Bị từ chối'))).toEqual({
      code: 'AccessDenied',
      message: 'Bị từ chối',
    });
    expect(errorParts(new Error('boom'))).toEqual({ code: null, message: 'boom' });
    expect(errorParts('text')).toEqual({ code: null, message: 'text' });
    expect(errorParts({ code: '', message: 3 })).toEqual({ code: null, message: null });
    expect(errorParts(null)).toEqual({ code: null, message: null });
    expect(hasErrorCode(new OfficeLikeError('ItemNotFound', ''), 'ItemNotFound')).toBe(true);
    expect(hasErrorCode(undefined, 'ItemNotFound')).toBe(false);
  });

  test('adapter and pane read the same code and message from one error', () => {
    const e = new OfficeLikeError('SomeNewCode', 'Một lỗi mới\nchi tiết');
    expect(describeExcelError(e)).toMatchObject({ code: 'SomeNewCode' });
    expect(describeExcelError(e).vi).toContain('(Một lỗi mới)');
    expect(describeError(e, vi, 'vi')).toEqual({
      help: vi.errorHelp.generic,
      detail: 'Một lỗi mới',
      code: 'SomeNewCode',
    });
  });
});
