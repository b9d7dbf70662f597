import {
  notificationContent,
  staffMember,
  type NotificationChannel,
  type NotificationContent,
  type NotificationState,
  type RaisedAlert,
  type StaffDirectory,
  type StaffMember,
} from '@churn/domain-alert';
import type { NotificationRecipient, OutboundNotification } from '@churn/notification';
import { digestId } from '../store/alert-ids';

/** One notification of one alert, as the dispatcher sends it. */
export interface Addressed {
  readonly alert: RaisedAlert;
  readonly notification: NotificationState;
}

export interface Recipient {
  readonly member: StaffMember | null;
  readonly address: NotificationRecipient;
}

/** The staff member and where to reach them; an unknown id reaches nobody (each channel says why). */
export const recipientOf = (directory: StaffDirectory, staffId: string): Recipient => {
  const member = staffMember(directory, staffId);
  return {
    member,
    address: { staffId, email: member?.email ?? null, webhookUrl: member?.webhookUrl ?? null },
  };
};

const outbound = (
  notificationId: string,
  first: Addressed,
  recipient: Recipient,
  content: NotificationContent,
  partitionKey: string,
): OutboundNotification => ({
  notificationId,
  alertId: first.alert.alertId,
  recipient: recipient.address,
  severity: first.notification.severity,
  subject: content.subject,
  text: content.text,
  payload: content.payload,
  partitionKey,
});

/** One notification on one channel: its id is the idempotency key the channel carries. */
export const singleOutbound = (
  item: Addressed,
  recipient: Recipient,
  channel: NotificationChannel,
): OutboundNotification =>
  outbound(
    item.notification.notificationId,
    item,
    recipient,
    notificationContent(item.alert, item.notification, recipient.member, channel),
    item.alert.customer.customerId,
  );

/**
 * Several notifications to one person as one message (issue 5 §2, noise control): the subject
 * counts them, the text lists each one's, the payload carries each one's payload. Its key is
 * derived from the notification ids, so a resend of the same digest carries the same key.
 */
export const digestOutbound = (
  items: readonly Addressed[],
  recipient: Recipient,
  channel: NotificationChannel,
): OutboundNotification => {
  const first = items[0] as Addressed;
  const contents = items.map((i) =>
    notificationContent(i.alert, i.notification, recipient.member, channel),
  );
  const digest: NotificationContent = {
    subject: `${items.length} retention alerts for ${recipient.member?.name ?? recipient.address.staffId}`,
    text: contents.map((c, i) => `${i + 1}. ${c.subject}\n${c.text}`).join('\n\n'),
    payload: {
      digest: true,
      notificationIds: items.map((i) => i.notification.notificationId),
      notifications: contents.map((c) => c.payload),
    },
  };
  const ids = items.map((i) => i.notification.notificationId);
  return outbound(digestId(ids), first, recipient, digest, recipient.address.staffId);
};
