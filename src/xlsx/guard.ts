/**
 * Checks a file before anything is inflated, so that a hostile or broken return costs neither
 * memory nor a confusing error: empty, too large, an encrypted or old .xls compound file, an
 * .ods or CSV renamed, a zip whose parts declare more than limits.ts allows. Sizes are checked
 * from the zip directory BEFORE inflating; zipParts.ts then inflates each part the reader needs
 * as a stream that stops at the cap (a part that lies about its size), and xmlStream.ts refuses
 * a DOCTYPE. Runs the same in Node and in the browser.
 */
import { damaged, InputError } from './errors';
import { LIMITS, megabytes, type Limits } from './limits';
import { readZipDirectory, ZipDirectoryError, type ZipEntry } from './zipDirectory';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An encrypted .xlsx is an OLE file with a stream of this name (UTF-16LE in the directory). */
const ENCRYPTED_STREAM = 'EncryptedPackage';

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let at = 0; at + needle.length <= bytes.length; at++) {
    for (let j = 0; j < needle.length; j++) if (bytes[at + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Plain text (CSV, TSV, notes): no NUL or other control bytes at the start. */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  for (const b of head) if (b < 9 || (b > 13 && b < 32 && b !== 27)) return false;
  return true;
}

function refuse(file: string, problem: InputError['problem'], vi: string, en: string): never {
  throw new InputError(file, problem, { vi, en });
}

function checkSignature(file: string, bytes: Uint8Array, limits: Limits): void {
  if (bytes.length === 0) refuse(file, 'empty', 'tệp rỗng (0 byte).', 'the file is empty (0 bytes).');
  if (bytes.length > limits.fileBytes)
    refuse(
      file,
      'too-large',
      `tệp lớn ${megabytes(bytes.length)}, vượt giới hạn ${megabytes(limits.fileBytes)} cho một tệp báo cáo. Hãy đề nghị đơn vị mở tệp bằng Excel, lưu lại (Lưu thành… dạng .xlsx) và gửi lại.`,
      `the file is ${megabytes(bytes.length)}, above the ${megabytes(limits.fileBytes)} limit for a return. Ask the unit to open it in Excel, save it again (Save As… .xlsx) and send it again.`,
    );
  if (startsWith(bytes, OLE_MAGIC)) {
    if (containsUtf16(bytes, ENCRYPTED_STREAM))
      refuse(
        file,
        'encrypted',
        'tệp được đặt mật khẩu (mã hóa). Hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) và lưu lại dạng .xlsx.',
        'the file is password-protected (encrypted). Open it in Excel, remove the password (File › Info › Protect Workbook) and save it as .xlsx.',
      );
    refuse(
      file,
      'xls',
      'đây là tệp Excel cũ (.xls) hoặc đã đặt mật khẩu, chỉ đổi đuôi thành .xlsx. Hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi Lưu thành… dạng Sổ làm việc Excel (.xlsx).',
      'this is an old Excel file (.xls) or a password-protected one, only renamed to .xlsx. Open it in Excel, remove any password and Save As… Excel Workbook (.xlsx).',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    if (looksLikeText(bytes) && /\.xlsx$/i.test(file))
      refuse(
        file,
        'csv',
        'không phải tệp Excel .xlsx: đây là tệp văn bản (CSV?) đổi đuôi thành .xlsx. Hãy nhập số liệu vào biểu mẫu và lưu dạng .xlsx.',
        'not an Excel .xlsx file: this is a text (CSV?) file renamed to .xlsx. Type the figures into the template and save it as .xlsx.',
      );
    refuse(
      file,
      'not-xlsx',
      'không phải tệp Excel .xlsx. Hãy đề nghị đơn vị gửi lại biểu mẫu đã điền, lưu bằng Excel dạng .xlsx.',
      'not an Excel .xlsx file. Ask the unit to send the filled template again, saved in Excel as .xlsx.',
    );
  }
}

function checkDirectory(file: string, entries: ZipEntry[], limits: Limits): void {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && names.has('content.xml') && !names.has('[Content_Types].xml'))
    refuse(
      file,
      'ods',
      'đây là bảng tính OpenDocument (.ods) đổi đuôi thành .xlsx. Hãy mở bằng LibreOffice hoặc Excel và Lưu thành… dạng .xlsx.',
      'this is an OpenDocument spreadsheet (.ods) renamed to .xlsx. Open it in LibreOffice or Excel and Save As… .xlsx.',
    );
  if (!names.has('[Content_Types].xml'))
    refuse(
      file,
      'corrupt',
      'tệp nén này không chứa sổ làm việc Excel nào. Hãy đề nghị đơn vị gửi lại biểu mẫu đã điền, lưu bằng Excel dạng .xlsx.',
      'this zip file holds no Excel workbook. Ask the unit to send the filled template again, saved in Excel as .xlsx.',
    );
  if (entries.length > limits.parts)
    refuse(
      file,
      'too-large',
      `tệp có ${entries.length} phần, vượt giới hạn ${limits.parts}. Hãy đề nghị đơn vị mở tệp bằng Excel, lưu lại (Lưu thành… dạng .xlsx) và gửi lại.`,
      `the file has ${entries.length} parts, above the limit of ${limits.parts}. Ask the unit to open it in Excel, save it again (Save As… .xlsx) and send it again.`,
    );
  if (entries.some((e) => (e.flags & 1) === 1))
    refuse(
      file,
      'encrypted',
      'tệp nén được đặt mật khẩu. Hãy lưu lại từ Excel dạng .xlsx không mật khẩu.',
      'the zip is password-protected. Save it again from Excel as an .xlsx without a password.',
    );
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > limits.partBytes)
      refuse(
        file,
        'too-large',
        `phần "${e.name}" khai báo ${megabytes(e.uncompressedSize)} khi giải nén, vượt giới hạn ${megabytes(limits.partBytes)} cho một phần: không giải nén (có thể là "bom nén"). Hãy đề nghị đơn vị mở tệp bằng Excel, lưu lại (Lưu thành… dạng .xlsx) và gửi lại.`,
        `part "${e.name}" declares ${megabytes(e.uncompressedSize)} unzipped, above the ${megabytes(limits.partBytes)} limit for one part: not inflated (possibly a zip bomb). Ask the unit to open it in Excel, save it again (Save As… .xlsx) and send it again.`,
      );
    total += e.uncompressedSize;
  }
  if (total > limits.totalBytes)
    refuse(
      file,
      'too-large',
      `các phần của tệp khai báo tổng cộng ${megabytes(total)} khi giải nén, vượt giới hạn ${megabytes(limits.totalBytes)}: không giải nén. Hãy đề nghị đơn vị mở tệp bằng Excel, lưu lại (Lưu thành… dạng .xlsx) và gửi lại.`,
      `the parts declare ${megabytes(total)} unzipped in all, above the ${megabytes(limits.totalBytes)} limit: not inflated. Ask the unit to open it in Excel, save it again (Save As… .xlsx) and send it again.`,
    );
}

/**
 * Throws InputError when the bytes are not an .xlsx package within the limits; otherwise returns
 * its directory, from which zipParts.ts inflates the parts the reader needs.
 */
export function guardPackage(file: string, bytes: Uint8Array, limits: Limits = LIMITS): ZipEntry[] {
  checkSignature(file, bytes, limits);
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (e) {
    if (!(e instanceof ZipDirectoryError)) throw e;
    throw damaged(file, `zip directory: ${e.message}`);
  }
  checkDirectory(file, entries, limits);
  return entries;
}
