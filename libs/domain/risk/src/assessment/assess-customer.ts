import type { DayNumber } from '@churn/domain-kernel';
import {
  customerSegment,
  tierOf,
  type CustomerState,
  type Segment,
  type Tier,
} from '@churn/domain-customer';
import type { RiskEvidence } from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import {
  customerValueOf,
  scoreOf,
  type Contribution,
  type CustomerValue,
  type RiskBand,
} from '../score/score';
import { aumDecline } from '../signals/aum-decline.signal';
import { dissatisfaction } from '../signals/dissatisfaction.signal';
import { dormancy } from '../signals/dormancy.signal';
import { largeOutboundTransfer } from '../signals/large-outbound-transfer.signal';
import { maturityNotRolledOver } from '../signals/maturity-not-rolled-over.signal';
import { payrollDrain } from '../signals/payroll-drain.signal';
import { payrollStopped } from '../signals/payroll-stopped.signal';
import { dateText } from '../signals/explain';
import type { Signal } from '../signals/signal';
import { NO_BRANCH_CONTEXT, type BranchContext, type SignalRule } from '../signals/signal-context';
import { tierDowngrade } from '../signals/tier-downgrade.signal';

/** Every customer signal, in the order of `SIGNAL_CODES`. */
export const SIGNAL_RULES: readonly SignalRule[] = [
  payrollStopped,
  payrollDrain,
  aumDecline,
  tierDowngrade,
  largeOutboundTransfer,
  maturityNotRolledOver,
  dormancy,
  dissatisfaction,
];

/** The bands and hysteresis the decision is taken with, recorded with the assessment. */
export interface BandPolicy {
  readonly bands: RiskPolicy['bands'];
  readonly hysteresis: RiskPolicy['hysteresis'];
}

/**
 * The customer as the bank knew them when assessed: what routing an alert needs (tier, RM, team,
 * segment) without folding the customer again. Recorded on every risk event.
 */
export interface AssessedCustomer {
  readonly tier: Tier;
  readonly aumMinor: number;
  readonly segment: Segment | null;
  readonly relationshipManagerId: string | null;
  readonly teamId: string | null;
  readonly branchId: string | null;
}

/** One customer's churn risk as of the end of a bank day (or as of the fact that prompted it). */
export interface Assessment {
  readonly customerId: string;
  /** The bank date assessed, `YYYY-MM-DD`. */
  readonly assessedOn: string;
  /** Business time: the last fact folded if it fell on the assessed day, else the day's end. */
  readonly occurredAt: string;
  readonly score: number;
  readonly band: RiskBand;
  readonly signals: readonly Signal[];
  readonly contributions: readonly Contribution[];
  readonly combinedBasisPoints: number;
  readonly value: CustomerValue;
  readonly customer: AssessedCustomer;
  readonly policyVersion: string;
  readonly bandPolicy: BandPolicy;
  /**
   * The customer's money has already gone (AUM at most `goneAtOrBelowPeakBasisPoints` of the
   * peak over the value lookback): a loss to report, not a risk to warn of, so no new risk is
   * raised (`decideRisk`). Not recorded on the events.
   */
  readonly moneyGone: boolean;
}

export interface AssessOptions {
  readonly branch?: BranchContext;
  /** Overrides `occurredAt`, e.g. with the instant of the fact that prompted the assessment. */
  readonly occurredAt?: string;
}

/** The last instant of a bank day in the bank's zone (UTC+8). */
export const endOfBankDay = (day: DayNumber): string => `${dateText(day)}T23:59:59.999+08:00`;

/**
 * Runs every signal and the score for one customer on `asOfDay` (on or after the last fact
 * folded). Pure and deterministic: no clock, the same inputs give deep-equal outputs. The engine
 * decides when to call it — e.g. once per bank day for each customer who had a fact that day,
 * and on a daily tick for customers with open risk — and hands the result to `decideRisk`.
 */
export const assessCustomer = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
  options: AssessOptions = {},
): Assessment => {
  const signals = signalsOf(customer, evidence, asOfDay, policy, options.branch);
  const value = customerValueOf(customer, asOfDay, policy);
  const { score, band, contributions, combinedBasisPoints } = scoreOf(signals, value, policy);
  return {
    customerId: customer.customerId ?? evidence.customerId ?? '',
    assessedOn: dateText(asOfDay),
    occurredAt: options.occurredAt ?? occurredAtOf(customer, asOfDay),
    score,
    band,
    signals,
    contributions,
    combinedBasisPoints,
    value,
    customer: assessedCustomer(customer, asOfDay),
    policyVersion: policy.version,
    bandPolicy: { bands: policy.bands, hysteresis: policy.hysteresis },
    moneyGone: isMoneyGone(customer.aumMinor, value, policy),
  };
};

/** At most `goneAtOrBelowPeakBasisPoints` of the peak left (DOMAIN.md §1: "after the money is gone"). */
export const isMoneyGone = (
  aumMinor: number,
  value: CustomerValue,
  policy: RiskPolicy,
): boolean => {
  const gone = policy.thresholds.earlyWarning.goneAtOrBelowPeakBasisPoints;
  return gone > 0 && value.peakAumMinor > 0 && aumMinor * 10_000 <= value.peakAumMinor * gone;
};

export const assessedCustomer = (
  customer: CustomerState,
  asOfDay: DayNumber,
): AssessedCustomer => ({
  tier: tierOf(customer.aumMinor),
  aumMinor: customer.aumMinor,
  segment: customerSegment(customer, asOfDay),
  relationshipManagerId: customer.relationshipManager?.rmId ?? null,
  teamId: customer.relationshipManager?.teamId ?? customer.profile?.teamId ?? null,
  branchId: customer.profile?.branchId ?? null,
});

/** The signals that fire, in the order of `SIGNAL_CODES`. */
export const signalsOf = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
  branch: BranchContext = NO_BRANCH_CONTEXT,
): readonly Signal[] => {
  const signals: Signal[] = [];
  for (const rule of SIGNAL_RULES) {
    const signal = rule(customer, evidence, asOfDay, policy, branch);
    if (signal !== null && signal.strengthBasisPoints > 0) signals.push(signal);
  }
  return signals;
};

const occurredAtOf = (customer: CustomerState, asOfDay: DayNumber): string =>
  customer.lastDay === asOfDay && customer.lastOccurredAt !== null
    ? customer.lastOccurredAt
    : endOfBankDay(asOfDay);
