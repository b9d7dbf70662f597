import { formatCny } from './money-format';

describe('amounts shown to bank staff', () => {
  it.each([
    [0, 'CNY 0.00'],
    [5, 'CNY 0.05'],
    [20_000_000, 'CNY 200,000.00'],
    [600_000_000, 'CNY 6,000,000.00'],
    [123_456_789, 'CNY 1,234,567.89'],
    [-150, '-CNY 1.50'],
  ])('%d fen reads %s', (minor, text) => expect(formatCny(minor)).toBe(text));
});
