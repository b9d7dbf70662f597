import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { aumOn, type CustomerState } from '@churn/domain-customer';
import { outflowsBetween, outflowsCompleteFrom } from '../evidence/evidence-queries';
import type { OutflowEvidence, RiskEvidence } from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import { dateText, percentText, yuanText } from './explain';
import {
  basisPoints,
  evidenceIds,
  measure,
  rampStrength,
  upperMedian,
  type Measure,
  type Signal,
} from './signal';

/** The customer's usual largest transfer is learnt per block of this many days. */
const BASELINE_BLOCK_DAYS = 30;

interface LargeTransfer {
  readonly outflow: OutflowEvidence;
  readonly aumBeforeMinor: MinorUnits;
  readonly shareBasisPoints: number;
}

/**
 * Large transfer to another bank (DOMAIN.md §4; yield-chasing). Within the last
 * `largeTransferDays`, a single transfer to another bank of at least `minAmountMinor` that is at
 * least `shareOfAumBasisPoints` of the AUM before it AND at least `aboveUsualBasisPoints` of the
 * customer's usual largest monthly transfer (the median over the baseline's 30-day blocks),
 * so that a customer who moves money out every month on the same scale does not alert each pay
 * cycle (§9). AUM before it is the previous day's close, or the day's close plus the transfer if
 * higher (salary that arrived and left the same day was there). The largest share decides.
 */
export const largeOutboundTransfer = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal | null => {
  const { minAmountMinor, aboveUsualBasisPoints } = policy.thresholds.largeOutboundTransfer;
  const windowStart = asOfDay - policy.windows.largeTransferDays + 1;
  const candidates = outflowsBetween(evidence, windowStart, asOfDay).filter(
    (outflow) => outflow.amountMinor >= minAmountMinor,
  );
  if (candidates.length === 0) return null;
  const usualMinor = usualLargestTransfer(evidence, windowStart, policy);
  const large = candidates
    .filter((outflow) => outflow.amountMinor * 10_000 >= usualMinor * aboveUsualBasisPoints)
    .map((outflow) => shareOfAum(customer, outflow))
    .filter(
      (t) => t.shareBasisPoints >= policy.thresholds.largeOutboundTransfer.shareOfAumBasisPoints,
    );
  const decisive = large.reduce<LargeTransfer | null>(
    (best, t) => (best === null || t.shareBasisPoints > best.shareBasisPoints ? t : best),
    null,
  );
  return decisive === null ? null : transferSignal(decisive, large, usualMinor, policy);
};

/** AUM before a transfer: the previous close, or the day's close plus the transfer if higher. */
const shareOfAum = (customer: CustomerState, outflow: OutflowEvidence): LargeTransfer => {
  const aumBeforeMinor = Math.max(
    aumOn(customer, outflow.day - 1) ?? 0,
    (aumOn(customer, outflow.day) ?? 0) + outflow.amountMinor,
  );
  return {
    outflow,
    aumBeforeMinor,
    shareBasisPoints: basisPoints(outflow.amountMinor, aumBeforeMinor),
  };
};

/**
 * The upper median of the largest transfer in each 30-day block before the window (0 for none),
 * over blocks since the customer's first fact: a monthly habit shows in half the blocks, a
 * one-off in one.
 */
const usualLargestTransfer = (
  evidence: RiskEvidence,
  windowStart: DayNumber,
  policy: RiskPolicy,
): MinorUnits => {
  const blocks = Math.floor(policy.windows.largeTransferBaselineDays / BASELINE_BLOCK_DAYS);
  const largest: number[] = [];
  for (let block = 1; block <= blocks; block++) {
    const from = windowStart - block * BASELINE_BLOCK_DAYS;
    if (!outflowsCompleteFrom(evidence, from) || from < (evidence.firstDay ?? from)) break;
    let max = 0;
    for (const outflow of outflowsBetween(evidence, from, from + BASELINE_BLOCK_DAYS - 1))
      max = Math.max(max, outflow.amountMinor);
    largest.push(max);
  }
  return upperMedian(largest) ?? 0;
};

const transferSignal = (
  decisive: LargeTransfer,
  large: readonly LargeTransfer[],
  usualMinor: MinorUnits,
  policy: RiskPolicy,
): Signal => {
  const { shareOfAumBasisPoints: threshold } = policy.thresholds.largeOutboundTransfer;
  const { outflow, aumBeforeMinor, shareBasisPoints } = decisive;
  return {
    code: 'large-outbound-transfer',
    strengthBasisPoints: rampStrength(shareBasisPoints, threshold, Math.min(10_000, 2 * threshold)),
    evidenceEventIds: evidenceIds([outflow.eventId, ...large.map((t) => t.outflow.eventId)]),
    measures: transferMeasures(decisive, usualMinor, policy),
    explanation:
      `Sent ${yuanText(outflow.amountMinor)} to ${outflow.counterpartyBank ?? 'another bank'} on ` +
      `${dateText(outflow.day)}: ${percentText(shareBasisPoints)} of AUM of ${yuanText(aumBeforeMinor)} ` +
      `(threshold ${percentText(threshold)}; usual largest monthly transfer ${yuanText(usualMinor)})`,
  };
};

/** Against the customer's usual largest transfer only when there is one (none: any is unusual). */
const transferMeasures = (
  { outflow, shareBasisPoints }: LargeTransfer,
  usualMinor: MinorUnits,
  policy: RiskPolicy,
): readonly Measure[] => {
  const { shareOfAumBasisPoints, minAmountMinor, aboveUsualBasisPoints } =
    policy.thresholds.largeOutboundTransfer;
  const againstUsual = basisPoints(outflow.amountMinor, usualMinor);
  return [
    measure('transfer-share-of-aum', shareBasisPoints, shareOfAumBasisPoints, 'basis-points'),
    measure('transfer-amount', outflow.amountMinor, minAmountMinor, 'fen'),
    ...(usualMinor > 0
      ? [
          measure(
            'transfer-against-usual-largest',
            againstUsual,
            aboveUsualBasisPoints,
            'basis-points',
          ),
        ]
      : []),
  ];
};
