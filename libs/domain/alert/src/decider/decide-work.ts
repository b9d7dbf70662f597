import { businessMinutesBetween } from '../calendar/business-calendar';
import { staffMember } from '../staff/directory-queries';
import type { StaffDirectory } from '../staff/staff-directory';
import type {
  AcknowledgeAlert,
  LogContact,
  ReassignAlert,
  ResolveAlert,
  SnoozeAlert,
} from './alert-commands';
import { alertEvent } from './alert-event';
import { AlertError } from './alert-errors';
import type { RetentionAlertEvent } from './alert-events';
import type { AlertState, RaisedAlert } from './alert-state';
import { holderNotices, notify, requireOpen, requireAuthority } from './decide-support';

/** The holder (or their delegate, or someone above) has seen the alert at this level. */
export const decideAcknowledge = (
  command: AcknowledgeAlert,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireOpen(state);
  const { actor, directory, at } = command.data;
  requireAuthority(alert, directory, actor, at);
  if (alert.acknowledgedAt !== null)
    throw new AlertError(
      'already-acknowledged',
      `alert ${alert.alertId} was acknowledged at ${alert.acknowledgedAt}`,
    );
  return [acknowledged(alert, actor.staffId, at)];
};

const acknowledged = (alert: RaisedAlert, by: string, at: string) =>
  alertEvent('RetentionAlertAcknowledged', {
    alertId: alert.alertId,
    by,
    level: alert.level,
    occurredAt: at,
  });

/** A contact with the customer. Whoever reached the customer has seen the alert: an unacknowledged alert is acknowledged first. */
export const decideLogContact = (
  command: LogContact,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireOpen(state);
  const { actor, directory, at, channel, summary, nextStep, nextStepDueAt } = command.data;
  requireAuthority(alert, directory, actor, at);
  const logged = alertEvent('RetentionContactLogged', {
    alertId: alert.alertId,
    by: actor.staffId,
    level: alert.level,
    channel,
    summary,
    nextStep,
    nextStepDueAt,
    occurredAt: at,
  });
  return alert.acknowledgedAt === null
    ? [acknowledged(alert, actor.staffId, at), logged]
    : [logged];
};

/**
 * Put aside until `until` (the customer is travelling, a maturity is next week): only once
 * acknowledged, for at most `snoozeMaxBusinessMinutes` of business time. It defers the contact
 * and resolve clocks (see `pendingDeadlines`).
 */
export const decideSnooze = (
  command: SnoozeAlert,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireOpen(state);
  const { actor, directory, at, until, reason } = command.data;
  requireAuthority(alert, directory, actor, at);
  if (alert.acknowledgedAt === null)
    throw new AlertError(
      'not-acknowledged',
      `alert ${alert.alertId} must be acknowledged before it is snoozed`,
    );
  if (Date.parse(until) <= Date.parse(at))
    throw new AlertError('snooze-in-past', `cannot snooze until ${until}, it is ${at}`);
  const { calendar, snoozeMaxBusinessMinutes: max } = alert.escalation;
  const minutes = businessMinutesBetween(at, until, calendar);
  if (minutes > max)
    throw new AlertError(
      'snooze-too-long',
      `a snooze of ${minutes} business minutes exceeds the ${max} allowed`,
    );
  return [
    alertEvent('RetentionAlertSnoozed', {
      alertId: alert.alertId,
      by: actor.staffId,
      until,
      reason,
      occurredAt: at,
    }),
  ];
};

/** Whether the directory knows the holder and it can hold alerts (RMs, supervisors, heads; teams). */
const canHold = (directory: StaffDirectory, holder: ReassignAlert['data']['to']): boolean => {
  if (holder.kind === 'team-queue') return directory.teams.some((t) => t.teamId === holder.teamId);
  const role = staffMember(directory, holder.staffId)?.role;
  return role === 'rm' || role === 'supervisor' || role === 'branch-head';
};

const sameHolder = (a: RaisedAlert['holder'], b: RaisedAlert['holder']): boolean =>
  a.kind === 'staff'
    ? b.kind === 'staff' && a.staffId === b.staffId
    : b.kind === 'team-queue' && a.teamId === b.teamId;

/** Another person (or queue) takes the case at the same level; its clocks start again. */
export const decideReassign = (
  command: ReassignAlert,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireOpen(state);
  const { actor, directory, at, to, reason } = command.data;
  requireAuthority(alert, directory, actor, at);
  if (!canHold(directory, to))
    throw new AlertError(
      'unknown-recipient',
      `${JSON.stringify(to)} cannot hold alerts in directory ${directory.version}`,
    );
  if (sameHolder(alert.holder, to))
    throw new AlertError('same-holder', `alert ${alert.alertId} is already held there`);
  const reassigned = alertEvent('RetentionAlertReassigned', {
    alertId: alert.alertId,
    by: actor.staffId,
    from: alert.holder,
    to,
    reason,
    occurredAt: at,
  });
  return [
    reassigned,
    ...notify(alert, alert.severity, holderNotices(directory, to, 'reassigned', alert.level), at),
  ];
};

/** The case ends with an outcome and a reason from the catalogue (DOMAIN.md §5.3). */
export const decideResolve = (
  command: ResolveAlert,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireOpen(state);
  const { actor, directory, at, outcome, reason, reasonText } = command.data;
  requireAuthority(alert, directory, actor, at);
  if (reason === 'other' && (reasonText ?? '').trim() === '')
    throw new AlertError(
      'reason-text-required',
      "a resolution for reason 'other' needs the reason in words",
    );
  const resolved = alertEvent('RetentionAlertResolved', {
    alertId: alert.alertId,
    by: actor.staffId,
    level: alert.level,
    outcome,
    reason,
    reasonText,
    occurredAt: at,
  });
  return [resolved];
};
