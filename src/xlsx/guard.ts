/**
 * Checks a file before any .xlsx library touches it, so that a hostile or broken return costs
 * neither memory nor a confusing error: empty, too large, an encrypted or old .xls compound
 * file, an .ods or CSV renamed, a zip whose parts declare (or, lying, actually inflate to) more
 * than limits.ts allows, XML declaring a DOCTYPE or entities. Sizes are checked from the zip
 * directory BEFORE inflating; inflation then runs as a stream that stops at the cap, so a bomb
 * never holds more than one chunk beyond the limit. Runs the same in Node and in the browser.
 */
import JSZip from 'jszip';
import { InputError } from './errors';
import { LIMITS, megabytes, type Limits } from './limits';
import { readZipDirectory, ZipDirectoryError, type ZipEntry } from './zipDirectory';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** An encrypted .xlsx is an OLE file with a stream of this name (UTF-16LE in the directory). */
const ENCRYPTED_STREAM = 'EncryptedPackage';
/** The prolog (before the root element) where a DOCTYPE would sit is read up to this size. */
const PROLOG_BYTES = 64 * 1024;

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
      `tệp lớn ${megabytes(bytes.length)}, vượt giới hạn ${megabytes(limits.fileBytes)} cho một tệp báo cáo.`,
      `the file is ${megabytes(bytes.length)}, above the ${megabytes(limits.fileBytes)} limit for a return.`,
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
    refuse(file, 'not-xlsx', 'không phải tệp Excel .xlsx.', 'not an Excel .xlsx file.');
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
    refuse(file, 'corrupt', 'tệp nén này không chứa sổ làm việc Excel nào.', 'this zip file holds no Excel workbook.');
  if (entries.length > limits.parts)
    refuse(
      file,
      'too-large',
      `tệp có ${entries.length} phần, vượt giới hạn ${limits.parts}.`,
      `the file has ${entries.length} parts, above the limit of ${limits.parts}.`,
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
        `phần "${e.name}" khai báo ${megabytes(e.uncompressedSize)} khi giải nén, vượt giới hạn ${megabytes(limits.partBytes)} cho một phần: không giải nén (có thể là "bom nén").`,
        `part "${e.name}" declares ${megabytes(e.uncompressedSize)} unzipped, above the ${megabytes(limits.partBytes)} limit for one part: not inflated (possibly a zip bomb).`,
      );
    total += e.uncompressedSize;
  }
  if (total > limits.totalBytes)
    refuse(
      file,
      'too-large',
      `các phần của tệp khai báo tổng cộng ${megabytes(total)} khi giải nén, vượt giới hạn ${megabytes(limits.totalBytes)}: không giải nén.`,
      `the parts declare ${megabytes(total)} unzipped in all, above the ${megabytes(limits.totalBytes)} limit: not inflated.`,
    );
}

/** JSZip's own stream of a part (public in JSZip 3, missing from its type declarations). */
interface PartStream {
  on(event: 'data', listener: (chunk: Uint8Array) => void): PartStream;
  on(event: 'error', listener: (e: Error) => void): PartStream;
  on(event: 'end', listener: () => void): PartStream;
  resume(): PartStream;
  pause(): PartStream;
}

const XML_PART = /\.(xml|rels|vml)$/i;

/** The text before the root element declares a DOCTYPE or an entity. */
function unsafeProlog(text: string): boolean | null {
  const root = /<[A-Za-z_]/.exec(text);
  const prolog = root ? text.slice(0, root.index) : text;
  if (/<!DOCTYPE|<!ENTITY/i.test(prolog)) return true;
  return root ? false : null; // null: the root has not started yet, read on
}

/** Inflates one part as a stream, stopping as soon as it passes the caps. */
function inflateCapped(file: string, zip: JSZip, entry: ZipEntry, limits: Limits, before: number): Promise<number> {
  const object = zip.file(entry.name);
  if (!object) return Promise.resolve(0);
  const checkXml = XML_PART.test(entry.name);
  const decoder = new TextDecoder('utf-8');
  return new Promise<number>((resolve, reject) => {
    let size = 0;
    let prolog = '';
    let prologDone = !checkXml;
    let settled = false;
    const stream = (object as unknown as { internalStream(type: 'uint8array'): PartStream }).internalStream(
      'uint8array',
    );
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      stream.pause();
      reject(e);
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (settled) return;
        size += chunk.length;
        if (size > limits.partBytes || before + size > limits.totalBytes) {
          const cap = size > limits.partBytes ? limits.partBytes : limits.totalBytes;
          return fail(
            new InputError(file, 'too-large', {
              vi: `phần "${entry.name}" giải nén ra hơn ${megabytes(cap)} (khai báo ${megabytes(entry.uncompressedSize)}): dừng giải nén, tệp bị từ chối (có thể là "bom nén").`,
              en: `part "${entry.name}" inflates beyond ${megabytes(cap)} (it declares ${megabytes(entry.uncompressedSize)}): inflation stopped, the file is refused (possibly a zip bomb).`,
            }),
          );
        }
        if (!prologDone) {
          prolog += decoder.decode(chunk.subarray(0, PROLOG_BYTES - prolog.length), { stream: true });
          const verdict = unsafeProlog(prolog);
          if (verdict === true || (verdict === null && prolog.length >= PROLOG_BYTES))
            return fail(
              new InputError(file, 'unsafe-xml', {
                vi: `phần "${entry.name}" có khai báo DOCTYPE/ENTITY trong XML, điều Excel không bao giờ ghi: tệp bị từ chối vì không an toàn.`,
                en: `part "${entry.name}" declares a DOCTYPE/ENTITY in its XML, which Excel never writes: the file is refused as unsafe.`,
              }),
            );
          prologDone = verdict === false;
        }
      })
      .on('error', (e: Error) =>
        fail(
          new InputError(file, 'corrupt', {
            vi: `tệp .xlsx bị hỏng, không đọc được (${e.message}).`,
            en: `the .xlsx file is damaged and cannot be read (${e.message}).`,
          }),
        ),
      )
      .on('end', () => {
        if (settled) return;
        settled = true;
        resolve(size);
      })
      .resume();
  });
}

/**
 * Throws InputError when the bytes are not a safe .xlsx package within the limits; otherwise
 * returns the opened zip, so that a caller reads a part without opening the package again.
 */
export async function guardPackage(file: string, bytes: Uint8Array, limits: Limits = LIMITS): Promise<JSZip> {
  checkSignature(file, bytes, limits);
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (e) {
    if (!(e instanceof ZipDirectoryError)) throw e;
    refuse(
      file,
      'corrupt',
      `tệp .xlsx bị hỏng, không đọc được (${e.message}).`,
      `the .xlsx file is damaged and cannot be read (${e.message}).`,
    );
  }
  checkDirectory(file, entries, limits);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    refuse(
      file,
      'corrupt',
      `tệp .xlsx bị hỏng, không đọc được (${(e as Error).message}).`,
      `the .xlsx file is damaged and cannot be read (${(e as Error).message}).`,
    );
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    total += await inflateCapped(file, zip, entry, limits, total);
  }
  return zip;
}
