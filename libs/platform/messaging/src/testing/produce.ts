// Producing test input with the same guarantees a source system would use (acks=all,
// idempotent), so a test never fails because its own input went missing.
import { Partitioners, type Kafka } from 'kafkajs';

export interface TestMessage {
  readonly key?: string | Buffer | null;
  readonly value: string | Buffer | null;
  readonly headers?: Readonly<Record<string, string | Buffer>>;
  /** Pins a partition; otherwise the key decides, as in production. */
  readonly partition?: number;
}

export async function produceMessages(
  kafka: Kafka,
  topic: string,
  messages: readonly TestMessage[],
): Promise<void> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    await producer.send({
      topic,
      acks: -1,
      messages: messages.map((m) => ({
        key: m.key ?? null,
        value: m.value,
        ...(m.headers === undefined ? {} : { headers: { ...m.headers } }),
        ...(m.partition === undefined ? {} : { partition: m.partition }),
      })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** JSON test payloads, keyed so one key's messages share a partition. */
export function jsonMessages(count: number, make: (i: number) => object, keys = 4): TestMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `key-${i % keys}`,
    value: JSON.stringify(make(i)),
  }));
}
