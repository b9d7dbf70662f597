import { EVENT_STORE, type OpenedEventStore } from '@churn/event-store';
import { createKafka, ensureTopics, projectTopics, TopicConsumer } from '@churn/messaging';
import { HealthChecks, Metrics } from '@churn/observability';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { IN_THREAD_DECODER } from './chunk-decoder';
import { WorkerDecoder } from './decode-worker/worker-decoder';
import { FactIngestionHandler } from './fact-ingestion.handler';
import { appendLatency, ingestionObserver } from './ingestion-metrics';
import type { IngestionSettings } from './ingestion.settings';

export const INGESTION_SETTINGS = Symbol('INGESTION_SETTINGS');
export const INGESTION_CLOCK = Symbol('INGESTION_CLOCK');

/**
 * Starts the consumer when the process is up and stops it first on SIGTERM: the chunk in flight
 * is finished and committed, then the member leaves the group, then the store closes.
 */
@Injectable()
export class IngestionRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Ingestion');
  private consumer: TopicConsumer | undefined;
  private handler: FactIngestionHandler | undefined;

  constructor(
    @Inject(INGESTION_SETTINGS) private readonly settings: IngestionSettings,
    @Inject(INGESTION_CLOCK) private readonly clock: () => Date,
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(HealthChecks) private readonly health: HealthChecks,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const kafka = createKafka({ brokers: this.settings.brokers, clientId: this.settings.clientId });
    if (this.settings.ensureTopics) await ensureTopics(kafka, projectTopics());
    const latency = appendLatency(this.metrics);
    const decoder = this.settings.decodeOnWorker ? new WorkerDecoder() : IN_THREAD_DECODER;
    const handler = new FactIngestionHandler(
      this.opened.store,
      this.clock,
      this.settings.limits,
      { onAppended: (ms) => latency.observe(ms / 1000) },
      decoder,
    );
    this.handler = handler;
    const consumer = new TopicConsumer({
      kafka,
      groupId: this.settings.groupId,
      topics: this.settings.topics,
      handler,
      observer: ingestionObserver(this.metrics),
      // The payroll batch form may carry a whole payroll (CONTRACTS.md); the decoder enforces
      // the per-topic limit and dead-letters with the precise reason.
      maxValueBytes: 8 * 1024 * 1024,
      maxBytesPerPartition: 8 * 1024 * 1024,
      stallTimeoutMs: this.settings.stallTimeoutMs,
      partitionsConsumedConcurrently: this.settings.partitionsConsumedConcurrently,
    });
    this.registerHealth(consumer);
    await consumer.start();
    this.consumer = consumer;
    this.logger.log(
      `consuming ${this.settings.topics.join(', ')} as group ${this.settings.groupId} into the ${this.opened.description}` +
        (this.settings.decodeOnWorker ? ', decoding on a worker thread' : ''),
    );
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    if (!this.consumer) return;
    const outcome = await this.consumer.stop();
    // The chunk in flight was finished (or given up) by stop(); the decode thread is idle now.
    await this.handler?.close();
    this.logger.log(
      `stopped on ${signal ?? 'shutdown'}: ${outcome.graceful ? 'graceful' : outcome.problems.join('; ')}`,
    );
  }

  private registerHealth(consumer: TopicConsumer): void {
    this.health.register({
      name: 'kafka-consumer',
      check: async () => ({ up: consumer.healthy(), detail: { ...consumer.status() } }),
    });
  }
}
