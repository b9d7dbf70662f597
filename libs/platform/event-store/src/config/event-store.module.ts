import { HealthChecks } from '@churn/observability';
import {
  Global,
  Inject,
  Injectable,
  Module,
  Optional,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  openEventStore,
  type EventStoreSettings,
  type OpenedEventStore,
} from './event-store-settings';

/** Injection token of the process's one `OpenedEventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** Reports the store on `/health` (when the process has one) and closes it last. */
@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Optional() @Inject(HealthChecks) health?: HealthChecks,
  ) {
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
