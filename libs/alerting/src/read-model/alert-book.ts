import type { EventStore, RecordedEvent, Subscription } from '@churn/event-store';
import {
  ALERT_STREAM_PREFIX,
  evolveAlert,
  initialAlertState,
  type AlertState,
  type CustomerAlertEntry,
  type RetentionAlertEvent,
} from '@churn/domain-alert';
import type { AlertReadModel, AlertView } from '../ports/alerting-ports';
import { decodeAlertEvent } from '../store/alert-codec';
import { PositionWaiters } from './position-waiters';

/** One event folded into the book: the alert before and after it. */
export interface AlertChange {
  readonly alertId: string;
  readonly event: RetentionAlertEvent;
  readonly recorded: RecordedEvent;
  readonly before: AlertState;
  readonly after: AlertState;
  /** The alert after the event; undefined while the stream holds no raise (suppressed only). */
  readonly view: AlertView | undefined;
  /** True while `start()` replays the history; live events come with false. */
  readonly replaying: boolean;
}

export type AlertChangeListener = (change: AlertChange) => void;

export interface AlertBookStatus {
  readonly position: number;
  readonly alerts: number;
  readonly live: boolean;
  readonly error: string | null;
  readonly listenerErrors: number;
}

export interface AlertBookOptions {
  /** Where a listener's failure is reported (the module logs it); it is counted either way. */
  readonly onListenerError?: (error: unknown) => void;
}

interface Folded {
  readonly state: AlertState;
  readonly revision: number;
}

/**
 * The in-memory read model of every alert (ARCHITECTURE.md: rebuilt from the store at any time,
 * never the source of truth). `start()` folds every `alert-` stream from the start and resolves
 * once caught up; a subscription then follows the store live. Keeps a per-customer index of the
 * latest alert (one open alert per customer) and tells listeners (timers, dispatcher, metrics)
 * of every event, in log order.
 */
export class AlertBook implements AlertReadModel {
  private readonly folded = new Map<string, Folded>();
  private readonly views = new Map<string, AlertView>();
  private readonly latest = new Map<string, string>();
  private readonly listeners = new Set<AlertChangeListener>();
  private readonly waiters = new PositionWaiters();
  private subscription: Subscription | undefined;
  private following: Promise<void> = Promise.resolve();
  private replaying = true;
  private error: string | null = null;
  private listenerErrors = 0;
  position = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: AlertBookOptions = {},
  ) {}

  /** Folds the alert streams up to the store's end, then follows it; resolves when caught up. */
  async start(): Promise<void> {
    if (this.subscription) return;
    this.replaying = true;
    for await (const recorded of this.store.readAll({
      fromPosition: this.position === 0 ? 'start' : this.position,
      streamPrefixes: [ALERT_STREAM_PREFIX],
    }))
      this.fold(recorded);
    this.replaying = false;
    const subscription = this.store.subscribe({
      fromPosition: this.position === 0 ? 'start' : this.position,
      streamPrefixes: [ALERT_STREAM_PREFIX],
    });
    this.subscription = subscription;
    this.following = this.follow(subscription);
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
    await this.following;
    this.waiters.rejectAll(new Error('the alert book stopped'));
  }

  /** Calls `listener` with every event folded from now on; returns the unsubscribe. */
  onChange(listener: AlertChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get(alertId: string): AlertView | undefined {
    return this.views.get(alertId);
  }

  all(): Iterable<AlertView> {
    return this.views.values();
  }

  get size(): number {
    return this.views.size;
  }

  latestForCustomer(customerId: string): AlertView | undefined {
    const alertId = this.latest.get(customerId);
    return alertId === undefined ? undefined : this.views.get(alertId);
  }

  /** The customer's latest alert as routing reads it (`alertActionFor`). */
  entryForCustomer(customerId: string): CustomerAlertEntry | null {
    const view = this.latestForCustomer(customerId);
    if (view === undefined) return null;
    const { state } = view;
    return {
      alertId: view.alertId,
      status: state.status,
      severity: state.severity,
      resolvedAt: state.status === 'resolved' ? (state.resolution?.at ?? null) : null,
    };
  }

  caughtUpTo(position: number): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    if (this.error !== null)
      return Promise.reject(new Error(`the alert book failed: ${this.error}`));
    return this.waiters.wait(position);
  }

  get status(): AlertBookStatus {
    return {
      position: this.position,
      alerts: this.views.size,
      live: this.subscription !== undefined && !this.replaying,
      error: this.error,
      listenerErrors: this.listenerErrors,
    };
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const recorded of subscription) this.fold(recorded);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.waiters.rejectAll(new Error(`the alert book failed: ${this.error}`));
    }
  }

  private fold(recorded: RecordedEvent): void {
    const alertId = recorded.stream.slice(ALERT_STREAM_PREFIX.length);
    const event = decodeAlertEvent(recorded);
    const before = this.folded.get(alertId)?.state ?? initialAlertState();
    const after = evolveAlert(before, event);
    this.folded.set(alertId, { state: after, revision: recorded.revision });
    let view: AlertView | undefined;
    if (after.status !== 'none') {
      view = { alertId, state: after, revision: recorded.revision, position: recorded.position };
      this.views.set(alertId, view);
      if (before.status === 'none') this.latest.set(after.customer.customerId, alertId);
    }
    this.position = recorded.position;
    this.tell({ alertId, event, recorded, before, after, view, replaying: this.replaying });
    this.waiters.reached(recorded.position);
  }

  /** A listener's failure is its own (counted, shown on /health); the book goes on folding. */
  private tell(change: AlertChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.listenerErrors += 1;
        this.options.onListenerError?.(error);
      }
    }
  }
}
