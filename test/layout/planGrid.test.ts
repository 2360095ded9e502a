import { buildSheetPlan } from '../../src/layout';
import { columnNumber, parseCell, parseRange } from '../../src/layout/a1';
import { planArea, planGrid } from '../../src/layout/planGrid';
import { styleRects } from '../../src/layout/styleRects';
import type { SheetPlan } from '../../src/layout/types';

const par = buildSheetPlan('PAR');
const rowOf = (plan: SheetPlan, key: string) => plan.rows.find((r) => r.key === key)!;

describe('plan grid', () => {
  test('covers every planned cell, puts keys as text and formulas where planned', () => {
    const area = planArea(par);
    const grid = planGrid(par);
    expect(grid.rows).toBe(area.rows);
    expect(grid.cols).toBe(12);
    expect(grid.formulas[0][0]).toMatch(/^cchc-template:PAR@/);
    const leaf = rowOf(par, '1.1');
    expect(grid.formulas[leaf.row - 1][0]).toBe('1.1');
    expect(grid.numberFormat[leaf.row - 1][0]).toBe('@');
    const parent = rowOf(par, '1');
    expect(String(grid.formulas[parent.row - 1][columnNumber('G') - 1])).toMatch(/^=IF\(COUNT\(/);
    expect(grid.input[leaf.row - 1][columnNumber('G') - 1]).toBe(true);
    expect(grid.template[leaf.row - 1][columnNumber('G') - 1]).toBe(false);
  });

  test('style rectangles cover each styled cell exactly once', () => {
    const rects = styleRects(par);
    const seen = new Map<string, string>();
    for (const [style, list] of rects)
      for (const r of list)
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            const k = `${row}:${col}`;
            expect(seen.has(k)).toBe(false);
            seen.set(k, style);
          }
    const styled = par.cells.filter((c) => c.style);
    expect(seen.size).toBe(styled.length);
    for (const c of styled) {
      const { row, col } = parseCell(c.address);
      expect(seen.get(`${row}:${col}`)).toBe(c.style);
    }
    // Far fewer ranges than cells: that is the point.
    const count = [...rects.values()].reduce((n, l) => n + l.length, 0);
    expect(count).toBeLessThan(styled.length / 4);
  });
});

test('parseRange sanity for plan ranges', () => {
  for (const v of par.validations) expect(() => parseRange(v.range)).not.toThrow();
});
