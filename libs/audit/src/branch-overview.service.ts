import { EVENT_STORE, type OpenedEventStore, type Subscription } from '@churn/event-store';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { BranchOverviewProjection } from './branch-overview.projection';

/**
 * Keeps the branch overview current: folds every customer stream from the start of the store,
 * then follows new events live. Rebuilt at every start (a read model, never the source of truth).
 */
@Injectable()
export class BranchOverviewService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('BranchOverview');
  private projection = new BranchOverviewProjection();
  private subscription: Subscription | undefined;
  private following: Promise<void> | undefined;

  constructor(@Inject(EVENT_STORE) private readonly opened: OpenedEventStore) {}

  get view(): BranchOverviewProjection {
    return this.projection;
  }

  onApplicationBootstrap(): void {
    const subscription = this.opened.store.subscribe({
      fromPosition: 'start',
      streamPrefixes: ['customer-'],
    });
    this.subscription = subscription;
    this.following = (async () => {
      for await (const event of subscription) {
        this.projection.evolve({
          type: event.type,
          data: event.data,
          schemaVersion: event.metadata.schemaVersion,
        });
      }
    })().catch((error: unknown) =>
      this.logger.error(`branch overview stopped following the store: ${String(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    await this.following;
  }
}
