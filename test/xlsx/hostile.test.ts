/**
 * The reader on the hostile corpus (test/shared/hostileCorpus.ts) and on random damage to a good
 * return (fast-check, fixed seed; CCHC_FUZZ_RUNS runs more): every file is read or refused with
 * an InputError whose sentence names no library, says what to do, and keeps the library's words
 * for `details`; a value at XFD1048576 is a finding naming the cell, not a crash.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
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

async function outcome(name: string, bytes: Uint8Array) {
  try {
    return { book: await readTemplateBytes(name, bytes, { limits: UNTIMED }) };
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

  it('every damaged copy is read or refused in officials’ words, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (hurt) => {
        const r = await outcome('hong.xlsx', hurt(good));
        if (r.error) expectOfficialWords(r.error);
      }),
      { seed: 2125, numRuns: Number(process.env.CCHC_FUZZ_RUNS ?? 150) },
    );
  }, 120_000);
});
