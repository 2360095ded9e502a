import fc from 'fast-check';
import { appendix1Row, TEMPLATE_IDS, TEMPLATE_VERSION } from '../../src/catalog';
import type { TemplateId } from '../../src/catalog/types';
import { validateSheet, validateWorkbook } from '../../src/engine';
import { compareVersions } from '../../src/engine/structure';
import type { CellValue, Finding, SheetSnapshot } from '../../src/engine/types';
import { makeSnapshot, planOf, rowPlan, validFill } from './snapshot';

const brief = (fs: Finding[]): Array<[string, string, string, string, string | null]> =>
  fs.map((f) => [f.severity, f.code, f.cell, f.rowKey, f.column]);

const STRUCTURE = new Set(['row-missing', 'duplicate-key', 'version-mismatch']);
const structural = (s: SheetSnapshot): Finding[] => validateSheet(s).findings.filter((f) => STRUCTURE.has(f.code));

/** The snapshot without the sheet row `row` (1-based), as Excel reads it after "Delete row". */
function deleteRow(s: SheetSnapshot, row: number): SheetSnapshot {
  const cut = <T>(grid: T[][] | undefined): T[][] | undefined => grid?.filter((_, i) => i !== row - 1);
  const out: SheetSnapshot = { ...s, values: cut(s.values) as CellValue[][] };
  if (s.formulas) out.formulas = cut(s.formulas);
  if (s.numberFormats) out.numberFormats = cut(s.numberFormats);
  return out;
}

/** The snapshot with sheet row `row` copied and inserted just below it. */
function copyRowBelow(s: SheetSnapshot, row: number): SheetSnapshot {
  const dup = <T>(grid: T[][] | undefined): T[][] | undefined =>
    grid && [...grid.slice(0, row), [...grid[row - 1]], ...grid.slice(row)];
  const out: SheetSnapshot = { ...s, values: dup(s.values) as CellValue[][] };
  if (s.formulas) out.formulas = dup(s.formulas);
  if (s.numberFormats) out.numberFormats = dup(s.numberFormats);
  return out;
}

