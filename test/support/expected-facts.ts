// What the store must hold, computed independently of the running service: every record is
// read back from the inbound topics (with its real partition and offset, which some ids and all
// metadata carry) and decoded with the library's pure decodeMessage.
import { decodeMessage, type FactAppend, type RejectionReason } from '@churn/ingestion';
import {
  DeadLetterHeaders,
  INBOUND_TOPICS,
  dlqOf,
  headerText,
  type InboundMessage,
} from '@churn/messaging';
import { countMessages, readTopic } from '@churn/messaging/testing';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { TopicMessage } from './bank-messages';

export interface ExpectedIngestion {
  readonly facts: readonly FactAppend[];
  readonly rejected: readonly {
    readonly message: InboundMessage;
    readonly reason: RejectionReason;
    readonly field?: string;
  }[];
  readonly records: number;
  /** Every record read back, with what it decodes to. */
  readonly decoded: readonly {
    readonly message: InboundMessage;
    readonly facts: readonly FactAppend[];
  }[];
}

export async function expectedFromTopics(
  kafka: Kafka,
  now = new Date(),
): Promise<ExpectedIngestion> {
  const facts: FactAppend[] = [];
  const rejected: { message: InboundMessage; reason: RejectionReason; field?: string }[] = [];
  let records = 0;
  const decodedRecords: { message: InboundMessage; facts: readonly FactAppend[] }[] = [];
  for (const topic of INBOUND_TOPICS) {
    const count = await countMessages(kafka, topic);
    if (count === 0) continue;
    const messages = await readTopic(kafka, topic, { untilCount: count, timeoutMs: 60_000 });
    records += messages.length;
    for (const message of messages) {
      const decoded = decodeMessage(message, { now });
      decodedRecords.push({ message, facts: decoded.kind === 'facts' ? decoded.appends : [] });
      if (decoded.kind === 'facts') facts.push(...decoded.appends);
      else
        rejected.push({
          message,
          reason: decoded.reason,
          ...(decoded.field === undefined ? {} : { field: decoded.field }),
        });
    }
  }
  return { facts, rejected, records, decoded: decodedRecords };
}

/** Everything in the three dead-letter topics now. */
export async function readDeadLetters(kafka: Kafka): Promise<InboundMessage[]> {
  const letters: InboundMessage[] = [];
  for (const topic of INBOUND_TOPICS.map(dlqOf)) {
    const count = await countMessages(kafka, topic);
    if (count > 0)
      letters.push(...(await readTopic(kafka, topic, { untilCount: count, timeoutMs: 30_000 })));
  }
  return letters;
}

/** `topic/partition/offset` of the record a dead letter came from (or of a record itself). */
export const sourceOf = (letter: InboundMessage): string =>
  `${headerText(letter, DeadLetterHeaders.sourceTopic)}/${headerText(letter, DeadLetterHeaders.sourcePartition)}/${headerText(letter, DeadLetterHeaders.sourceOffset)}`;
export const coordinateOf = (m: Pick<InboundMessage, 'topic' | 'partition' | 'offset'>): string =>
  `${m.topic}/${m.partition}/${m.offset}`;

/** One idempotent acks=all producer for a whole test (produceMessages connects per call). */
export class TestProducer {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  /** Sends `batchSize` messages per request (split by topic); order is kept within each topic. */
  async send(messages: readonly TopicMessage[], batchSize = 1_000): Promise<void> {
    if (!this.connected) {
      await this.producer.connect();
      this.connected = true;
    }
    for (let start = 0; start < messages.length; start += batchSize) {
      const perTopic = new Map<string, Message[]>();
      for (const m of messages.slice(start, start + batchSize)) {
        const message: Message = {
          key: m.key ?? null,
          value: m.value,
          ...(m.partition === undefined ? {} : { partition: m.partition }),
          ...(m.headers === undefined ? {} : { headers: { ...m.headers } }),
        };
        const list = perTopic.get(m.topic);
        if (list === undefined) perTopic.set(m.topic, [message]);
        else list.push(message);
      }
      await this.producer.sendBatch({
        acks: -1,
        topicMessages: [...perTopic].map(([topic, list]) => ({ topic, messages: list })),
      });
    }
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = false;
  }
}
