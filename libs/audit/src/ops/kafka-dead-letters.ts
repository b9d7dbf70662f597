import { readDeadLetters, type createKafka, type DeadLetterRecord } from '@churn/messaging';
import { ServiceUnavailableException } from '@nestjs/common';
import {
  decodeCursor,
  encodeCursor,
  type DeadLetterEntry,
  type DeadLetterPage,
} from './dead-letter-entry';

/** The Kafka client as @churn/messaging makes it (only messaging imports kafkajs). */
export type KafkaClient = ReturnType<typeof createKafka>;

type KafkaCursor = Readonly<Record<string, string>>;

const isKafkaCursor = (value: unknown): value is KafkaCursor =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((offset) => typeof offset === 'string' && /^\d+$/.test(offset));

/** Kafka mode: the `<topic>.dlq` topics, newest first, through @churn/messaging. */
export const readKafkaDeadLetters = async (
  kafka: KafkaClient,
  topics: readonly string[],
  limit: number,
  cursor?: string,
): Promise<DeadLetterPage> => {
  const before = cursor === undefined ? undefined : decodeCursor(cursor, isKafkaCursor);
  let page: Awaited<ReturnType<typeof readDeadLetters>>;
  try {
    page = await readDeadLetters(kafka, { topics, limit, ...(before ? { before } : {}) });
  } catch (error) {
    throw new ServiceUnavailableException(
      `the dead-letter topics could not be read: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return {
    source: 'kafka',
    items: page.letters.map(entryOf),
    nextCursor: page.before === null ? null : encodeCursor(page.before),
    complete: page.complete,
  };
};

const entryOf = (letter: DeadLetterRecord): DeadLetterEntry => {
  const { message } = letter;
  return {
    reason: letter.reason,
    field: letter.field,
    detail: letter.detail,
    source: letter.source,
    firstSeenAt: letter.firstSeenAt,
    key: message.key?.toString('utf8') ?? null,
    original: message.value?.toString('utf8') ?? null,
    kept: {
      kind: 'kafka',
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      timestamp: new Date(Number(message.timestamp)).toISOString(),
    },
  };
};
