/**
 * The reader on the hostile corpus (test/shared/hostileCorpus.ts) and on random damage to a good
 * return (fast-check, fixed seed; CCHC_FUZZ_RUNS runs more): every file is read or refused with
 * an InputError whose sentence names no library, says what to do, and keeps the library's words
 * for `details`; a value at XFD1048576 is a finding naming the cell, not a crash.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { nodeReadOptions } from '../../src/cli/xlsx/readSnapshots';
import { InputError } from '../../src/xlsx/errors';
import { LIMITS } from '../../src/xlsx/limits';
import { readTemplateBytes } from '../../src/xlsx/reader';
import { cli, fillWorkbook, tempDir } from '../cli/helpers';
import { hostileCorpus, type CorpusFile } from '../shared/hostileCorpus';
import { libraryWordsIn } from '../shared/libraryWords';

const tmp = tempDir();
const f = (name: string) => path.join(tmp.dir, name);
let good: Uint8Array;
let corpus: CorpusFile[];

beforeAll(async () => {
  expect((await cli(['template', f('blank.xlsx'), '--only', 'I,PAR'])).code).toBe(0);
  await fillWorkbook(f('blank.xlsx'), f('good.xlsx'), [
    { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'Sở Y tế' },
    { template: 'I', key: 'I.2', column: '2019', value: 5 },
  ]);
  good = new Uint8Array(readFileSync(f('good.xlsx')));
  corpus = await hostileCorpus(good);
}, 120_000);
afterAll(() => tmp.remove());

/** No time budget here: the time a file takes depends on the machine's load, which a test does not control. */
const UNTIMED = { ...LIMITS, milliseconds: Infinity };

/** How a file's parts inflate: fflate (the pane without DecompressionStream), DecompressionStream, Node's zlib (the CLI). */
type Inflater = 'fflate' | 'native' | 'zlib';

async function outcome(name: string, bytes: Uint8Array, inflater: Inflater = 'fflate') {
  try {
    const read =
      inflater === 'zlib' ? nodeReadOptions({ limits: UNTIMED }) : { limits: UNTIMED, native: inflater === 'native' };
    return { book: await readTemplateBytes(name, bytes, read) };
  } catch (e) {
    if (e instanceof InputError) return { error: e };
    throw e;
  }
}

function expectOfficialWords(e: InputError) {
  for (const text of [e.text.vi, e.text.en])
    expect({ [e.problem]: libraryWordsIn(text) }).toEqual({ [e.problem]: false });
  if (e.details) expect(e.text.vi).not.toContain(e.details);
}

describe('the hostile corpus', () => {
  it('reads or refuses each file as the corpus says, in officials’ words', async () => {
    for (const c of corpus) {
      const r = await outcome(c.name, c.bytes);
      if (c.expect === 'read') expect({ [c.name]: r.error?.text.en ?? 'read' }).toEqual({ [c.name]: 'read' });
      else {
        expect({ [c.name]: r.error?.problem }).toEqual({ [c.name]: c.expect });
        expectOfficialWords(r.error!);
      }
    }
  });

  it('a value at XFD1048576 is one warning naming the cell; the sheet is read inside the template only', async () => {
    const c = corpus.find((x) => x.finding === 'XFD1048576')!;
    const { book } = await outcome(c.name, c.bytes);
    expect(book?.findings).toHaveLength(1);
    expect(book?.findings?.[0]).toMatchObject({ code: 'outside-template', severity: 'warning', cell: 'XFD1048576' });
    expect(book?.findings?.[0].message.vi).toContain('có giá trị ngoài vùng biểu mẫu, ô XFD1048576');
    expect(book!.snapshots[0].values.length).toBeLessThanOrEqual(390);
    expect(Math.max(...book!.snapshots[0].values.map((r) => r.length))).toBeLessThanOrEqual(21);
  });

  it('200,000 extra rows are counted, not loaded: one finding with the count', async () => {
    const c = corpus.find((x) => x.name === '200000-dong.xlsx')!;
    const { book } = await outcome(c.name, c.bytes);
    expect(book?.findings?.[0]).toMatchObject({ cell: 'A1000' });
    expect(book?.findings?.[0].message.vi).toContain('ô A1000 và 199999 ô khác');
  });

  it('a refusal names the budget passed', async () => {
    const format = await outcome('f.xlsx', corpus.find((x) => x.name === 'dinh-dang-so-5000.xlsx')!.bytes);
    expect(format.error?.text.vi).toContain('định dạng số dài hơn 255 ký tự');
    const depth = await outcome('d.xlsx', corpus.find((x) => x.name === 'xml-sau.xlsx')!.bytes);
    expect(depth.error?.text.en).toContain('the XML depth limit');
    const cells = await outcome('c.xlsx', corpus.find((x) => x.name === '200000-dong.xlsx')!.bytes);
    expect(cells.book).toBeDefined();
    await expect(
      readTemplateBytes('c.xlsx', corpus.find((x) => x.name === '200000-dong.xlsx')!.bytes, {
        limits: { ...LIMITS, cellsPerSheet: 10_000 },
      }),
    ).rejects.toMatchObject({ problem: 'over-budget', text: { en: expect.stringContaining('cells-per-sheet limit') } });
    await expect(readTemplateBytes('t.xlsx', good, { limits: { ...LIMITS, milliseconds: -1 } })).rejects.toMatchObject({
      problem: 'over-budget',
      text: { vi: expect.stringContaining('giới hạn thời gian') },
    });
  });
});

