// Produces application messages (retention alerts for downstream CRMs) with the same guarantees
// as the dead-letter publisher: idempotent and acks=all, because a CRM that never hears of an
// alert cannot act on it, and a retried send must not duplicate it on the partition.
import { Partitioners, type Kafka, type Producer } from 'kafkajs';

export interface OutgoingMessage {
  /** Same key → same partition, so one customer's messages stay in order. */
  readonly key: string | null;
  readonly value: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Where a send landed, for the record an operator reads: one per partition written, with the offset of its first message. */
export interface PublishedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export class TopicPublisher {
  private readonly producer: Producer;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      // One request in flight keeps per-key order on retries.
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Resolves once every message is acknowledged by all in-sync replicas. */
  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<PublishedRecord[]> {
    if (messages.length === 0) return [];
    const metadata = await this.producer.send({
      topic,
      acks: -1,
      messages: messages.map((m) => ({
        key: m.key,
        value: m.value,
        ...(m.headers === undefined ? {} : { headers: { ...m.headers } }),
      })),
    });
    return metadata.map((m) => ({
      topic: m.topicName,
      partition: m.partition,
      offset: m.baseOffset ?? m.offset ?? '',
    }));
  }
}
