import { setTimeout as sleep } from 'node:timers/promises';
import type { CheckpointStore, EventStore } from '@churn/event-store';
import { bankDate, dayOfBankDate } from '@churn/domain-kernel';
import { factMessage, FactIngestionHandler, type FactMessage } from '@churn/ingestion';
import type { InboundMessage } from '@churn/messaging';
import { simulateBranch } from '@churn/simulator';

export interface DemoFeedOptions {
  readonly customers: number;
  readonly years: number;
  readonly seed: number;
  /** The last days of the simulation are fed at this pace instead of at once; 0: all at once. */
  readonly liveDays: number;
  readonly liveDaysPerSecond: number;
}

export interface DemoFeedProgress {
  readonly daysFed: number;
  readonly totalDays: number;
  readonly messages: number;
  readonly stored: number;
  readonly deadLettered: number;
  readonly lastDate: string | null;
}

/** Where the feed has got to, in the store's checkpoint table: a restart resumes there. */
export const DEMO_FEED_CHECKPOINT = 'demo-branch-feed';

/** Facts a chunk carries at most while the history is loaded at once. */
const HISTORY_CHUNK = 2_000;

/**
 * The simulated branch fed into the store through the same validation as Kafka (libs/ingestion):
 * its history at once, then its last `liveDays` at `liveDaysPerSecond` (accelerated business
 * time), so the risk engine and alerting have a live flow to work on. The simulator is
 * deterministic and ingestion idempotent, so a restart re-simulates, skips the days already fed
 * (the checkpoint) and goes on; a day fed twice stores nothing new.
 */
export class DemoBranchFeed {
  private progress: DemoFeedProgress;
  private readonly handler: FactIngestionHandler;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly options: DemoFeedOptions,
    now: () => Date = () => new Date(),
  ) {
    this.handler = new FactIngestionHandler(store, now);
    this.progress = {
      daysFed: 0,
      totalDays: 0,
      messages: 0,
      stored: 0,
      deadLettered: 0,
      lastDate: null,
    };
  }

  get status(): DemoFeedProgress {
    return this.progress;
  }

  /**
   * Feeds until the simulation ends or `signal` aborts; `onHistoryLoaded` is called once when
   * only the live days are left (at once when resuming past that point).
   */
  async run(signal: AbortSignal, onHistoryLoaded: (p: DemoFeedProgress) => void): Promise<void> {
    const { customers, years, seed, liveDays, liveDaysPerSecond } = this.options;
    const simulation = simulateBranch({ seed, customers, years });
    const lastFed = (await this.checkpoints.load(DEMO_FEED_CHECKPOINT)) ?? -1;
    const firstDay = dayOfBankDate(simulation.startDate);
    const lastDay = dayOfBankDate(simulation.snapshotDate);
    const liveFrom = liveDaysPerSecond > 0 ? lastDay - liveDays + 1 : lastDay + 1;
    this.progress = {
      ...this.progress,
      daysFed: Math.max(0, lastFed - firstDay + 1),
      totalDays: lastDay - firstDay + 1,
    };
    let announced = false;
    const announce = (): void => {
      if (!announced) onHistoryLoaded(this.progress);
      announced = true;
    };
    let pending: FactMessage[] = [];
    let pendingDay = lastFed;
    for (const { date, facts } of simulation.days) {
      if (signal.aborted) return;
      const day = dayOfBankDate(date);
      if (day <= lastFed) continue;
      const live = day >= liveFrom;
      if (live && pending.length > 0) {
        await this.feed(pending, pendingDay, firstDay);
        pending = [];
      }
      if (live) announce();
      for (const fact of facts) pending.push(factMessage(fact));
      pendingDay = day;
      if (live || pending.length >= HISTORY_CHUNK) {
        await this.feed(pending, day, firstDay);
        pending = [];
      }
      if (live)
        await sleep(1_000 / liveDaysPerSecond, undefined, { signal }).catch(() => undefined);
    }
    if (pending.length > 0) await this.feed(pending, pendingDay, firstDay);
    announce();
  }

  private async feed(messages: readonly FactMessage[], day: number, firstDay: number) {
    const inbound = messages.map((m, i) => inboundMessage(m, day * 100_000 + i));
    const verdicts = await this.handler.handle(inbound);
    const stored = verdicts.filter((v) => v.kind === 'accepted').length;
    await this.checkpoints.save(DEMO_FEED_CHECKPOINT, day);
    const p = this.progress;
    this.progress = {
      ...p,
      daysFed: day - firstDay + 1,
      messages: p.messages + messages.length,
      stored: p.stored + stored,
      deadLettered: p.deadLettered + messages.length - stored,
      lastDate: bankDate(day),
    };
  }
}

/** A message as the Kafka consumer would hand it over: the feed's own partition 0, a day-based offset. */
const inboundMessage = (message: FactMessage, offset: number): InboundMessage => ({
  topic: message.topic,
  partition: 0,
  offset: String(offset),
  key: Buffer.from(message.key),
  value: Buffer.from(JSON.stringify(message.value)),
  headers: {},
  timestamp: '0',
});
