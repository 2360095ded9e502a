import {
  APPENDIX1,
  CATALOG,
  PAR_ROWS,
  TEMPLATE_IDS,
  TEMPLATE_VERSION,
  UNITS,
  appendix1Row,
  appendix1Template,
  parLeaves,
  parRow,
  unitById,
  unitByName,
} from '../../src/catalog';
import type { ParRow } from '../../src/catalog';

const appendixRows = APPENDIX1.flatMap((t) => t.tables.flatMap((tb) => tb.rows));

function par(id: string): ParRow {
  const r = parRow(id);
  if (!r) throw new Error(`no PAR row ${id}`);
  return r;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const childSum = (r: ParRow, key: 'max' | 'previousScore' | 'target'): number =>
  r.children.reduce((acc, c) => acc + par(c)[key], 0);
const parents = PAR_ROWS.filter((r) => r.children.length > 0);

describe('catalog', () => {
  it('lists the templates in task-pane order', () => {
    expect(TEMPLATE_IDS).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'OUTLINE', 'PAR', 'STATUS']);
  });

  it('bundles both documents under one semantic version', () => {
    expect(TEMPLATE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(CATALOG.version).toBe(TEMPLATE_VERSION);
    expect(CATALOG.appendix1).toBe(APPENDIX1);
    expect(CATALOG.par).toBe(PAR_ROWS);
    expect(CATALOG.units.map((u) => u.id)).toEqual(UNITS.map((u) => u.id));
  });

  it('keeps row ids unique across both documents', () => {
    const ids = [...appendixRows.map((r) => r.id), ...PAR_ROWS.map((r) => r.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps unit ids unique and their names unambiguous', () => {
    const ids = UNITS.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const u of UNITS) {
      expect(unitByName(u.name)?.id).toBe(u.id);
      for (const a of u.aliases) expect(unitByName(a)?.id).toBe(u.id);
    }
    expect(unitByName('Sở Không Có')).toBeUndefined();
    expect(() => unitById('NOPE' as never)).toThrow();
  });

  it('resolves every unit id the documents use', () => {
    const used = [
      ...APPENDIX1.flatMap((t) => t.units),
      ...appendixRows.map((r) => r.unit),
      ...PAR_ROWS.flatMap((r) => (r.lead ? [r.lead] : [])),
    ];
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(unitById(id).id).toBe(id);
  });

  it('reads every printed unit text as the unit it is filed under', () => {
    for (const r of appendixRows.filter((x) => x.unitText !== undefined))
      expect([r.id, unitByName(r.unitText as string)?.id]).toEqual([r.id, r.unit]);
    for (const r of PAR_ROWS.filter((x) => x.lead !== null && x.leadText !== null))
      expect([r.id, unitByName(r.leadText as string)?.id]).toEqual([r.id, r.lead]);
  });
});

describe('look-ups', () => {
  it('finds an Appendix 1 row with its template and table', () => {
    const hit = appendix1Row('II.1.f');
    expect(hit?.template.id).toBe('II');
    expect(hit?.table.id).toBe('II');
    expect(hit?.row.label).toBe('Quyết định của Ủy ban nhân dân cấp xã');
    expect(appendix1Row('IV.3.2019')?.table.id).toBe('IV.3');
    expect(appendix1Row('IV.2')?.row.kind).toBe('group');
    expect(appendix1Row('1.1')).toBeUndefined();
    expect(appendix1Row('')).toBeUndefined();
  });

  it('reaches every Appendix 1 row by id', () => {
    for (const r of appendixRows) expect(appendix1Row(r.id)?.row).toBe(r);
  });

  it('finds templates by id, and only Appendix 1 templates', () => {
    for (const t of APPENDIX1) expect(appendix1Template(t.id)).toBe(t);
    expect(appendix1Template('PAR')).toBeUndefined();
    expect(appendix1Template('IX')).toBeUndefined();
  });

  it('finds PAR rows and their leaves', () => {
    expect(par('1.1').label).toBe('Thực hiện Kế hoạch CCHC');
    expect(parRow('I.1')).toBeUndefined();
    expect(parLeaves('1.1')).toEqual([par('1.1')]);
    expect(parLeaves('nope')).toEqual([]);
    const leaves = parLeaves('total');
    for (const l of leaves) expect(l.children).toEqual([]);
    expect(leaves).toEqual(PAR_ROWS.filter((r) => r.children.length === 0));
    expect(round3(leaves.reduce((a, l) => a + l.max, 0))).toBe(100);
  });
});

describe('PAR list', () => {
  it('has a total row and a consistent tree under it', () => {
    const total = par('total');
    expect(total).toMatchObject({ level: 0, parent: null, stt: '' });
    expect(total.children).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    for (const r of PAR_ROWS) {
      for (const c of r.children) {
        expect(par(c).parent).toBe(r.id);
        expect(par(c).level).toBe(r.level + 1);
      }
      if (r.parent !== null) expect(par(r.parent).children).toContain(r.id);
    }
  });

  it('states the grand totals 100 / 86.07 / 92.418', () => {
    expect(par('total')).toMatchObject({ max: 100, previousScore: 86.07, target: 92.418 });
  });

  it('carries the synthetic 7.2.other row', () => {
    expect(par('7.2.other')).toMatchObject({ max: 1, previousScore: 1, target: 1, synthetic: true, parent: '7.2' });
    expect(par('7.2').children).toContain('7.2.other');
    expect(PAR_ROWS.filter((r) => r.synthetic).map((r) => r.id)).toEqual(['7.2.other']);
  });

  it('makes every parent’s maximum and 2021 target the sum of its children', () => {
    expect(parents.length).toBeGreaterThan(8);
    for (const r of parents) {
      expect([r.id, 'max', round3(childSum(r, 'max'))]).toEqual([r.id, 'max', expect.closeTo(r.max, 9)]);
      expect([r.id, 'target', round3(childSum(r, 'target'))]).toEqual([r.id, 'target', expect.closeTo(r.target, 9)]);
    }
  });

  it('makes the stated 2020 scores the children’s sums except 6.1 and 7.1, off by rounding only', () => {
    const differing = parents.filter((r) => Math.abs(round3(childSum(r, 'previousScore')) - r.previousScore) > 1e-9);
    expect(differing.map((r) => r.id)).toEqual(['6.1', '7.1']);
    for (const r of differing)
      expect(Math.abs(childSum(r, 'previousScore') - r.previousScore)).toBeLessThanOrEqual(
        0.0005 * r.children.length + 1e-9,
      );
    expect(par('6.1').previousScore).toBe(1.858);
    expect(round3(childSum(par('6.1'), 'previousScore'))).toBe(1.857);
    expect(par('7.1').previousScore).toBe(4.937);
    expect(round3(childSum(par('7.1'), 'previousScore'))).toBe(4.935);
  });

  it('never scores a criterion above its maximum', () => {
    for (const r of PAR_ROWS) {
      expect(r.previousScore).toBeLessThanOrEqual(r.max + 1e-9);
      expect(r.target).toBeLessThanOrEqual(r.max + 1e-9);
    }
  });
});
