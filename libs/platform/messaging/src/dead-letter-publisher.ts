// Produces rejected messages to `<topic>.dlq`. Idempotent and acks=all, because a dead letter
// is the only copy of a fact we refused: once its source offset is committed, losing the dead
// letter would lose the fact.
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { Rejected } from './batch-handler';
import { deadLetterHeaders } from './dead-letter-headers';
import type { InboundMessage } from './inbound-message';
import { dlqOf } from './topics';

export interface DeadLetter {
  readonly message: InboundMessage;
  readonly rejection: Rejected;
}

export interface DeadLetterPublisherOptions {
  /** Where the first-seen time comes from; tests pin it. */
  readonly now?: () => Date;
}

export class DeadLetterPublisher {
  private readonly producer: Producer;
  private readonly now: () => Date;

  constructor(kafka: Kafka, options: DeadLetterPublisherOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.producer = kafka.producer({
      idempotent: true,
      // One request in flight keeps dead letters in source order per partition on retries.
      maxInFlightRequests: 1,
      // Same key → same DLQ partition, so one customer's dead letters stay in order too.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Resolves once every letter is acknowledged by all in-sync replicas. */
  async publish(letters: readonly DeadLetter[]): Promise<void> {
    if (letters.length === 0) return;
    const seenAt = this.now();
    const byTopic = new Map<string, DeadLetter[]>();
    for (const letter of letters) {
      const topic = dlqOf(letter.message.topic);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), letter]);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, group]) => ({
        topic,
        messages: group.map(({ message, rejection }) => ({
          key: message.key,
          value: message.value,
          headers: deadLetterHeaders(message, rejection, seenAt),
        })),
      })),
    });
  }
}
