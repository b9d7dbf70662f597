import type { EventStore } from '@churn/event-store';
import { CustomerSnapshots, type SnapshotSettings } from '../as-of/customer-snapshots';
import { AlertIndex } from '../explain/alert-index';
import { BranchClock } from '../rerun/branch-clock.projection';

const CUSTOMER_STREAMS = ['customer-'];

export interface RebuildReport {
  readonly seconds: number;
  /** Events of the customer streams folded into the branch clock. */
  readonly customerEvents: number;
  readonly alerts: number;
  readonly alertPosition: number;
  readonly clockPosition: number;
}

/** The branch clock, caught up from the log on demand; one catch-up at a time. */
class ClockFollower {
  readonly clock = new BranchClock();
  private turn: Promise<void> = Promise.resolve();
  stopped = false;
  error: string | null = null;

  constructor(private readonly store: EventStore) {}

  /** Folds every customer event the log gained since the last catch-up. */
  catchUp(): Promise<void> {
    const run = this.turn.then(async () => {
      const { position } = this.clock;
      for await (const event of this.store.readAll({
        fromPosition: position === 0 ? 'start' : position,
        streamPrefixes: CUSTOMER_STREAMS,
      })) {
        if (this.stopped) return;
        this.clock.evolve(event);
      }
    });
    this.turn = run.catch((error: unknown) => {
      this.error = error instanceof Error ? error.message : String(error);
    });
    return run;
  }
}

/**
 * The audit API's read models (issue 6 §1: projections rebuilt from the store at any time; a
 * rebuild gives the same answers): the alerts of every customer (`AlertIndex`), the branch clock
 * and payroll batches a re-run needs (`BranchClock`), and customers' month-end snapshots for
 * as-of queries (`CustomerSnapshots`, filled on demand). None is a source of truth: `rebuild`
 * throws them away and folds the store again. They catch up on demand, not by live
 * subscriptions (see `AlertIndex`): every query sees the log as it was a moment before.
 */
export class AuditReadModels {
  private alertIndex: AlertIndex;
  private follower: ClockFollower;
  private customerSnapshots: CustomerSnapshots;
  private started: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly snapshotSettings?: SnapshotSettings,
    private readonly refreshEveryMs = 100,
  ) {
    this.alertIndex = new AlertIndex(store, refreshEveryMs);
    this.follower = new ClockFollower(store);
    this.customerSnapshots = new CustomerSnapshots(store, snapshotSettings);
  }

  get alerts(): AlertIndex {
    return this.alertIndex;
  }

  get snapshots(): CustomerSnapshots {
    return this.customerSnapshots;
  }

  /** The branch clock caught up with the log, at least to `position` (a re-run needs it whole). */
  async clockAt(position: number): Promise<BranchClock> {
    const follower = this.follower;
    await follower.catchUp();
    if (follower.clock.position < position && follower.error !== null)
      throw new Error(`the branch clock stopped: ${follower.error}`);
    return follower.clock;
  }

  /** Alerts first (every answer needs them); the clock folds the whole log behind. */
  async start(): Promise<void> {
    await this.alertIndex.refresh(true);
    this.started = this.follower.catchUp().catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.follower.stopped = true;
    await this.started;
  }

  /** Folds everything again from the store into new read models, then swaps them in. */
  async rebuild(): Promise<RebuildReport> {
    const started = process.hrtime.bigint();
    const alerts = new AlertIndex(this.store, this.refreshEveryMs);
    const follower = new ClockFollower(this.store);
    await Promise.all([alerts.refresh(true), follower.catchUp()]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.follower.stopped = true;
    this.alertIndex = alerts;
    this.follower = follower;
    this.customerSnapshots = new CustomerSnapshots(this.store, this.snapshotSettings);
    return {
      seconds,
      customerEvents: follower.clock.events,
      alerts: alerts.size,
      alertPosition: alerts.position,
      clockPosition: follower.clock.position,
    };
  }

  get status() {
    return {
      alerts: this.alertIndex.size,
      alertPosition: this.alertIndex.position,
      unknownAlertEvents: this.alertIndex.unknownEvents,
      clockPosition: this.follower.clock.position,
      clockError: this.follower.error,
      customersCached: this.customerSnapshots.size,
    };
  }
}
