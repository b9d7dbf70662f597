import { formatCny, formatCnyWhole, minorToDecimal } from './money';

describe('money on screen, from integer fen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [123456789, '¥1,234,567.89'],
    [-2150, '-¥21.50'],
    ['143364300', '¥1,433,643.00'],
    // Beyond 2^53 fen: exact, because no float is ever made of it.
    [12345678901234567890n, '¥123,456,789,012,345,678.90'],
  ])('%p fen is %s', (minor, expected) => {
    expect(formatCny(minor)).toBe(expected);
  });

  it('rounds to whole yuan only where asked (axes and tiles)', () => {
    expect(formatCnyWhole(123456789)).toBe('¥1,234,568');
  });

  it('refuses amounts that are not integers', () => {
    expect(() => minorToDecimal(1.5)).toThrow(RangeError);
    expect(() => minorToDecimal('12.5')).toThrow(RangeError);
  });
});
