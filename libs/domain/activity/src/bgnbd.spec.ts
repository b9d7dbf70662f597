import type { ActivityModelParams } from './activity-model';
import {
  bgNbdConditionalExpectedRepeats,
  bgNbdExpectedRepeats,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
  bgNbdProbabilityOfRepeats,
} from './bgnbd';
import { hyp2f1 } from './math/hypergeometric';

// FHL 2005's CDNOW estimates; reference values below are mpmath at 30 digits of eqs. 10 and 13.
const CDNOW: ActivityModelParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** FHL 2005 eq. 10 term by term, with ₂F₁ in its textbook arguments. */
const textbookConditional = (
  p: ActivityModelParams,
  x: number,
  tx: number,
  T: number,
  t: number,
): number => {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const ifAlive =
    ((a + b + x - 1) / (a - 1)) *
    (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  const odds = x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0;
  return ifAlive / (1 + odds);
};

describe('a BG/NBD customer with CDNOW parameters', () => {
  it.each([
    [0, 0, 38.86, 1],
    [0, 0, 1000, 1],
    [1, 1, 38.86, 0.187630766000303],
    [1, 38.86, 38.86, 0.753650201926064],
    [2, 30.43, 38.86, 0.726578570080673],
    [5, 10, 38.86, 0.0248043661687785],
    [10, 38, 38.86, 0.921449822160731],
    [20, 5, 38.86, 1.05107797594821e-12],
  ])('with x = %p, t_x = %p, T = %p is alive with probability %p', (x, tx, T, expected) => {
    expect(bgNbdProbabilityAlive(CDNOW, { x, tx, T })).toBeCloseTo(expected, 13);
  });

  it.each([
    [2, 30.43, 38.86, 39, 1.22602817476714],
    [0, 0, 38.86, 39, 0.195098052011263],
    [0, 0, 0, 52, 1.4460505953964],
    [7, 35, 38.86, 10, 1.31835868585719],
    [25, 38, 38.86, 100, 33.4900212784684],
  ])(
    'with x = %p, t_x = %p, T = %p expects the reference activity in the next %p weeks',
    (x, tx, T, t, expected) => {
      expect(bgNbdConditionalExpectedRepeats(CDNOW, { x, tx, T }, t)).toBeCloseTo(expected, 11);
    },
  );

  it('expects nothing in no time and more in more time', () => {
    const customer = { x: 3, tx: 20, T: 30 };
    expect(bgNbdConditionalExpectedRepeats(CDNOW, customer, 0)).toBe(0);
    const horizons = [1, 4, 13, 26, 52, 104, 520];
    const expected = horizons.map((t) => bgNbdConditionalExpectedRepeats(CDNOW, customer, t));
    expected.slice(1).forEach((e, i) => expect(e).toBeGreaterThan(expected[i] ?? Infinity));
  });
});

describe('the expectation summed as a negative-binomial mean', () => {
  it.each([
    ['CDNOW', CDNOW, 2, 30.43, 38.86, 39],
    ['a > 1', { r: 1.3, alpha: 20, a: 3.5, b: 7 }, 4, 60, 200, 90],
    ['a < 1, a new customer', { r: 0.5, alpha: 2, a: 0.4, b: 0.9 }, 0, 0, 0, 30],
    ['a heavy user', { r: 2, alpha: 1, a: 1.7, b: 40 }, 150, 360, 365, 30],
  ])('agrees with FHL eq. 10 as printed (%s)', (_, params, x, tx, T, t) => {
    const stable = bgNbdConditionalExpectedRepeats(params, { x, tx, T }, t);
    expect(stable / textbookConditional(params, x, tx, T, t) - 1).toBeCloseTo(0, 10);
  });

  // Where eq. 10 as printed cancels in double precision: mpmath at 120 digits.
  it.each([
    [
      'a = 1, where eq. 10 is 0/0 (a = 1 ± 1e-40)',
      { r: 65.58906808043756, alpha: 1, a: 1, b: 1 },
      0,
      0,
      0.007688214381431524,
      447.4666944796329,
      10.848925408066645,
    ],
    [
      'homogeneous rates, r ≫ a + b',
      { r: 65, alpha: 30, a: 1.2, b: 0.8 },
      3,
      20,
      40,
      100,
      2.646813121127158e-9,
    ],
  ])('stays accurate for %s', (_, params, x, tx, T, t, expected) => {
    expect(bgNbdConditionalExpectedRepeats(params, { x, tx, T }, t) / expected - 1).toBeCloseTo(
      0,
      11,
    );
  });

  it('is continuous through a = 1', () => {
    const at = (a: number): number => bgNbdExpectedRepeats({ ...CDNOW, a }, 52);
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(1)).toBeCloseTo(at(1 - 1e-7), 6);
    expect(at(1)).toBeCloseTo(at(1 + 1e-7), 6);
  });
});

describe('the distribution of a new customer’s repeat count (FHL 2005 eq. 8)', () => {
  it.each([13, 39, 52])('over %p weeks sums to 1 and has mean E[X(t)]', (t) => {
    const ns = Array.from({ length: 800 }, (_, n) => n);
    const probabilities = ns.map((n) => bgNbdProbabilityOfRepeats(CDNOW, t, n));
    probabilities.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
    expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 10);
    const mean = probabilities.reduce((sum, p, n) => sum + n * p, 0);
    expect(mean).toBeCloseTo(bgNbdExpectedRepeats(CDNOW, t), 8);
  });
});

describe('the log-likelihood of a customer without repeats', () => {
  it.each([1, 39, 520])('is the probability of no repeat in T = %p', (T) => {
    expect(Math.exp(bgNbdLogLikelihood(CDNOW, { x: 0, tx: 0, T }))).toBeCloseTo(
      bgNbdProbabilityOfRepeats(CDNOW, T, 0),
      14,
    );
  });
});
