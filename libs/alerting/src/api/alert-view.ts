import {
  businessMinutesBetween,
  nextDeadline,
  SERVICE_ITEMS,
  type AlertCustomer,
  type AlertHolder,
  type AlertLevel,
  type AlertSeverity,
  type RaisedAlert,
  type ServiceItem,
  type SlaRuleId,
} from '@churn/domain-alert';
import type { Tier } from '@churn/domain-customer';
import type { SignalCode } from '@churn/domain-risk';

/**
 * An alert as the people who work it see it in a list: who the customer is, how bad, who has it,
 * what to offer (thesis Table 5.3 by segment), and how long is left on the next SLA clock.
 */
export interface SlaCountdown {
  readonly rule: SlaRuleId;
  readonly dueAt: string;
  /** Business minutes until `dueAt` by the alert's own frozen calendar; negative when overdue. */
  readonly businessMinutesLeft: number;
  readonly overdue: boolean;
}

export interface AlertItem {
  readonly alertId: string;
  readonly customer: AlertCustomer;
  readonly tier: Tier;
  readonly severity: AlertSeverity;
  /** The score of the latest risk assessment merged into the alert. */
  readonly score: number | null;
  readonly priority: number;
  readonly level: AlertLevel;
  readonly holder: AlertHolder;
  readonly holderNote: string | null;
  readonly status: RaisedAlert['status'];
  readonly raisedAt: string;
  readonly acknowledgedAt: string | null;
  readonly contactedAt: string | null;
  readonly snoozedUntil: string | null;
  readonly riskEased: boolean;
  readonly signals: readonly { readonly code: SignalCode; readonly explanation: string }[];
  readonly suggestedActions: readonly { readonly item: ServiceItem; readonly name: string }[];
  readonly sla: SlaCountdown | null;
}

/** The next clock of an open alert, counted in business minutes from `now`. */
export const slaCountdown = (alert: RaisedAlert, now: string): SlaCountdown | null => {
  const deadline = nextDeadline(alert);
  if (deadline === null) return null;
  const calendar = alert.escalation.calendar;
  const overdue = Date.parse(now) >= Date.parse(deadline.dueAt);
  const minutes = overdue
    ? -businessMinutesBetween(deadline.dueAt, now, calendar)
    : businessMinutesBetween(now, deadline.dueAt, calendar);
  return { rule: deadline.rule, dueAt: deadline.dueAt, businessMinutesLeft: minutes, overdue };
};

export const alertItem = (alert: RaisedAlert, priority: number, now: string): AlertItem => ({
  alertId: alert.alertId,
  customer: alert.customer,
  tier: alert.customer.tier,
  severity: alert.severity,
  score: alert.causes[alert.causes.length - 1]?.score ?? null,
  priority,
  level: alert.level,
  holder: alert.holder,
  holderNote: alert.holderNote,
  status: alert.status,
  raisedAt: alert.raisedAt,
  acknowledgedAt: alert.acknowledgedAt,
  contactedAt: alert.contactedAt,
  snoozedUntil: alert.snoozedUntil,
  riskEased: alert.riskEased,
  signals: alert.signals.map((s) => ({ code: s.code, explanation: s.explanation })),
  suggestedActions: alert.suggestedActions.map((item) => ({ item, name: SERVICE_ITEMS[item] })),
  sla: alert.status === 'open' ? slaCountdown(alert, now) : null,
});
