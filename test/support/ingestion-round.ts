// One round of an ingestion spec on a clean slate: messages produced, the topics decoded here
// for what to expect, an ingestion started until the store holds what it should, then stopped
// gracefully and the store read back. The specs differ only in what they send, how ingestion
// runs (in process, on a worker thread) and what they collect while it runs (dead letters).
import type { RecordedEvent } from '@churn/event-store';
import { waitUntil } from '@churn/messaging/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { expectedFromTopics, TestProducer, type ExpectedIngestion } from './expected-facts';
import { countEvents, readAllEvents } from './store-reader';
import type { CleanSlate } from './system-test-kafka';

export interface IngestionRound {
  readonly send: (producer: TestProducer) => Promise<void>;
  readonly start: () => Promise<INestApplicationContext>;
  /** Events the store must hold before stopping (default: every fact the topics decode to). */
  readonly storedAtLeast?: (expected: ExpectedIngestion) => number;
  /** While ingestion still runs, once the store holds them (dead letters, a settling pause). */
  readonly whileRunning?: (expected: ExpectedIngestion) => Promise<void>;
  readonly timeoutMs?: number;
}

export interface IngestedRound {
  readonly expected: ExpectedIngestion;
  readonly stored: RecordedEvent[];
}

export async function ingestRound(
  slate: CleanSlate,
  round: IngestionRound,
): Promise<IngestedRound> {
  const producer = new TestProducer(slate.kafka);
  try {
    await round.send(producer);
  } finally {
    await producer.close();
  }
  const expected = await expectedFromTopics(slate.kafka);
  const want = round.storedAtLeast?.(expected) ?? expected.facts.length;
  const app = await round.start();
  try {
    await waitUntil(() => countEvents(slate.storePath) >= want, {
      timeoutMs: round.timeoutMs ?? 30_000,
      intervalMs: 100,
      what: () => `${countEvents(slate.storePath)} of ${want} events stored`,
    });
    await round.whileRunning?.(expected);
  } finally {
    await app.close();
  }
  return { expected, stored: await readAllEvents(slate.storePath) };
}
