import { describeExcelError, ExcelOperationError } from '../../src/excel/errors';

/** Shaped like OfficeExtension.Error: a code, a localised message, debug info. */
function officeError(code: string, message = 'Something failed.'): Error & { code: string } {
  return Object.assign(new Error(message), { code, debugInfo: { code, message } });
}

test('cell edit mode becomes advice to leave it', () => {
  const d = describeExcelError(officeError('InvalidOperationInCellEditMode'));
  expect(d.code).toBe('InvalidOperationInCellEditMode');
  expect(d.vi).toContain('Thoát chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại');
  expect(d.en).toMatch(/Enter or Esc/);
});

test.each([
  ['AccessDenied', /bảo vệ/],
  ['ItemNotFound', /Không tìm thấy/],
  ['InvalidArgument', /từ chối/],
  ['RequestPayloadSizeLimitExceeded', /5 MB/],
  ['ResponsePayloadSizeLimitExceeded', /5 MB/],
  ['GeneralException', /không rõ nguyên nhân/],
  ['ApiNotFound', /Cập nhật Excel/],
])('%s has its own Vietnamese advice', (code, pattern) => {
  const d = describeExcelError(officeError(code));
  expect(d.code).toBe(code);
  expect(d.vi).toMatch(pattern);
  expect(d.en.length).toBeGreaterThan(20);
});

test('an unknown error keeps its message as detail instead of hiding it', () => {
  const d = describeExcelError(new Error('Boom at line 3'));
  expect(d.code).toBeUndefined();
  expect(d.vi).toContain('Boom at line 3');
  expect(d.en).toContain('Boom at line 3');
});

test('a plain message mentioning cell edit mode is recognised', () => {
  expect(describeExcelError(new Error('Excel is in cell-editing mode.')).vi).toContain('Thoát chế độ sửa ô');
});

test('ExcelOperationError reads well, keeps the code and the cause', () => {
  const cause = officeError('Conflict');
  const e = ExcelOperationError.from(cause);
  expect(e).toBeInstanceOf(Error);
  expect(e.code).toBe('Conflict');
  expect(e.cause).toBe(cause);
  expect(e.message).toContain(e.vi);
  expect(e.message).toContain(e.en);
  expect(ExcelOperationError.from(e)).toBe(e);
  expect(describeExcelError(e)).toEqual({ vi: e.vi, en: e.en, code: 'Conflict' });
});
