import { remapFormula } from '../../src/engine/movedRows';

test('remapFormula moves row references, leaves text alone', () => {
  const rows = new Map([
    [8, 12],
    [9, 13],
  ]);
  expect(remapFormula('=IF(COUNT(G8,G9)=2,SUM(G8,G9),"G8")', rows)).toBe('=IF(COUNT(G12,G13)=2,SUM(G12,G13),"G8")');
  expect(remapFormula('=$D$8+LOG10(G7)', rows)).toBe('=$D$12+LOG10(G7)');
});
