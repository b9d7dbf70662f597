import type { TierRouting } from '../policy/alerting-policy';
import { freezeEscalation } from '../policy/default-alerting-policy';
import { holderAt } from '../staff/directory-queries';
import type { EaseRisk, MergeRisk, RaiseAlert, ReopenAlert } from './alert-commands';
import { alertEvent, severityRank } from './alert-event';
import { AlertError } from './alert-errors';
import type { RetentionAlertEvent } from './alert-events';
import type { AlertState } from './alert-state';
import {
  firstHolderOf,
  holderNotices,
  informedOf,
  notificationsFor,
  notify,
  requireOpen,
  requireRaised,
  suggestedActionsFor,
} from './decide-support';

const MS_PER_DAY = 86_400_000;

/**
 * Noise control (issue 5 §3): a raise within `throttleDays` of the customer's last resolution,
 * at a severity no higher than that alert had, is held back.
 */
export const isThrottled = ({
  previousResolution: previous,
  at,
  policy,
  severity,
}: RaiseAlert['data']): boolean =>
  previous !== null &&
  Date.parse(at) - Date.parse(previous.resolvedAt) < policy.noise.throttleDays * MS_PER_DAY &&
  severityRank(severity) <= severityRank(previous.severity);

/**
 * Opens an alert, routed by the tier of what the bank stands to lose (`valueTier`). Below the
 * tier's minimum severity nothing is recorded (the stream is never opened); a throttled raise
 * is recorded as suppressed and tells nobody.
 */
export const decideRaise = (
  command: RaiseAlert,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  if (state.status !== 'none')
    throw new AlertError('alert-already-raised', `alert ${state.alertId} is already raised`);
  const d = command.data;
  const routing = d.policy.routing[d.customer.valueTier];
  if (severityRank(d.severity) < severityRank(routing.minimumSeverity)) return [];
  if (isThrottled(d)) {
    const { alertId, cause, severity, at } = d;
    return [
      alertEvent('RetentionAlertRaiseSuppressed', {
        alertId,
        cause,
        severity,
        why: 'throttled',
        occurredAt: at,
      }),
    ];
  }
  return opened(d, routing);
};

/** The raise and who is told: the holder's recipients, and the levels the tier informs at once. */
const opened = (d: RaiseAlert['data'], routing: TierRouting): readonly RetentionAlertEvent[] => {
  const { alertId, severity, at, directory, customer } = d;
  const first = firstHolderOf(directory, routing, customer, at);
  const informed = informedOf(directory, routing, customer, at, first.holder);
  const escalation = freezeEscalation(d.policy, customer.valueTier);
  const raised = alertEvent('RetentionAlertRaised', {
    alertId,
    customer,
    severity,
    cause: d.cause,
    signals: d.signals,
    level: 'rm',
    holder: first.holder,
    holderNote: first.note,
    informed: informed.map((i) => i.staffId),
    suggestedActions: suggestedActionsFor(d.policy, customer),
    escalation,
    occurredAt: at,
  });
  const notices = [
    ...holderNotices(directory, first.holder, 'raised', 'rm'),
    ...informed.map(({ staffId, level }) => ({
      recipientId: staffId,
      purpose: 'informed' as const,
      level,
    })),
  ];
  return [raised, ...notificationsFor({ alertId, escalation, notified: 0 }, severity, notices, at)];
};

/**
 * New risk for a customer with an open alert (one open alert per customer). A weaker or equal
 * signal with nothing new is noise: nothing is recorded. New signal codes are merged; a lower
 * severity never lowers the alert's; the holder is told only when the severity rose. Risk that
 * returns after it eased is always recorded: the clocks start again.
 */
export const decideMerge = (
  command: MergeRisk,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireOpen(state);
  const { cause, severity, signals, customer, at, directory } = command.data;
  const known = new Set(alert.signals.map((s) => s.code));
  const addedSignals = signals.filter((s) => !known.has(s.code) && known.add(s.code));
  const rose = severityRank(severity) > severityRank(alert.severity);
  if (!rose && addedSignals.length === 0 && !alert.riskEased) return [];
  const merged = alertEvent('RetentionAlertRiskMerged', {
    alertId: alert.alertId,
    cause,
    severity: rose ? severity : alert.severity,
    previousSeverity: alert.severity,
    addedSignals,
    customer,
    occurredAt: at,
  });
  if (!rose) return [merged];
  return [
    merged,
    ...notify(
      alert,
      severity,
      holderNotices(directory, alert.holder, 'severity-raised', alert.level),
      at,
    ),
  ];
};

/**
 * Risk rose again within `reopenWithinDays` of the resolution: the case reopens at the level it
 * was resolved at (whoever closed it knows it best), with that level's holder now; a case that
 * sat in a team queue returns to that queue.
 */
export const decideReopen = (
  command: ReopenAlert,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireRaised(state);
  if (alert.status === 'open')
    throw new AlertError('alert-not-resolved', `alert ${alert.alertId} is open`);
  const { cause, severity, signals, customer, at, directory } = command.data;
  const next =
    alert.holder.kind === 'team-queue'
      ? { holder: alert.holder, note: alert.holderNote }
      : holderAt(directory, alert.level, customer, at);
  const reopened = alertEvent('RetentionAlertReopened', {
    alertId: alert.alertId,
    cause,
    severity,
    signals,
    customer,
    level: alert.level,
    holder: next.holder,
    holderNote: next.note,
    occurredAt: at,
  });
  return [
    reopened,
    ...notify(alert, severity, holderNotices(directory, next.holder, 'reopened', alert.level), at),
  ];
};

/** The risk engine cleared the risk: the clocks stop; the case waits for its outcome. */
export const decideEase = (
  command: EaseRisk,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireOpen(state);
  if (alert.riskEased) return [];
  const { cause, at } = command.data;
  return [alertEvent('RetentionAlertRiskEased', { alertId: alert.alertId, cause, occurredAt: at })];
};
