import { dayOfBankDate, type DayNumber, type MinorUnits } from '@churn/domain-kernel';
import { aumOn, type CustomerState } from '@churn/domain-customer';
import {
  firstOnOrAfter,
  outflowsBetween,
  outflowsCompleteFrom,
  totalOf,
} from '../evidence/evidence-queries';
import type {
  ProductEndEvidence,
  ReinvestmentEvidence,
  RiskEvidence,
} from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import { largestOutflowIds } from './aum-decline.signal';
import { dateText, daysText, percentText, yuanText } from './explain';
import {
  basisPoints,
  clampStrength,
  evidenceIds,
  measure,
  FULL_STRENGTH,
  upperMedian,
  type Measure,
  type Signal,
} from './signal';

/**
 * Product matured and not rolled over (到期未转存, DOMAIN.md §4; today RMs call only at maturity).
 * Products that ended at maturity — or were redeemed before their maturity date, which breaks a
 * term to chase yield — paying at least `minProceedsMinor`, `maturityGraceDays` or more ago and
 * at most `maturityActiveDays` after that, count together; the money put into products since the
 * first of them (rollovers and purchases) must reach `reinvestedShareBasisPoints` of the proceeds.
 * Strength is the idle proceeds' share of the AUM before (how much of the customer's wealth is
 * now free to leave), at most `idleMaxStrengthBasisPoints`; once `leftBankShareBasisPoints` of
 * the proceeds went to other banks over and above the customer's usual monthly transfers (the
 * tide, §9), the share of the AUM before that left, full at `leftFullAtAumShareBasisPoints`
 * (or full whatever left, when that is 0). A customer who told the bank a product will not be
 * renewed is seen before it matures (`announcedNotRenewing`); the stronger of the two speaks.
 */
export const maturityNotRolledOver = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal | null => {
  const { reinvestedShareBasisPoints, leftBankShareBasisPoints } =
    policy.thresholds.maturityNotRolledOver;
  const { idleMaxStrengthBasisPoints } = policy.thresholds.maturityNotRolledOver;
  const found = unreinvested(customer, evidence, asOfDay, policy);
  const announced = announcedNotRenewing(customer, evidence, asOfDay, policy);
  if (found === null || found.reinvestedShare >= reinvestedShareBasisPoints) return announced;
  const strength =
    found.leftShare >= leftBankShareBasisPoints
      ? leftStrength(found, policy)
      : Math.min(
          idleMaxStrengthBasisPoints,
          clampStrength(basisPoints(found.idleMinor, found.aumBeforeMinor)),
        );
  const signal = unreinvestedSignal(customer, found, strength, evidence, asOfDay, policy);
  return announced !== null && announced.strengthBasisPoints > strength ? announced : signal;
};

/** Full once `leftFullAtAumShareBasisPoints` of the AUM before left (0: full whatever left). */
const leftStrength = (found: Unreinvested, policy: RiskPolicy): number => {
  const fullAt = policy.thresholds.maturityNotRolledOver.leftFullAtAumShareBasisPoints;
  if (fullAt === 0) return FULL_STRENGTH;
  return clampStrength(
    (basisPoints(found.leftMinor, found.aumBeforeMinor) * FULL_STRENGTH) / fullAt,
  );
};

/**
 * Told the bank a product will not be renewed (`leavingIntentOf` 'not-renewing', e.g. "暂不续存"
 * noted at an RM's maturity reminder) within `maturityNoticeDays` of its maturity date, while the
 * product is still held or matured within the grace period: the bank knows every maturity date,
 * and today RMs call only at maturity (DOMAIN.md §4). Strength: `weights.leavingIntent
 * ['not-renewing']` times the share of AUM maturing, full from half of it.
 */
