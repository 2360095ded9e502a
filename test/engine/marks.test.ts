import type { Finding } from '../../src/engine/types';
import { flaggedCells } from '../../src/engine/marks';
import type { FlaggedCell } from '../../src/layout/flaggedCell';
import { flagsFormula } from '../../src/layout/flagsName';

function finding(cell: string, severity: Finding['severity'] = 'error'): Finding {
  return { severity, code: 'not-a-number', sheet: 'S', cell, rowKey: 'k', column: '2019', message: { vi: '', en: '' } };
}

const error = (cell: string): FlaggedCell => ({ cell, severity: 'error' });
const warning = (cell: string): FlaggedCell => ({ cell, severity: 'warning' });

test('flagged cells: errors and warnings, once each, in sheet order', () => {
  const cells = flaggedCells([
    finding('E9'),
    finding('D7', 'warning'),
    finding('D7'),
    finding('F3', 'info'),
    finding('$AA$10'),
  ]);
  expect(cells.map((c) => c.cell)).toEqual(['D7', 'E9', 'AA10']);
});

test('a cell takes its worst severity: an error outranks a warning whichever comes first', () => {
  const cells = flaggedCells([
    finding('D7', 'warning'),
    finding('D7'),
    finding('E9'),
    finding('E9', 'warning'),
    finding('F11', 'warning'),
    finding('F11', 'warning'),
    finding('G12', 'info'),
    finding('G12', 'warning'),
  ]);
  expect(cells).toEqual([error('D7'), error('E9'), warning('F11'), warning('G12')]);
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
  expect(cells).toEqual([error('E9')]);
  expect(flagsFormula(cells).formula).toBe('={"E9"}');
});
