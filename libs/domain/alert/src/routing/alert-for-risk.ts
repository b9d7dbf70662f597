import type { ChurnRiskEvent } from '@churn/domain-risk';
import type { AlertingPolicy } from '../policy/alerting-policy';
import type { AlertCustomer, AlertSignal, RiskCause } from '../decider/alert-events';
import type { AlertSeverity } from '../decider/alert-vocabulary';

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

/** STUB (signature fixed). Reads a stored risk event (its store id given) for alerting. */
export const riskForAlert = (_event: ChurnRiskEvent, _eventId: string): RiskForAlert => {
  throw new Error('not implemented');
};

/** STUB (signature fixed). One open alert per customer: raise, merge, reopen, ease or ignore. */
export const alertActionFor = (
  _latest: CustomerAlertEntry | null,
  _risk: RiskForAlert,
  _policy: AlertingPolicy,
  _at: string,
): AlertAction => ({ kind: 'ignore', why: 'not implemented' });
