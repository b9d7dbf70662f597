import type { ActivitySummary } from './activity-summary';
import type { ActivityModelParams } from './activity-model';
import { bgNbdLogLikelihood } from './bgnbd';
import { modifiedBgNbdLogLikelihood } from './modified-bgnbd';
import { minimiseNelderMead } from './math/nelder-mead';

export interface ActivityModelFit {
  readonly params: ActivityModelParams;
  /** Σ ln L at `params`, comparable with FHL 2005's −9582.4 on CDNOW. */
  readonly logLikelihood: number;
  readonly customers: number;
  readonly evaluations: number;
  /** False when the optimiser ran out of evaluations: do not use the params. */
  readonly converged: boolean;
}

type LogLikelihood = (params: ActivityModelParams, summary: ActivitySummary) => number;

/** Maximum-likelihood BG/NBD parameters (FHL 2005 §3). */
export const fitBgNbd = (customers: readonly ActivitySummary[]): ActivityModelFit =>
  fitByMaximumLikelihood(bgNbdLogLikelihood, customers);

/** Maximum-likelihood modified BG/NBD parameters (Batislam et al. 2007). */
export const fitModifiedBgNbd = (customers: readonly ActivitySummary[]): ActivityModelFit =>
  fitByMaximumLikelihood(modifiedBgNbdLogLikelihood, customers);

// Nelder–Mead on ln r, ln α, ln a, ln b (all parameters positive) from r = α = a = b = 1, as
// `lifetimes` starts; the objective is the mean negative log-likelihood per customer.
const START = [0, 0, 0, 0];
const TOLERANCES = {
  initialStep: 0.5,
  xTolerance: 1e-7,
  fTolerance: 1e-12,
  maxEvaluations: 10_000,
};

const fitByMaximumLikelihood = (
  logLikelihood: LogLikelihood,
  customers: readonly ActivitySummary[],
): ActivityModelFit => {
  if (customers.length === 0) throw new RangeError('cannot fit an activity model to no customers');
  const groups = countDistinct(customers);
  const total = (params: ActivityModelParams): number =>
    groups.reduce((sum, { summary, count }) => sum + count * logLikelihood(params, summary), 0);
  const result = minimiseNelderMead(
    (theta) => -total(fromLog(theta)) / customers.length,
    START,
    TOLERANCES,
  );
  const params = fromLog(result.x);
  return {
    params,
    logLikelihood: total(params),
    customers: customers.length,
    evaluations: result.evaluations,
    converged: result.converged,
  };
};

const fromLog = ([
  r = NaN,
  alpha = NaN,
  a = NaN,
  b = NaN,
]: readonly number[]): ActivityModelParams => ({
  r: Math.exp(r),
  alpha: Math.exp(alpha),
  a: Math.exp(a),
  b: Math.exp(b),
});

/** Customers with the same (x, t_x, T) contribute the same term: evaluate it once. */
const countDistinct = (
  customers: readonly ActivitySummary[],
): { summary: ActivitySummary; count: number }[] => {
  const groups = new Map<string, { summary: ActivitySummary; count: number }>();
  for (const summary of customers) {
    const key = `${summary.x}|${summary.tx}|${summary.T}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { summary, count: 1 });
    else group.count += 1;
  }
  return [...groups.values()];
};
