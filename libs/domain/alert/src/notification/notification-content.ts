import type { NotificationChannel } from '../decider/alert-vocabulary';
import type { NotificationState, RaisedAlert } from '../decider/alert-state';
import type { StaffMember } from '../staff/staff-directory';

/** What a channel sends: a subject line, plain text, and a JSON payload (webhook, Kafka). */
export interface NotificationContent {
  readonly subject: string;
  readonly text: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** STUB (signature fixed). Personal data masked to what the recipient and channel need. */
export const notificationContent = (
  _alert: RaisedAlert,
  _notification: NotificationState,
  _recipient: StaffMember | null,
  _channel: NotificationChannel,
): NotificationContent => {
  throw new Error('not implemented');
};
