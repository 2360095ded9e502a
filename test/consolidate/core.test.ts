/**
 * The consolidation core on snapshots built from the layout plan (no files): sums, means with
 * and without weights, flag and Đạt/Không đạt counts, refusals, and the PAR merge from lead
 * units. Every expected figure is computed by hand in the comment next to it.
 */
import { TEMPLATE_VERSION } from '../../src/catalog';
import { compareVersions, consolidate, type Aggregate, type ReadReturn } from '../../src/consolidate';
import { noteFor } from '../../src/consolidate/labels';
import { sourcesTable } from '../../src/consolidate/sources';
import type { SheetSnapshot } from '../../src/engine/types';
import { InputError } from '../../src/xlsx/errors';
import { makeSnapshot, type Fill } from '../engine/snapshot';

function book(file: string, reporter: string | null, sheets: SheetSnapshot[]): ReadReturn {
  return { file, book: { file, snapshots: sheets, reporter, otherSheets: [], parseMs: 0 } };
}

const I = (values: Fill, version = TEMPLATE_VERSION) => ({ ...makeSnapshot('I', { values }), version });
const III = (values: Fill) => makeSnapshot('III', { values });
const VIII = (values: Fill) => makeSnapshot('VIII', { values });
const PAR = (values: Fill) => makeSnapshot('PAR', { values });

const a = book('a.xlsx', 'UBND quận Ba Đình', [
  I({ 'I.2': { '2019': 10 }, 'I.3.a': { '2019': 1 }, 'I.6.b': { '2019': 100 }, 'I.6.c': { '2019': 0.8 } }),
  III({ 'III.5.a': { '2019': 0.9 } }),
  VIII({ 'VIII.1': { assessment: 'Đạt' } }),
]);
const b = book('b.xlsx', 'Sở Y tế', [
  I({ 'I.2': { '2019': 5 }, 'I.3.a': { '2019': 0 }, 'I.6.b': { '2019': 300 }, 'I.6.c': { '2019': 0.6 } }),
  III({ 'III.5.a': { '2019': 0.7 } }),
  VIII({ 'VIII.1': { assessment: 'Không đạt' } }),
]);
// No reporter; -3 is an engine error (negative count), so it is left out.
const c = book('dir/c.xlsx', null, [I({ 'I.2': { '2019': -3 } }), III({ 'III.5.a': { '2019': 0.85 } })]);
// The same unit as a.xlsx, spelled with other case and spacing: refused, its 1000 never summed.
const again = book('a-copy.xlsx', 'ubnd  quận  Ba Đình', [I({ 'I.2': { '2019': 1000 } })]);
const older = book('old.xlsx', 'Sở Xây dựng', [I({ 'I.2': { '2019': 1000 } }, '0.0.1')]);
const newer = book('new.xlsx', 'Sở Công Thương', [I({ 'I.2': { '2019': 1000 } }, '99.0.0')]);
const bomb: ReadReturn = {
  file: 'bomb.xlsx',
  error: new InputError('bomb.xlsx', 'too-large', { vi: 'quá lớn', en: 'too large' }),
};

const result = consolidate([a, b, c, again, older, newer, bomb], 'vi');
const agg = (id: 'I' | 'III' | 'VIII', key: string, column: string): Aggregate => {
  const found = result.aggregates.get(id)?.find((x) => x.rowKey === key && x.column === column);
  if (!found) throw new Error(`no aggregate ${id} ${key} ${column}`);
  return found;
};

