// The console's in-app inbox. Nothing leaves the system: the alerting feature records the
// attempt and the console lists it for the recipient. It is a channel like the others so the
// fallback chain can end on it (the inbox is always there when e-mail and webhook are not).
import {
  delivered,
  type DeliveryResult,
  type NotificationSender,
  type OutboundNotification,
} from './channel';

export class InboxSender implements NotificationSender {
  readonly channel = 'inbox' as const;

  send(n: OutboundNotification): Promise<DeliveryResult> {
    return Promise.resolve(delivered(`in the console inbox of ${n.recipient.staffId}`));
  }
}
