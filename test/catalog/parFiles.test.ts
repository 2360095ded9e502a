import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { PAR_LISTS, parList } from '../../src/catalog';
import { checkParListFile, checkParRows, readParListFile, ParListError } from '../../src/catalog/parCheck';
import { worded } from '../../src/catalog/parWording';
import type { ParRow } from '../../src/catalog/types';
import { PAR_FOLDER, checkParFolder, indexSource, main } from '../../scripts/parLists';

const schema = JSON.parse(readFileSync(path.join(PAR_FOLDER, 'par-list.schema.json'), 'utf8')) as object;
const file2021 = (): Record<string, unknown> & { rows: ParRow[] } =>
  JSON.parse(readFileSync(path.join(PAR_FOLDER, '2021.json'), 'utf8')) as Record<string, unknown> & { rows: ParRow[] };
const ajvValid = (data: unknown): boolean => new Ajv({ allErrors: true }).compile(schema)(data) as boolean;

/** The 2021 list with one change made to it. */
function changed(
  edit: (rows: ParRow[], file: Record<string, unknown>) => void,
): Record<string, unknown> & { rows: ParRow[] } {
  const file = file2021();
  edit(file.rows, file);
  return file;
}
const row = (rows: ParRow[], id: string): ParRow => {
  const found = rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};

