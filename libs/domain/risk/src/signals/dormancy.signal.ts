import type { DayNumber } from '@churn/domain-kernel';
import type { CustomerState } from '@churn/domain-customer';
import { firstOnOrAfterDay } from '../evidence/evidence-queries';
import type { RiskEvidence } from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import { customerValueOf } from '../score/score';
import { activityOutlook, type ActivityOutlook } from './activity-outlook';
import { dateText, percentText } from './explain';
import { evidenceIds, FULL_STRENGTH, measure, type Signal } from './signal';

/**
 * Dormancy (DOMAIN.md §4: accounts go silent; ~5,000 former prime customers moved their main
 * banking elsewhere), judged against the customer's own rate of customer-initiated activity
 * (§9), not a fixed number of days: someone who pays by card daily and stops is dormant within
 * weeks, someone who visits twice a year is not. Over the last `dormancyRecentDays` the customer
 * was active on at most `recentRateBasisPoints` of the days their own earlier rate predicts, and
 * that rate predicts at least `minExpectedActiveDays` (occasional customers never fire) from at
 * least `minBaselineDays` of history. Strength: half at the threshold, full at no activity at all.
 * Where the policy carries an activity model for the customer's tier (`activityModel`), its
 * P(alive) and expected activity are shown beside, as evidence (DOMAIN.md §9), not weighed.
 */
export const dormancy = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal | null => {
  const { recentRateBasisPoints, minExpectedActiveDays, minBaselineDays } =
    policy.thresholds.dormancy;
  const windowDays = policy.windows.dormancyRecentDays;
  const { firstDay, activeDays, recentDays } = evidence.activity;
  const windowStart = asOfDay - windowDays + 1;
  if (firstDay === null) return null;
  const baselineSpan = windowStart - firstDay;
  const recent = recentDays.length - firstOnOrAfterDay(recentDays, windowStart);
  const baselineActive = activeDays - recent;
  // expected = baselineActive × windowDays / baselineSpan, compared in integers.
  if (baselineSpan < minBaselineDays) return null;
  if (baselineActive * windowDays < minExpectedActiveDays * baselineSpan) return null;
  const rate = Math.floor((recent * baselineSpan * 10_000) / (baselineActive * windowDays));
  if (rate > recentRateBasisPoints) return null;
  const expected = Math.floor((baselineActive * windowDays) / baselineSpan);
  const tier = customerValueOf(customer, asOfDay, policy).tier;
  const outlook = activityOutlook(customer.activity, tier, asOfDay, windowDays, policy);
  return dormancySignal({ rate, expected, recent }, outlook, evidence, policy);
};

const dormancySignal = (
  found: { readonly rate: number; readonly expected: number; readonly recent: number },
  outlook: ActivityOutlook | null,
  evidence: RiskEvidence,
  policy: RiskPolicy,
): Signal => {
  const { recentRateBasisPoints, minExpectedActiveDays } = policy.thresholds.dormancy;
  const windowDays = policy.windows.dormancyRecentDays;
  const { lastEventId, lastDay } = evidence.activity;
  return {
    code: 'dormancy',
    strengthBasisPoints:
      FULL_STRENGTH - Math.floor((found.rate * 5_000) / Math.max(1, recentRateBasisPoints)),
    evidenceEventIds: evidenceIds(lastEventId === null ? [] : [lastEventId]),
    measures: [
      measure('recent-rate-against-usual', found.rate, recentRateBasisPoints, 'basis-points'),
      measure('expected-active-days', found.expected, minExpectedActiveDays, 'days'),
      ...(outlook === null
        ? []
        : [
            measure('model-p-alive', outlook.pAliveBasisPoints, 5_000, 'basis-points'),
            measure(
              `model-expected-active-days-next-${outlook.days}`,
              outlook.expectedActiveDays,
              found.expected,
              'days',
            ),
          ]),
    ],
    explanation:
      `Usually active on about ${found.expected} days in ${windowDays}; active on ${found.recent} ` +
      `in the last ${windowDays}${lastDay === null ? '' : ` (last on ${dateText(lastDay)})`}` +
      (outlook === null
        ? ''
        : `; the ${outlook.tier} activity model (modified BG/NBD) gives P(alive) ` +
          `${percentText(outlook.pAliveBasisPoints)} and about ${outlook.expectedActiveDays} ` +
          `active days in the next ${outlook.days}`),
  };
};
