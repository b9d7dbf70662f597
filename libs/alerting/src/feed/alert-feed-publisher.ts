import { ALERT_STREAM_PREFIX, alertStream, type RetentionAlertEvent } from '@churn/domain-alert';
import type { CheckpointStore, EventStore, RecordedEvent, Subscription } from '@churn/event-store';
import { TopicNames, type OutgoingMessage, type PublishedRecord } from '@churn/messaging';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeAlertEvent } from '../store/alert-codec';
import { isOnTheFeed, toFeedMessage } from './alert-feed-message';

/** What the feed needs of messaging's `TopicPublisher` (connected and closed by its owner). */
export interface FeedPublisher {
  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<PublishedRecord[]>;
}

export interface AlertFeedOptions {
  readonly topic: string;
  readonly subscriberId: string;
  /** Messages sent at once; the subscription waits while a full batch is not acknowledged. */
  readonly maxBatch: number;
  /** How often a partial batch goes out (and the checkpoint is saved: a save is a commit). */
  readonly flushEveryMs: number;
  /** Back-off between attempts while the broker refuses a batch: doubling up to the max. */
  readonly retry: { readonly initialMs: number; readonly maxMs: number };
}

export const DEFAULT_FEED_OPTIONS: AlertFeedOptions = {
  topic: TopicNames.retentionAlerts,
  subscriberId: 'alerting-kafka-feed',
  maxBatch: 500,
  flushEveryMs: 250,
  retry: { initialMs: 500, maxMs: 30_000 },
};

/** Where the feed publishes: a producer its owner connects and closes, and the feed's options. */
export interface AlertFeedTarget {
  readonly publisher: FeedPublisher;
  readonly options?: Partial<AlertFeedOptions>;
}

export interface AlertFeedObserver {
  onPublished?(count: number): void;
  /** A batch or a checkpoint save failed; it is tried again (at least once, never skipped). */
  onFailed?(error: unknown): void;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The alert streams on Kafka for downstream CRMs (ARCHITECTURE.md: "alerts go out on
 * retention.alerts.v1"; issue 5 §4): one message per lifecycle event, key = customer id, in log
 * order. At least once: the checkpoint moves only past events the broker acknowledged, so a stop
 * between the two sends them again, with the same `event-id` header for the consumer to drop.
 */
export class AlertFeedPublisher {
  private pending: OutgoingMessage[] = [];
  /** Customer of each alert the feed has seen raised (the later events do not name it). */
  private readonly customers = new Map<string, string>();
  private subscription: Subscription | undefined;
  private following: Promise<void> = Promise.resolve();
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  /** Aborted by stop(): ends a back-off at once. */
  private lifetime = new AbortController();
  /** The last alert-stream event read. */
  private received = 0;
  /** Every alert-stream event up to here is acknowledged by the broker (or not for the feed). */
  published = 0;
  checkpoint = 0;
  sent = 0;
  /** The last failure; null again after a batch and checkpoint went through. */
  error: string | null = null;
  /** Set when the feed stopped for good (the store failed, an unknown event): health shows it. */
  stoppedBy: string | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly publisher: FeedPublisher,
    readonly options: AlertFeedOptions = DEFAULT_FEED_OPTIONS,
    private readonly observer: AlertFeedObserver = {},
  ) {}

  async start(): Promise<void> {
    if (this.subscription) return;
    const stored = await this.checkpoints.load(this.options.subscriberId);
    this.checkpoint = this.published = this.received = stored ?? 0;
    this.lifetime = new AbortController();
    const subscription = this.store.subscribe({
      fromPosition: stored ?? 'start',
      streamPrefixes: [ALERT_STREAM_PREFIX],
    });
    this.subscription = subscription;
    this.following = this.follow(subscription);
    this.timer = setInterval(
      () => void this.flush().catch(() => undefined),
      this.options.flushEveryMs,
    );
    this.timer.unref();
  }

  /** Stops reading, then one last try: what the broker did not acknowledge goes out after a restart. */
  async stop(): Promise<void> {
    this.lifetime.abort();
    clearInterval(this.timer);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
    await this.following;
    await this.flush().catch(() => undefined);
  }

  /** Alert-stream events not yet acknowledged by the broker (counted up to `cap`, a bounded read). */
  async lag(cap = 10_000): Promise<number> {
    let behind = 0;
    for await (const _ of this.store.readAll({
      fromPosition: this.published === 0 ? 'start' : this.published,
      streamPrefixes: [ALERT_STREAM_PREFIX],
      maxCount: cap,
    }))
      behind += 1;
    return behind;
  }

  /** Sends what is pending, then saves the checkpoint past it. One at a time, in order. */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.flushNow());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const recorded of subscription) {
        await this.take(recorded);
        if (this.pending.length >= this.options.maxBatch) await this.flushUntilSent();
      }
    } catch (error) {
      this.stoppedBy = describe(error);
      this.observer.onFailed?.(error);
    }
  }

  /** The message is queued and the position noted together, so a flush never splits them. */
  private async take(recorded: RecordedEvent): Promise<void> {
    if (!isOnTheFeed(recorded.type)) {
      this.received = recorded.position;
      return;
    }
    const event = decodeAlertEvent(recorded);
    const customerId = await this.customerOf(event);
    this.pending.push(toFeedMessage(recorded, event, customerId));
    this.received = recorded.position;
  }

  private async customerOf(event: RetentionAlertEvent): Promise<string> {
    const { alertId } = event.data;
    const named = 'customer' in event.data ? event.data.customer.customerId : undefined;
    const customerId = named ?? this.customers.get(alertId) ?? (await this.raisedFor(alertId));
    // A resolved case's next event is a reopening, which names the customer again.
    if (event.type === 'RetentionAlertResolved') this.customers.delete(alertId);
    else this.customers.set(alertId, customerId);
    return customerId;
  }

  /** An alert raised before the checkpoint: its first event names the customer. */
  private async raisedFor(alertId: string): Promise<string> {
    const [first] = await this.store.loadStream(alertStream(alertId), { maxCount: 1 });
    const raised = first === undefined ? undefined : decodeAlertEvent(first);
    if (raised?.type !== 'RetentionAlertRaised')
      throw new Error(`alert ${alertId} does not begin with its raise: no customer to key it by`);
    return raised.data.customer.customerId;
  }

  /** A full batch holds the subscription until the broker takes it (back-pressure, no drop). */
  private async flushUntilSent(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.flush();
      } catch {
        const { initialMs, maxMs } = this.options.retry;
        const delay = Math.min(maxMs, initialMs * 2 ** (attempt - 1));
        const { signal } = this.lifetime;
        if (!(await sleep(delay, true, { signal }).catch(() => false))) return;
      }
    }
  }

  private async flushNow(): Promise<void> {
    const batch = this.pending.slice();
    const upTo = this.received;
    try {
      if (batch.length > 0) {
        await this.publisher.publish(this.options.topic, batch);
        this.pending.splice(0, batch.length);
        this.sent += batch.length;
        this.observer.onPublished?.(batch.length);
      }
      this.published = upTo;
      if (upTo > this.checkpoint) {
        await this.checkpoints.save(this.options.subscriberId, upTo);
        this.checkpoint = upTo;
      }
      this.error = null;
    } catch (error) {
      this.error = describe(error);
      this.observer.onFailed?.(error);
      throw error;
    }
  }
}
