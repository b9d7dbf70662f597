import type { CheckpointStore, EventStore, RecordedEvent, Subscription } from '@churn/event-store';
import {
  AlertError,
  alertActionFor,
  riskForAlert,
  type AlertAction,
  type CustomerAlertEntry,
  type RiskForAlert,
} from '@churn/domain-alert';
import { CHURN_RISK_SCHEMA_VERSION, type ChurnRiskEvent } from '@churn/domain-risk';
import type { AlertBook } from '../read-model/alert-book';
import type { AlertingConfig, Clock } from '../ports/alerting-ports';
import type { AlertRepository } from '../store/alert-repository';
import { alertIdForRisk } from '../store/alert-ids';
import { HandledPrefix } from './handled-prefix';
import { alertCommandFor } from './risk-commands';
import { Slots } from './slots';

export interface RiskBridgeOptions {
  readonly subscriberId: string;
  /** Risk events handled at once: different customers in parallel, one customer's in order. */
  readonly concurrency: number;
  /** How often the handled prefix is saved as the checkpoint (a save is a commit). */
  readonly checkpointEveryMs: number;
}

export const DEFAULT_BRIDGE_OPTIONS: RiskBridgeOptions = {
  subscriberId: 'alerting-risk-bridge',
  concurrency: 64,
  checkpointEveryMs: 1_000,
};

/** What the bridge did with a risk event. */
export type BridgeOutcome = AlertAction['kind'] | 'replayed' | 'refused';

export interface RiskBridgeObserver {
  onOutcome?(outcome: BridgeOutcome, detail: string): void;
  onFailed?(error: unknown): void;
}

const RISK_TYPES = new Set(['ChurnRiskRaised', 'ChurnRiskChanged', 'ChurnRiskCleared']);

/** Refusals that mean the book had not yet seen a change made elsewhere (an RM resolved it). */
const STALE_VIEW = new Set(['alert-resolved', 'alert-not-resolved', 'alert-not-found']);

const CUSTOMER_PREFIX = 'customer-';

/** The escalation timers, as the bridge needs them: an open alert's overdue clocks fired now. */
export interface OverdueDeadlines {
  fireDueFor(alertId: string): Promise<void>;
}

/**
 * Risk → alert (issue 5 §1): a catch-up subscription over the customer streams that turns
 * `ChurnRiskRaised` / `Changed` / `Cleared` into alert commands, one open alert per customer.
 * The checkpoint is saved only past events whose commands are appended; a replay after a crash
 * is idempotent: a raise finds its derived stream, a merge finds its cause among the alert's.
 */
