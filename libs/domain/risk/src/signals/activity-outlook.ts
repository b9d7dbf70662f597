import type { DayNumber } from '@churn/domain-kernel';
import type { CustomerActivity, Tier } from '@churn/domain-customer';
import {
  modifiedBgNbdConditionalExpectedRepeats,
  modifiedBgNbdProbabilityAlive,
  type ActivityModelParams,
} from '@churn/domain-activity';
import type { ActivityModelPolicy, RiskPolicy } from '../policy/risk-policy';

/** The model's time unit: weeks, as the fit (`npm run backtest` prints the params per tier). */
const DAYS_PER_WEEK = 7;
const MILLION = 1_000_000;

/** What the modified BG/NBD says of one customer's customer-initiated activity (DOMAIN.md §9). */
export interface ActivityOutlook {
  readonly tier: Tier;
  /** P(alive) in basis points. */
  readonly pAliveBasisPoints: number;
  /** Expected active days over the next `days`, rounded to a whole day. */
  readonly expectedActiveDays: number;
  readonly days: number;
}

const paramsOf = (model: ActivityModelPolicy): ActivityModelParams | null =>
  model.rMillionths > 0 &&
  model.alphaMillionths > 0 &&
  model.aMillionths > 0 &&
  model.bMillionths > 0
    ? {
        r: model.rMillionths / MILLION,
        alpha: model.alphaMillionths / MILLION,
        a: model.aMillionths / MILLION,
        b: model.bMillionths / MILLION,
      }
    : null;

/**
 * The modified BG/NBD (Batislam et al. 2007) of the customer's tier, fitted on the branch's own
 * history and carried in the policy (`activityModel`), as evidence beside the signals — never a
 * verdict on its own (DOMAIN.md §9: it has to beat "days since last activity" first, and on the
 * simulated branch it does not, see libs/risk/README.md). Null when the tier has no model (any
 * parameter 0) or the customer was never active. Only the rounded integers are recorded.
 */
export const activityOutlook = (
  activity: CustomerActivity,
  tier: Tier,
  asOfDay: DayNumber,
  days: number,
  policy: RiskPolicy,
): ActivityOutlook | null => {
  const params = paramsOf(policy.activityModel[tier]);
  const { firstDay, lastDay, repeatDays } = activity;
  if (params === null || firstDay === null || lastDay === null || firstDay > asOfDay) return null;
  const summary = {
    x: repeatDays,
    tx: (lastDay - firstDay) / DAYS_PER_WEEK,
    T: (asOfDay - firstDay) / DAYS_PER_WEEK,
  };
  const pAlive = modifiedBgNbdProbabilityAlive(params, summary);
  const expected = modifiedBgNbdConditionalExpectedRepeats(params, summary, days / DAYS_PER_WEEK);
  if (!Number.isFinite(pAlive) || !Number.isFinite(expected)) return null;
  return {
    tier,
    pAliveBasisPoints: Math.round(pAlive * 10_000),
    expectedActiveDays: Math.round(expected),
    days,
  };
};
