import type { AlertingPolicy, FrozenEscalation, TierRouting } from '../policy/alerting-policy';
import {
  authorityOver,
  holderAt,
  recipientsOf,
  staffMember,
  teamQueueFor,
  type Authority,
  type HolderAt,
} from '../staff/directory-queries';
import type { StaffDirectory } from '../staff/staff-directory';
import type { Actor } from './alert-commands';
import { alertEvent, type AlertEventOf } from './alert-event';
import { AlertError } from './alert-errors';
import type { AlertCustomer } from './alert-events';
import type { AlertState, RaisedAlert } from './alert-state';
import type {
  AlertLevel,
  AlertSeverity,
  NotificationPurpose,
  ServiceItem,
} from './alert-vocabulary';

/** The raised alert, or `alert-not-found`. */
export const requireRaised = (state: AlertState): RaisedAlert => {
  if (state.status === 'none')
    throw new AlertError('alert-not-found', 'no alert has been raised on this stream');
  return state;
};

/** The open alert, or `alert-not-found` / `alert-resolved`. */
export const requireOpen = (state: AlertState): RaisedAlert => {
  const alert = requireRaised(state);
  if (alert.status === 'resolved')
    throw new AlertError('alert-resolved', `alert ${alert.alertId} is resolved`);
  return alert;
};

/** How the actor stands to the alert; refuses people not in the directory and bystanders. */
export const requireAuthority = (
  alert: RaisedAlert,
  directory: StaffDirectory,
  actor: Actor,
  at: string,
): Exclude<Authority, 'none'> => {
  if (!staffMember(directory, actor.staffId))
    throw new AlertError(
      'not-staff',
      `${actor.staffId} is not in staff directory ${directory.version}`,
    );
  const authority = authorityOver(directory, actor.staffId, alert, at);
  if (authority === 'none')
    throw new AlertError(
      'not-holder-or-superior',
      `${actor.staffId} neither holds alert ${alert.alertId} nor is above its holder`,
    );
  return authority;
};

/** Who first holds a new alert for a customer of this tier (issue 5 §2, DOMAIN.md §2). */
export const firstHolderOf = (
  directory: StaffDirectory,
  routing: TierRouting,
  customer: AlertCustomer,
  at: string,
): HolderAt =>
  routing.firstHolder === 'team-queue'
    ? teamQueueFor(
        directory,
        customer,
        at,
        `${customer.valueTier} customers' alerts go to the team queue`,
      )
    : holderAt(directory, 'rm', customer, at);

/** Staff told at once besides the holder (fortune: the supervisor; private banking: the head). */
export const informedOf = (
  directory: StaffDirectory,
  routing: TierRouting,
  customer: AlertCustomer,
  at: string,
  holder: HolderAt['holder'],
): readonly { readonly staffId: string; readonly level: AlertLevel }[] => {
  const told = new Set(recipientsOf(directory, holder));
  const informed: { staffId: string; level: AlertLevel }[] = [];
  for (const level of routing.inform) {
    const { holder: above } = holderAt(directory, level, customer, at);
    if (above.kind !== 'staff' || told.has(above.staffId)) continue;
    told.add(above.staffId);
    informed.push({ staffId: above.staffId, level });
  }
  return informed;
};

/**
 * The service items an alert proposes (thesis Table 5.3, DOMAIN.md §6): the segment's, or for a
 * customer without one the policy's default for their value tier (`none:<tier>`), else `none`.
 */
export const suggestedActionsFor = (
  policy: AlertingPolicy,
  customer: AlertCustomer,
): readonly ServiceItem[] => {
  const { suggestedActions: actions } = policy;
  const bySegment = customer.segment === null ? undefined : actions[customer.segment];
  return bySegment ?? actions[`none:${customer.valueTier}`] ?? actions['none'] ?? [];
};

/** One person to tell, why, and at which level's channels. */
export interface Notice {
  readonly recipientId: string;
  readonly purpose: NotificationPurpose;
  readonly level: AlertLevel;
}

/** The holder's recipients, each told for `purpose` on the channels of `level`. */
export const holderNotices = (
  directory: StaffDirectory,
  holder: HolderAt['holder'],
  purpose: NotificationPurpose,
  level: AlertLevel,
): readonly Notice[] =>
  recipientsOf(directory, holder).map((recipientId) => ({ recipientId, purpose, level }));

/**
 * The outbox (issue 5 §4): one request per person told. Ids are `<alertId>:<purpose>:<n>`, n
 * counting every notification of the alert, so a replay of the same history derives the same ids.
 */
export const notificationsFor = (
  alert: {
    readonly alertId: string;
    readonly escalation: FrozenEscalation;
    readonly notified: number;
  },
  severity: AlertSeverity,
  notices: readonly Notice[],
  at: string,
): readonly AlertEventOf<'AlertNotificationRequested'>[] => {
  const seen = new Set<string>();
  const unique = notices.filter((n) => !seen.has(n.recipientId) && seen.add(n.recipientId));
  return unique.map(({ recipientId, purpose, level }, index) =>
    alertEvent('AlertNotificationRequested', {
      alertId: alert.alertId,
      notificationId: `${alert.alertId}:${purpose}:${alert.notified + index}`,
      recipientId,
      purpose,
      severity,
      channels: alert.escalation.channels[level],
      occurredAt: at,
    }),
  );
};

/** `notificationsFor` for an alert already raised. */
export const notify = (
  alert: RaisedAlert,
  severity: AlertSeverity,
  notices: readonly Notice[],
  at: string,
) => notificationsFor({ ...alert, notified: alert.notifications.length }, severity, notices, at);
