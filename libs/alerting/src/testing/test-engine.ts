import { TEST_DIRECTORY, TEST_POLICY } from '@churn/domain-alert/testing';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '@churn/event-store';
import type { NotificationSender } from '@churn/notification';
import type { Metrics } from '@churn/observability';
import { AlertingEngine, type AlertingEngineOptions } from '../alerting.module';
import type { AlertingConfig, Clock } from '../ports/alerting-ports';

export const TEST_CONFIG: AlertingConfig = { policy: TEST_POLICY, directory: TEST_DIRECTORY };

export interface TestEngineOptions {
  /** The SQLite file; several engines on one file are several instances of the service. */
  readonly path: string;
  readonly clock: Clock;
  readonly config?: AlertingConfig;
  readonly senders?: readonly NotificationSender[];
  readonly bridge?: AlertingEngineOptions['bridge'];
  readonly metrics?: Metrics;
}

export interface TestEngine {
  readonly engine: AlertingEngine;
  readonly store: SqliteEventStore;
  /** Stops the engine (gracefully) and closes its store: the service shut down. */
  stop(): Promise<void>;
}

/**
 * The engine on its own SQLite connection, as one instance of the alerting service runs it,
 * with no intervals: the test ticks the timers and the dispatcher itself, on its own clock.
 */
export const startTestEngine = async (options: TestEngineOptions): Promise<TestEngine> => {
  const store = SqliteEventStore.open(options.path, { synchronous: 'NORMAL', pollIntervalMs: 5 });
  const engine = new AlertingEngine(
    { store, checkpoints: store.checkpointStore() },
    {
      config: options.config ?? TEST_CONFIG,
      clock: options.clock,
      ...(options.senders ? { senders: options.senders } : {}),
      ...(options.bridge === undefined ? {} : { bridge: options.bridge }),
      timers: { intervalMs: 0 },
      dispatcher: { intervalMs: 0 },
    },
    options.metrics ?? null,
  );
  await engine.start();
  return {
    engine,
    store,
    stop: async () => {
      await engine.stop();
      store.close();
    },
  };
};

/** Every event of the alert streams, in log order. */
export const alertEvents = async (store: EventStore): Promise<RecordedEvent[]> => {
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll({ streamPrefixes: ['alert-'] })) events.push(e);
  return events;
};
