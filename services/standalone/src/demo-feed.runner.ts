import { EVENT_STORE, type OpenedEventStore } from '@churn/event-store';
import { HealthChecks } from '@churn/observability';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DEMO_FEED_CHECKPOINT, DemoBranchFeed, type DemoFeedProgress } from './demo-feed';
import type { StandaloneSettings } from './settings';

export const STANDALONE_SETTINGS = Symbol('STANDALONE_SETTINGS');

/**
 * Runs the demo branch feed beside the pipeline: starts after the application is up, stops
 * (and lets its last chunk finish) before the store closes. A store that already holds facts
 * from elsewhere (`npm run ingest`, Kafka) and never had the demo is left alone.
 */
@Injectable()
export class DemoFeedRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DemoFeed');
  private readonly abort = new AbortController();
  private running: Promise<void> = Promise.resolve();
  private feed: DemoBranchFeed | null = null;
  private resolveHistory!: (progress: DemoFeedProgress | null) => void;
  /** Resolves when the history is in (or at once when there is no demo feed). */
  readonly historyLoaded = new Promise<DemoFeedProgress | null>((r) => (this.resolveHistory = r));

  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(STANDALONE_SETTINGS) private readonly settings: StandaloneSettings,
    @Inject(HealthChecks) private readonly health: HealthChecks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { store, checkpoints } = this.opened;
    const s = this.settings;
    const started = await checkpoints.load(DEMO_FEED_CHECKPOINT);
    if (s.demoCustomers === 0 || (started === undefined && !(await isEmpty(this.opened)))) {
      this.resolveHistory(null);
      return;
    }
    const feed = new DemoBranchFeed(store, checkpoints, {
      customers: s.demoCustomers,
      years: s.demoYears,
      seed: s.demoSeed,
      liveDays: s.demoLiveDays,
      liveDaysPerSecond: s.demoDaysPerSecond,
    });
    this.feed = feed;
    this.health.register({
      name: 'demo-feed',
      check: async () => ({ up: true, detail: { ...feed.status } }),
    });
    this.logger.log(
      `${started === undefined ? 'empty store' : 'resuming'}: a simulated ${s.demoCustomers}-customer branch over ` +
        `${s.demoYears} years (seed ${s.demoSeed}); its last ${s.demoLiveDays} days live at ${s.demoDaysPerSecond} a second`,
    );
    this.running = feed
      .run(this.abort.signal, (progress) => {
        this.logger.log(
          `history in: ${progress.messages} messages, ${progress.stored} stored, ${progress.deadLettered} dead-lettered; up to ${progress.lastDate ?? '-'}`,
        );
        this.resolveHistory(progress);
      })
      .then(
        () => {
          if (!this.abort.signal.aborted)
            this.logger.log(`demo feed done: ${JSON.stringify(feed.status)}`);
        },
        (error: unknown) => {
          this.logger.error(`demo feed stopped: ${String(error)}`);
          this.resolveHistory(feed.status);
        },
      );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.abort.abort();
    await this.running;
    if (this.feed) this.logger.log(`demo feed stopped at ${this.feed.status.lastDate ?? '-'}`);
  }
}

const isEmpty = async (opened: OpenedEventStore): Promise<boolean> => {
  for await (const _ of opened.store.readAll({ maxCount: 1 })) return false;
  return true;
};
