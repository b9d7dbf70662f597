import { WrongExpectedRevisionError } from '@churn/event-store';
import { AlertError, nextDeadline, type AlertState } from '@churn/domain-alert';
import type { AlertBook } from '../read-model/alert-book';
import type { AlertingConfig, Clock } from '../ports/alerting-ports';
import type { AlertRepository } from '../store/alert-repository';
import { DeadlineHeap, type TrackedDeadline } from './deadline-heap';
import { runConcurrently } from './run-concurrently';

export interface EscalationTimerOptions {
  /** How often the timers look for due deadlines by themselves; 0: only when `tick()` is called. */
  readonly intervalMs: number;
  /** Escalations decided and appended at once. */
  readonly concurrency: number;
}

export const DEFAULT_TIMER_OPTIONS: EscalationTimerOptions = { intervalMs: 1_000, concurrency: 32 };

/** What one look at the clock did. */
export interface TickReport {
  /** Deadlines found due (a deadline that came due by an escalation in this tick counts too). */
  readonly due: number;
  /** Appended an escalation or a breach. */
  readonly fired: number;
  /** Refused as already fired or not due, or lost to another writer: someone else handled it. */
  readonly alreadyHandled: number;
  /** The store failed; the deadline is tried again at the next tick. */
  readonly failed: number;
  /** Deadlines overdue and not fired when the tick ended. */
  readonly backlog: number;
}

export interface EscalationTimerObserver {
  /** Deadlines overdue and not yet fired: when a tick finds them, and when it ends. */
  onBacklog?(overdue: number): void;
  onTick?(report: TickReport, seconds: number): void;
  onFailed?(alertId: string, error: unknown): void;
}

/** An alert runs at most 3 levels × 3 clocks, so a tick never needs more rounds than that. */
const MAX_ROUNDS = 10;

type Outcome = 'fired' | 'alreadyHandled' | 'failed';

/** The outbox's events move no clock: the alert's deadlines stay what they were. */
const NOTIFICATION_EVENTS = new Set([
  'AlertNotificationRequested',
  'AlertNotificationAttempted',
  'AlertNotificationUndeliverable',
]);

/**
 * Escalation timers that survive anything (issue 5 §3). Deadlines are never stored anywhere of
 * their own: each is derived from its alert's stream (`nextDeadline`), so a restart rebuilds
 * them from the book. Firing is a command like any other, decided against the stream and
 * appended with the revision read: of two instances (or a restart that re-fires), one appends
 * and the other is refused (`rule-already-fired`) after re-reading. Time is the injected clock.
 */
export class EscalationTimers {
  private readonly deadlines = new DeadlineHeap();
  private unsubscribe: (() => void) | undefined;
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<TickReport> | null = null;
  readonly totals = { ticks: 0, fired: 0, alreadyHandled: 0, failed: 0 };

  constructor(
    private readonly book: AlertBook,
    private readonly repository: AlertRepository,
    private readonly clock: Clock,
    private readonly config: AlertingConfig,
    private readonly options: EscalationTimerOptions = DEFAULT_TIMER_OPTIONS,
    private readonly observer: EscalationTimerObserver = {},
  ) {}

