// Bound once: Jest runs tests in a vm context where each lookup of the global `Math` costs
// ~200 ns, which made the CDNOW fit ten times slower.
const { log, abs, sin, PI } = Math;

/**
 * ln Γ(z) by the Lanczos approximation (g = 7, nine coefficients; relative error of Γ about
 * 1e-15), with the reflection formula below 1/2. The activity models need it for Γ(r + x) and
 * B(a, b + x) with x in the thousands, where Γ itself overflows.
 */
const LANCZOS_G = 7;
const LANCZOS_HEAD = 0.99999999999980993;
const LANCZOS_TAIL: readonly number[] = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const INFINITY = Infinity;
const HALF_LOG_TWO_PI = 0.5 * log(2 * PI);

/** ln|Γ(z)|; +∞ at the poles z = 0, −1, −2, … */
export const logGamma = (z: number): number => {
  if (z >= 0.5 && z < INFINITY) {
    const w = z - 1;
    const series = LANCZOS_TAIL.reduce((sum, c, i) => sum + c / (w + i + 1), LANCZOS_HEAD);
    const t = w + LANCZOS_G + 0.5;
    return HALF_LOG_TWO_PI + (w + 0.5) * log(t) - t + log(series);
  }
  if (z === INFINITY || Number.isNaN(z)) return z;
  if (Number.isInteger(z)) return INFINITY;
  // Γ(z)·Γ(1 − z) = π / sin(πz)
  return log(PI / abs(sin(PI * z))) - logGamma(1 - z);
};

/** ln B(p, q) = ln Γ(p) + ln Γ(q) − ln Γ(p + q). */
export const logBeta = (p: number, q: number): number =>
  logGamma(p) + logGamma(q) - logGamma(p + q);
