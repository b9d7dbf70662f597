// The raw Kafka baselines of the system benchmark: a plain kafkajs consumer whose eachBatch only
// counts (the ceiling for any consumer on this machine and broker), over the same topics and
// messages as the measured run, in the same run.
import { randomUUID } from 'node:crypto';
import { INBOUND_TOPICS } from '@churn/messaging';
import type { Kafka } from 'kafkajs';

const FETCH = { maxBytesPerPartition: 8 * 1024 * 1024, maxBytes: 10 * 1024 * 1024 } as const;

export interface ConsumeOnly {
  /** Messages per second from joining the group (fetching starts) to the last message. */
  readonly messagesPerSecond: number;
  readonly seconds: number;
}

/** Consumes `messages` already in the inbound topics, counting only. */
export async function consumeOnly(kafka: Kafka, messages: number): Promise<ConsumeOnly> {
  const groupId = `bench-system-consume-only-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 500, ...FETCH });
  let seen = 0;
  let first = 0;
  let last = 0;
  try {
    await consumer.connect();
    for (const topic of INBOUND_TOPICS) await consumer.subscribe({ topic, fromBeginning: true });
    // The clock starts when the member has its partitions: a whole backlog may come in one fetch.
    consumer.on(consumer.events.GROUP_JOIN, () => (first = performance.now()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`consume-only: ${seen} of ${messages}`)),
        300_000,
      );
      consumer
        .run({
          autoCommit: false,
          partitionsConsumedConcurrently: 3,
          eachBatch: async ({ batch }) => {
            seen += batch.messages.length;
            if (seen >= messages && last === 0) {
              last = performance.now();
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  const seconds = (last - first) / 1000;
  return { messagesPerSecond: messages / seconds, seconds };
}

/** Kafka's record timestamp (CreateTime: when the producer sent it) by `topic/partition/offset`. */
export type SendTimes = Map<string, number>;

export interface LiveConsumer {
  readonly sendTimes: SendTimes;
  /** Milliseconds from each record's CreateTime to its arrival in this consumer. */
  readonly latencies: number[];
  stop(): Promise<void>;
}

/** A counting consumer that follows the inbound topics live, as the raw latency baseline. */
export async function followLive(kafka: Kafka): Promise<LiveConsumer> {
  const consumer = kafka.consumer({
    groupId: `bench-system-live-${randomUUID()}`,
    maxWaitTimeInMs: 100,
    ...FETCH,
  });
  const sendTimes: SendTimes = new Map();
  const latencies: number[] = [];
  await consumer.connect();
  for (const topic of INBOUND_TOPICS) await consumer.subscribe({ topic, fromBeginning: true });
  let joined!: () => void;
  const ready = new Promise<void>((resolve) => (joined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const m of batch.messages) {
        const sent = Number(m.timestamp);
        sendTimes.set(`${batch.topic}/${batch.partition}/${m.offset}`, sent);
        latencies.push(now - sent);
      }
    },
  });
  await ready;
  return { sendTimes, latencies, stop: () => consumer.disconnect() };
}