  /** Tracks every open alert of the book, follows its changes, and starts the interval. */
  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.book.onChange((c) => {
      if (!NOTIFICATION_EVENTS.has(c.event.type))
        this.track(c.alertId, c.recorded.revision, c.after);
    });
    for (const view of this.book.all()) this.track(view.alertId, view.revision, view.state);
    if (this.options.intervalMs > 0) {
      this.interval = setInterval(
        () => void this.tick().catch((error: unknown) => this.observer.onFailed?.('*', error)),
        this.options.intervalMs,
      );
      this.interval.unref();
    }
  }

  /** Stops the interval and waits for a tick in flight to finish its appends. */
  async stop(): Promise<void> {
    clearInterval(this.interval);
    this.interval = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.running;
  }

  /** Open alerts with a running clock. */
  get tracked(): number {
    return this.deadlines.size;
  }

  get nextDueAt(): string | null {
    const ms = this.deadlines.nextDueMs;
    return ms === null ? null : new Date(ms).toISOString();
  }

  /** Fires every deadline due at the clock's now; a tick already running is joined, not doubled. */
  tick(): Promise<TickReport> {
    if (this.running) return this.running;
    const run = this.runTick().finally(() => (this.running = null));
    this.running = run;
    return run;
  }

  /**
   * Fires the alert's deadlines that are due now, one after another (an escalation starts the
   * next level's clocks, which may be due too). The risk bridge calls it before a risk event
   * changes the alert: a clock that has run out is not stopped by a risk event handled before the
   * next tick (a merge at a higher severity can re-time a deadline into the past, and the risk
   * event behind it may ease the alert). A tick firing the same deadline at once is refused.
   */
  async fireDueFor(alertId: string): Promise<void> {
    const now = this.clock.now();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const due = this.deadlines.dueFor(alertId, now.getTime());
      if (due === null) return;
      const outcome = await this.fire(due, now.toISOString());
      this.totals[outcome] += 1;
      if (outcome !== 'fired') return;
    }
  }

  private async runTick(): Promise<TickReport> {
    const started = performance.now();
    const now = this.clock.now();
    const counts = { due: 0, fired: 0, alreadyHandled: 0, failed: 0 };
    const putBack: TrackedDeadline[] = [];
    const tried = new Set<string>();
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const due = this.deadlines.takeDue(now.getTime());
      if (due.length === 0) break;
      if (round === 0) this.observer.onBacklog?.(due.length);
      // A deadline met again in the same tick was refused as not due: leave it to the next tick.
      const fresh: TrackedDeadline[] = [];
      for (const d of due) (tried.has(`${d.alertId}/${d.rule}`) ? putBack : fresh).push(d);
      counts.due += fresh.length;
      await runConcurrently(fresh, this.options.concurrency, async (d) => {
        tried.add(`${d.alertId}/${d.rule}`);
        const outcome = await this.fire(d, now.toISOString());
        counts[outcome] += 1;
        if (outcome === 'failed') putBack.push(d);
      });
    }
    for (const d of putBack) this.deadlines.restore(d);
    const report: TickReport = { ...counts, backlog: putBack.length };
    this.totals.ticks += 1;
    this.totals.fired += report.fired;
    this.totals.alreadyHandled += report.alreadyHandled;
    this.totals.failed += report.failed;
    this.observer.onBacklog?.(report.backlog);
    this.observer.onTick?.(report, (performance.now() - started) / 1000);
    return report;
  }

  private async fire(deadline: TrackedDeadline, at: string): Promise<Outcome> {
    const { alertId, rule, dueAt } = deadline;
    const { directory } = this.config;
    try {
      const result = await this.repository.execute(
        alertId,
        { type: 'EscalateOverdue', data: { at, directory, rule, dueAt } },
        { correlationId: `${alertId}/${rule}` },
      );
      if (result.revision !== null) this.track(alertId, result.revision, result.state);
      return result.appended.length > 0 ? 'fired' : 'alreadyHandled';
    } catch (error) {
      if (!(error instanceof AlertError || error instanceof WrongExpectedRevisionError)) {
        this.observer.onFailed?.(alertId, error);
        return 'failed';
      }
      return (await this.refresh(alertId)) ? 'alreadyHandled' : 'failed';
    }
  }

  /** After a refusal, the alert as the store has it, so the heap does not wait for the book. */
  private async refresh(alertId: string): Promise<boolean> {
    try {
      const { state, revision } = await this.repository.load(alertId);
      if (revision !== null) this.track(alertId, revision, state);
      return true;
    } catch (error) {
      this.observer.onFailed?.(alertId, error);
      return false;
    }
  }

  private track(alertId: string, revision: number, state: AlertState): void {
    this.deadlines.track(alertId, revision, nextDeadline(state));
  }
}
