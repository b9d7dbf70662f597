// The contract every channel keeps, so the fallback chain and the alerting feature treat an
// e-mail, a webhook, a Kafka message and the console inbox alike (issue 5 §4).

/** The same names as the alert domain's NotificationChannel (libs/domain/alert). */
export const CHANNEL_NAMES = ['email', 'webhook', 'kafka', 'inbox'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export interface NotificationRecipient {
  /** The bank's staff id, e.g. "RM-007". */
  readonly staffId: string;
  readonly email: string | null;
  readonly webhookUrl: string | null;
}

export interface OutboundNotification {
  /** The idempotency key: every channel carries it, so a resend is recognisable downstream. */
  readonly notificationId: string;
  readonly alertId: string;
  readonly recipient: NotificationRecipient;
  readonly severity: string;
  readonly subject: string;
  readonly text: string;
  /** The machine-readable alert (webhook body, Kafka value); personal data already masked. */
  readonly payload: Readonly<Record<string, unknown>>;
  /** The customer id: the Kafka key, so one customer's alerts stay in order. */
  readonly partitionKey: string;
}

export type DeliveryResult =
  | { readonly outcome: 'delivered'; readonly detail: string }
  /** `failure` is for an operator: what failed, where, and the remote's own words. */
  | { readonly outcome: 'failed'; readonly failure: string };

export interface NotificationSender {
  readonly channel: ChannelName;
  /** Never rejects for a delivery problem: it resolves `failed` with the reason. */
  send(notification: OutboundNotification): Promise<DeliveryResult>;
}

export const delivered = (detail: string): DeliveryResult => ({ outcome: 'delivered', detail });
export const failed = (failure: string): DeliveryResult => ({ outcome: 'failed', failure });
