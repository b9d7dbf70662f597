import type { ActivitySummary } from './activity-summary';
import { expectedActivityIfAlive, type ActivityModelParams } from './activity-model';
import { logBeta, logGamma } from './math/log-gamma';
import { logAddExp, logistic } from './math/log-space';

// Bound once: Jest runs tests in a vm context where each lookup of the global `Math` costs
// ~200 ns, which made the CDNOW fit ten times slower.
const { log, log1p } = Math;

/**
 * The modified BG/NBD (Batislam, Denizel & Filiztekin 2007): a customer may also drop out right
 * after the first activity, so one never seen again is not certain to be alive (DOMAIN.md §9).
 * Same parameters as the BG/NBD, different likelihood: fit it with `fitModifiedBgNbd`, not by
 * reusing BG/NBD estimates. Formulas as in the `lifetimes` ModifiedBetaGeoFitter.
 */

/** ln L: alive through T, or dropped out right after the activity at t_x (x = 0 included). */
export const modifiedBgNbdLogLikelihood = (
  params: ActivityModelParams,
  { x, tx, T }: ActivitySummary,
): number => {
  const { r, alpha, a, b } = params;
  const common =
    logGamma(r + x) - logGamma(r) + r * log(alpha) + logBeta(a, b + x + 1) - logBeta(a, b);
  const aliveThroughT = -(r + x) * log(alpha + T);
  const droppedAtTx = log(a) - log(b + x) - (r + x) * log(alpha + tx);
  return common + logAddExp(aliveThroughT, droppedAtTx);
};

/** P(alive at T | x, t_x, T) = 1 / (1 + a/(b + x)·((α + T)/(α + t_x))^(r+x)); below 1 for x = 0 too. */
export const modifiedBgNbdProbabilityAlive = (
  { r, alpha, a, b }: ActivityModelParams,
  { x, tx, T }: ActivitySummary,
): number => logistic(-(log(a) - log(b + x) + (r + x) * log1p((T - tx) / (alpha + tx))));

/** E[X(t)] for a customer whose first activity was at 0 (b/(a − 1)·[1 − …] in `lifetimes`). */
export const modifiedBgNbdExpectedRepeats = (params: ActivityModelParams, t: number): number =>
  modifiedBgNbdConditionalExpectedRepeats(params, { x: 0, tx: 0, T: 0 }, t);

/** E[Y(t) | x, t_x, T]: expected activity in (T, T + t]. */
export const modifiedBgNbdConditionalExpectedRepeats = (
  params: ActivityModelParams,
  summary: ActivitySummary,
  t: number,
): number => {
  const { r, alpha, a, b } = params;
  const { x, T } = summary;
  const ifAlive = expectedActivityIfAlive(r + x, b + x + 1, a + b + x, t / (alpha + T + t));
  return modifiedBgNbdProbabilityAlive(params, summary) * ifAlive;
};
