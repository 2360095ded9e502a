import { numberWriter } from '../../src/engine/format';

describe('numberWriter: one way to write numbers per language and separator', () => {
  test('the language’s own separator unless the user’s Excel says otherwise', () => {
    expect(numberWriter('vi').num(1234.5)).toBe('1234,5');
    expect(numberWriter('en').num(1234.5)).toBe('1234.5');
    expect(numberWriter('vi', '.').num(1234.5)).toBe('1234.5');
    expect(numberWriter('en', ',').num(1234.5)).toBe('1234,5');
  });

  test('decimals as asked, shortest form, no grouping', () => {
    expect(numberWriter('vi').num(92.4185, 3)).toBe('92,419');
    expect(numberWriter('vi').num(1234567.25, 1)).toBe('1234567,3');
    expect(numberWriter('en').num(0.1 + 0.2, 12)).toBe('0.3');
    expect(numberWriter('vi').pct(0.8555, 1)).toBe('85,6%');
    expect(numberWriter('en').pct(0.8555)).toBe('85.55%');
  });
});
