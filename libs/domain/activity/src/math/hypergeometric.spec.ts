import { hyp2f1, hypergeometricTail } from './hypergeometric';

describe('the Gauss hypergeometric function', () => {
  // Reference values from mpmath.hyp2f1 at 30 digits; the second and third rows are the
  // CDNOW E[X(52)] and conditional-expectation arguments (FHL 2005, published parameters).
  it.each([
    [1, 1, 2, 0.5, 1.3862943611198906],
    [0.243, 2.426, 2.219, 52 / 56.414, 2.1078928115016886],
    [2.243, 4.426, 4.219, 39 / (4.414 + 38.86 + 39), 4.575315897643689],
    [0.5, 0.5, 1.5, 0.25, 1.0471975511965976],
    [-3, 2, 1.5, 0.7, -0.0752],
    [1.5, 2.5, 0.7, 0.95, 56279.08583065493],
    [0.3, -0.2, 5, -0.6, 1.0068635527154424],
    [10, 20, 3, 0.3, 2775619.4731056397],
  ])('2F1(%p, %p; %p; %p) = %p', (a, b, c, z, expected) => {
    expect(Math.abs(hyp2f1(a, b, c, z) / expected - 1)).toBeLessThan(1e-12);
  });

  it.each([0.1, 0.5, 0.9, 0.999])('matches the closed forms at z = %p', (z) => {
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 10);
    expect(hyp2f1(0.7, 3, 3, z)).toBeCloseTo(Math.pow(1 - z, -0.7), 9);
    expect(hyp2f1(0.5, 0.5, 1.5, z * z)).toBeCloseTo(Math.asin(z) / z, 12);
  });

  it('is 1 at z = 0', () => {
    expect(hyp2f1(3, 4, 5, 0)).toBe(1);
  });

  it('refuses arguments outside the disc and poles in c', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
  });

  it('says so rather than return a sum it has not converged to', () => {
    expect(() => hypergeometricTail(1, 5, 5, 1, 1 - 1e-9)).toThrow(/did not converge/);
  });
});
