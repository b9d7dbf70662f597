import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { tierOf, type CustomerState, type Tier } from '@churn/domain-customer';
import { outflowsBetween } from '../evidence/evidence-queries';
import type { RiskEvidence } from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import { aumMean } from './aum-windows';
import { dateText, percentText, yuanText } from './explain';
import {
  basisPoints,
  clampStrength,
  evidenceIds,
  measure,
  rampStrength,
  type Signal,
} from './signal';

/**
 * AUM decline (DOMAIN.md §4, above all among fortune and private-banking customers). Balances
 * rise and fall every month with salary (§9), so AUM is compared as means over `aumMeanDays`
 * (one pay cycle, across which the tide averages out): the latest mean against the mean that
 * ended `aumShortLookbackDays` (30) and `aumLongLookbackDays` (90) days earlier. A window fires
 * when the mean fell by its threshold in basis points AND by at least `minDeclineMinor` (a 30%
 * fall of a 500-yuan balance is noise). Strength ramps from half at the threshold to full at
 * `fullStrengthDeclineBasisPoints`, times the weight of the tier the customer was in.
 */
export const aumDecline = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal | null => {
  const { aumShortLookbackDays, aumLongLookbackDays } = policy.windows;
  const { shortDeclineBasisPoints, longDeclineBasisPoints } = policy.thresholds.aumDecline;
  const short = declineOver(
    customer,
    asOfDay,
    aumShortLookbackDays,
    shortDeclineBasisPoints,
    policy,
  );
  const long = declineOver(customer, asOfDay, aumLongLookbackDays, longDeclineBasisPoints, policy);
  const fired = [short, long].filter((d): d is Decline => d !== null);
  const decisive = fired.reduce<Decline | null>(
    (best, d) => (best === null || d.strength > best.strength ? d : best),
    null,
  );
  return decisive === null ? null : declineSignal(decisive, fired, evidence, asOfDay, policy);
};

export interface Decline {
  readonly lookbackDays: number;
  readonly beforeMinor: MinorUnits;
  readonly nowMinor: MinorUnits;
  readonly declineBasisPoints: number;
  readonly thresholdBasisPoints: number;
  readonly formerTier: Tier;
  readonly strength: number;
}

const declineOver = (
  customer: CustomerState,
  asOfDay: DayNumber,
  lookbackDays: number,
  thresholdBasisPoints: number,
  policy: RiskPolicy,
): Decline | null => {
  const { aumMeanDays } = policy.windows;
  const { minDeclineMinor, fullStrengthDeclineBasisPoints: full } = policy.thresholds.aumDecline;
  const nowMinor = aumMean(customer.aumHistory, asOfDay, aumMeanDays);
  const beforeMinor = aumMean(customer.aumHistory, asOfDay - lookbackDays, aumMeanDays);
  if (nowMinor === undefined || beforeMinor === undefined || beforeMinor <= 0) return null;
  const declineBasisPoints = basisPoints(beforeMinor - nowMinor, beforeMinor);
  if (declineBasisPoints < thresholdBasisPoints) return null;
  if (beforeMinor - nowMinor < minDeclineMinor) return null;
  const formerTier = tierOf(beforeMinor);
  const ramp = rampStrength(declineBasisPoints, thresholdBasisPoints, full);
  const strength = clampStrength((ramp * policy.weights.aumDeclineByTier[formerTier]) / 10_000);
  return {
    lookbackDays,
    beforeMinor,
    nowMinor,
    declineBasisPoints,
    thresholdBasisPoints,
    formerTier,
    strength,
  };
};

/** Where the money went, as far as the bank saw: the largest transfers to other banks since. */
export const LARGEST_OUTFLOWS_CITED = 10;

export const largestOutflowIds = (
  evidence: RiskEvidence,
  fromDay: DayNumber,
  toDay: DayNumber,
): readonly string[] => {
  const outflows = outflowsBetween(evidence, fromDay, toDay);
  const largest = [...outflows]
    .sort((a, b) => b.amountMinor - a.amountMinor || a.day - b.day)
    .slice(0, LARGEST_OUTFLOWS_CITED);
  return outflows.filter((o) => largest.includes(o)).map((o) => o.eventId);
};

const declineSignal = (
  decisive: Decline,
  fired: readonly Decline[],
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal => {
  const { aumMeanDays } = policy.windows;
  const { minDeclineMinor } = policy.thresholds.aumDecline;
  const sinceDay = asOfDay - decisive.lookbackDays - aumMeanDays + 1;
  return {
    code: 'aum-decline',
    strengthBasisPoints: decisive.strength,
    evidenceEventIds: evidenceIds(largestOutflowIds(evidence, sinceDay, asOfDay)),
    measures: fired.flatMap((d) => [
      measure(
        `aum-decline-${d.lookbackDays}-days`,
        d.declineBasisPoints,
        d.thresholdBasisPoints,
        'basis-points',
      ),
      measure(
        `aum-fall-${d.lookbackDays}-days`,
        d.beforeMinor - d.nowMinor,
        minDeclineMinor,
        'fen',
      ),
    ]),
    explanation: explain(decisive, asOfDay, aumMeanDays),
  };
};

const explain = (d: Decline, asOfDay: DayNumber, meanDays: number): string =>
  `Average AUM fell ${percentText(d.declineBasisPoints)} in ${d.lookbackDays} days: ` +
  `${yuanText(d.nowMinor)} over the last ${meanDays} days against ${yuanText(d.beforeMinor)} ` +
  `(${d.formerTier}) over the ${meanDays} days to ${dateText(asOfDay - d.lookbackDays)} ` +
  `(threshold ${percentText(d.thresholdBasisPoints)})`;
