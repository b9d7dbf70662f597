import { bgNbdLogLikelihood } from './bgnbd';
import { fitBgNbd } from './fit-activity-model';
import type { ActivityModelParams } from './activity-model';
import type { ActivitySummary } from './activity-summary';

/** mulberry32: a seeded uniform on [0, 1), so the simulated population is the same every run. */
const uniforms = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Gamma(shape, 1) by Marsaglia & Tsang, with the shape < 1 boost. */
const gamma = (u: () => number, shape: number): number => {
  if (shape < 1) return gamma(u, shape + 1) * Math.pow(u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
};

/** One BG/NBD customer observed for T after the first activity (FHL 2005 §2). */
const simulateCustomer = (
  u: () => number,
  { r, alpha, a, b }: ActivityModelParams,
  T: number,
): ActivitySummary => {
  const lambda = gamma(u, r) / alpha;
  const g = gamma(u, a);
  const p = g / (g + gamma(u, b));
  let x = 0;
  let tx = 0;
  for (let at = -Math.log(1 - u()) / lambda; at <= T; at += -Math.log(1 - u()) / lambda) {
    x += 1;
    tx = at;
    if (u() < p) break;
  }
  return { x, tx, T };
};

describe('fitting the BG/NBD', () => {
  describe('on 4,000 customers simulated from r 0.5, α 5, a 0.8, b 2.5 over 26–39 weeks', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const u = uniforms(20_050_301);
    const customers = Array.from({ length: 4000 }, (_, i) =>
      simulateCustomer(u, truth, 26 + (i % 14)),
    );
    const fit = fitBgNbd(customers);

    // Sampling spread over six other seeds: r, α within ±6 %, a, b within ±37 % (b is the least
    // identified: few customers are seen long enough to drop out many times).
    it.each([
      ['r', 0.1],
      ['alpha', 0.12],
      ['a', 0.25],
      ['b', 0.4],
    ] as const)('recovers %s within ±%p of the truth', (name, tolerance) => {
      expect(fit.converged).toBe(true);
      expect(Math.abs(fit.params[name] / truth[name] - 1)).toBeLessThanOrEqual(tolerance);
    });
  });

  it('stops at a maximum: no nearby parameters have a higher likelihood', () => {
    const u = uniforms(7);
    const customers = Array.from({ length: 500 }, () =>
      simulateCustomer(u, { r: 1, alpha: 3, a: 1.5, b: 4 }, 39),
    );
    const fit = fitBgNbd(customers);
    const total = (p: ActivityModelParams) =>
      customers.reduce((s, c) => s + bgNbdLogLikelihood(p, c), 0);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBeCloseTo(total(fit.params), 10);
    for (const name of ['r', 'alpha', 'a', 'b'] as const) {
      for (const factor of [0.999, 1.001]) {
        expect(total({ ...fit.params, [name]: fit.params[name] * factor })).toBeLessThanOrEqual(
          fit.logLikelihood,
        );
      }
    }
  });

  it('refuses an empty population', () => {
    expect(() => fitBgNbd([])).toThrow(RangeError);
  });
});
