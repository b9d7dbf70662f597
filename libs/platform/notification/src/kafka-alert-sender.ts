// Kafka channel: the alert's payload on `retention.alerts.v1` for downstream CRMs, keyed by
// customer so one customer's alerts stay in order. Delivered means acknowledged by all in-sync
// replicas; what a CRM then does with it is the CRM's business.
import { TopicNames, type OutgoingMessage, type PublishedRecord } from '@churn/messaging';
import {
  delivered,
  failed,
  type DeliveryResult,
  type NotificationSender,
  type OutboundNotification,
} from './channel';
import { describeError } from './describe-error';

export const AlertMessageHeaders = {
  notificationId: 'notification-id',
  alertId: 'alert-id',
} as const;

/** What this channel needs of messaging's TopicPublisher (connected by the caller). */
export interface AlertPublisher {
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<PublishedRecord[]>;
}

export interface KafkaAlertSenderOptions {
  /** Default `retention.alerts.v1`; tests pass a topic of their own. */
  readonly topic?: string;
}

export class KafkaAlertSender implements NotificationSender {
  readonly channel = 'kafka' as const;
  private readonly topic: string;

  constructor(
    private readonly publisher: AlertPublisher,
    options: KafkaAlertSenderOptions = {},
  ) {
    this.topic = options.topic ?? TopicNames.retentionAlerts;
  }

  async send(n: OutboundNotification): Promise<DeliveryResult> {
    try {
      const [record] = await this.publisher.publish(this.topic, [toAlertMessage(n)]);
      const where = record ? ` partition ${record.partition} offset ${record.offset}` : '';
      return delivered(`published to ${this.topic}${where}`);
    } catch (error) {
      return failed(`Kafka publish to ${this.topic} failed: ${describeError(error)}`);
    }
  }
}

export function toAlertMessage(n: OutboundNotification): OutgoingMessage {
  return {
    key: n.partitionKey,
    value: JSON.stringify(n.payload),
    headers: {
      [AlertMessageHeaders.notificationId]: n.notificationId,
      [AlertMessageHeaders.alertId]: n.alertId,
    },
  };
}
