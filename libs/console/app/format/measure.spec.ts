import { formatMeasure } from './measure';

describe("a signal's measure", () => {
  const days = (n: number) => `${n} d`;
  it.each([
    [2000, 'basis-points', '20.00%'],
    [123456, 'fen', '¥1,234.56'],
    [8, 'days', '8 d'],
    [3, 'count', '3'],
  ])('%p %s reads %s', (value, unit, expected) => {
    expect(formatMeasure(value, unit, days)).toBe(expected);
  });
});