describe.each<Inflater>(['zlib', 'native'])(
  'inflating with %s (the CLI; the pane where DecompressionStream is)',
  (inflater) => {
    it('reads or refuses each file of the corpus as fflate does (a part lying about its size included)', async () => {
      for (const c of corpus) {
        const [byFflate, byOther] = [await outcome(c.name, c.bytes), await outcome(c.name, c.bytes, inflater)];
        const verdict = (r: typeof byFflate) =>
          r.error
            ? { problem: r.error.problem, text: r.error.text }
            : { snapshots: r.book!.snapshots, findings: r.book!.findings };
        expect({ [c.name]: verdict(byOther) }).toEqual({ [c.name]: verdict(byFflate) });
      }
    });
  },
);

describe('a part outside the fast tokenizer’s subset', () => {
  /** The good return with a comment among sheet1's cells: XML Excel never writes, which saxes reads. */
  async function withComment(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(good);
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(part)!.async('string');
    zip.file(part, xml.replace('<sheetData>', '<sheetData><!-- ghi chú -->'));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('is read again by saxes, to the same snapshots, its bytes counted once against the limits', async () => {
    const bytes = await withComment();
    const zip = await JSZip.loadAsync(bytes);
    let declared = 0;
    for (const file of Object.values(zip.files)) if (!file.dir) declared += (await file.async('uint8array')).length;
    // Exactly what the package holds: a part inflated twice and counted twice would pass it.
    const limits = { ...UNTIMED, totalBytes: declared };
    for (const options of [{ limits, native: false }, { limits }, nodeReadOptions({ limits })]) {
      const book = await readTemplateBytes('ghi-chu.xlsx', bytes, options);
      const plain = await readTemplateBytes('ghi-chu.xlsx', good, { limits: UNTIMED });
      expect(book.snapshots).toEqual(plain.snapshots);
    }
  });
});

describe('random damage (fast-check, fixed seed)', () => {
  const damage = fc.oneof(
    fc
      .array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 })
      .map((flips) => (b: Uint8Array) => {
        const out = Uint8Array.from(b);
        for (const x of flips) out[x.at % out.length] = x.byte;
        return out;
      }),
    fc.nat().map((n) => (b: Uint8Array) => b.subarray(0, n % b.length)),
    fc
      .record({ from: fc.nat(), to: fc.nat(), length: fc.integer({ min: 1, max: 4096 }) })
      .map(({ from, to, length }) => (b: Uint8Array) => {
        const out = Uint8Array.from(b);
        out.set(
          b.subarray(from % b.length, (from % b.length) + length).subarray(0, out.length - (to % b.length)),
          to % b.length,
        );
        return out;
      }),
  );

  // With zlib and DecompressionStream too; their verdicts may differ from fflate's on damaged
  // deflate data (which one notices a broken stream first is theirs to say; a zip's CRC is not
  // checked by any), never a crash.
  it('every damaged copy is read or refused in officials’ words, never a crash, with fflate, zlib or DecompressionStream', async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (hurt) => {
        const bytes = hurt(good);
        for (const inflater of ['fflate', 'zlib', 'native'] as const) {
          const r = await outcome('hong.xlsx', bytes, inflater);
          if (r.error) expectOfficialWords(r.error);
        }
      }),
      { seed: 2125, numRuns: Number(process.env.CCHC_FUZZ_RUNS ?? 150) },
    );
  }, 120_000);
});

describe('bytes that are not UTF-8', () => {
  /** The good return with `bytes` put into sheet1's XML just after the first `anchor`. */
  async function withBytes(anchor: string, bytes: number[]): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(good);
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(part)!.async('uint8array');
    const at = Buffer.from(xml).indexOf(anchor) + anchor.length;
    expect(at).toBeGreaterThan(anchor.length - 1);
    zip.file(part, Uint8Array.from([...xml.subarray(0, at), ...bytes, ...xml.subarray(at)]));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  // The rule: any byte the reader reads (a sheet up to its </sheetData>), kept or skipped, must be
  // UTF-8, as when every part was decoded whole; what follows the cells is never read, so never judged.
  it.each([
    ['in a value kept', '<v>', [0xff]],
    ['in an attribute nobody reads', '<row r="1"', [0x20, 0x78, 0x3d, 0x22, 0xc3, 0x22]],
    ['in a text nobody reads (a character cut short)', '<sheetData>', [0xe1, 0xba]],
  ])('%s: the file is refused as damaged, with fflate, zlib and DecompressionStream', async (_what, anchor, bytes) => {
    const hurt = await withBytes(anchor as string, bytes as number[]);
    for (const inflater of ['fflate', 'zlib', 'native'] as const) {
      const r = await outcome('utf8.xlsx', hurt, inflater);
      expect({ inflater, problem: r.error?.problem, details: r.error?.details }).toEqual({
        inflater,
        problem: 'corrupt',
        details: expect.stringContaining('is not UTF-8'),
      });
    }
  });

  it('after a sheet’s cells, where the reader never reads: the file is read, its cells as without them', async () => {
    const hurt = await withBytes('</sheetData>', [0x3c, 0x78, 0x20, 0x61, 0x3d, 0x22, 0xff, 0x22, 0x2f, 0x3e]);
    const plain = await outcome('good.xlsx', good);
    for (const inflater of ['fflate', 'zlib', 'native'] as const) {
      const r = await outcome('utf8.xlsx', hurt, inflater);
      expect({ inflater, snapshots: r.book?.snapshots }).toEqual({ inflater, snapshots: plain.book!.snapshots });
    }
  });
});
