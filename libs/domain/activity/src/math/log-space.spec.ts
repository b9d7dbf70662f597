import { logAddExp, logistic, logSumExp } from './log-space';

describe('log-space sums', () => {
  it.each([
    [Math.log(2), Math.log(3), Math.log(5)],
    [-Infinity, 1.5, 1.5],
    [2.5, -Infinity, 2.5],
    [1000, 1000, 1000 + Math.LN2],
    [-1000, -1000, -1000 + Math.LN2],
    [50_000, 0, 50_000],
  ])('ln(e^%p + e^%p) = %p', (u, v, expected) => {
    expect(logAddExp(u, v)).toBeCloseTo(expected, 12);
  });

  it('sums a list and gives −∞ for none', () => {
    expect(logSumExp([0, 0, 0, 0])).toBeCloseTo(Math.log(4), 14);
    expect(logSumExp([])).toBe(-Infinity);
  });

  it.each([
    [0, 0.5],
    [Math.log(3), 0.75],
    [-800, 0],
    [800, 1],
  ])('logistic(%p) = %p', (u, expected) => {
    expect(logistic(u)).toBeCloseTo(expected, 14);
  });
});
