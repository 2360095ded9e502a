/**
 * Hostile and broken "returns", built in the test (Node) for the CLI tests and the pane's E2E:
 * zip bombs (declared and lying), XML with a DOCTYPE, encrypted and .xls compound files, an .ods
 * and a CSV renamed, an empty file, a workbook without templates, other template versions. The
 * bombs are small on disk: the declared one only claims 1.5 GB; the lying one inflates to just
 * past the 50 MB part limit while claiming 1 KB.
 */
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import { markerFor, parseMarker } from '../../src/layout';
import { LIMITS } from '../../src/xlsx/limits';

/** Overwrites the uncompressed size a part declares, in the central directory (and local header). */
export function patchDeclaredSize(zip: Uint8Array, partName: string, size: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  const name = new TextEncoder().encode(partName);
  const matches = (at: number) => name.every((b, i) => out[at + i] === b);
  let patched = 0;
  for (let at = 0; at + 46 < out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x02014b50 && view.getUint16(at + 28, true) === name.length && matches(at + 46)) {
      view.setUint32(at + 24, size, true);
      patched++;
    } else if (sig === 0x04034b50 && view.getUint16(at + 26, true) === name.length && matches(at + 30)) {
      view.setUint32(at + 22, size, true);
      patched++;
    }
  }
  if (patched === 0) throw new Error(`no part ${partName} to patch`);
  return out;
}

async function rezip(source: Uint8Array, edit: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(source);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A workbook whose template markers say another version. */
export async function withVersion(template: Uint8Array, version: string): Promise<Uint8Array> {
  const wb = new Workbook();
  await wb.xlsx.load(template as unknown as Parameters<typeof wb.xlsx.load>[0]);
  for (const ws of wb.worksheets) {
    const marker = parseMarker(ws.getCell('A1').value);
    if (marker) ws.getCell('A1').value = markerFor(marker.templateId, version);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface HostileFile {
  name: string;
  bytes: Uint8Array;
  /** The problem the reader or the core reports. */
  problem: string;
  /** Part of the Vietnamese message. */
  message: RegExp;
}

/** Every hostile file, given a valid filled return (`template`) to derive some of them from. */
export async function hostileFiles(template: Uint8Array): Promise<HostileFile[]> {
  const bomb = patchDeclaredSize(
    await rezip(template, (zip) => void zip.file('xl/sharedStrings.xml', '<sst/>')),
    'xl/sharedStrings.xml',
    1_500_000_000,
  );
  const lying = patchDeclaredSize(
    await rezip(template, (zip) => {
      zip.file('xl/sharedStrings.xml', '<sst>' + ' '.repeat(LIMITS.partBytes + 1024) + '</sst>');
    }),
    'xl/sharedStrings.xml',
    1024,
  );
  const doctype = await rezip(template, async (zip) => {
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file(
      'xl/workbook.xml',
      xml.replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'),
    );
  });
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const utf16 = (s: string) => Uint8Array.from([...s].flatMap((ch) => [ch.charCodeAt(0), 0]));
  const concat = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) out.set(p, (at += p.length) - p.length);
    return out;
  };
  const encrypted = concat(Uint8Array.from(ole), new Uint8Array(1024), utf16('EncryptedPackage'), new Uint8Array(512));
  const xls = concat(Uint8Array.from(ole), new Uint8Array(1024), utf16('Workbook'), new Uint8Array(512));
  const odsZip = new JSZip();
  odsZip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  odsZip.file('content.xml', '<office:document-content/>');
  const ods = await odsZip.generateAsync({ type: 'uint8array' });
  const plain = new Workbook();
  plain.addWorksheet('Sheet1').getCell('A1').value = 'Báo cáo tự làm';
  return [
    { name: 'bom-nen.xlsx', bytes: bomb, problem: 'too-large', message: /khai báo 1430\.5 MB.*bom nén/ },
    { name: 'bom-noi-doi.xlsx', bytes: lying, problem: 'too-large', message: /giải nén ra hơn 50 MB/ },
    { name: 'doctype.xlsx', bytes: doctype, problem: 'unsafe-xml', message: /DOCTYPE\/ENTITY/ },
    { name: 'mat-khau.xlsx', bytes: encrypted, problem: 'encrypted', message: /mật khẩu/ },
    { name: 'cu.xlsx', bytes: xls, problem: 'xls', message: /\.xls/ },
    { name: 'opendoc.xlsx', bytes: ods, problem: 'ods', message: /OpenDocument/ },
    { name: 'bang.xlsx', bytes: new TextEncoder().encode('Đơn vị;I.2\nSở Y tế;5\n'), problem: 'csv', message: /CSV/ },
    { name: 'rong.xlsx', bytes: new Uint8Array(0), problem: 'empty', message: /tệp rỗng/ },
    {
      name: 'khong-bieu-mau.xlsx',
      bytes: new Uint8Array(await plain.xlsx.writeBuffer()),
      problem: 'no-templates',
      message: /không có trang biểu mẫu/,
    },
    {
      name: 'phien-ban-cu.xlsx',
      bytes: await withVersion(template, '0.0.1'),
      problem: 'version-older',
      message: /cũ hơn/,
    },
    {
      name: 'phien-ban-moi.xlsx',
      bytes: await withVersion(template, '99.0.0'),
      problem: 'version-newer',
      message: /mới hơn/,
    },
  ];
}
