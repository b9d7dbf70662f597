import {
  ALERT_SEVERITIES,
  AlertError,
  type AlertSeverity,
  type NotificationChannel,
  type NotificationState,
} from '@churn/domain-alert';
import {
  deliverWithFallback,
  type DeliveryAttempt,
  type NotificationSender,
  type OutboundNotification,
} from '@churn/notification';
import type { AlertBook, AlertChange } from '../read-model/alert-book';
import type { AlertingConfig, Clock } from '../ports/alerting-ports';
import type { AlertRepository } from '../store/alert-repository';
import { runConcurrently } from '../timers/run-concurrently';
import { digestOutbound, recipientOf, singleOutbound, type Addressed } from './outbound';
import { NotificationQueue, type Delivery, type PendingNotification } from './notification-queue';

export interface DispatcherOptions {
  /** How often held notifications are checked for a closed digest window; 0: only on `tick()`. */
  readonly intervalMs: number;
  /** Deliveries (sends and their records) at once. */
  readonly concurrency: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = { intervalMs: 1_000, concurrency: 32 };

export interface DispatcherObserver {
  /** A delivery's attempts, before they are recorded. */
  onDelivered?(delivery: Delivery, attempts: readonly DeliveryAttempt[]): void;
  /** Recording an attempt was refused (another instance settled it) or failed. */
  onRecordFailed?(notificationId: string, error: unknown): void;
}

const rank = (severity: AlertSeverity): number => ALERT_SEVERITIES.indexOf(severity);

const settled = (n: NotificationState): boolean => n.deliveredBy !== null || n.undeliverable;

/**
 * The outbox dispatcher (issue 5 §4): every `AlertNotificationRequested` without an outcome is
 * sent over its channels in order, falling back on failure, and every attempt is recorded on the
 * alert (`RecordNotificationAttempt`). Delivery is at least once to the channel: a crash between
 * a send and its record sends again on restart with the same idempotency key (the notification
 * id: `Idempotency-Key` on a webhook, the Message-ID of an e-mail, a Kafka header), by which
 * receivers recognise the repeat.
 */
export class NotificationDispatcher {
  private readonly queue = new NotificationQueue();
  private unsubscribe: (() => void) | undefined;
  private interval: NodeJS.Timeout | undefined;
  private draining: Promise<void> | null = null;
  private again = false;
  private scheduled = false;
  private stopped = true;
  readonly totals = { deliveries: 0, digests: 0, attempts: 0, recordFailures: 0 };

  constructor(
    private readonly book: AlertBook,
    private readonly repository: AlertRepository,
    private readonly clock: Clock,
    private readonly config: AlertingConfig,
    private readonly senders: readonly NotificationSender[],
    private readonly options: DispatcherOptions = DEFAULT_DISPATCHER_OPTIONS,
    private readonly observer: DispatcherObserver = {},
  ) {}

  /** Picks up what the book holds unsent (a restart re-sends it), then follows the book. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.book.onChange((change) => this.follow(change));
    for (const view of this.book.all())
      for (const n of view.state.notifications) this.note(view.alertId, n);
    this.schedule();
    if (this.options.intervalMs > 0) {
      this.interval = setInterval(
        () =>
          void this.tick().catch((error: unknown) => this.observer.onRecordFailed?.('*', error)),
        this.options.intervalMs,
      );
      this.interval.unref();
    }
  }

  /** Stops taking new work and waits for the deliveries in flight to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.interval);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.draining;
  }

  /** Notifications waiting: held for a digest, or in flight. */
  get waiting(): number {
    return this.queue.size;
  }

  /** Sends what is due at the clock's now (immediate ones, digests whose window closed). */
  async tick(): Promise<void> {
    if (this.stopped) return;
    this.again = true;
    while (this.draining) await this.draining;
    if (this.again) await this.drain();
  }

  private follow({ event, view, replaying }: AlertChange): void {
    if (replaying || view === undefined) return;
    if (event.type !== 'AlertNotificationRequested') return;
    const n = view.state.notifications.find((x) => x.notificationId === event.data.notificationId);
    if (n) this.note(view.alertId, n);
    this.schedule();
  }

  private note(alertId: string, n: NotificationState): void {
    if (settled(n) || this.stopped) return;
    this.queue.add({
      alertId,
      notificationId: n.notificationId,
      recipientId: n.recipientId,
      channels: n.channels,
      requestedMs: Date.parse(n.requestedAt),
      immediate: rank(n.severity) >= rank(this.config.policy.noise.immediateSeverity),
    });
  }

