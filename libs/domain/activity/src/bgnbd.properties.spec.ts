import fc from 'fast-check';
import type { ActivityModelParams } from './activity-model';
import type { ActivitySummary } from './activity-summary';
import {
  bgNbdConditionalExpectedRepeats,
  bgNbdLogLikelihood,
  bgNbdProbabilityAlive,
} from './bgnbd';
import {
  modifiedBgNbdConditionalExpectedRepeats,
  modifiedBgNbdLogLikelihood,
  modifiedBgNbdProbabilityAlive,
} from './modified-bgnbd';

const logUniform = (min: number, max: number): fc.Arbitrary<number> =>
  fc
    .double({ min: Math.log(min), max: Math.log(max), noNaN: true, noDefaultInfinity: true })
    .map(Math.exp);

/** Parameters over six orders of magnitude around anything a fit has produced. */
const params: fc.Arbitrary<ActivityModelParams> = fc.record({
  r: logUniform(1e-3, 1e3),
  alpha: logUniform(1e-2, 1e4),
  a: logUniform(1e-3, 1e3),
  b: logUniform(1e-3, 1e3),
});

/** Up to 10,000 repeats over up to 5,000 units, with 0 < t_x ≤ T when x > 0. */
const summary: fc.Arbitrary<ActivitySummary> = fc
  .record({
    x: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 })),
    T: fc.double({ min: 1e-3, max: 5_000, noNaN: true }),
    share: fc.double({ min: 1e-6, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : T * share }));

const models = [
  ['BG/NBD', bgNbdLogLikelihood, bgNbdProbabilityAlive, bgNbdConditionalExpectedRepeats],
  [
    'modified BG/NBD',
    modifiedBgNbdLogLikelihood,
    modifiedBgNbdProbabilityAlive,
    modifiedBgNbdConditionalExpectedRepeats,
  ],
] as const;

describe.each(models)('the %s at extreme activity', (_, logLikelihood, pAlive, expectedNext) => {
  it('has a finite log-likelihood, at most 0 for x = 0', () => {
    fc.assert(
      fc.property(params, summary, (p, s) => {
        const ll = logLikelihood(p, s);
        expect(Number.isFinite(ll)).toBe(true);
        if (s.x === 0) expect(ll).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps P(alive) in [0, 1]', () => {
    fc.assert(
      fc.property(params, summary, (p, s) => {
        const probability = pAlive(p, s);
        expect(probability).toBeGreaterThanOrEqual(0);
        expect(probability).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2_000 },
    );
  });

  it('expects finite, non-negative activity over horizons up to ten years of weeks', () => {
    // Summaries of distinct activity days in weeks have x ≤ 7T; the sum's length grows with
    // (r + x)·t/(α + T), so r and α stay within a factor 1,000 of what fits produce.
    const fitted = params.filter((p) => p.alpha >= 0.1 && p.r <= 100);
    const weekly = summary.filter((s) => s.x <= 7 * s.T);
    fc.assert(
      fc.property(fitted, weekly, fc.double({ min: 0, max: 520, noNaN: true }), (p, s, t) => {
        const expected = expectedNext(p, s, t);
        expect(Number.isFinite(expected)).toBe(true);
        expect(expected).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe.each(models)(
  'the %s at the corners of the range',
  (_, logLikelihood, pAlive, expectedNext) => {
    const typical = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const corners: readonly ActivityModelParams[] = [
      typical,
      { r: 1e-3, alpha: 1e4, a: 1e3, b: 1e-3 },
      { r: 100, alpha: 0.1, a: 1, b: 1 },
      // A mean rate r/α of 10⁵ per unit: fine for the likelihood, too many terms for the expectation.
      { r: 1e3, alpha: 1e-2, a: 1e-3, b: 1e3 },
    ];
    it.each([
      { x: 10_000, tx: 5_000, T: 5_000 },
      { x: 10_000, tx: 1e-6, T: 5_000 },
      { x: 0, tx: 0, T: 5_000 },
      { x: 1, tx: 1e-3, T: 1e-3 },
    ])('is finite and in range for %o', (s) => {
      corners.forEach((p, i) => {
        expect(Number.isFinite(logLikelihood(p, s))).toBe(true);
        expect(pAlive(p, s)).toBeGreaterThanOrEqual(0);
        expect(pAlive(p, s)).toBeLessThanOrEqual(1);
        if (i === corners.length - 1) return;
        const next = expectedNext(p, s, 520);
        expect(Number.isFinite(next) && next >= 0).toBe(true);
      });
    });

    it('says so, rather than loop, when the expectation needs more than 10⁷ terms', () => {
      const p = corners[corners.length - 1] ?? typical;
      expect(() => expectedNext(p, { x: 1, tx: 1e-3, T: 1e-3 }, 520)).toThrow(RangeError);
    });
  },
);
