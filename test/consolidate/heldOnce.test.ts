/**
 * The consolidator folds each file in as it is added and keeps none of its sheets: the result of
 * `finish()` is the one the files give, whatever is done to their snapshots after `add()`, and it
 * is the same result the consolidator gave when it still held every file's sheets to the end
 * (the snapshot file of this test was written by that consolidator, before the change).
 */
import { TEMPLATE_VERSION } from '../../src/catalog';
import { Consolidator, consolidate, type Consolidation, type ReadReturn } from '../../src/consolidate';
import type { SheetSnapshot } from '../../src/engine/types';
import { InputError } from '../../src/xlsx/errors';
import { makeSnapshot, type Fill } from '../engine/snapshot';

function book(file: string, reporter: string | null, sheets: SheetSnapshot[]): ReadReturn {
  return { file, hash: `hash-${file}`, book: { file, snapshots: sheets, reporter, otherSheets: [], parseMs: 0 } };
}
const I = (values: Fill, version = TEMPLATE_VERSION) => ({ ...makeSnapshot('I', { values }), version });
const III = (values: Fill) => makeSnapshot('III', { values });
const VIII = (values: Fill) => makeSnapshot('VIII', { values });
const PAR = (values: Fill) => makeSnapshot('PAR', { values });

/** Every kind of cell: sums, a weighted rate (one without its weight), flags, texts, Đạt/Không đạt, PAR claims. */
function files(): ReadReturn[] {
  return [
    book('a.xlsx', 'UBND quận Ba Đình', [
      I({
        'I.2': { '2019': 10, '2018': ' 7 ' },
        'I.3.a': { '2019': 1 },
        'I.3.e': { '2019': 'Pa nô' },
        'I.6.b': { '2019': 100 },
        'I.6.c': { '2019': 0.8 },
      }),
      III({ 'III.5.a': { '2019': 0.9 } }),
      VIII({ 'VIII.1': { assessment: 'Đạt' } }),
      PAR({ '1.1': { score: 1, evidence: 'QĐ 1' }, '1.2': { score: 0.5 } }),
    ]),
    book('b.xlsx', 'Sở Nội vụ', [
      I({
        'I.2': { '2019': 5, '2018': '1,5' },
        'I.3.a': { '2019': 0 },
        'I.3.e': { '2019': 'Tờ rơi' },
        'I.6.b': { '2019': 300 },
        'I.6.c': { '2019': 0.6, '2018': 0.5 },
      }),
      III({ 'III.5.a': { '2019': 0.7 } }),
      VIII({ 'VIII.1': { assessment: 'Không đạt' } }),
      PAR({ '1.2': { score: 0.25 }, '2.3': { score: 9 } }),
    ]),
    book('dir/c.xlsx', null, [
      I({ 'I.2': { '2019': -3 }, 'I.6.c': { '2019': 0.5 } }),
      III({ 'III.5.a': { '2019': 0.85 } }),
    ]),
    book('a-copy.xlsx', 'ubnd  quận  Ba Đình', [I({ 'I.2': { '2019': 1000 } })]),
    book('old.xlsx', 'Sở Xây dựng', [I({ 'I.2': { '2019': 1000 } }, '0.0.1')]),
    { file: 'bomb.xlsx', error: new InputError('bomb.xlsx', 'too-large', { vi: 'quá lớn', en: 'too large' }) },
  ];
}

/** The files in another order: the result follows the order the files are added in. */
const reordered = (list: ReadReturn[]) => [list[2], list[5], list[1], list[4], list[0], list[3]];

/**
 * The result as plain data for the snapshot: the aggregates' Map as entries, without the cells no
 * file filled (counted instead), and the files' findings as the pane lists them (errors and
 * warnings, message and place: the consolidator keeps no more of them since #21).
 */
const plain = (c: Consolidation) => ({
  ...c,
  aggregates: [...c.aggregates].map(([id, list]) => [
    id,
    list.length,
    list.filter((a) => a.contributions.length > 0 || a.value !== null),
  ]),
  sources: c.sources.map((s) => ({
    ...s,
    findings: s.findings
      ?.filter((f) => f.severity !== 'info')
      .map(({ fix: _fix, suggestion: _suggestion, ...kept }) => kept),
  })),
});

describe('the consolidator holds no file’s sheets', () => {
  it('gives the same result when every sheet is emptied right after its file was added', () => {
    const expected = consolidate(files(), 'vi');
    const consolidator = new Consolidator('vi');
    for (const read of files()) {
      consolidator.add(read);
      // What the reader handed over may be dropped once added: nothing of it is read again.
      if ('book' in read)
        for (const s of read.book.snapshots) {
          s.values = [];
          s.formulas = [];
          s.numberFormats = [];
        }
    }
    expect(plain(consolidator.finish())).toEqual(plain(expected));
  });

  it('keeps of a file’s findings only what the pane lists (errors and warnings), with every count', () => {
    const [a] = consolidate(files(), 'vi').sources;
    expect(a.findings?.length).toBeGreaterThan(0);
    expect(a.findings?.filter((f) => f.severity === 'info' || f.fix || f.suggestion)).toEqual([]);
    expect(a.counts?.info).toBeGreaterThan(0);
  });
});

describe('the same result as the consolidator that held every file to the end', () => {
  it.each([
    ['in the order given', files],
    ['in another order', () => reordered(files())],
  ])('%s, in Vietnamese and in English', (_, list) => {
    expect(plain(consolidate(list(), 'vi'))).toMatchSnapshot('vi');
    expect(plain(consolidate(list(), 'en', undefined, { decimalSeparator: '.' }))).toMatchSnapshot('en');
  });
});
