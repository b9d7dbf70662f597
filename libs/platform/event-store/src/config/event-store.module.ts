import { HealthChecks, Metrics } from '@churn/observability';
import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  openEventStore,
  type DiskUsage,
  type EventStoreSettings,
  type OpenedEventStore,
} from './event-store-settings';

/** Injection token of the process's one `OpenedEventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/**
 * The embedded store's disk, read with statfs at each scrape (deploy/prometheus/rules/
 * event-store.yaml: EmbeddedEventStoreDiskSpaceLow, …FillingUp). A failed read drops the series
 * and is logged rather than failing the whole scrape, which would read as the process being down.
 */
const registerDiskGauge = (metrics: Metrics, usage: () => Promise<DiskUsage>): void => {
  const logger = new Logger('EventStore');
  metrics.gauge({
    name: 'event_store_disk_bytes',
    help: 'The filesystem holding the embedded event store: bytes available to the process, and its size',
    labelNames: ['kind'],
    collect: async (gauge) => {
      try {
        const { availableBytes, totalBytes } = await usage();
        gauge.set({ kind: 'available' }, availableBytes);
        gauge.set({ kind: 'total' }, totalBytes);
      } catch (error) {
        gauge.reset();
        logger.warn(`disk space of the event store not read: ${String(error)}`);
      }
    },
  });
};

/** Reports the store on `/health` and its disk on `/metrics` (when the process has them), and closes it last. */
@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Optional() @Inject(HealthChecks) health?: HealthChecks,
    @Optional() @Inject(Metrics) metrics?: Metrics,
  ) {
    if (metrics && opened.diskUsage) registerDiskGauge(metrics, opened.diskUsage);
    health?.register({
      name: 'event-store',
      check: async () => {
        await opened.ping();
        return { up: true, detail: { store: opened.description } };
      },
    });
  }

  /** Runs after every feature's shutdown hook has stopped writing. */
  async onApplicationShutdown(): Promise<void> {
    await this.opened.close();
  }
}

/** One store per process, shared by every feature module composed into it. */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(settings: EventStoreSettings): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_STORE, useFactory: () => openEventStore(settings) },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE],
    };
  }
}
