import type { DayNumber } from '@churn/domain-kernel';
import type { CustomerState } from '@churn/domain-customer';
import {
  outflowsBetween,
  outflowsCompleteFrom,
  payCyclesOf,
  totalOf,
  type PayCycle,
} from '../evidence/evidence-queries';
import type { RiskEvidence } from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import { dateText, percentText, yuanText } from './explain';
import {
  basisPoints,
  evidenceIds,
  measure,
  rampStrength,
  upperMedian,
  type Signal,
} from './signal';

/**
 * Payroll drain (DOMAIN.md §3–4: salary arrives and is moved to another bank within days; the
 * customer is "unwilling to make this bank the main settlement bank"). The share of the latest
 * salary sent to other banks in the `payrollDrainDays` days from payday is compared with the
 * customer's own usual share over earlier pay cycles, so the normal mid-month tide, however deep
 * for this customer, does not alert (§9). Fires when the share reaches `shareBasisPoints` AND
 * exceeds the usual share by `aboveUsualBasisPoints`. Needs `minBaselineCycles` earlier cycles:
 * without the customer's own pattern there is nothing to compare with. Stays a signal until the
 * next salary, at most `payrollDrainActiveDays` after payday.
 */
export const payrollDrain = (
  _customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal | null => {
  const { payrollDrainDays: windowDays, payrollDrainActiveDays } = policy.windows;
  const { shareBasisPoints, aboveUsualBasisPoints } = policy.thresholds.payrollDrain;
  const cycles = payCyclesOf(evidence.payrollCredits, windowDays);
  const latest = cycles[cycles.length - 1];
  if (latest === undefined || asOfDay - latest.firstDay > payrollDrainActiveDays) return null;
  const lastWindowDay = Math.min(asOfDay, latest.firstDay + windowDays - 1);
  const drained = outflowsBetween(evidence, latest.firstDay, lastWindowDay);
  const share = basisPoints(totalOf(drained), latest.amountMinor);
  // The floor first: most days nothing near it left, and the usual share need not be learnt.
  if (share < shareBasisPoints) return null;
  const usual = usualShare(cycles.slice(0, -1), evidence, policy);
  if (usual === undefined) return null;
  const threshold = Math.max(shareBasisPoints, usual + aboveUsualBasisPoints);
  if (share < threshold) return null;
  return drainSignal(latest, drained, share, usual, threshold, policy);
};

/**
 * The customer's usual drained share: the upper median over the latest earlier cycles the
 * evidence fully covers (upper, so that a deep tide every other month counts as usual).
 */
const usualShare = (
  earlier: readonly PayCycle[],
  evidence: RiskEvidence,
  policy: RiskPolicy,
): number | undefined => {
  const { payrollDrainDays: windowDays, payrollDrainBaselineCycles } = policy.windows;
  const shares: number[] = [];
  for (let i = earlier.length - 1; i >= 0 && shares.length < payrollDrainBaselineCycles; i--) {
    const cycle = earlier[i];
    if (cycle === undefined || !outflowsCompleteFrom(evidence, cycle.firstDay)) break;
    const lastDay = cycle.firstDay + windowDays - 1;
    shares.push(
      basisPoints(totalOf(outflowsBetween(evidence, cycle.firstDay, lastDay)), cycle.amountMinor),
    );
  }
  return shares.length >= policy.thresholds.payrollDrain.minBaselineCycles
    ? upperMedian(shares)
    : undefined;
};

const drainSignal = (
  latest: PayCycle,
  drained: ReturnType<typeof outflowsBetween>,
  share: number,
  usual: number,
  threshold: number,
  policy: RiskPolicy,
): Signal => {
  const { shareBasisPoints, aboveUsualBasisPoints } = policy.thresholds.payrollDrain;
  const employers = [...new Set(latest.credits.map((credit) => credit.employerId))].join(', ');
  return {
    code: 'payroll-drain',
    strengthBasisPoints: rampStrength(share, threshold, Math.max(threshold, 10_000)),
    evidenceEventIds: evidenceIds([
      ...latest.credits.map((credit) => credit.eventId),
      ...drained.map((outflow) => outflow.eventId),
    ]),
    measures: [
      measure('salary-share-sent-to-other-banks', share, shareBasisPoints, 'basis-points'),
      measure('share-above-usual', share - usual, aboveUsualBasisPoints, 'basis-points'),
    ],
    explanation:
      `Salary of ${yuanText(latest.amountMinor)} from employer ${employers} arrived on ` +
      `${dateText(latest.firstDay)}; ${percentText(share)} of it went to other banks within ` +
      `${policy.windows.payrollDrainDays} days (usually ${percentText(usual)})`,
  };
};
