import type { ChurnRiskEvent } from '@churn/domain-risk';
import type { AlertingPolicy } from '../policy/alerting-policy';
import type { AlertCustomer, AlertSignal, RiskCause } from '../decider/alert-events';
import type { AlertSeverity } from '../decider/alert-vocabulary';
import { severityRank } from '../decider/alert-event';

/** What the alerting service remembers of a customer's latest alert (a projection of alert streams). */
export interface CustomerAlertEntry {
  readonly alertId: string;
  readonly status: 'open' | 'resolved';
  readonly severity: AlertSeverity;
  readonly resolvedAt: string | null;
}

/** A risk event read for alerting: the alert's view of it. */
export interface RiskForAlert {
  readonly customer: AlertCustomer;
  readonly severity: AlertSeverity | null;
  readonly cause: RiskCause;
  readonly signals: readonly AlertSignal[];
}

/** What to do with a risk event for a customer. */
export type AlertAction =
  | { readonly kind: 'raise' }
  | { readonly kind: 'merge'; readonly alertId: string }
  | { readonly kind: 'reopen'; readonly alertId: string }
  | { readonly kind: 'ease'; readonly alertId: string }
  | { readonly kind: 'ignore'; readonly why: string };

/**
 * Reads a stored risk event (its store id given) for alerting. The severity is the risk band
 * (none when cleared); the customer carries both tiers: the tier of today's AUM and the tier of
 * the peak AUM over the value lookback, which routes the alert (what the bank stands to lose).
 */
export const riskForAlert = (event: ChurnRiskEvent, eventId: string): RiskForAlert => {
  const d = event.data;
  return {
    customer: {
      customerId: d.customerId,
      tier: d.customer.tier,
      valueTier: d.value.tier,
      aumMinor: d.customer.aumMinor,
      peakAumMinor: d.value.peakAumMinor,
      segment: d.customer.segment,
      relationshipManagerId: d.customer.relationshipManagerId,
      teamId: d.customer.teamId,
      branchId: d.customer.branchId,
    },
    severity: event.type === 'ChurnRiskCleared' ? null : event.data.band,
    cause: {
      riskEventId: eventId,
      riskEventType: event.type,
      score: d.score,
      riskPolicyVersion: d.policyVersion,
      assessedOn: d.assessedOn,
    },
    signals: d.signals.map(({ code, strengthBasisPoints, explanation, evidenceEventIds }) => ({
      code,
      strengthBasisPoints,
      explanation,
      evidenceEventIds,
    })),
  };
};

const MS_PER_DAY = 86_400_000;

/**
 * Whether the risk has risen past what the resolved case handled: a new raise, or a change to a
 * band above the severity the alert was resolved at. (`RiskForAlert` does not carry the risk
 * event's change reasons; comparing with the alert's own severity also keeps a risk that fell
 * and came back to the same band from reopening a case the RM has just closed.)
 */
const isRising = (
  latest: CustomerAlertEntry,
  risk: RiskForAlert & { severity: AlertSeverity },
): boolean =>
  risk.cause.riskEventType === 'ChurnRiskRaised' ||
  severityRank(risk.severity) > severityRank(latest.severity);

const resolvedWithin = (latest: CustomerAlertEntry, days: number, at: string): boolean =>
  latest.resolvedAt !== null && Date.parse(at) - Date.parse(latest.resolvedAt) < days * MS_PER_DAY;

/**
 * One open alert per customer (issue 5 §1): a risk event merges into the open alert, or eases it
 * when cleared; reopens a case resolved within `reopenWithinDays` if the risk is rising; else
 * raises a new alert if the severity reaches the minimum of the customer's value tier.
 */
export const alertActionFor = (
  latest: CustomerAlertEntry | null,
  risk: RiskForAlert,
  policy: AlertingPolicy,
  at: string,
): AlertAction => {
  const open = latest?.status === 'open' ? latest : null;
  const { severity } = risk;
  if (severity === null)
    return open ? { kind: 'ease', alertId: open.alertId } : { kind: 'ignore', why: 'nothing-open' };
  if (open) return { kind: 'merge', alertId: open.alertId };
  if (latest && resolvedWithin(latest, policy.reopenWithinDays, at))
    return isRising(latest, { ...risk, severity })
      ? { kind: 'reopen', alertId: latest.alertId }
      : { kind: 'ignore', why: 'resolved-recently' };
  const { minimumSeverity } = policy.routing[risk.customer.valueTier];
  if (severityRank(severity) < severityRank(minimumSeverity))
    return { kind: 'ignore', why: 'below-tier-minimum' };
  return { kind: 'raise' };
};
