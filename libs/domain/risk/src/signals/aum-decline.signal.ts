import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { tierOf, type CustomerState, type Tier } from '@churn/domain-customer';
import { outflowsBetween, outflowsCompleteFrom, totalOf } from '../evidence/evidence-queries';
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
  const over = (lookbackDays: number, thresholdBasisPoints: number) =>
    declineOver(customer, evidence, asOfDay, lookbackDays, thresholdBasisPoints, policy);
  const short = over(aumShortLookbackDays, shortDeclineBasisPoints);
  const long = over(aumLongLookbackDays, longDeclineBasisPoints);
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
  /** Sent to other banks since the earlier mean began, against the fall; null when unknown. */
  readonly sentElsewhereBasisPoints: number | null;
}

const declineOver = (
  customer: CustomerState,
  evidence: RiskEvidence,
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
  const sentElsewhereBasisPoints = sentElsewhere(evidence, asOfDay, lookbackDays, policy, {
    beforeMinor,
    nowMinor,
  });
  const { minSentElsewhereBasisPoints } = policy.thresholds.aumDecline;
  if (sentElsewhereBasisPoints !== null && sentElsewhereBasisPoints < minSentElsewhereBasisPoints)
    return null;
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
    sentElsewhereBasisPoints,
  };
};

/**
 * Where the fall went (DOMAIN.md §4: "large transfers to other banks"): money sent to other banks
 * from the first day of the earlier mean to `asOfDay`, in basis points of the fall of the means.
 * Money spent or moved inside the bank is not money leaving it. Null when the outflows of that
 * span are not all known (the evidence dropped some): then the decline is not held back.
 */
const sentElsewhere = (
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  lookbackDays: number,
  policy: RiskPolicy,
  means: { readonly beforeMinor: MinorUnits; readonly nowMinor: MinorUnits },
): number | null => {
  const from = asOfDay - lookbackDays - policy.windows.aumMeanDays + 1;
  if (!outflowsCompleteFrom(evidence, from) || from < (evidence.firstDay ?? from)) return null;
  const sent = totalOf(outflowsBetween(evidence, from, asOfDay));
  return basisPoints(sent, means.beforeMinor - means.nowMinor);
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
      ...(d.sentElsewhereBasisPoints === null ||
      policy.thresholds.aumDecline.minSentElsewhereBasisPoints === 0
        ? []
        : [
            measure(
              `sent-to-other-banks-against-fall-${d.lookbackDays}-days`,
              d.sentElsewhereBasisPoints,
              policy.thresholds.aumDecline.minSentElsewhereBasisPoints,
              'basis-points',
            ),
          ]),
    ]),
    explanation: explain(decisive, asOfDay, aumMeanDays),
  };
};

const explain = (d: Decline, asOfDay: DayNumber, meanDays: number): string =>
  `Average AUM fell ${percentText(d.declineBasisPoints)} in ${d.lookbackDays} days: ` +
  `${yuanText(d.nowMinor)} over the last ${meanDays} days against ${yuanText(d.beforeMinor)} ` +
  `(${d.formerTier}) over the ${meanDays} days to ${dateText(asOfDay - d.lookbackDays)} ` +
  `(threshold ${percentText(d.thresholdBasisPoints)})`;
