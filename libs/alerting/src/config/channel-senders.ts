import { TopicPublisher, createKafka } from '@churn/messaging';
import {
  EmailSender,
  InboxSender,
  KafkaAlertSender,
  WebhookSender,
  type NotificationSender,
} from '@churn/notification';
import type { AlertFeedTarget } from '../feed/alert-feed-publisher';
import type { AlertingSettings } from './alerting-settings';

/** The configured channels, and what has to be opened and closed with them. */
export interface ChannelSenders {
  readonly senders: readonly NotificationSender[];
  /** Which channels are on, for the start-up log and /health. */
  readonly channels: readonly string[];
  /** The Kafka producer again, for the downstream alert feed (null: no brokers, feed off). */
  readonly feed?: AlertFeedTarget | null;
  open(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One sender per configured channel, and one Kafka producer shared by the Kafka channel and the
 * alert feed; the inbox is always on (the console lists every alert), so
 * a fallback chain ending on it always delivers somewhere. A channel that is off is still tried
 * in its turn and recorded as failed ("channel not configured"): visible, not silently skipped.
 */
export const channelSenders = (settings: AlertingSettings): ChannelSenders => {
  const senders: NotificationSender[] = [];
  const email = settings.smtp ? new EmailSender(settings.smtp) : null;
  if (email) senders.push(email);
  if (settings.webhook)
    senders.push(
      new WebhookSender({
        secret: settings.webhook.secret,
        attemptTimeoutMs: settings.webhook.timeoutMs,
        maxAttempts: settings.webhook.maxAttempts,
      }),
    );
  const publisher = settings.kafka
    ? new TopicPublisher(
        createKafka({ brokers: settings.kafka.brokers, clientId: 'churn-alerting' }),
      )
    : null;
  if (publisher && settings.kafka)
    senders.push(new KafkaAlertSender(publisher, { topic: settings.kafka.topic }));
  senders.push(new InboxSender());
  return {
    senders,
    channels: senders.map((s) => s.channel),
    feed:
      publisher && settings.kafka
        ? { publisher, options: { topic: settings.kafka.feedTopic } }
        : null,
    open: async () => publisher?.connect(),
    close: async () => {
      email?.close();
      await publisher?.disconnect();
    },
  };
};