describe('row-missing: a template row deleted from the sheet', () => {
  it('is an error at the address the row has in a freshly injected sheet, naming key and label, no fix', () => {
    const row = rowPlan('I', 'I.2').row;
    const snapshot = deleteRow(makeSnapshot('I', { values: validFill('I'), name: 'Chỉ đạo' }), row);
    const fs = validateSheet(snapshot).findings;
    expect(brief(fs)).toEqual([['error', 'row-missing', `A${row}`, 'I.2', null]]);
    const f = fs[0];
    expect(f.sheet).toBe('Chỉ đạo');
    expect(f.fix).toBeUndefined();
    expect(f.message.vi).toContain('I.2');
    const label = appendix1Row('I.2')?.row.label as string;
    expect(label.length).toBeGreaterThan(0);
    expect(f.message.vi).toContain(label);
    expect(f.message.en).toContain(label);
    expect(f.message.vi).toContain('“Chèn biểu mẫu”');
    expect(f.message.vi).toContain('các số liệu khác được giữ nguyên');
    expect(f.message.en).toContain('I.2');
    expect(f.message.en).toContain('“Insert templates”');
    expect(f.message.en).toContain('other figures are kept');
  });

  it('a deleted PAR leaf is reported once, and the rows below keep being checked at their new addresses', () => {
    const leaf = rowPlan('PAR', '1.1').row;
    const next = rowPlan('PAR', '1.2').row;
    const snapshot = deleteRow(makeSnapshot('PAR', { values: { '1.2': { score: 99 } } }), leaf);
    const fs = validateSheet(snapshot).findings;
    expect(brief(fs.filter((f) => f.code === 'row-missing'))).toEqual([
      ['error', 'row-missing', `A${leaf}`, '1.1', null],
    ]);
    expect(brief(fs.filter((f) => f.code === 'par-over-max'))).toEqual([
      ['error', 'par-over-max', `G${next - 1}`, '1.2', 'score'],
    ]);
  });

  it('one finding per missing key, in template order', () => {
    const a = rowPlan('II', 'II.1.a').row;
    const b = rowPlan('II', 'II.2').row;
    const snapshot = deleteRow(deleteRow(makeSnapshot('II'), b), a);
    expect(brief(structural(snapshot))).toEqual([
      ['error', 'row-missing', `A${a}`, 'II.1.a', null],
      ['error', 'row-missing', `A${b}`, 'II.2', null],
    ]);
  });

  it('not for the reporter line, the status sheet, or a snapshot that does not cover column A', () => {
    const reporter = rowPlan('I', 'meta.reporter').row;
    expect(structural(deleteRow(makeSnapshot('I'), reporter))).toEqual([]);
    expect(structural(deleteRow(makeSnapshot('STATUS'), rowPlan('STATUS', 'I').row))).toEqual([]);
    const s = deleteRow(makeSnapshot('I'), rowPlan('I', 'I.2').row);
    const fromB1: SheetSnapshot = { ...s, origin: 'B1', values: s.values.map((r) => r.slice(1)) };
    delete fromB1.formulas;
    delete fromB1.numberFormats;
    expect(structural(fromB1)).toEqual([]);
  });

  it('deleting any one template row gives exactly one structural finding: that row missing, at its plan address', () => {
    const ids = TEMPLATE_IDS.filter((id) => id !== 'STATUS');
    const arb = fc.constantFrom(...ids).chain((id) =>
      fc.tuple(
        fc.constant(id),
        fc.constantFrom(
          ...planOf(id)
            .rows.filter((r) => r.kind !== 'meta')
            .map((r) => r.key),
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([id, key]: [TemplateId, string]) => {
        const row = rowPlan(id, key).row;
        const fs = structural(deleteRow(makeSnapshot(id, { values: validFill(id) }), row));
        expect(brief(fs)).toEqual([['error', 'row-missing', `A${row}`, key, null]]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('duplicate-key: a row copied with its key', () => {
  it('is a warning on the copy (column A of its row), saying the first row is the one totalled; no fix', () => {
    const row = rowPlan('I', 'I.2').row;
    const snapshot = copyRowBelow(makeSnapshot('I', { values: validFill('I') }), row);
    const fs = validateSheet(snapshot).findings;
    expect(brief(fs)).toEqual([['warning', 'duplicate-key', `A${row + 1}`, 'I.2', null]]);
    expect(fs[0].fix).toBeUndefined();
    expect(fs[0].message.vi).toContain(`Chỉ dòng ${row} được dùng để tính tổng`);
    expect(fs[0].message.vi).toContain(`xóa dòng sao chép ${row + 1}`);
    expect(fs[0].message.en).toContain(`Only row ${row} is used for totals`);
    expect(fs[0].message.en).toContain(`delete the copied row ${row + 1}`);
  });

  it('one warning per extra copy, however the key was typed', () => {
    const row = rowPlan('PAR', '1.6').row;
    const snapshot = copyRowBelow(copyRowBelow(makeSnapshot('PAR'), row), row);
    snapshot.values[row][0] = ' 1.6 ';
    snapshot.values[row + 1][0] = 1.6;
    expect(brief(structural(snapshot))).toEqual([
      ['warning', 'duplicate-key', `A${row + 1}`, '1.6', null],
      ['warning', 'duplicate-key', `A${row + 2}`, '1.6', null],
    ]);
  });
});

describe('version-mismatch: the A1 marker’s version is not the add-in’s', () => {
  const older = (): SheetSnapshot => ({ ...makeSnapshot('III', { values: validFill('III') }), version: '0.9.0' });

  it('an older template: one warning at A1 asking to insert the templates again, figures kept', () => {
    const fs = validateSheet(older()).findings;
    expect(brief(fs)).toEqual([['warning', 'version-mismatch', 'A1', '', null]]);
    expect(fs[0].fix).toBeUndefined();
    expect(fs[0].message.vi).toContain('0.9.0');
    expect(fs[0].message.vi).toContain(TEMPLATE_VERSION);
    expect(fs[0].message.vi).toContain('chèn lại biểu mẫu để nâng cấp, số liệu được giữ');
    expect(fs[0].message.en).toContain('insert the templates again to upgrade');
  });

  it('a newer template: one warning at A1 asking to update the add-in', () => {
    const fs = validateSheet({ ...makeSnapshot('PAR'), version: '1.10.0' }).findings;
    const v = fs.filter((f) => f.code === 'version-mismatch');
    expect(brief(v)).toEqual([['warning', 'version-mismatch', 'A1', '', null]]);
    expect(v[0].message.vi).toContain('hãy cập nhật tiện ích');
    expect(v[0].message.en).toContain('update the CCHC add-in');
    expect(v[0].message.vi).not.toContain('chèn lại biểu mẫu');
  });

  it('one per sheet, counted by validateWorkbook; none when the version matches', () => {
    const current = makeSnapshot('I');
    expect(current.version).toBe(TEMPLATE_VERSION);
    const result = validateWorkbook([older(), { ...older(), name: 'III (2)' }, current]);
    expect(result.findings.map((f) => [f.sheet, f.code])).toEqual([
      [planOf('III').name, 'version-mismatch'],
      ['III (2)', 'version-mismatch'],
    ]);
    expect(result.counts).toEqual({ error: 0, warning: 2, info: 0 });
  });

  it('compares versions numerically; an unreadable one counts as older', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('0.9.0', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
    expect(compareVersions('', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0-beta', '1.0.0')).toBe(-1);
    const fs = validateSheet({ ...makeSnapshot('I'), version: '' }).findings;
    expect(brief(fs)).toEqual([['warning', 'version-mismatch', 'A1', '', null]]);
    expect(fs[0].message.vi).toContain('chèn lại biểu mẫu để nâng cấp');
  });
});

describe('marker-overwritten: A1 no longer holds the template marker', () => {
  /** The snapshot with A1 as given (the sheet known by its CCHC_TEMPLATE name). */
  const withA1 = (a1: CellValue): SheetSnapshot => {
    const s = makeSnapshot('PAR', { values: validFill('PAR') });
    const values = s.values.map((r) => [...r]);
    values[0][0] = a1;
    return { ...s, values };
  };

  it('typed over: one warning at A1 quoting what is there, saying the insert writes it back and keeps it', () => {
    const fs = validateSheet(withA1('UBND quận Ba Đình')).findings;
    expect(brief(fs.filter((f) => f.code === 'marker-overwritten'))).toEqual([
      ['warning', 'marker-overwritten', 'A1', '', null],
    ]);
    const f = fs.find((x) => x.code === 'marker-overwritten')!;
    expect(f.message.vi).toContain('"UBND quận Ba Đình"');
    expect(f.message.vi).toContain('“Chèn biểu mẫu”');
    expect(f.message.vi).toContain('“CCHC – chưa xếp”');
    expect(f.message.en).toContain('“Insert templates”');
    expect(f.fix).toBeUndefined();
  });

  it('cleared: a warning that does not speak of a value kept', () => {
    const f = validateSheet(withA1('')).findings.find((x) => x.code === 'marker-overwritten')!;
    expect(f.message.vi).toContain('đã bị xóa');
    expect(f.message.vi).not.toContain('chưa xếp');
  });

  it('a marker of another template in A1 counts as typed over; one of the same template (any version) does not', () => {
    expect(validateSheet(withA1('cchc-template:I@1.0.0')).findings.map((f) => f.code)).toContain('marker-overwritten');
    const same = validateSheet(withA1('cchc-template:PAR@0.9.0')).findings.map((f) => f.code);
    expect(same).not.toContain('marker-overwritten');
  });

  it('nothing when the marker is intact, or when the snapshot does not start at A1', () => {
    expect(validateSheet(makeSnapshot('PAR', { values: validFill('PAR') })).findings.map((f) => f.code)).not.toContain(
      'marker-overwritten',
    );
    const s = withA1('x');
    const cut: SheetSnapshot = { ...s, origin: 'A2', values: s.values.slice(1) };
    expect(validateSheet(cut).findings.map((f) => f.code)).not.toContain('marker-overwritten');
  });
});
