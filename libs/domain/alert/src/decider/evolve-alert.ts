import { ignoreUnknown } from '@churn/domain-kernel';
import type { AlertEventOf } from './alert-event';
import type { RetentionAlertEvent, SlaRuleId } from './alert-events';
import type { AlertState, NotificationState, RaisedAlert } from './alert-state';

export const initialAlertState = (): AlertState => ({ status: 'none', suppressed: 0 });

/**
 * Folds an alert stream. Total: never throws, ignores impossible transitions (anything but a
 * raise before the raise, a second raise), and ends with a `never` check.
 */
export const evolveAlert = (state: AlertState, event: RetentionAlertEvent): AlertState => {
  if (event.type === 'RetentionAlertRaised') return state.status === 'none' ? raised(event) : state;
  if (event.type === 'RetentionAlertRaiseSuppressed')
    return state.status === 'none' ? { ...state, suppressed: state.suppressed + 1 } : state;
  return state.status === 'none' ? state : evolveRaised(state, event);
};

type LaterEvent = Exclude<
  RetentionAlertEvent,
  AlertEventOf<'RetentionAlertRaised' | 'RetentionAlertRaiseSuppressed'>
>;

const evolveRaised = (alert: RaisedAlert, event: LaterEvent): RaisedAlert => {
  const d = event.data;
  switch (event.type) {
    case 'RetentionAlertRiskMerged':
      return merged(alert, event);
    case 'RetentionAlertRiskEased':
      return { ...alert, riskEased: true, causes: [...alert.causes, event.data.cause] };
    case 'RetentionAlertAcknowledged':
      return acknowledged(alert, d.occurredAt);
    case 'RetentionContactLogged':
      return contacted(alert, d.occurredAt);
    case 'RetentionAlertSnoozed':
      return { ...alert, snoozedUntil: event.data.until };
    case 'RetentionAlertReassigned':
      return { ...newHolder(alert, d.occurredAt), holder: event.data.to, holderNote: null };
    case 'RetentionAlertEscalated':
      return escalated(alert, event);
    case 'RetentionAlertSlaBreached':
      return breached(alert, event.data.rule);
    case 'RetentionAlertResolved':
      return resolved(alert, event);
    case 'RetentionAlertReopened':
      return reopened(alert, event);
    case 'AlertNotificationRequested':
      return { ...alert, notifications: [...alert.notifications, requested(event)] };
    case 'AlertNotificationAttempted':
      return withNotification(alert, event.data.notificationId, (n) => attempted(n, event));
    case 'AlertNotificationUndeliverable':
      return withNotification(alert, event.data.notificationId, (n) => ({
        ...n,
        undeliverable: true,
      }));
    default:
      ignoreUnknown(event);
      return alert;
  }
};

const raised = (event: AlertEventOf<'RetentionAlertRaised'>): RaisedAlert => {
  const { occurredAt: at, cause, alertId, customer, severity, signals, level, holder } = event.data;
  const { holderNote, informed, suggestedActions, escalation } = event.data;
  return {
    status: 'open',
    alertId,
    customer,
    severity,
    signals,
    causes: [cause],
    level,
    holder,
    holderNote,
    informed,
    suggestedActions,
    escalation,
    raisedAt: at,
    levelSince: at,
    acknowledgedAt: null,
    contactedAt: null,
    firstAcknowledgedAt: null,
    firstContactedAt: null,
    contacts: 0,
    snoozedUntil: null,
    riskEased: false,
    firedRules: [],
    breaches: [],
    escalations: 0,
    resolution: null,
    reopenings: 0,
    notifications: [],
  };
};

/** A new holder or level: its clocks start now, nobody there has acknowledged or called yet. */
const newHolder = (alert: RaisedAlert, at: string): RaisedAlert => ({
  ...alert,
  levelSince: at,
  acknowledgedAt: null,
  contactedAt: null,
  snoozedUntil: null,
});

const merged = (
  alert: RaisedAlert,
  event: AlertEventOf<'RetentionAlertRiskMerged'>,
): RaisedAlert => ({
  ...alert,
  severity: event.data.severity,
  signals: [...alert.signals, ...event.data.addedSignals],
  causes: [...alert.causes, event.data.cause],
  customer: event.data.customer,
  riskEased: false,
});

const acknowledged = (alert: RaisedAlert, at: string): RaisedAlert => ({
  ...alert,
  acknowledgedAt: at,
  firstAcknowledgedAt: alert.firstAcknowledgedAt ?? at,
});

/** A clock ran out at the top: the rule has fired, and it is a breach. */
const breached = (alert: RaisedAlert, rule: SlaRuleId): RaisedAlert => ({
  ...alert,
  firedRules: [...alert.firedRules, rule],
  breaches: [...alert.breaches, rule],
});

const contacted = (alert: RaisedAlert, at: string): RaisedAlert => ({
  ...alert,
  contactedAt: at,
  firstContactedAt: alert.firstContactedAt ?? at,
  contacts: alert.contacts + 1,
});

const escalated = (
  alert: RaisedAlert,
  event: AlertEventOf<'RetentionAlertEscalated'>,
): RaisedAlert => {
  const { trigger, toLevel, to, holderNote, occurredAt } = event.data;
  return {
    ...newHolder(alert, occurredAt),
    level: toLevel,
    holder: to,
    holderNote,
    escalations: alert.escalations + 1,
    firedRules: trigger.kind === 'sla' ? [...alert.firedRules, trigger.rule] : alert.firedRules,
  };
};

const resolved = (
  alert: RaisedAlert,
  event: AlertEventOf<'RetentionAlertResolved'>,
): RaisedAlert => {
  const { outcome, reason, reasonText, by, occurredAt: at } = event.data;
  return {
    ...alert,
    status: 'resolved',
    snoozedUntil: null,
    resolution: { outcome, reason, reasonText, by, at },
  };
};

/** A reopened case is a new episode: its clocks run afresh, every rule may fire again. */
const reopened = (
  alert: RaisedAlert,
  event: AlertEventOf<'RetentionAlertReopened'>,
): RaisedAlert => {
  const { cause, severity, signals, customer, level, holder, holderNote, occurredAt } = event.data;
  return {
    ...newHolder(alert, occurredAt),
    status: 'open',
    severity,
    signals,
    causes: [...alert.causes, cause],
    customer,
    level,
    holder,
    holderNote,
    riskEased: false,
    firedRules: [],
    resolution: null,
    reopenings: alert.reopenings + 1,
  };
};

const requested = (event: AlertEventOf<'AlertNotificationRequested'>): NotificationState => {
  const { notificationId, recipientId, purpose, severity, channels, occurredAt } = event.data;
  return {
    notificationId,
    recipientId,
    purpose,
    severity,
    channels,
    requestedAt: occurredAt,
    attempts: 0,
    deliveredBy: null,
    deliveredAt: null,
    undeliverable: false,
    failures: [],
  };
};

const attempted = (
  n: NotificationState,
  event: AlertEventOf<'AlertNotificationAttempted'>,
): NotificationState => {
  const { outcome, channel, failure, occurredAt } = event.data;
  const attempts = n.attempts + 1;
  return outcome === 'delivered'
    ? { ...n, attempts, deliveredBy: channel, deliveredAt: occurredAt }
    : { ...n, attempts, failures: [...n.failures, { channel, failure: failure ?? 'failed' }] };
};

const withNotification = (
  alert: RaisedAlert,
  notificationId: string,
  change: (n: NotificationState) => NotificationState,
): RaisedAlert => ({
  ...alert,
  notifications: alert.notifications.map((n) =>
    n.notificationId === notificationId ? change(n) : n,
  ),
});
