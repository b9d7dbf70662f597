import type { RecordNotificationAttempt } from './alert-commands';
import { alertEvent } from './alert-event';
import { AlertError } from './alert-errors';
import type { RetentionAlertEvent } from './alert-events';
import type { AlertState } from './alert-state';
import { requireRaised } from './decide-support';

/**
 * The dispatcher tried one channel. A failure on the last channel of the list leaves nowhere to
 * fall back to: the notification is undeliverable, visible on the alert and in the metrics.
 */
export const decideNotificationAttempt = (
  command: RecordNotificationAttempt,
  state: AlertState,
): readonly RetentionAlertEvent[] => {
  const alert = requireRaised(state);
  const { notificationId, channel, outcome, failure, at } = command.data;
  const notification = alert.notifications.find((n) => n.notificationId === notificationId);
  if (!notification)
    throw new AlertError(
      'unknown-notification',
      `alert ${alert.alertId} has no notification ${notificationId}`,
    );
  if (notification.deliveredBy !== null || notification.undeliverable)
    throw new AlertError(
      'notification-settled',
      `notification ${notificationId} is already settled`,
    );
  const attempt = notification.attempts + 1;
  const attempted = alertEvent('AlertNotificationAttempted', {
    alertId: alert.alertId,
    notificationId,
    channel,
    attempt,
    outcome,
    failure: outcome === 'failed' ? (failure ?? 'failed') : null,
    occurredAt: at,
  });
  const last = notification.channels[notification.channels.length - 1];
  if (outcome === 'delivered' || channel !== last) return [attempted];
  return [
    attempted,
    alertEvent('AlertNotificationUndeliverable', {
      alertId: alert.alertId,
      notificationId,
      attempts: attempt,
      occurredAt: at,
    }),
  ];
};