describe('consolidation core: Appendix 1', () => {
  it('sums counts over the units, leaving the invalid -3 out: 10 + 5 = 15 from 2 units', () => {
    expect(agg('I', 'I.2', '2019')).toMatchObject({ value: 15, units: 2, method: 'sum' });
    const left = result.leftOut.find((l) => l.rowKey === 'I.2');
    expect(left).toMatchObject({ source: 2, column: '2019', value: -3 });
    expect(left?.reason).toMatch(/âm/);
  });

  it('weights a rate by its catalog weight: (0.8×100 + 0.6×300) / 400 = 0.65', () => {
    expect(agg('I', 'I.6.c', '2019')).toMatchObject({ value: 0.65, units: 2, method: 'weighted', weightBy: 'I.6.b' });
  });

  it('averages a rate without weight: (0.9 + 0.7 + 0.85) / 3 = 0.816666667', () => {
    const mean = agg('III', 'III.5.a', '2019');
    expect(mean).toMatchObject({ units: 3, method: 'mean' });
    expect(mean.value).toBeCloseTo(2.45 / 3, 9);
  });

  it('counts units answering 1 for a flag (1 of 2), and Đạt / Không đạt (1 / 1)', () => {
    expect(agg('I', 'I.3.a', '2019')).toMatchObject({ value: 1, yes: 1, units: 2, method: 'countYes' });
    expect(agg('VIII', 'VIII.1', 'assessment')).toMatchObject({ value: 'Đạt: 1; Không đạt: 1', yes: 1, no: 1 });
  });

  it('uses the file name for a unit without reporter, and keeps every figure’s source', () => {
    expect(result.sources[2].unit).toBe('c.xlsx');
    expect(agg('I', 'I.2', '2019').contributions.map((x) => [result.sources[x.source].unit, x.value])).toEqual([
      ['UBND quận Ba Đình', 10],
      ['Sở Y tế', 5],
    ]);
  });

  it('refuses a second file of the same unit and other template versions, each with its own message', () => {
    const byFile = new Map(result.sources.map((s) => [s.file, s]));
    expect(byFile.get('a-copy.xlsx')).toMatchObject({ status: 'refused', problem: 'duplicate-unit' });
    expect(byFile.get('a-copy.xlsx')?.message).toContain('a.xlsx');
    expect(byFile.get('old.xlsx')).toMatchObject({ status: 'refused', problem: 'version-older' });
    expect(byFile.get('old.xlsx')?.message).toMatch(/0\.0\.1 cũ hơn/);
    expect(byFile.get('new.xlsx')).toMatchObject({ status: 'refused', problem: 'version-newer' });
    expect(byFile.get('new.xlsx')?.message).toMatch(/99\.0\.0 mới hơn/);
    expect(byFile.get('bomb.xlsx')).toMatchObject({ status: 'unreadable', problem: 'too-large', message: 'quá lớn' });
    // None of the refused files' 1000s reached the total (checked above: 15).
    expect(agg('I', 'I.2', '2019').contributions.every((x) => [0, 1].includes(x.source))).toBe(true);
  });

  it('compares versions numerically', () => {
    expect(compareVersions('1.2.0', '1.10.0')).toBe(-1);
    expect(compareVersions('2.0', '2.0.0')).toBe(0);
    expect(compareVersions('3.0.1', '3.0.0')).toBe(1);
  });

  it('has no PAR merge when no file scores a criterion', () => {
    expect(result.par).toBeNull();
  });
});

