/**
 * The official's choice among conflicting PAR scores (issue 19): a choice names the claim by its
 * file's content hash and unit, is applied while that file is unchanged, is recorded on
 * "Nguồn số liệu", and is dropped (the conflict back, saying so) when the file changed.
 */
import { applyParChoices, consolidate, contentHash, type ParChoice, type ReadReturn } from '../../src/consolidate';
import { sourcesTable } from '../../src/consolidate/sources';
import type { SheetSnapshot } from '../../src/engine/types';
import { makeSnapshot, type Fill } from '../engine/snapshot';

function book(file: string, reporter: string, sheets: SheetSnapshot[], hash: string): ReadReturn {
  return { file, hash, book: { file, snapshots: sheets, reporter, otherSheets: [], parseMs: 0 } };
}
const PAR = (values: Fill) => makeSnapshot('PAR', { values });

// 1.2 is led by Sở Nội vụ (catalog); both units score it: a 'several-files' conflict.
// The merge compares fingerprints as text; contentHash itself is tested below.
const snvHash = 'fingerprint-of-snv';
const stpHash = 'fingerprint-of-stp';
const snv = book('snv.xlsx', 'Sở Nội vụ', [PAR({ '1.2': { score: 0.5, evidence: 'QĐ 7' } })], snvHash);
const stp = book('stp.xlsx', 'Sở Tư pháp', [PAR({ '1.2': { score: 0.25 } })], stpHash);
const leadChoice: ParChoice = { rowKey: '1.2', hash: snvHash, unit: 'Sở Nội vụ', at: '2026-01-02T08:00:00.000Z' };

describe('PAR choices', () => {
  it('hashes bytes stably (SHA-256) and tells different bytes apart', async () => {
    const once = await contentHash(new Uint8Array([1, 2, 3]));
    expect(await contentHash(new Uint8Array([1, 2, 3]))).toBe(once);
    expect(await contentHash(new Uint8Array([1, 2, 3, 0]))).not.toBe(once);
    // SHA-256 of the empty input, as published in FIPS 180-2's examples.
    expect(await contentHash(new Uint8Array([]))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('takes the chosen claim instead of leaving a conflict, and records it on the sources sheet', () => {
    const before = consolidate([snv, stp], 'vi');
    expect(before.par?.conflicts.map((c) => c.rowKey)).toEqual(['1.2']);
    const chosen = applyParChoices(before, [leadChoice], 'vi');
    expect(chosen.par?.conflicts).toEqual([]);
    expect(chosen.par?.merged).toEqual([
      { rowKey: '1.2', score: 0.5, evidence: 'QĐ 7', source: 0, chosen: leadChoice },
    ]);
    const rows = sourcesTable(chosen, 'vi', 'test', new Date(2026, 0, 2)).sections[3].rows;
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(1, 6)).toEqual(['1.2', 'Đã chọn', 0.5, 'Sở Nội vụ', 'snv.xlsx']);
    expect(String(rows[0][6])).toMatch(/chọn trong ngăn CCHC ngày 2\/1\/2026; các điểm khác: 0.25 \(Sở Tư pháp\)/);
  });

  it('keeps another claim when that one is chosen', () => {
    const other: ParChoice = { ...leadChoice, hash: stpHash, unit: 'Sở Tư pháp' };
    const chosen = consolidate([snv, stp], 'en', undefined, {}, [other]);
    expect(chosen.par?.merged.map((m) => [m.rowKey, m.score, m.source])).toEqual([['1.2', 0.25, 1]]);
  });

  it('keeps the choice on a re-run with the same files', () => {
    const again = consolidate([snv, stp], 'vi', undefined, {}, [leadChoice]);
    expect(again.par?.merged.map((m) => [m.rowKey, m.score, m.chosen?.unit])).toEqual([['1.2', 0.5, 'Sở Nội vụ']]);
    expect(again.par?.conflicts).toEqual([]);
  });

  it('drops the choice when the chosen file changed: the conflict is back and says so', () => {
    const changed = book('snv.xlsx', 'Sở Nội vụ', [PAR({ '1.2': { score: 0.75 } })], 'fingerprint-of-snv-edited');
    const again = consolidate([changed, stp], 'vi', undefined, {}, [leadChoice]);
    expect(again.par?.merged).toEqual([]);
    expect(again.par?.conflicts.map((c) => [c.rowKey, c.staleChoice])).toEqual([['1.2', true]]);
    expect(again.par?.conflicts[0].message).toMatch(/tệp đó đã thay đổi/);
  });

  it('never applies a choice to a file read without a hash', () => {
    const { hash: _unused, ...noHash } = snv;
    void _unused;
    const again = consolidate([noHash as ReadReturn, stp], 'en', undefined, {}, [leadChoice]);
    expect(again.par?.conflicts.map((c) => c.rowKey)).toEqual(['1.2']);
  });
});
