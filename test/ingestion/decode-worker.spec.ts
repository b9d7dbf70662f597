// The ingestion wiring with decoding on a worker thread (IngestionSettings.decodeOnWorker), in
// this process, against the real broker and a real SQLite file: the store ends up holding exactly
// the facts the topics decode to on this thread, in each customer's Kafka order, once each; every
// rejected record is dead-lettered with its reason and original bytes; a graceful close ends it.
import 'reflect-metadata';
import { EventStoreModule, type RecordedEvent } from '@churn/event-store';
import { IngestionModule, defaultIngestionSettings } from '@churn/ingestion';
import { DeadLetterHeaders, headerText, type InboundMessage } from '@churn/messaging';
import { waitUntil } from '@churn/messaging/testing';
import { ObservabilityModule } from '@churn/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  batchCredits,
  crmInteraction,
  customerId,
  payrollBatch,
  transaction,
  type TopicMessage,
} from '../support/bank-messages';
import {
  coordinateOf,
  readDeadLetters,
  sourceOf,
  type ExpectedIngestion,
} from '../support/expected-facts';
import { duplicateIds, factChecksum, recordedAsFact, type FactLike } from '../support/store-reader';
import { ingestRound } from '../support/ingestion-round';
import { cleanSlate, type CleanSlate } from '../support/system-test-kafka';

@Module({})
class WorkerIngestionModule {
  static with(slate: CleanSlate): DynamicModule {
    return {
      module: WorkerIngestionModule,
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot({ kind: 'embedded', path: slate.storePath }),
        IngestionModule.forRoot({
          ...defaultIngestionSettings(slate.brokers),
          groupId: slate.groupId,
          ensureTopics: false,
          partitionsConsumedConcurrently: 3,
          decodeOnWorker: true,
        }),
      ],
    };
  }
}

const CUSTOMERS = 40;
const broken = (n: number): TopicMessage => ({
  ...transaction(n, customerId(n % CUSTOMERS), 'WORKER-BAD'),
  value: '{"transactionId":',
});
const MESSAGES: readonly TopicMessage[] = [
  ...Array.from({ length: 3_000 }, (_, i) =>
    i % 500 === 7 ? broken(i) : transaction(i, customerId(i % CUSTOMERS), 'WORKER'),
  ),
  ...Array.from({ length: 60 }, (_, i) => crmInteraction(i, customerId(i % CUSTOMERS))),
  payrollBatch('E-WORKER', 'B-WORKER-1', batchCredits(0, 25)),
];

jest.setTimeout(120_000);

let slate: CleanSlate;
let expected: ExpectedIngestion;
let stored: RecordedEvent[];
let deadLetters: InboundMessage[];

beforeAll(async () => {
  slate = await cleanSlate('decode-worker');
  ({ expected, stored } = await ingestRound(slate, {
    send: (producer) => producer.send(MESSAGES),
    start: () =>
      NestFactory.createApplicationContext(WorkerIngestionModule.with(slate), {
        logger: ['error', 'warn'],
      }),
    timeoutMs: 90_000,
    whileRunning: (expecting) =>
      waitUntil(
        async () =>
          (deadLetters = await readDeadLetters(slate.kafka)).length >= expecting.rejected.length,
        { timeoutMs: 30_000, intervalMs: 200, what: () => `${deadLetters.length} dead letters` },
      ),
  }));
}, 180_000);

afterAll(() => slate?.dispose());

describe('ingestion decoding on a worker thread, on the real broker', () => {
  it('stores exactly the facts the topics decode to on this thread, once each', () => {
    expect(expected.rejected.length).toBeGreaterThan(0);
    expect(stored).toHaveLength(expected.facts.length);
    expect(duplicateIds(slate.storePath)).toEqual([]);
    expect(factChecksum(stored.map(recordedAsFact))).toBe(factChecksum(expected.facts));
  });

  it("keeps each customer's facts from one partition in that partition's order", () => {
    // Kafka orders a partition, not a customer's facts across topics: compare per source partition.
    const idsByStreamAndPartition = (facts: readonly FactLike[]): Map<string, string[]> => {
      const groups = new Map<string, string[]>();
      for (const { stream, event } of facts) {
        const { topic, partition } = event.metadata.source ?? { topic: '?', partition: -1 };
        const group = `${stream} ${topic}/${partition}`;
        groups.set(group, [...(groups.get(group) ?? []), event.id]);
      }
      return groups;
    };
    const want = idsByStreamAndPartition(expected.facts);
    expect(idsByStreamAndPartition(stored.map(recordedAsFact))).toEqual(want);
    expect([...want.values()].some((ids) => ids.length > 50)).toBe(true);
  });

  it('dead-letters every rejected record with its reason and original bytes', () => {
    expect(deadLetters).toHaveLength(expected.rejected.length);
    for (const rejection of expected.rejected) {
      const letter = deadLetters.find((d) => sourceOf(d) === coordinateOf(rejection.message));
      expect(letter).toBeDefined();
      expect(headerText(letter as InboundMessage, DeadLetterHeaders.reason)).toBe(rejection.reason);
      expect(letter?.value?.equals(rejection.message.value as Buffer)).toBe(true);
    }
  });
});
