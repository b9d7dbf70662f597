import type { ActivityModelParams } from './activity-model';
import { bgNbdProbabilityAlive } from './bgnbd';
import { hyp2f1 } from './math/hypergeometric';
import {
  modifiedBgNbdConditionalExpectedRepeats,
  modifiedBgNbdExpectedRepeats,
  modifiedBgNbdLogLikelihood,
  modifiedBgNbdProbabilityAlive,
} from './modified-bgnbd';

// Both models fitted to CDNOW (weeks): FHL 2005's BG/NBD estimates, and the modified BG/NBD's
// maximum-likelihood estimates (scipy reference; `lifetimes` documents 0.53, 6.18, 0.89, 1.61).
const BG_NBD: ActivityModelParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
// Reference values are mpmath at 30 digits with these eight-digit parameters.
const MBG_NBD: ActivityModelParams = {
  r: 0.52484322,
  alpha: 6.18308556,
  a: 0.89135937,
  b: 1.61400192,
};

/** The `lifetimes` ModifiedBetaGeoFitter formula, ₂F₁ in its textbook arguments. */
const textbookConditional = (
  p: ActivityModelParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number => {
  const { r, alpha, a, b } = p;
  const h = hyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + T + t));
  const ifAlive = ((a + b + x) / (a - 1)) * (1 - h * ((alpha + T) / (alpha + t + T)) ** (r + x));
  return ifAlive / (1 + (a / (b + x)) * ((alpha + T) / (alpha + tx)) ** (r + x));
};

describe('customers never seen again after their first activity (DOMAIN.md §9)', () => {
  const silentFor = (weeks: number) => ({ x: 0, tx: 0, T: weeks });

  it.each([1, 13, 38.86, 520])('are certainly alive after %p weeks under the BG/NBD', (weeks) => {
    expect(bgNbdProbabilityAlive(BG_NBD, silentFor(weeks))).toBe(1);
  });

  it.each([
    [1, 0.6259882223666576],
    [38.86, 0.3897149928206336],
  ])(
    'are alive with probability below 1 after %p weeks under the modified BG/NBD (%p)',
    (weeks, expected) => {
      expect(modifiedBgNbdProbabilityAlive(MBG_NBD, silentFor(weeks))).toBeCloseTo(expected, 10);
    },
  );

  it('look less alive the longer they are silent under the modified BG/NBD', () => {
    const pAlive = [1, 4, 13, 26, 52, 104].map((weeks) =>
      modifiedBgNbdProbabilityAlive(MBG_NBD, silentFor(weeks)),
    );
    pAlive.slice(1).forEach((p, i) => expect(p).toBeLessThan(pAlive[i] ?? -Infinity));
  });

  it('rank below a recently active repeat customer under the modified model, above under the BG/NBD', () => {
    const silent = silentFor(38.86);
    const regular = { x: 4, tx: 37, T: 38.86 };
    expect(bgNbdProbabilityAlive(BG_NBD, silent)).toBeGreaterThan(
      bgNbdProbabilityAlive(BG_NBD, regular),
    );
    expect(modifiedBgNbdProbabilityAlive(MBG_NBD, silent)).toBeLessThan(
      modifiedBgNbdProbabilityAlive(MBG_NBD, regular),
    );
  });
});

describe('the modified BG/NBD with its CDNOW parameters', () => {
  it.each([
    [2, 30.43, 38.86, 0.7061256720803392],
    [0, 0, 0, MBG_NBD.b / (MBG_NBD.a + MBG_NBD.b)],
  ])('gives x = %p, t_x = %p, T = %p P(alive) = %p', (x, tx, T, expected) => {
    expect(modifiedBgNbdProbabilityAlive(MBG_NBD, { x, tx, T })).toBeCloseTo(expected, 10);
  });

  it('expects the reference activity', () => {
    expect(modifiedBgNbdExpectedRepeats(MBG_NBD, 52)).toBeCloseTo(1.418884842336276, 12);
    expect(
      modifiedBgNbdConditionalExpectedRepeats(MBG_NBD, { x: 2, tx: 30.43, T: 38.86 }, 39),
    ).toBeCloseTo(1.262669215533501, 12);
  });

  it.each([
    ['CDNOW', MBG_NBD, 2, 30.43, 38.86, 39],
    ['a > 1', { r: 1.3, alpha: 20, a: 3.5, b: 7 }, 4, 60, 200, 90],
    ['a < 1, silent', { r: 0.5, alpha: 2, a: 0.4, b: 0.9 }, 0, 0, 45, 30],
    ['a heavy user', { r: 2, alpha: 1, a: 1.7, b: 40 }, 150, 360, 365, 30],
  ])('agrees with the textbook expectation (%s)', (_, params, x, tx, T, t) => {
    const stable = modifiedBgNbdConditionalExpectedRepeats(params, { x, tx, T }, t);
    expect(stable / textbookConditional(params, x, tx, T, t) - 1).toBeCloseTo(0, 10);
  });

  it('counts the drop-out right after the first activity in the likelihood of x = 0', () => {
    // no repeat in T: alive but quiet throughout, or gone right after the first purchase at 0
    const { r, alpha, a, b } = MBG_NBD;
    const T = 20;
    const expected = (b / (a + b)) * (alpha / (alpha + T)) ** r + a / (a + b);
    expect(Math.exp(modifiedBgNbdLogLikelihood(MBG_NBD, { x: 0, tx: 0, T }))).toBeCloseTo(
      expected,
      13,
    );
  });
});
