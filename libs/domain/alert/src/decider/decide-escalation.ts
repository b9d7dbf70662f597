import { holderAt } from '../staff/directory-queries';
import type { StaffDirectory } from '../staff/staff-directory';
import type { EscalateAlert, EscalateOverdue } from './alert-commands';
import { alertEvent, type AlertEventOf } from './alert-event';
import { AlertError } from './alert-errors';
import type { RetentionAlertEvent } from './alert-events';
import type { AlertState, RaisedAlert } from './alert-state';
import type { AlertLevel } from './alert-vocabulary';
import { levelAbove, pendingDeadlines } from './deadlines';
import { holderNotices, notify, requireOpen, requireAuthority } from './decide-support';

type Trigger = AlertEventOf<'RetentionAlertEscalated'>['data']['trigger'];

/** Up one rung (DOMAIN.md §5.2, 提级): the next level's holder takes it, its clocks start now. */
const escalate = (
  alert: RaisedAlert,
  toLevel: AlertLevel,
  directory: StaffDirectory,
  trigger: Trigger,
  at: string,
): readonly RetentionAlertEvent[] => {
  const next = holderAt(directory, toLevel, alert.customer, at);
  const escalated = alertEvent('RetentionAlertEscalated', {
    alertId: alert.alertId,
    fromLevel: alert.level,
    toLevel,
    from: alert.holder,
    to: next.holder,
    holderNote: next.note,
    trigger,
    occurredAt: at,
  });
  return [
    escalated,
    ...notify(
      alert,
      alert.severity,
      holderNotices(directory, next.holder, 'escalated', toLevel),
      at,
    ),
  ];
};

/** A person sends the case up: it exceeds their authority, or they cannot resolve it. */
export const decideEscalate = (
  command: EscalateAlert,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireOpen(state);
  const { actor, directory, at, reason } = command.data;
  requireAuthority(alert, directory, actor, at);
  const above = levelAbove(alert.level);
  if (above === null)
    throw new AlertError('top-of-ladder', `alert ${alert.alertId} is with the branch head already`);
  return escalate(alert, above, directory, { kind: 'manual', by: actor.staffId, reason }, at);
};

/**
 * A clock ran out (the timer's command). Accepted only for a rule that is still running and due
 * by the alert's own deadlines; the due time recorded is the alert's, not the timer's. At the
 * top there is nowhere to climb: the breach is recorded instead, once per rule.
 */
export const decideEscalateOverdue = (
  command: EscalateOverdue,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireOpen(state);
  const { rule, at, directory } = command.data;
  if (alert.firedRules.includes(rule))
    throw new AlertError('rule-already-fired', `${rule} has fired on alert ${alert.alertId}`);
  const deadline = pendingDeadlines(alert).find((d) => d.rule === rule);
  if (!deadline || Date.parse(at) < Date.parse(deadline.dueAt))
    throw new AlertError('rule-not-due', `${rule} is not due on alert ${alert.alertId} at ${at}`);
  const { dueAt, escalatesTo } = deadline;
  if (escalatesTo === null)
    return [
      alertEvent('RetentionAlertSlaBreached', {
        alertId: alert.alertId,
        rule,
        dueAt,
        occurredAt: at,
      }),
    ];
  return escalate(alert, escalatesTo, directory, { kind: 'sla', rule, dueAt }, at);
};