describe('PAR-list data files', () => {
  it('2021.json holds exactly the rows catalog/par.ts held (97 rows, same JSON to the byte)', () => {
    // Recorded from src/catalog/par.ts before it was removed: sha256 of JSON.stringify(PAR_ROWS).
    const rows = parList(2021).rows;
    expect(rows).toHaveLength(97);
    expect(createHash('sha256').update(JSON.stringify(rows)).digest('hex')).toBe(
      '44f19de83a8f028c8670f7b2acc9413a92d52e77e0050be276eb2d6414f24e46',
    );
    expect(parList(2021)).toMatchObject({
      year: 2021,
      previousYear: 2020,
      source: { number: '3541/UBND-SNV', issued: '2021-08-05' },
    });
  });

  it('every file of the folder keeps the schema and the rules, and par/index.ts imports exactly them', () => {
    const report = checkParFolder();
    expect(report.problems).toEqual([]);
    expect(report.files.map((f) => f.year)).toEqual(PAR_LISTS.map((l) => l.year));
    expect(ajvValid(file2021())).toBe(true);
    expect(readFileSync(path.join(PAR_FOLDER, 'index.ts'), 'utf8')).toBe(indexSource(report.files));
  });

  it('the build step fails on an invalid file dropped into the folder, naming the file and the row', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-par-'));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      copyFileSync(path.join(PAR_FOLDER, 'par-list.schema.json'), path.join(dir, 'par-list.schema.json'));
      copyFileSync(path.join(PAR_FOLDER, '2021.json'), path.join(dir, '2021.json'));
      const bad = changed((rows, file) => {
        file.year = 2022;
        row(rows, '1.1').target = 2;
      });
      writeFileSync(path.join(dir, '2022.json'), JSON.stringify(bad));
      expect(await main([], dir)).toBe(1);
      const said = stderr.mock.calls.map((c) => String(c[0])).join('');
      expect(said).toContain('2022.json (dòng/row 3, 1.1): Mục tiêu 2 lớn hơn điểm tối đa 1,5');
      expect(said).toContain('The target 2 exceeds the maximum 1.5');
      expect(said).not.toContain('2021.json');
    } finally {
      stderr.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the hand-written shape check refuses what the JSON Schema refuses', () => {
    const damaged: [string, Record<string, unknown>][] = [
      ['no label', changed((rows) => delete (rows[3] as Partial<ParRow>).label)],
      ['a maximum as text', changed((rows) => Object.assign(rows[3], { max: '1,5' }))],
      ['an unknown field', changed((rows) => Object.assign(rows[3], { points: 1 }))],
      ['a lead id in lower case', changed((rows) => Object.assign(rows[3], { lead: 'snv' }))],
      ['a fourth level', changed((rows) => Object.assign(rows[3], { level: 4 }))],
      ['synthetic false', changed((rows) => Object.assign(rows[3], { synthetic: false }))],
      ['an empty task', changed((rows) => Object.assign(rows[2], { tasks: [''] }))],
      ['a date not ISO', changed((_, f) => Object.assign(f.source as object, { issued: '05/08/2021' }))],
      ['a year as text', changed((_, f) => Object.assign(f, { year: '2021' }))],
      ['no rows', changed((_, f) => Object.assign(f, { rows: {} }))],
      ['a key with letters', changed((rows) => Object.assign(rows[3], { id: '1.a' }))],
    ];
    for (const [what, data] of damaged) {
      expect([what, ajvValid(data)]).toEqual([what, false]);
      expect([what, checkParListFile(data)[0]?.rule]).toEqual([what, 'shape']);
    }
  });

  it.each<[string, (rows: ParRow[]) => void, string, string | null]>([
    ['duplicate key', (rows) => Object.assign(row(rows, '1.2'), { id: '1.1', stt: '1.1' }), 'duplicate-key', '1.1'],
    ['parent max not the sum', (rows) => Object.assign(row(rows, '1.1'), { max: 2 }), 'max-sum', '1'],
    ['target over max', (rows) => Object.assign(row(rows, '1.1'), { target: 2 }), 'over-max', '1.1'],
    ['previous score over max', (rows) => Object.assign(row(rows, '8.2'), { previousScore: 1.25 }), 'over-max', '8.2'],
    ['total not 100', (rows) => Object.assign(row(rows, 'total'), { max: 99 }), 'total-100', 'total'],
    [
      'unknown lead',
      (rows) => Object.assign(row(rows, '8.2'), { lead: 'SYT', leadText: 'Sở Y tế' }),
      'lead-unknown',
      '8.2',
    ],
    [
      'lead name of another unit',
      (rows) => Object.assign(row(rows, '8.2'), { leadText: 'Sở Nội vụ' }),
      'lead-text',
      '8.2',
    ],
    [
      'leaf without lead',
      (rows) => Object.assign(row(rows, '8.2'), { lead: null, leadText: null }),
      'lead-missing',
      '8.2',
    ],
    ['parent with its own lead', (rows) => Object.assign(row(rows, '4.4'), { lead: 'SNV' }), 'parent-lead', '4.4'],
    [
      'key not under its parent',
      (rows) => {
        Object.assign(row(rows, '1.6'), { id: '2.9', stt: '2.9' });
        row(rows, '1').children = row(rows, '1').children.map((c) => (c === '1.6' ? '2.9' : c));
      },
      'key-nesting',
      '2.9',
    ],
    ['children not the rows naming the parent', (rows) => row(rows, '1').children.pop(), 'children', '1'],
    ['printed number not the key', (rows) => Object.assign(row(rows, '1.2'), { stt: '1.3' }), 'stt', '1.2'],
    ['total not first', (rows) => rows.push(rows.shift() as ParRow), 'first-total', '1'],
  ])('refuses a list with %s', (_, edit, rule, key) => {
    const rows = file2021().rows;
    expect(checkParRows(rows)).toEqual([]);
    edit(rows);
    const problems = checkParRows(rows);
    expect(problems.map((p) => [p.rule, p.key])).toContainEqual([rule, key]);
    for (const p of worded(problems)) {
      expect(p.vi).not.toBe(p.en);
      expect(p.vi.length).toBeGreaterThan(5);
    }
  });

  it('loading a file that breaks a rule throws with every problem', () => {
    const bad = changed((rows) => {
      row(rows, '1.1').target = 2;
      Object.assign(row(rows, '8.2'), { lead: 'SYT' });
    });
    expect(() => readParListFile(bad, '2022.json')).toThrow(ParListError);
    try {
      readParListFile(bad, '2022.json');
    } catch (e) {
      expect((e as ParListError).problems.map((p) => p.key)).toEqual(['1.1', '8.2']);
      expect((e as Error).message).toContain('2022.json');
    }
    expect(readParListFile(file2021(), '2021.json').rows).toEqual(parList(2021).rows);
  });
});