describe('consolidation core: PAR returns from lead units', () => {
  // 1.1 and 1.2 are led by Sở Nội vụ; 2.1 and 2.2 by Sở Tư pháp (catalog).
  const snv = book('snv.xlsx', 'Sở Nội vụ', [
    PAR({ '1.1': { score: 1.25, evidence: 'QĐ 12/QĐ-SNV' }, '1.2': { score: 0.5 }, '2.2': { score: 1 } }),
  ]);
  const stp = book('stp.xlsx', 'Sở Tư pháp', [
    PAR({ '2.1': { score: 1.75, evidence: 'BC 5/BC-STP' }, '1.2': { score: 0.25 }, '2.3': { score: 9 } }),
  ]);
  const par = consolidate([snv, stp], 'en');

  it('takes each criterion’s score and evidence from its lead unit’s file', () => {
    expect(par.par?.merged).toEqual([
      { rowKey: '1.1', score: 1.25, evidence: 'QĐ 12/QĐ-SNV', source: 0 },
      { rowKey: '2.1', score: 1.75, evidence: 'BC 5/BC-STP', source: 1 },
    ]);
  });

  it('lists a criterion scored in two files, and one scored by a unit that does not lead it, as conflicts', () => {
    const conflicts = par.par?.conflicts ?? [];
    expect(conflicts.map((x) => [x.rowKey, x.reason, x.lead])).toEqual([
      ['1.2', 'several-files', 'SNV'],
      ['2.2', 'not-lead', 'STP'],
    ]);
    expect(conflicts[0].claims.map((x) => x.score)).toEqual([0.5, 0.25]);
    expect(conflicts[1].message).toMatch(/led by Department of Justice/);
  });

  it('leaves out an invalid score (9 above the maximum of 2.3) instead of merging it', () => {
    expect(par.leftOut.map((l) => [l.rowKey, l.column, l.value])).toEqual([['2.3', 'score', 9]]);
  });

  it('records the merge and the conflicts in the sources table', () => {
    const table = sourcesTable(par, 'vi', 'test', new Date(2026, 0, 2));
    const section = table.sections[3];
    expect(section.title).toMatch(/^4\. Chỉ số CCHC/);
    expect(section.rows.map((r) => [r[1], r[2]])).toEqual([
      ['1.1', 'Đã lấy'],
      ['2.1', 'Đã lấy'],
      ['1.2', 'Xung đột'],
      ['2.2', 'Xung đột'],
    ]);
  });
});

describe('consolidation core: numbers as the consolidating official’s Excel writes them', () => {
  // "1,5" typed as text into a count, and 9 above the maximum 1,5 of PAR 2.3: both messages hold 1.5.
  const unit = book('stp.xlsx', 'Sở Tư pháp', [
    I({ 'I.2': { '2019': '1,5' }, 'I.6.b': { '2019': 10 }, 'I.6.c': { '2019': 0.855 } }),
    PAR({ '2.3': { score: 9 } }),
  ]);
  const messages = (c: ReturnType<typeof consolidate>) => [
    ...c.leftOut.map((l) => l.reason),
    ...(c.sources[0].findings ?? []).map((f) => f.message.vi),
  ];

  it('an Excel set to "." gets 1.5 in the reasons cells were left out and in the files’ findings', () => {
    const point = consolidate([unit], 'vi', undefined, { decimalSeparator: '.' });
    expect(point.decimalSeparator).toBe('.');
    expect(point.leftOut.map((l) => l.reason)).toEqual([
      expect.stringContaining('Excel này dùng dấu chấm "." làm dấu thập phân'),
      'Điểm 9 vượt điểm tối đa 1.5 của tiêu chí.',
    ]);
    // Apart from the text quoted as typed, no number is written with a comma.
    expect(messages(point).filter((m) => /\d,\d/.test(m.replace(/"[^"]*"/g, '')))).toEqual([]);
  });

  it('without the setting, each language its own: 1,5 in Vietnamese, and no claim about this Excel', () => {
    const unknown = consolidate([unit], 'vi');
    expect(unknown.decimalSeparator).toBeNull();
    expect(unknown.leftOut.map((l) => l.reason)).toContain('Điểm 9 vượt điểm tối đa 1,5 của tiêu chí.');
    expect(messages(unknown).filter((m) => m.includes('Excel này dùng'))).toEqual([]);
  });

  it('the note on a consolidated cell writes each unit’s figure with it: 85.5% or 85,5%', () => {
    const rate = (c: ReturnType<typeof consolidate>) =>
      c.aggregates.get('I')!.find((x) => x.rowKey === 'I.6.c' && x.column === '2019')!;
    const point = consolidate([unit], 'vi', undefined, { decimalSeparator: '.' });
    expect(noteFor(rate(point), point, 'vi')).toContain('Sở Tư pháp: 85.5%');
    const unknown = consolidate([unit], 'vi');
    expect(noteFor(rate(unknown), unknown, 'vi')).toContain('Sở Tư pháp: 85,5%');
  });
});
