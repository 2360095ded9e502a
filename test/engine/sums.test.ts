import { PAR_ROWS } from '../../src/catalog';
import type { ParRow } from '../../src/catalog/types';
import { agrees, clean, fromMilli, roundedPreviousScores, sumMilli, toMilli } from '../../src/engine';
import { exceeds, hasAtMostThreeDecimals, withinRounding } from '../../src/engine/sums';

describe('sums in integer thousandths: the one numeric model', () => {
  test('parts add up exactly: 0.1 + 0.2 is 0.3', () => {
    expect(fromMilli(sumMilli([0.1, 0.2]))).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  test('a half thousandth rounds away from zero as Excel ROUND(n, 3) does, not as binary 0.5005 × 1000 does', () => {
    expect(toMilli(0.5005)).toBe(501);
    expect(toMilli(-1.0005)).toBe(-1001);
    expect(Math.round(0.5005 * 1000)).toBe(500);
    expect(Math.round(-1.0005 * 1000)).toBe(-1000);
  });

  test('a total agrees with its parts when the difference rounds to zero thousandths', () => {
    expect(agrees(0.3, 0.1 + 0.2)).toBe(true);
    expect(agrees(10, 10.0004)).toBe(true);
    expect(agrees(10, 10.001)).toBe(false);
    expect(agrees(10, 9.9995)).toBe(false);
  });

  test('a published total is within rounding up to half a thousandth per part', () => {
    expect(withinRounding(1, 2)).toBe(true);
    expect(withinRounding(-2, 3)).toBe(false);
    expect(withinRounding(-2, 4)).toBe(true);
  });

  test('roundedPreviousScores: the parents whose published score is not their parts’ sum, with the sum', () => {
    const row = (id: string, previousScore: number, children: string[] = []) =>
      ({ id, previousScore, children }) as unknown as ParRow;
    const rows = [
      row('1', 1.5, ['1.1', '1.2']),
      row('1.1', 0.75),
      row('1.2', 0.749),
      row('2', 1, ['2.1']),
      row('2.1', 1),
    ];
    expect(roundedPreviousScores(rows).map(({ row: r, sum }) => [r.id, sum])).toEqual([['1', 1.499]]);
    expect(roundedPreviousScores(PAR_ROWS).map((r) => r.row.id)).toEqual(['6.1', '7.1']);
  });

  test('clean only removes binary noise from a figure that is shown: a real fourth decimal stays', () => {
    expect(clean(8.299999999999)).toBe(8.3);
    expect(clean(0.6775)).toBe(0.6775);
  });

  test('binary noise is no difference: three decimals and a maximum are judged past it', () => {
    expect(hasAtMostThreeDecimals(0.897)).toBe(true);
    expect(hasAtMostThreeDecimals(0.1 + 0.2)).toBe(true);
    expect(hasAtMostThreeDecimals(0.8975)).toBe(false);
    expect(exceeds(16.000000000000004, 16)).toBe(false);
    expect(exceeds(16.001, 16)).toBe(true);
  });
});