  /** Coalesces a burst of requests into one drain, after the current one. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.tick().catch((error: unknown) => this.observer.onRecordFailed?.('*', error));
    });
  }

  private drain(): Promise<void> {
    this.again = false;
    const run = (async () => {
      const windowMs = this.config.policy.noise.digestWindowSeconds * 1000;
      const deliveries = this.queue.take(this.clock.now().getTime(), windowMs);
      await runConcurrently(deliveries, this.options.concurrency, (d) =>
        this.deliver(d).catch((error: unknown) => {
          // Nothing recorded: each member is sent again at a later drain.
          const nowMs = this.clock.now().getTime();
          for (const p of d.members) this.queue.putBack(p, nowMs);
          this.observer.onRecordFailed?.(d.members[0]?.notificationId ?? '', error);
        }),
      );
    })().finally(() => (this.draining = null));
    this.draining = run;
    return run;
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const items = delivery.members.map((p) => this.addressed(p));
    const live = delivery.members.filter((_, i) => items[i] !== null);
    for (const p of delivery.members) if (!live.includes(p)) this.queue.remove(p.notificationId);
    const first = live[0];
    if (first === undefined) return;
    const addressed = items.filter((i): i is Addressed => i !== null);
    const channels = this.channelsLeft(addressed, delivery.digest);
    const attempts = await this.send(addressed, first.recipientId, channels, delivery.digest);
    this.totals.deliveries += 1;
    if (delivery.digest) this.totals.digests += 1;
    this.observer.onDelivered?.(delivery, attempts);
    await Promise.all(live.map((p) => this.record(p, attempts)));
  }

  /** The alert and notification as the book has them now; null once settled. */
  private addressed(p: PendingNotification): Addressed | null {
    const alert = this.book.get(p.alertId)?.state;
    const notification = alert?.notifications.find((n) => n.notificationId === p.notificationId);
    return alert && notification && !settled(notification) ? { alert, notification } : null;
  }

  /** After a crash mid-chain, the channels that have not failed yet; a digest tries them all. */
  private channelsLeft(items: readonly Addressed[], digest: boolean): NotificationChannel[] {
    const n = (items[0] as Addressed).notification;
    if (digest) return [...n.channels];
    return n.channels.filter((c) => !n.failures.some((f) => f.channel === c));
  }

  private send(
    items: readonly Addressed[],
    recipientId: string,
    channels: readonly NotificationChannel[],
    digest: boolean,
  ): Promise<DeliveryAttempt[]> {
    const recipient = recipientOf(this.config.directory, recipientId);
    const content = (channel: NotificationChannel): OutboundNotification =>
      digest
        ? digestOutbound(items, recipient, channel)
        : singleOutbound(items[0] as Addressed, recipient, channel);
    // Content is per channel (masking differs), so each sender gets its own version.
    const senders = this.senders.map((s) => ({
      channel: s.channel,
      send: () => s.send(content(s.channel)),
    }));
    const first = items[0] as Addressed;
    const envelope: OutboundNotification = {
      notificationId: first.notification.notificationId,
      alertId: first.alert.alertId,
      recipient: recipient.address,
      severity: first.notification.severity,
      subject: '',
      text: '',
      payload: {},
      partitionKey: first.alert.customer.customerId,
    };
    return deliverWithFallback(senders, envelope, channels);
  }

  /** Each attempt as its own event; a refusal means another instance settled it first. */
  private async record(
    p: PendingNotification,
    attempts: readonly DeliveryAttempt[],
  ): Promise<void> {
    try {
      for (const { channel, result } of attempts) {
        await this.repository.execute(p.alertId, {
          type: 'RecordNotificationAttempt',
          data: {
            at: this.clock.now().toISOString(),
            notificationId: p.notificationId,
            channel,
            outcome: result.outcome,
            failure: result.outcome === 'failed' ? result.failure : null,
          },
        });
        this.totals.attempts += 1;
      }
      this.queue.remove(p.notificationId);
    } catch (error) {
      this.totals.recordFailures += 1;
      this.observer.onRecordFailed?.(p.notificationId, error);
      if (error instanceof AlertError) this.queue.remove(p.notificationId);
      else this.queue.putBack(p, this.clock.now().getTime());
    }
  }
}
