import {
  delivered,
  failed,
  type ChannelName,
  type DeliveryResult,
  type NotificationSender,
  type OutboundNotification,
} from '@churn/notification';

/** A channel that keeps what it was given, and fails with `failure` while that is set. */
export class RecordingSender implements NotificationSender {
  readonly sent: OutboundNotification[] = [];
  failure: string | null = null;

  constructor(readonly channel: ChannelName) {}

  async send(n: OutboundNotification): Promise<DeliveryResult> {
    if (this.failure !== null) return failed(this.failure);
    this.sent.push(n);
    return delivered(`${this.channel} kept it for ${n.recipient.staffId}`);
  }
}
