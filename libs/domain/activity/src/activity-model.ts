// Bound once: Jest runs tests in a vm context where each lookup of the global `Math` costs
// ~200 ns, which made the CDNOW fit ten times slower.
const { abs, exp, log, log1p, max } = Math;

/**
 * Parameters shared by the BG/NBD (Fader, Hardie & Lee 2005) and the modified BG/NBD (Batislam,
 * Denizel & Filiztekin 2007): while alive a customer is active as a Poisson process with rate
 * λ ~ Gamma(shape r, rate α); after each activity (and, in the modified model, also right after
 * the first) they drop out with probability p ~ Beta(a, b). α is in the summary's time unit.
 */
export interface ActivityModelParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

const RELATIVE_TOLERANCE = 1e-15;
const MAX_TERMS = 10_000_000;

/**
 * Expected activity in the next t of a customer alive now, in the shape both models share:
 *
 *   C/(a − 1)·[1 − w^n·₂F₁(n, b′; C; z)],   z = t/(α + T + t), w = 1 − z, a − 1 = C − b′,
 *
 * FHL 2005 eq. 10 with n = r + x, b′ = b + x, C = a + b + x − 1 (the modified model: b′ = b + x + 1,
 * C = a + b + x). Summed as printed it cancels badly (w^n → 0 while ₂F₁ overflows for large n,
 * 0/0 at a = 1, alternating terms after Euler's transformation when r is large). Instead, with
 * w^−n = Σ (n)ₖ zᵏ/k!, the bracket is Σₖ≥₁ NB(k; n, z)·Fₖ, the expectation over the negative-
 * binomial count k of Fₖ = C/(a−1)·(1 − (b′)ₖ/(C)ₖ), which obeys F₁ = 1 and
 * Fₖ₊₁ = (C + Fₖ(b′ + k))/(C + k): positive terms, no division by a − 1. The cost is the number
 * of terms up to a few spreads past the mean count (n·z/w = (r + x)·t/(α + T)).
 */
export const expectedActivityIfAlive = (
  n: number,
  bPrime: number,
  C: number,
  z: number,
): number => {
  if (z === 0) return 0;
  const logZ = log(z);
  let logPmf = log(n) + logZ + n * log1p(-z);
  let f = 1;
  let sum = 0;
  for (let k = 1; k < MAX_TERMS; k++) {
    const term = exp(logPmf) * f;
    sum += term;
    const pmfRatio = ((n + k) * z) / (k + 1);
    const growth = 1 + (abs(C) / f + abs(C - bPrime)) / (C + k);
    const q = max(pmfRatio, z) * growth;
    // Past the mode (q < 1): the rest is below a geometric tail. Before it, q ≥ 1.
    if (q < 1 && (term * q) / (1 - q) <= RELATIVE_TOLERANCE * sum) return sum;
    logPmf += log(pmfRatio);
    f = (C + f * (bPrime + k)) / (C + k);
  }
  throw new RangeError(`expected activity did not converge in ${MAX_TERMS} terms (n ${n}, z ${z})`);
};
