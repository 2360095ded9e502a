/**
 * Typed percents and other formats that change what a number means (issue 14, item 2): "85%"
 * in a PAR score stores 0.85 with a percent format; a date format on a count; numbers kept as
 * text by the '@' format.
 */
import { validateSheet } from '../../src/engine';
import { isPercentFormat } from '../../src/engine/cellFormats';
import type { Finding, SheetSnapshot } from '../../src/engine/types';
import { makeSnapshot } from './snapshot';

const at = (snapshot: SheetSnapshot, rowKey: string, column: string): Finding[] =>
  validateSheet(snapshot).findings.filter((f) => f.rowKey === rowKey && f.column === column);

describe('a percent format on points or counts', () => {
  it('recognises percent formats, not a quoted or escaped %', () => {
    expect(isPercentFormat('0%')).toBe(true);
    expect(isPercentFormat('0.00%')).toBe(true);
    expect(isPercentFormat('[Red]0%')).toBe(true);
    expect(isPercentFormat('0" %"')).toBe(false);
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat('General')).toBe(false);
    expect(isPercentFormat('0.000')).toBe(false);
  });

  it('a PAR score of 0.85 formatted 0% (typed "85%") is a warning that says what the cell shows and asks', () => {
    const snapshot = makeSnapshot('PAR', {
      values: { '1.1': { score: 0.85, evidence: 'QĐ 1' } },
      numberFormats: { '1.1': { score: '0%' } },
    });
    const found = at(snapshot, '1.1', 'score').filter((f) => f.code === 'percent-format');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message.vi).toContain('85%');
    expect(found[0].message.vi).toContain('0,85');
    expect(found[0].message.en).toContain('0.85');
  });

  it('the same score without the percent format is not flagged as one', () => {
    const snapshot = makeSnapshot('PAR', {
      values: { '1.1': { score: 0.85, evidence: 'QĐ 1' } },
      numberFormats: { '1.1': { score: '0.000' } },
    });
    expect(at(snapshot, '1.1', 'score').map((f) => f.code)).not.toContain('percent-format');
  });

  it('a count formatted as a percent is a warning; a percent cell formatted as a percent is fine', () => {
    const count = makeSnapshot('III', {
      values: { 'III.1': { '2019': 1 } },
      numberFormats: { 'III.1': { '2019': '0%' } },
    });
    expect(at(count, 'III.1', '2019').map((f) => f.code)).toContain('percent-format');
    const percent = makeSnapshot('III', {
      values: { 'III.5.a': { '2019': 0.85 } },
      numberFormats: { 'III.5.a': { '2019': '0%' } },
    });
    expect(at(percent, 'III.5.a', '2019')).toEqual([]);
  });

  it('a date format on a count and a number kept as text are still caught', () => {
    const snapshot = makeSnapshot('III', {
      values: { 'III.1': { '2019': 43936, '2020': '12' } },
      numberFormats: { 'III.1': { '2019': 'dd/mm/yyyy', '2020': '@' } },
    });
    expect(at(snapshot, 'III.1', '2019').map((f) => f.code)).toEqual(['date-in-number']);
    const text = at(snapshot, 'III.1', '2020');
    expect(text.map((f) => f.code)).toEqual(['number-as-text']);
    expect(text[0].fix?.value).toBe(12);
  });
});
