/**
 * Number formats classified in one pass (src/engine/cellFormats.ts): quoted text, escaped
 * characters and [sections] are not tokens; an unclosed quote or bracket is a character; a
 * format of five thousand "[" (issue #25) is classified like any other.
 */
import { formatDecimals, isDateFormat, isPercentFormat } from '../../src/engine/cellFormats';

it('dates, not quoted, escaped or bracketed letters', () => {
  expect(isDateFormat('d/m/yyyy')).toBe(true);
  expect(isDateFormat('[$-42A]dd.mm.yyyy hh:mm')).toBe(true);
  expect(isDateFormat('0" ngày"')).toBe(false);
  expect(isDateFormat('0\\d')).toBe(false);
  expect(isDateFormat('[Red]0.0')).toBe(false);
  expect(isDateFormat('_d0')).toBe(false);
});

it('percent and decimals, with unclosed quotes and brackets kept as characters', () => {
  expect(isPercentFormat('"a" 0%')).toBe(true);
  expect(isPercentFormat('[%]0')).toBe(false);
  expect(isPercentFormat('"%" 0')).toBe(false);
  expect(isPercentFormat('"0%')).toBe(true);
  expect(isPercentFormat('[0%')).toBe(true);
  expect(formatDecimals('0.0#%')).toEqual({ min: 1, max: 2 });
  expect(formatDecimals('#,##0.00??')).toEqual({ min: 2, max: 4 });
});

it('five thousand "[" and as many "\\"" are classified, as formats without tokens', () => {
  expect(isDateFormat('['.repeat(5000))).toBe(false);
  expect(isPercentFormat('['.repeat(5000) + '%')).toBe(true);
  expect(isDateFormat('"'.repeat(5001) + 'd')).toBe(true);
  expect(formatDecimals('0.' + '#'.repeat(5000) + 'x')).toEqual({ min: 0, max: 5000 });
});
