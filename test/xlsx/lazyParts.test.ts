/**
 * What the pane's reading chunk loads only when needed (issue #21): saxes, loaded for a file
 * holding XML outside the fast tokenizer's subset, the file then read again from the start with
 * the same verdicts and limits; fflate, loaded only where nothing else inflates; and DecompressionStream ('deflate-raw', Node has it as browsers
 * do), which inflates the parts ahead within the same limits, refuses damaged data in the same
 * words as fflate, and is left for fflate where the platform lacks it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { nodeReadOptions } from '../../src/cli/xlsx/readSnapshots';
import { InputError } from '../../src/xlsx/errors';
import { LIMITS } from '../../src/xlsx/limits';
import { inflateWith } from '../../src/xlsx/nativeInflate';
import { readTemplateBytes, type ReadOptions, type TemplateWorkbook } from '../../src/xlsx/reader';
import { readZipDirectory } from '../../src/xlsx/zipDirectory';
import { cli, fillWorkbook, tempDir } from '../cli/helpers';

/** How many times saxes and fflate were loaded (afresh after each jest.resetModules). */
const mockLoads = { saxes: 0, fflate: 0 };
jest.mock('saxes', () => {
  mockLoads.saxes++;
  return jest.requireActual('saxes');
});
jest.mock('fflate', () => {
  mockLoads.fflate++;
  return jest.requireActual('fflate');
});

const tmp = tempDir();
const UNTIMED = { ...LIMITS, milliseconds: Infinity };
const SHEET = 'xl/worksheets/sheet1.xml';
let good: Uint8Array;

beforeAll(async () => {
  const f = (name: string) => path.join(tmp.dir, name);
  expect((await cli(['template', f('blank.xlsx'), '--only', 'I,PAR'])).code).toBe(0);
  await fillWorkbook(f('blank.xlsx'), f('good.xlsx'), [
    { template: 'I', key: 'meta.reporter', column: 'reporter', value: 'Sở Y tế' },
    { template: 'I', key: 'I.2', column: '2019', value: 5 },
  ]);
  good = new Uint8Array(readFileSync(f('good.xlsx')));
}, 120_000);
afterAll(() => tmp.remove());

