import type { EventStore, Subscription } from '@churn/event-store';
import { BRANCH_ANALYTICS_PREFIXES, BranchAnalyticsModel } from './branch-analytics.model';

export interface BranchAnalyticsProjectionOptions {
  /** Told the position after each pass over the store and each live event (the position gauge). */
  readonly onPosition?: (position: number) => void;
}

export interface BranchAnalyticsStatus {
  readonly position: number;
  /** The first pass over the store is done. */
  readonly ready: boolean;
  /** Following the store live (caught up once, subscription open). */
  readonly live: boolean;
  readonly rebuilding: boolean;
  readonly rebuilds: number;
  /** Seconds the last full pass over the store took (start or rebuild). */
  readonly lastPassSeconds: number | null;
  readonly customers: number;
  readonly employers: number;
  readonly alerts: number;
  readonly counts: BranchAnalyticsModel['counts'];
  readonly error: string | null;
}

/**
 * Keeps the branch analytics current: one ordered pass over the customer, employer and alert
 * streams (`readAll` from the start, which resolves `start()` once caught up), then a live
 * subscription from that position. `rebuild()` folds a fresh model from the start while the old
 * one goes on answering, and swaps it in once it has caught up: a read model is never the source
 * of truth, so it may be thrown away at any time.
 */
export class BranchAnalyticsProjection {
  private current = new BranchAnalyticsModel();
  private subscription: Subscription | undefined;
  private following: Promise<void> = Promise.resolve();
  private waiters: { position: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  private rebuilding = false;
  private stopping = false;
  private starting: Promise<void> | undefined;
  private caughtUpOnce = false;
  private rebuilds = 0;
  private lastPassSeconds: number | null = null;
  private error: string | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly options: BranchAnalyticsProjectionOptions = {},
  ) {}

  /** The model queries read; replaced whole by `rebuild()`. */
  get model(): BranchAnalyticsModel {
    return this.current;
  }

  get position(): number {
    return this.current.position;
  }

  /** Folds the store to its end, then follows it live; resolves once caught up. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      const started = process.hrtime.bigint();
      await this.catchUp(this.current);
      if (this.stopping) return;
      this.lastPassSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.caughtUpOnce = true;
      this.follow();
    })().finally(() => (this.starting = undefined));
    return this.starting;
  }

  /** Whether the first pass over the store is done: until then the answers would be partial. */
  get ready(): boolean {
    return this.caughtUpOnce;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    try {
      await this.starting?.catch(() => undefined);
      await this.stopFollowing();
    } finally {
      this.stopping = false;
    }
  }

  /** Folds the whole store into a new model and puts it in place; the same events, the same answers. */
  async rebuild(): Promise<{ readonly seconds: number; readonly events: number }> {
    if (this.rebuilding) throw new Error('a rebuild of the branch analytics is already running');
    this.rebuilding = true;
    const started = process.hrtime.bigint();
    try {
      const fresh = new BranchAnalyticsModel();
      await this.catchUp(fresh);
      const wasFollowing = this.subscription !== undefined;
      await this.stopFollowing();
      await this.catchUp(fresh);
      if (this.stopping) throw new Error('the branch analytics stopped during a rebuild');
      this.current = fresh;
      this.caughtUpOnce = true;
      this.rebuilds++;
      this.lastPassSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (wasFollowing) this.follow();
      this.settleWaiters();
      this.options.onPosition?.(fresh.position);
      return { seconds: this.lastPassSeconds, events: fresh.counts.events };
    } finally {
      this.rebuilding = false;
    }
  }

  /** Resolves once the model has folded `position` (e.g. after an append in a test). */
  caughtUpTo(position: number): Promise<void> {
    if (this.current.position >= position) return Promise.resolve();
    if (this.error !== null)
      return Promise.reject(new Error(`the branch analytics failed: ${this.error}`));
    return new Promise((resolve, reject) => this.waiters.push({ position, resolve, reject }));
  }

  get status(): BranchAnalyticsStatus {
    const model = this.current;
    return {
      position: model.position,
      ready: this.caughtUpOnce,
      live: this.subscription !== undefined && this.error === null,
      rebuilding: this.rebuilding,
      rebuilds: this.rebuilds,
      lastPassSeconds: this.lastPassSeconds,
      customers: model.tiers.size,
      employers: model.employers.size,
      alerts: model.alerts.size,
      counts: { ...model.counts },
      error: this.error,
    };
  }

  private async stopFollowing(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
    await this.following;
  }

  private async catchUp(model: BranchAnalyticsModel): Promise<void> {
    for await (const recorded of this.store.readAll({
      fromPosition: model.position === 0 ? 'start' : model.position,
      streamPrefixes: BRANCH_ANALYTICS_PREFIXES,
    })) {
      if (this.stopping) return;
      model.evolve(recorded);
    }
    if (model === this.current) this.options.onPosition?.(model.position);
  }

  private follow(): void {
    this.error = null;
    const subscription = this.store.subscribe({
      fromPosition: this.current.position === 0 ? 'start' : this.current.position,
      streamPrefixes: BRANCH_ANALYTICS_PREFIXES,
    });
    this.subscription = subscription;
    this.following = (async () => {
      try {
        for await (const recorded of subscription) {
          this.current.evolve(recorded);
          this.settleWaiters();
          this.options.onPosition?.(recorded.position);
        }
      } catch (error) {
        this.error = error instanceof Error ? error.message : String(error);
        for (const waiter of this.waiters.splice(0))
          waiter.reject(new Error(`the branch analytics failed: ${this.error}`));
      }
    })();
  }

  private settleWaiters(): void {
    if (this.waiters.length === 0) return;
    const position = this.current.position;
    const waiting = this.waiters;
    this.waiters = waiting.filter((w) => w.position > position);
    for (const w of waiting) if (w.position <= position) w.resolve();
  }
}
