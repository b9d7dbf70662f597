import { logBeta, logGamma } from './log-gamma';

describe('ln Γ by Lanczos', () => {
  // Reference values from mpmath at 30 digits.
  it.each([
    [0.5, 0.5723649429247001],
    [1, 0],
    [1.5, -0.12078223763524522],
    [2, 0],
    [3, Math.LN2],
    [10, 12.80182748008147],
    [100, 359.1342053695754],
    [1e-3, 6.907178885383853],
    [1e-8, 18.42068073818021],
    [0.1, 2.252712651734206],
    [0.243, 1.3180435846996699],
    [4.414, 2.3352200522018904],
    [10_000.243, 82101.95559995514],
    [-0.5, 1.2655121234846454],
    [-2.5, -0.056243716497674054],
  ])('ln Γ(%p) = %p', (z, expected) => {
    // Absolute error within 1e-14 of the value's size (ulps of ln Γ itself for large z).
    expect(Math.abs(logGamma(z) - expected)).toBeLessThanOrEqual(
      1e-14 * Math.max(1, Math.abs(expected)),
    );
  });

  it('agrees with ln n! at the integers', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      expect(logGamma(n + 1)).toBeCloseTo((logFactorial += Math.log(n)), 9);
    }
  });

  it('is infinite at the poles', () => {
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
  });

  it('gives ln B(p, q) with B(1, q) = 1/q', () => {
    expect(logBeta(1, 4)).toBeCloseTo(-Math.log(4), 14);
    expect(logBeta(0.793, 2.426)).toBeCloseTo(
      logGamma(0.793) + logGamma(2.426) - logGamma(3.219),
      14,
    );
  });
});