async function editPart(bytes: Uint8Array, part: string, change: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, change(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** readTemplateBytes from a module registry of its own: saxes not loaded yet, as in a fresh pane. */
interface FreshRead {
  book?: TemplateWorkbook;
  error?: InputError;
  saxesLoads: number;
  fflateLoads: number;
}

async function freshRead(name: string, bytes: Uint8Array, options: ReadOptions): Promise<FreshRead> {
  jest.resetModules();
  const read = jest.requireActual<typeof import('../../src/xlsx/reader')>('../../src/xlsx/reader').readTemplateBytes;
  const before = { ...mockLoads };
  const loads = () => ({ saxesLoads: mockLoads.saxes - before.saxes, fflateLoads: mockLoads.fflate - before.fflate });
  try {
    return { book: await read(name, bytes, options), ...loads() };
  } catch (e) {
    if (!(e instanceof Error) || e.name !== 'InputError') throw e;
    return { error: e as InputError, ...loads() };
  }
}

const INFLATERS: [string, ReadOptions][] = [
  ['fflate', { limits: UNTIMED, native: false }],
  ['DecompressionStream', { limits: UNTIMED }],
  ['zlib', nodeReadOptions({ limits: UNTIMED })],
];

describe('saxes, loaded only for a file that needs it', () => {
  it.each(INFLATERS)('a file as ExcelJS writes it is read without loading saxes (%s)', async (_name, options) => {
    const r = await freshRead('good.xlsx', good, options);
    expect(r.error).toBeUndefined();
    expect(r.book!.snapshots.map((s) => s.templateId)).toEqual(['I', 'PAR']);
    expect(r.saxesLoads).toBe(0);
  });

  it.each(INFLATERS)('fflate is loaded only where nothing else inflates (%s)', async (name, options) => {
    const r = await freshRead('good.xlsx', good, options);
    expect(r.error).toBeUndefined();
    expect({ [name]: r.fflateLoads }).toEqual({ [name]: name === 'fflate' ? 1 : 0 });
  });

  it.each(INFLATERS)(
    'a comment among the cells: saxes is loaded once, the file read again to the same snapshots, each part counted once (%s)',
    async (_name, options) => {
      const bytes = await editPart(good, SHEET, (xml) => xml.replace('<sheetData>', '<sheetData><!-- ghi chú -->'));
      const zip = await JSZip.loadAsync(bytes);
      let declared = 0;
      for (const file of Object.values(zip.files)) if (!file.dir) declared += (await file.async('uint8array')).length;
      // Exactly what the package holds: a part read twice (first pass, then again) and counted twice would pass it.
      const limits = { ...UNTIMED, totalBytes: declared };
      const r = await freshRead('ghi-chu.xlsx', bytes, { ...options, limits });
      expect(r.error?.text.en).toBeUndefined();
      expect(r.saxesLoads).toBe(1);
      const plain = await readTemplateBytes('good.xlsx', good, { limits: UNTIMED });
      expect(r.book!.snapshots).toEqual(plain.snapshots);
      const tight = await freshRead('ghi-chu.xlsx', bytes, {
        ...options,
        limits: { ...limits, totalBytes: declared - 1 },
      });
      expect(tight.error?.problem).toBe('too-large');
    },
  );

  it('a DOCTYPE, met first by the fast tokenizer: saxes is loaded and the file refused as unsafe', async () => {
    const bytes = await editPart(good, 'xl/workbook.xml', (xml) =>
      xml.replace('<workbook', '<!DOCTYPE workbook [<!ENTITY x "y">]><workbook'),
    );
    const r = await freshRead('doctype.xlsx', bytes, { limits: UNTIMED });
    expect({ problem: r.error?.problem, saxesLoads: r.saxesLoads }).toEqual({ problem: 'unsafe-xml', saxesLoads: 1 });
  });

  it('broken XML after a comment: refused as damaged, as when saxes was there from the start', async () => {
    const bytes = await editPart(good, SHEET, (xml) => xml.replace('<sheetData>', '<sheetData><!-- x --><b></i>'));
    const first = await freshRead('hong.xlsx', bytes, { limits: UNTIMED });
    expect(first.saxesLoads).toBe(1);
    expect(first.error?.problem).toBe('corrupt');
    expect(first.error?.details).toContain('XML of xl/worksheets/sheet1.xml');
    // saxes now loaded (this module registry): one reading, no retry.
    const loaded = await readTemplateBytes('hong.xlsx', bytes, { limits: UNTIMED }).catch((e: InputError) => e);
    expect({ problem: first.error?.problem, text: first.error?.text, details: first.error?.details }).toEqual({
      problem: (loaded as InputError).problem,
      text: (loaded as InputError).text,
      details: (loaded as InputError).details,
    });
  });
});

/** `Native` whose output is counted as the reader pulls it: how much was inflated before it stopped. */
function countingDecompressor(out: { bytes: number }) {
  return class {
    readonly writable: WritableStream;
    readonly readable: ReadableStream<Uint8Array>;
    constructor(format: 'deflate-raw') {
      const inner = new DecompressionStream(format);
      this.writable = inner.writable;
      this.readable = inner.readable.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            out.bytes += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
    }
  };
}

describe('DecompressionStream', () => {
  const text = new TextEncoder().encode('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(2000));
  const compressed = new Uint8Array(deflateRawSync(text));

  it('inflates a part to its bytes, and gives null one byte past the room', async () => {
    expect(await inflateWith(DecompressionStream, compressed, text.length)).toEqual(text);
    expect(await inflateWith(DecompressionStream, compressed, text.length - 1)).toBeNull();
  });

  it('stops a zip bomb near the room it was given: the rest is never inflated', async () => {
    const bomb = new Uint8Array(deflateRawSync(new Uint8Array(64 * 1024 * 1024)));
    const out = { bytes: 0 };
    expect(await inflateWith(countingDecompressor(out), bomb, 1024 * 1024)).toBeNull();
    expect(out.bytes).toBeGreaterThan(1024 * 1024);
    expect(out.bytes).toBeLessThan(8 * 1024 * 1024);
  });

  it('rejects damaged deflate data (a reserved block type; a stream cut short)', async () => {
    await expect(inflateWith(DecompressionStream, Uint8Array.from([0xff, 0x00, 0x01]), 1000)).rejects.toThrow();
    await expect(
      inflateWith(DecompressionStream, compressed.subarray(0, compressed.length >> 1), text.length),
    ).rejects.toThrow();
  });

  it('a sheet whose deflate data is damaged: the file is refused as with fflate, in the same words', async () => {
    const bytes = Uint8Array.from(good);
    const entry = readZipDirectory(bytes).find((e) => e.name === SHEET)!;
    const at = entry.localHeaderOffset;
    const start = at + 30 + (bytes[at + 26] | (bytes[at + 27] << 8)) + (bytes[at + 28] | (bytes[at + 29] << 8));
    bytes[start] = 0xff; // final block, reserved type 3
    const outcome = async (options: ReadOptions) => {
      try {
        await readTemplateBytes('hong.xlsx', bytes, options);
        return 'read';
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return { problem: e.problem, text: e.text, inflating: e.details?.startsWith(`inflating ${SHEET}`) };
      }
    };
    const native = await outcome({ limits: UNTIMED });
    expect(native).toMatchObject({ problem: 'corrupt', inflating: true });
    expect(native).toEqual(await outcome({ limits: UNTIMED, native: false }));
  });
});

describe('without DecompressionStream (older webviews)', () => {
  const original = globalThis.DecompressionStream;
  afterEach(() => {
    globalThis.DecompressionStream = original;
  });

  /** The reader's modules loaded afresh under the platform `DecompressionStream` is set to, then a good file read. */
  async function readUnder(platform: unknown) {
    (globalThis as { DecompressionStream?: unknown }).DecompressionStream = platform;
    let modules!: {
      reader: typeof import('../../src/xlsx/reader');
      native: typeof import('../../src/xlsx/nativeInflate');
    };
    jest.isolateModules(() => {
      modules = {
        reader: jest.requireActual('../../src/xlsx/reader'),
        native: jest.requireActual('../../src/xlsx/nativeInflate'),
      };
    });
    const book = await modules.reader.readTemplateBytes('good.xlsx', good, { limits: UNTIMED });
    return { native: modules.native.nativeInflater(), snapshots: book.snapshots };
  }

  it.each([
    ['missing', undefined],
    [
      'without deflate-raw (Chromium 80–102)',
      class {
        constructor(format: string) {
          if (format !== 'gzip' && format !== 'deflate') throw new TypeError(`Unsupported format ${format}`);
        }
      },
    ],
  ])('%s: nothing breaks at load, the parts inflate with fflate to the same snapshots', async (_what, platform) => {
    const plain = await readTemplateBytes('good.xlsx', good, { limits: UNTIMED, native: false });
    const r = await readUnder(platform);
    expect(r.native).toBeNull();
    expect(r.snapshots).toEqual(plain.snapshots);
  });
});