export const announcedNotRenewing = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal | null => {
  const { maturityNoticeDays, maturityGraceDays } = policy.windows;
  const { minProceedsMinor } = policy.thresholds.maturityNotRolledOver;
  const said = evidence.leavingIntents.filter(
    (i) => i.intent === 'not-renewing' && i.day > asOfDay - maturityNoticeDays && i.day <= asOfDay,
  );
  const first = said[0];
  if (first === undefined) return null;
  const maturing = [...customer.holdings.values()].filter((h) => {
    const due = h.maturesOn === null ? null : dayOfBankDate(h.maturesOn);
    if (due === null || due < first.day || due > first.day + maturityNoticeDays) return false;
    if (h.status === 'held') return true;
    return h.status === 'matured' && (h.closedDay ?? asOfDay) > asOfDay - maturityGraceDays;
  });
  const principalMinor = maturing.reduce((sum, h) => sum + h.principalMinor, 0);
  if (maturing.length === 0 || principalMinor < minProceedsMinor) return null;
  const aumMinor = Math.max(customer.aumMinor, principalMinor);
  const share = basisPoints(principalMinor, aumMinor);
  const strength = clampStrength(
    (policy.weights.leavingIntent['not-renewing'] * Math.min(10_000, 2 * share)) / 10_000,
  );
  const dates = maturing.map((h) => `${h.holdingId} on ${h.maturesOn ?? ''}`).join(', ');
  return {
    code: 'maturity-not-rolled-over',
    strengthBasisPoints: strength,
    evidenceEventIds: evidenceIds(said.map((i) => i.eventId)),
    measures: [
      measure('maturing-share-of-aum', share, 0, 'basis-points'),
      measure(
        'days-to-maturity',
        Math.max(0, firstDue(maturing) - asOfDay),
        maturityNoticeDays,
        'days',
      ),
    ],
    explanation:
      `Said on ${dateText(first.day)} that a maturing product will not be renewed; ` +
      `${yuanText(principalMinor)} (${percentText(share)} of AUM) matures: ${dates}`,
  };
};

const firstDue = (holdings: readonly { readonly maturesOn: string | null }[]): DayNumber =>
  Math.min(...holdings.map((h) => (h.maturesOn === null ? Infinity : dayOfBankDate(h.maturesOn))));

interface Unreinvested {
  readonly ended: readonly ProductEndEvidence[];
  readonly first: ProductEndEvidence;
  readonly proceedsMinor: MinorUnits;
  readonly idleMinor: MinorUnits;
  readonly aumBeforeMinor: MinorUnits;
  readonly reinvestedShare: number;
  readonly leftShare: number;
  /** Sent to other banks since the first end, beyond the usual, at most the proceeds. */
  readonly leftMinor: MinorUnits;
  readonly reinvestments: readonly ReinvestmentEvidence[];
}

/** The due product ends, what was reinvested since the first of them, and what left the bank. */
const unreinvested = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Unreinvested | null => {
  const ended = endsDue(customer, evidence, asOfDay, policy);
  const first = ended[0];
  if (first === undefined) return null;
  const proceedsMinor = ended.reduce((sum, end) => sum + end.proceedsMinor, 0);
  const from = firstOnOrAfter(evidence.reinvestments, first.day);
  const reinvestments = evidence.reinvestments.slice(from);
  const principal = reinvestments.reduce((sum, r) => sum + r.principalMinor, 0);
  const idleMinor = proceedsMinor - Math.min(proceedsMinor, principal);
  const left = Math.min(proceedsMinor, unusualOutflowSince(evidence, first.day, asOfDay));
  return {
    ended,
    first,
    proceedsMinor,
    idleMinor,
    aumBeforeMinor: Math.max(aumOn(customer, first.day - 1) ?? 0, idleMinor),
    reinvestedShare: basisPoints(proceedsMinor - idleMinor, proceedsMinor),
    leftShare: basisPoints(left, proceedsMinor),
    leftMinor: left,
    reinvestments,
  };
};

