import type { Finding } from '../../src/engine/types';
import { EMPTY_FLAGS, flaggedCells, flagsFormula, FORMULA_LIMIT, parseFlags } from '../../src/excel/flags';

function finding(cell: string, severity: Finding['severity'] = 'error'): Finding {
  return { severity, code: 'not-a-number', sheet: 'S', cell, rowKey: 'k', column: '2019', message: { vi: '', en: '' } };
}

test('flagged cells: errors and warnings, once each, in sheet order', () => {
  const cells = flaggedCells([
    finding('E9'),
    finding('D7', 'warning'),
    finding('D7'),
    finding('F3', 'info'),
    finding('$AA$10'),
  ]);
  expect(cells).toEqual(['D7', 'E9', 'AA10']);
});

test('whole-row and whole-sheet findings (column null, outside the input area) are not flagged', () => {
  const structural = (code: Finding['code'], cell: string, severity: Finding['severity']): Finding => ({
    ...finding(cell, severity),
    code,
    column: null,
  });
  const cells = flaggedCells([
    structural('version-mismatch', 'A1', 'warning'),
    structural('row-missing', 'A10', 'error'),
    structural('duplicate-key', 'A30', 'warning'),
    finding('E9'),
  ]);
  expect(cells).toEqual(['E9']);
  expect(flagsFormula(cells).formula).toBe('={"E9"}');
});

test('formula of addresses, and the empty array', () => {
  expect(flagsFormula([]).formula).toBe(EMPTY_FLAGS);
  expect(flagsFormula(['D7', 'E9'])).toEqual({ formula: '={"D7","E9"}', cells: ['D7', 'E9'], left: 0 });
  expect(parseFlags('={"D7","E9"}')).toEqual(['D7', 'E9']);
  expect(parseFlags(EMPTY_FLAGS)).toEqual([]);
});

test('stays under Excel’s 8,192-character limit and says how many did not fit', () => {
  const cells = Array.from({ length: 3000 }, (_, i) => `G${i + 1}`);
  const f = flagsFormula(cells);
  expect(f.formula.length).toBeLessThanOrEqual(FORMULA_LIMIT);
  expect(f.cells.length + f.left).toBe(3000);
  expect(f.left).toBeGreaterThan(0);
  expect(f.cells).toEqual(cells.slice(0, f.cells.length));
  expect(parseFlags(f.formula)).toEqual(f.cells);
});
