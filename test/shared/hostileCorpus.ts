/**
 * The hostile corpus of issue #25, generated (no binaries committed): variants of a good unit
 * return that an official may send by accident or an attacker on purpose. Each says what the
 * reader must do with it: read it (maybe with a finding naming a cell) or refuse it with a
 * problem; never crash, never hang, never put a library's words in the sentence. Used by the
 * reader's tests, `cchc check`'s, the pane's E2E and the `hostile` bench.
 */
import JSZip from 'jszip';
import { hostileFiles } from '../consolidate/hostileFiles';

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
  /** read: snapshots come back (with `finding` when set); otherwise the InputProblem of the refusal. */
  expect: 'read' | string;
  /** The cell an 'outside-template' finding names. */
  finding?: string;
}

const SHEET = 'xl/worksheets/sheet1.xml';

async function edit(good: Uint8Array, change: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(good);
  await change(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function editText(good: Uint8Array, part: string, change: (xml: string) => string): Promise<Uint8Array> {
  return edit(good, async (zip) => {
    const xml = await zip.file(part)!.async('string');
    const changed = change(xml);
    if (changed === xml) throw new Error(`the corpus edit of ${part} changed nothing`);
    zip.file(part, changed);
  });
}

const beforeSheetDataEnd = (extra: string) => (xml: string) => xml.replace('</sheetData>', `${extra}</sheetData>`);

/** A zip written entry by entry (stored, no compression), duplicates allowed: JSZip would merge them. */
export function storedZip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  const table = new Int32Array(256).map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  const crc32 = (d: Uint8Array) => {
    let c = -1;
    for (const b of d) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ -1) >>> 0;
  };
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const crc = crc32(e.data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, e.data.length, true);
    local.setUint32(22, e.data.length, true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, e.data.length, true);
    dir.setUint32(24, e.data.length, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, e.data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + e.data.length;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function entriesOf(good: Uint8Array): Promise<{ name: string; data: Uint8Array }[]> {
  const zip = await JSZip.loadAsync(good);
  const out: { name: string; data: Uint8Array }[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    out.push({ name, data: await zip.files[name].async('uint8array') });
  }
  return out;
}

/** Every case of the corpus, derived from a good filled return (`good`, sheet1 a template sheet). */
export async function hostileCorpus(good: Uint8Array): Promise<CorpusFile[]> {
  const rows = (count: number) => {
    const parts: string[] = [];
    for (let r = 1000; r < 1000 + count; r++)
      parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>dòng thừa ${r}</t></is></c></row>`);
    return parts.join('');
  };
  const entries = await entriesOf(good);
  const sheetEntry = entries.find((e) => e.name === SHEET)!;
  const workbookRels = 'xl/_rels/workbook.xml.rels';
  const firstSheetTarget = /Target="(\/?xl\/)?worksheets\/sheet1\.xml"/;
  const badUtf8 = await edit(good, async (zip) => {
    const xml = await zip.file('xl/sharedStrings.xml')!.async('uint8array');
    const at = new TextDecoder().decode(xml).indexOf('<t>') + 3;
    const out = new Uint8Array(xml.length + 2);
    out.set(xml.subarray(0, at));
    out.set([0xc3, 0x28], at);
    out.set(xml.subarray(at), at + 2);
    zip.file('xl/sharedStrings.xml', out);
  });
  const formulasEverywhere = await editText(good, SHEET, (xml) =>
    xml.replace(/<c r="([B-Z][0-9]+)"( s="[0-9]+")?( t="[a-z]+")?\/>/g, '<c r="$1"$2><f>1+1</f><v>2</v></c>'),
  );
  const corpus: CorpusFile[] = [
    {
      name: 'o-XFD1048576.xlsx',
      bytes: await editText(
        good,
        SHEET,
        beforeSheetDataEnd('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
      ),
      expect: 'read',
      finding: 'XFD1048576',
    },
    {
      name: 'dinh-dang-so-5000.xlsx',
      bytes: await editText(good, 'xl/styles.xml', (xml) =>
        xml.replace(
          /<numFmts count="(\d+)">/,
          (_, n) => `<numFmts count="${Number(n) + 1}"><numFmt numFmtId="300" formatCode="${'['.repeat(5000)}"/>`,
        ),
      ),
      expect: 'over-budget',
    },
    {
      name: '200000-dong.xlsx',
      bytes: await editText(good, SHEET, beforeSheetDataEnd(rows(200_000))),
      expect: 'read',
      finding: 'A1000',
    },
    {
      name: 'chuoi-ngoai-bang.xlsx',
      bytes: await editText(good, SHEET, (xml) =>
        xml.replace(/(<c r="[B-Z][0-9]+"[^>]*?)\/>/, '$1 t="s"><v>999999</v></c>'),
      ),
      expect: 'corrupt',
    },
    {
      name: 'chuoi-am.xlsx',
      bytes: await editText(good, SHEET, (xml) =>
        xml.replace(/(<c r="[B-Z][0-9]+"[^>]*?)\/>/, '$1 t="s"><v>-1</v></c>'),
      ),
      expect: 'corrupt',
    },
    {
      name: 'phan-trung.xlsx',
      bytes: storedZip([...entries, { name: SHEET, data: sheetEntry.data }]),
      expect: 'corrupt',
    },
    {
      name: 'quan-he-ra-ngoai.xlsx',
      bytes: await editText(good, workbookRels, (xml) => xml.replace(firstSheetTarget, 'Target="../../../etc/passwd"')),
      expect: 'corrupt',
    },
    {
      name: 'quan-he-vong.xlsx',
      bytes: await editText(good, workbookRels, (xml) =>
        xml.replace(firstSheetTarget, 'Target="_rels/workbook.xml.rels"'),
      ),
      expect: 'corrupt',
    },
    {
      name: 'thieu-trang.xlsx',
      bytes: await edit(good, (zip) => void zip.remove(SHEET)),
      expect: 'corrupt',
    },
    {
      name: 'thieu-chuoi.xlsx',
      bytes: await edit(good, (zip) => void zip.remove('xl/sharedStrings.xml')),
      expect: 'corrupt',
    },
    { name: 'utf8-hong.xlsx', bytes: badUtf8, expect: 'corrupt' },
    { name: 'cong-thuc-khap-noi.xlsx', bytes: formulasEverywhere, expect: 'read' },
    {
      name: 'ten-proto.xlsx',
      bytes: await edit(good, async (zip) => {
        const xml = await zip.file('xl/workbook.xml')!.async('string');
        zip.file(
          'xl/workbook.xml',
          xml
            .replace(/(<sheet [^>]*name=")[^"]*"/, '$1__proto__"')
            .replace(
              '</workbook>',
              '<definedNames><definedName name="__proto__">1</definedName><definedName name="constructor" localSheetId="0">"x"</definedName></definedNames></workbook>',
            )
            .replace(/<definedNames>(.*)<\/definedNames><definedNames>/, '<definedNames>$1'),
        );
      }),
      expect: 'read',
    },
    {
      name: 'xml-sau.xlsx',
      bytes: await editText(
        good,
        SHEET,
        beforeSheetDataEnd(`<row r="383"><c r="B383">${'<x>'.repeat(200)}${'</x>'.repeat(200)}<v>1</v></c></row>`),
      ),
      expect: 'over-budget',
    },
    {
      name: 'chuoi-dai.xlsx',
      bytes: await editText(
        good,
        SHEET,
        beforeSheetDataEnd(`<row r="380"><c r="B380" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>`),
      ),
      expect: 'over-budget',
    },
    {
      name: 'so-hong.xlsx',
      bytes: await editText(good, SHEET, beforeSheetDataEnd('<row r="381"><c r="B381"><v>12abc</v></c></row>')),
      expect: 'corrupt',
    },
  ];
  // Another template version is read; the consolidation (not the reader) refuses it.
  for (const h of await hostileFiles(good))
    corpus.push({ name: h.name, bytes: h.bytes, expect: h.problem.startsWith('version-') ? 'read' : h.problem });
  return corpus;
}
