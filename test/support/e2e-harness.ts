// What every end-to-end spec starts from: a Kafka broker of the e2e suite's own (port 29092 by
// default: the specs recreate the inbound topics and one restarts the broker, which must not
// disturb other suites on the shared 9092), the inbound topics recreated empty, a temp dir for
// the store, a real SMTP server, and the three services on one store with an accelerated SLA
// clock. `streamDays` sends a feed a bank day at a time, each day only once the previous one's
// facts are all stored, as the bank's systems would over real days (see branch-feed.ts).
import {
  requireDedicatedKafkaBroker,
  waitUntil,
  type DedicatedKafkaBroker,
} from '@churn/messaging/testing';
import { startSmtpServer, type SmtpTestServer } from '@churn/notification/testing';
import type { FeedDay } from './branch-feed';
import { TestProducer } from './expected-facts';
import { Pipeline } from './pipeline';
import { StoreWatch } from './store-watch';
import { cleanSlate, type CleanSlate } from './system-test-kafka';

export const E2E_KAFKA_PORT = process.env['E2E_KAFKA_PORT'] ?? '29092';

export interface E2eOptions {
  /** SLA time runs this many times faster than real time (ALERTING_CLOCK_SPEED). */
  readonly clockSpeed: number;
  readonly alertingIntervalMs?: number;
}

export interface E2e {
  readonly broker: DedicatedKafkaBroker;
  readonly slate: CleanSlate;
  readonly smtp: SmtpTestServer;
  readonly pipeline: Pipeline;
  readonly watch: StoreWatch;
  /** Renewed by `renewProducer` (after a broker restart). */
  producer: TestProducer;
  renewProducer(): Promise<void>;
  /** Kills whatever still runs, stops the broker if this spec started it, removes the temp dir. */
  dispose(options?: { readonly stopBroker?: boolean }): Promise<void>;
}

export async function startE2e(name: string, options: E2eOptions): Promise<E2e> {
  const broker = await requireDedicatedKafkaBroker(E2E_KAFKA_PORT);
  const slate = await cleanSlate(`e2e-${name}`, broker.brokers);
  const smtp = await startSmtpServer();
  const pipeline = new Pipeline({
    brokers: broker.brokers,
    dataDir: slate.dir,
    groupId: slate.groupId,
    smtp: { host: smtp.host, port: smtp.port },
    clock: { speed: options.clockSpeed, anchorMs: Date.now() },
    ...(options.alertingIntervalMs === undefined
      ? {}
      : { alertingIntervalMs: options.alertingIntervalMs }),
  });
  const watch = new StoreWatch(pipeline.storePath);
  const e2e: E2e = {
    broker,
    slate,
    smtp,
    pipeline,
    watch,
    producer: new TestProducer(slate.kafka),
    renewProducer: async () => {
      await e2e.producer.close().catch(() => undefined);
      e2e.producer = new TestProducer(slate.kafka);
    },
    dispose: async ({ stopBroker = broker.started } = {}) => {
      await pipeline.killAll();
      await e2e.producer.close().catch(() => undefined);
      watch.close();
      await smtp.close();
      slate.dispose();
      if (stopBroker) await broker.run('stop');
    },
  };
  return e2e;
}

export interface StreamHooks {
  /** Before day `index` is sent (faults are injected here); returns the facts it sent itself. */
  readonly beforeDay?: (index: number) => Promise<number | void>;
  /** How long a day may take to be stored (an ingestion restart waits out the dead member's session). */
  readonly dayTimeoutMs?: number;
}

/**
 * Sends each day's messages, then waits until the store holds every fact so far, before the
 * next day. Returns the facts sent (the hooks' too). `storedBefore`: facts already in the store.
 */
export async function streamDays(
  e2e: E2e,
  days: readonly FeedDay[],
  hooks: StreamHooks = {},
  storedBefore = 0,
): Promise<number> {
  let expected = storedBefore;
  for (const [index, day] of days.entries()) {
    expected += (await hooks.beforeDay?.(index)) ?? 0;
    await e2e.producer.send(day.messages);
    expected += day.facts;
    await waitUntil(() => e2e.watch.factsStored() >= expected, {
      timeoutMs: hooks.dayTimeoutMs ?? 120_000,
      intervalMs: 5,
      what: () =>
        `day ${index} of ${days.length}: ${e2e.watch.factsStored()} of ${expected} facts stored\n${e2e.pipeline.outputs()}`,
    });
  }
  return expected - storedBefore;
}
