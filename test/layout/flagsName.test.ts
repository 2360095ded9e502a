import type { FlaggedCell } from '../../src/layout/flaggedCell';
import { EMPTY_FLAGS, flagsFormula, FORMULA_LIMIT, parseFlags } from '../../src/layout/flagsName';

const error = (cell: string): FlaggedCell => ({ cell, severity: 'error' });
const warning = (cell: string): FlaggedCell => ({ cell, severity: 'warning' });

test('formula of addresses, a warning listed twice (plain and "w:"), and the empty array', () => {
  expect(flagsFormula([]).formula).toBe(EMPTY_FLAGS);
  expect(flagsFormula([error('D7'), error('E9')])).toEqual({
    formula: '={"D7","E9"}',
    cells: [error('D7'), error('E9')],
    left: 0,
  });
  // The plain "E9" keeps the cell marked by a sheet's older single 'flagged' rule.
  expect(flagsFormula([error('D7'), warning('E9')]).formula).toBe('={"D7","E9","w:E9"}');
  expect(parseFlags('={"D7","E9","w:E9"}')).toEqual([error('D7'), warning('E9')]);
  expect(parseFlags(EMPTY_FLAGS)).toEqual([]);
});

test('a list written before warnings had a colour reads as errors; the prefix alone still reads a warning', () => {
  expect(parseFlags('={"D7","E9"}')).toEqual([error('D7'), error('E9')]);
  // Whichever entry comes first, and a prefixed entry without its plain one.
  expect(parseFlags('={"w:E9","E9","w:F3"}')).toEqual([warning('E9'), warning('F3')]);
  // Rewriting an old list after a fix keeps it as it was.
  expect(flagsFormula(parseFlags('={"D7","E9"}')).formula).toBe('={"D7","E9"}');
});

test('stays under Excel’s 8,192-character limit and says how many did not fit', () => {
  const cells = Array.from({ length: 3000 }, (_, i) => error(`G${i + 1}`));
  const f = flagsFormula(cells);
  expect(f.formula.length).toBeLessThanOrEqual(FORMULA_LIMIT);
  expect(f.cells.length + f.left).toBe(3000);
  expect(f.left).toBeGreaterThan(0);
  expect(f.cells).toEqual(cells.slice(0, f.cells.length));
  expect(parseFlags(f.formula)).toEqual(f.cells);
});

test('at the limit a warning keeps both its entries or neither (never cut to an error mark)', () => {
  const cells = [error('D7'), warning('E9')];
  const full = flagsFormula(cells).formula; // ={"D7","E9","w:E9"}
  expect(flagsFormula(cells, full.length)).toMatchObject({ formula: full, left: 0 });
  // One character short: "w:E9" does not fit, so "E9" is not written either.
  expect(flagsFormula(cells, full.length - 1)).toEqual({ formula: '={"D7"}', cells: [error('D7')], left: 1 });
  const many = Array.from({ length: 2000 }, (_, i) => (i % 2 ? warning(`G${i + 1}`) : error(`G${i + 1}`)));
  const f = flagsFormula(many);
  expect(f.formula.length).toBeLessThanOrEqual(FORMULA_LIMIT);
  expect(f.left).toBeGreaterThan(0);
  expect(parseFlags(f.formula)).toEqual(f.cells);
});
