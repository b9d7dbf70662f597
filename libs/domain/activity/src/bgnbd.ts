import type { ActivitySummary } from './activity-summary';
import { expectedActivityIfAlive, type ActivityModelParams } from './activity-model';
import { logBeta, logGamma } from './math/log-gamma';
import { logAddExp, logistic } from './math/log-space';

// Bound once: Jest runs tests in a vm context where each lookup of the global `Math` costs
// ~200 ns, which made the CDNOW fit ten times slower.
const { log, log1p, exp, pow, max } = Math;

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"). Every
 * function is in the time unit of the summaries the parameters were fitted on.
 */

/**
 * ln L(r, α, a, b | x, t_x, T), FHL 2005 eq. 6: alive through T, or dropped out right after the
 * last activity at t_x. The two terms are added in log space so x in the thousands and T in the
 * thousands neither overflow nor underflow.
 */
export const bgNbdLogLikelihood = (
  params: ActivityModelParams,
  { x, tx, T }: ActivitySummary,
): number => {
  const { r, alpha, a, b } = params;
  const common = logGamma(r + x) - logGamma(r) + r * log(alpha) + logBeta(a, b + x) - logBeta(a, b);
  const aliveThroughT = -(r + x) * log(alpha + T);
  if (x === 0) return common + aliveThroughT;
  const droppedAtTx = log(a) - log(b + (x - 1)) - (r + x) * log(alpha + tx);
  return common + logAddExp(aliveThroughT, droppedAtTx);
};

/**
 * P(alive at T | x, t_x, T), FHL 2005 eq. 13. It is 1 for x = 0 however large T is — the model
 * lets customers drop out only after a repeat (DOMAIN.md §9); see `modifiedBgNbdProbabilityAlive`.
 */
export const bgNbdProbabilityAlive = (
  params: ActivityModelParams,
  summary: ActivitySummary,
): number => (summary.x === 0 ? 1 : logistic(-logDropOutOdds(params, summary)));

/** ln of the odds "dropped out after t_x" : "alive at T". */
const logDropOutOdds = (
  { r, alpha, a, b }: ActivityModelParams,
  { x, tx, T }: ActivitySummary,
): number => log(a) - log(b + (x - 1)) + (r + x) * log1p((T - tx) / (alpha + tx));

/**
 * E[X(t)]: expected repeat activity in (0, t] of a customer whose first activity was at 0,
 * FHL 2005 eq. 9 — eq. 10 with x = t_x = T = 0.
 */
export const bgNbdExpectedRepeats = (params: ActivityModelParams, t: number): number =>
  bgNbdConditionalExpectedRepeats(params, { x: 0, tx: 0, T: 0 }, t);

/** E[Y(t) | x, t_x, T]: expected activity in (T, T + t], FHL 2005 eq. 10. */
export const bgNbdConditionalExpectedRepeats = (
  params: ActivityModelParams,
  summary: ActivitySummary,
  t: number,
): number => {
  const { r, alpha, a, b } = params;
  const { x, T } = summary;
  const ifAlive = expectedActivityIfAlive(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  return bgNbdProbabilityAlive(params, summary) * ifAlive;
};

/**
 * P(X(t) = n) for a customer whose first activity was at 0, FHL 2005 eq. 8: n events while
 * alive throughout, or dropped out after the n-th with the NBD count having reached n by then.
 */
export const bgNbdProbabilityOfRepeats = (
  params: ActivityModelParams,
  t: number,
  n: number,
): number => {
  const { r, alpha, a, b } = params;
  const logBetaRatio = logBeta(a, b + n) - logBeta(a, b);
  const logStay = r * log(alpha / (alpha + t));
  const logGo = n === 0 ? 0 : n * log(t / (alpha + t));
  const aliveThroughout = exp(
    logBetaRatio + logGamma(r + n) - logGamma(r) - logGamma(n + 1) + logStay + logGo,
  );
  if (n === 0) return aliveThroughout;
  const droppedAfterNth = exp(logBetaRatio + log(a) - log(b + (n - 1)));
  return aliveThroughout + droppedAfterNth * nbdAtLeast(r, alpha, t, n);
};

/** P(N ≥ n) for the NBD count N of a Poisson(λt) with λ ~ Gamma(r, α). */
const nbdAtLeast = (r: number, alpha: number, t: number, n: number): number => {
  const q = t / (alpha + t);
  let term = pow(alpha / (alpha + t), r);
  let below = term;
  for (let j = 0; j < n - 1; j++) {
    term *= ((r + j) / (j + 1)) * q;
    below += term;
  }
  return max(0, 1 - below);
};