export class RiskAlertBridge {
  private readonly slots: Slots;
  private progress = new HandledPrefix(0);
  private readonly chains = new Map<string, Promise<void>>();
  /** Per customer, the position of the bridge's last append: the book must reach it first. */
  private readonly appendedFor = new Map<string, number>();
  private subscription: Subscription | undefined;
  private following: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  /** The last checkpoint saved or found. */
  checkpoint = 0;
  lastAppended = 0;
  error: string | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly book: AlertBook,
    private readonly repository: AlertRepository,
    private readonly clock: Clock,
    private readonly config: AlertingConfig,
    private readonly options: RiskBridgeOptions = DEFAULT_BRIDGE_OPTIONS,
    private readonly observer: RiskBridgeObserver = {},
    private readonly overdue: OverdueDeadlines | null = null,
  ) {
    this.slots = new Slots(options.concurrency);
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    const stored = await this.checkpoints.load(this.options.subscriberId);
    this.checkpoint = stored ?? 0;
    this.progress = new HandledPrefix(this.checkpoint);
    const subscription = this.store.subscribe({
      fromPosition: stored ?? 'start',
      streamPrefixes: [CUSTOMER_PREFIX],
    });
    this.subscription = subscription;
    this.following = this.follow(subscription);
    this.timer = setInterval(() => void this.saveCheckpoint(), this.options.checkpointEveryMs);
    this.timer.unref();
  }

  /** Graceful: stops reading, lets the commands in flight append, then saves the checkpoint. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
    await this.following;
    await Promise.allSettled([...this.chains.values()]);
    await this.saveCheckpoint();
  }

  /** Every customer-stream event up to `position` is handled (its alert commands appended). */
  get position(): number {
    return this.progress.position;
  }

  /** The last customer-stream event received from the subscription. */
  get received(): number {
    return this.progress.lastReceived;
  }

  get inFlight(): number {
    return this.progress.inFlight;
  }

  /** Resolves once every event up to `position` is handled and the book has folded the result. */
  async settled(position: number): Promise<void> {
    await this.progress.handledUpTo(position);
    await this.book.caughtUpTo(this.lastAppended);
  }

  /** Saves the handled prefix as the checkpoint, if it moved. One save at a time, in order. */
  saveCheckpoint(): Promise<void> {
    const run = this.saving.then(async () => {
      const position = this.progress.position;
      if (position <= this.checkpoint) return;
      await this.checkpoints.save(this.options.subscriberId, position);
      this.checkpoint = position;
    });
    this.saving = run.catch((error: unknown) => this.observer.onFailed?.(error));
    return this.saving;
  }

  /**
   * Customer-stream events behind the store's end: received but not handled, plus not yet
   * received (counted up to `cap`, so a bridge far behind costs a bounded read).
   */
  async lag(cap = 10_000): Promise<number> {
    let behind = this.progress.inFlight;
    const from = this.progress.lastReceived;
    for await (const _ of this.store.readAll({
      fromPosition: from === 0 ? 'start' : from,
      streamPrefixes: [CUSTOMER_PREFIX],
      maxCount: cap,
    }))
      behind += 1;
    return behind;
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const recorded of subscription) {
        if (!RISK_TYPES.has(recorded.type)) {
          this.progress.skip(recorded.position);
          continue;
        }
        await this.slots.acquire();
        this.enqueue(recorded, this.progress.begin(recorded.position));
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** One customer's risk events in order, behind each other; other customers' alongside. */
  private enqueue(recorded: RecordedEvent, done: () => void): void {
    const customer = recorded.stream.slice(CUSTOMER_PREFIX.length);
    const previous = this.chains.get(customer) ?? Promise.resolve();
    const task = previous
      .then(() => this.handle(recorded))
      .then(done, (error: unknown) => this.fail(error))
      .finally(() => {
        this.slots.release();
        if (this.chains.get(customer) === task) this.chains.delete(customer);
      });
    this.chains.set(customer, task);
  }

  private fail(error: unknown): void {
    if (this.error !== null) return;
    this.error = error instanceof Error ? error.message : String(error);
    this.observer.onFailed?.(error);
    this.progress.fail(new Error(`the risk bridge failed: ${this.error}`));
    void this.subscription?.close();
  }

  private async handle(recorded: RecordedEvent): Promise<void> {
    if (this.error !== null) throw new Error(this.error);
    if (recorded.metadata.schemaVersion < CHURN_RISK_SCHEMA_VERSION)
      return this.observer.onOutcome?.(
        'ignore',
        `${recorded.type} ${recorded.id} has schema ${recorded.metadata.schemaVersion}, without the assessed customer`,
      );
    const event = {
      type: recorded.type,
      schemaVersion: recorded.metadata.schemaVersion,
      data: recorded.data,
    } as ChurnRiskEvent;
    const risk = riskForAlert(event, recorded.id);
    const customerId = risk.customer.customerId;
    for (let attempt = 1; ; attempt++) {
      await this.book.caughtUpTo(this.appendedFor.get(customerId) ?? 0);
      const latest = this.book.entryForCustomer(customerId);
      if (latest?.status === 'open') await this.overdue?.fireDueFor(latest.alertId);
      try {
        return await this.apply(recorded, risk, latest);
      } catch (error) {
        if (!(error instanceof AlertError)) throw error;
        if (!STALE_VIEW.has(error.code) || attempt >= 3 || latest === null)
          return this.observer.onOutcome?.('refused', `${error.code}: ${error.message}`);
        await this.catchUpWith(customerId, latest.alertId);
      }
    }
  }

  /** The book has not seen the alert's latest event yet: wait for it (read from the store). */
  private async catchUpWith(customerId: string, alertId: string): Promise<void> {
    const { events } = await this.repository.load(alertId);
    const last = events[events.length - 1]?.position ?? 0;
    this.appendedFor.set(customerId, Math.max(last, this.appendedFor.get(customerId) ?? 0));
  }

  private async apply(
    recorded: RecordedEvent,
    risk: RiskForAlert,
    latest: CustomerAlertEntry | null,
  ): Promise<void> {
    const at = this.clock.now().toISOString();
    const action = alertActionFor(latest, risk, this.config.policy, at);
    if (action.kind === 'ignore') return this.observer.onOutcome?.('ignore', action.why);
    const alertId = action.kind === 'raise' ? alertIdForRisk(recorded.id) : action.alertId;
    if (await this.alreadyApplied(action, alertId, risk))
      return this.observer.onOutcome?.('replayed', `${recorded.id} already on alert ${alertId}`);
    const command = alertCommandFor(action, { alertId, risk, latest, at, config: this.config });
    if (command === null)
      return this.observer.onOutcome?.('ignore', `${recorded.id} carries no severity`);
    try {
      const { appended } = await this.repository.execute(alertId, command, {
        causationId: recorded.id,
        ...(recorded.metadata.correlationId
          ? { correlationId: recorded.metadata.correlationId }
          : {}),
      });
      this.noteAppended(risk.customer.customerId, appended);
      this.observer.onOutcome?.(action.kind, `${recorded.id} → alert ${alertId}`);
    } catch (error) {
      if (error instanceof AlertError && error.code === 'alert-already-raised')
        return this.observer.onOutcome?.('replayed', `${recorded.id} raised ${alertId} before`);
      throw error;
    }
  }

  /** Replay after a crash: the raise's stream exists, or the cause is on the alert already. */
  private async alreadyApplied(
    action: AlertAction,
    alertId: string,
    risk: RiskForAlert,
  ): Promise<boolean> {
    if (action.kind === 'raise') return (await this.repository.load(alertId)).revision !== null;
    const view = this.book.get(alertId);
    return view?.state.causes.some((c) => c.riskEventId === risk.cause.riskEventId) ?? false;
  }

  private noteAppended(customerId: string, appended: readonly RecordedEvent[]): void {
    const last = appended[appended.length - 1]?.position;
    if (last === undefined) return;
    this.appendedFor.set(customerId, last);
    this.lastAppended = Math.max(this.lastAppended, last);
  }
}