const BLOCK_DAYS = 30;
const BASELINE_BLOCKS = 3;

/**
 * Sent to other banks since `fromDay`, beyond a usual month's transfers (the upper median of the
 * three 30-day totals before it) for each month begun: the tide is not money leaving.
 */
const unusualOutflowSince = (
  evidence: RiskEvidence,
  fromDay: DayNumber,
  asOfDay: DayNumber,
): MinorUnits => {
  const totals: number[] = [];
  for (let block = 1; block <= BASELINE_BLOCKS; block++) {
    const start = fromDay - block * BLOCK_DAYS;
    if (!outflowsCompleteFrom(evidence, start) || start < (evidence.firstDay ?? start)) break;
    totals.push(totalOf(outflowsBetween(evidence, start, start + BLOCK_DAYS - 1)));
  }
  const usualMonth = upperMedian(totals) ?? 0;
  const monthsBegun = Math.ceil((asOfDay - fromDay + 1) / BLOCK_DAYS);
  return Math.max(
    0,
    totalOf(outflowsBetween(evidence, fromDay, asOfDay)) - usualMonth * monthsBegun,
  );
};

const unreinvestedSignal = (
  customer: CustomerState,
  found: Unreinvested,
  strength: number,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal => ({
  code: 'maturity-not-rolled-over',
  strengthBasisPoints: strength,
  evidenceEventIds: evidenceIds([
    ...found.ended.map((end) => end.eventId),
    ...found.reinvestments.map((r) => r.eventId),
    ...(found.leftShare > 0 ? largestOutflowIds(evidence, found.first.day, asOfDay) : []),
  ]),
  measures: unreinvestedMeasures(found, asOfDay, policy),
  explanation: explain(customer, found, asOfDay, policy),
});

const unreinvestedMeasures = (
  found: Unreinvested,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): readonly Measure[] => {
  const { reinvestedShareBasisPoints: reinvested, leftBankShareBasisPoints: left } =
    policy.thresholds.maturityNotRolledOver;
  const daysSince = asOfDay - found.first.day;
  return [
    measure('reinvested-share', found.reinvestedShare, reinvested, 'basis-points'),
    measure('days-since-maturity', daysSince, policy.windows.maturityGraceDays, 'days'),
    measure('sent-to-other-banks-share', found.leftShare, left, 'basis-points'),
  ];
};

/** Ends of at least the minimum proceeds whose grace is over and whose signal is still live. */
const endsDue = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): readonly ProductEndEvidence[] => {
  const { maturityGraceDays, maturityActiveDays } = policy.windows;
  const { minProceedsMinor } = policy.thresholds.maturityNotRolledOver;
  return evidence.productEnds.filter(
    (end) =>
      end.day <= asOfDay - maturityGraceDays &&
      end.day >= asOfDay - maturityGraceDays - maturityActiveDays &&
      end.proceedsMinor >= minProceedsMinor &&
      (end.how === 'matured' || (customer.holdings.get(end.holdingId)?.maturesOn ?? null) !== null),
  );
};

const explain = (
  customer: CustomerState,
  found: Unreinvested,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): string => {
  const { first } = found;
  const kind = customer.holdings.get(first.holdingId)?.kind ?? 'product';
  const paying = `paying ${yuanText(found.proceedsMinor)}`;
  const what =
    found.ended.length === 1
      ? `The ${kind} ${first.holdingId} ${first.how} on ${dateText(first.day)}, ${paying}`
      : `${found.ended.length} products ended since ${dateText(first.day)}, ${paying}`;
  const threshold = policy.thresholds.maturityNotRolledOver.reinvestedShareBasisPoints;
  return (
    `${what}; ${percentText(found.reinvestedShare)} reinvested after ${daysText(asOfDay - first.day)} ` +
    `(threshold ${percentText(threshold)}); ${percentText(found.leftShare)} sent to other banks since, ` +
    `beyond the usual`
  );
};
