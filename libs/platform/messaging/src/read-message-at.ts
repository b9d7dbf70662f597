// Fetches one record by its coordinates, for an auditor who wants the original bytes a stored
// fact came from (issue 6 §1: evidence → the raw source message). Kafka keeps them until the
// topic's retention; a throwaway consumer group seeks to the offset, reads one record, leaves.
import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { toInboundMessage, type InboundMessage } from './inbound-message';

export type MessageAtOutcome =
  | { readonly found: true; readonly message: InboundMessage }
  | {
      readonly found: false;
      readonly reason: 'no-such-partition' | 'deleted-by-retention' | 'not-yet-written' | 'gone';
      readonly detail: string;
    };

export interface ReadMessageAtOptions {
  readonly timeoutMs?: number;
}

/**
 * The record at `topic`/`partition`/`offset`, or why it cannot be had: the partition does not
 * exist, the offset is below the low watermark (retention deleted it), at or past the high
 * watermark, or no longer there (compaction, a transaction marker). Throws only when the broker
 * cannot be reached or the read does not finish within `timeoutMs`.
 */
export async function readMessageAt(
  kafka: Kafka,
  topic: string,
  partition: number,
  offset: string,
  options: ReadMessageAtOptions = {},
): Promise<MessageAtOutcome> {
  const target = BigInt(offset);
  const bounds = await watermarks(kafka, topic, partition);
  const where = `${topic}/${partition}@${offset}`;
  if (bounds === null)
    return {
      found: false,
      reason: 'no-such-partition',
      detail: `${topic} has no partition ${partition}`,
    };
  if (target < bounds.low)
    return {
      found: false,
      reason: 'deleted-by-retention',
      detail: `${where} is below the low watermark ${bounds.low}: retention has deleted it`,
    };
  if (target >= bounds.high)
    return {
      found: false,
      reason: 'not-yet-written',
      detail: `${where} is at or past the high watermark ${bounds.high}`,
    };
  const first = await firstRecordFrom(kafka, topic, partition, offset, options.timeoutMs ?? 10_000);
  if (BigInt(first.offset) !== target)
    return {
      found: false,
      reason: 'gone',
      detail: `${where} is no longer on the partition (the next record is at ${first.offset})`,
    };
  return { found: true, message: toInboundMessage(topic, partition, first) };
}

async function watermarks(
  kafka: Kafka,
  topic: string,
  partition: number,
): Promise<{ readonly low: bigint; readonly high: bigint } | null> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const found = offsets.find((p) => p.partition === partition);
    return found === undefined ? null : { low: BigInt(found.low), high: BigInt(found.high) };
  } finally {
    await admin.disconnect();
  }
}

/** The first record at or after `offset`: a new group, subscribed at the end, seeks back. */
async function firstRecordFrom(
  kafka: Kafka,
  topic: string,
  partition: number,
  offset: string,
  timeoutMs: number,
): Promise<KafkaMessage> {
  const groupId = `read-message-at-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    return await new Promise<KafkaMessage>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `readMessageAt(${topic}/${partition}@${offset}): no record within ${timeoutMs} ms`,
            ),
          ),
        timeoutMs,
      );
      void consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            if (batch.partition !== partition) return;
            const record = batch.messages.find((m) => BigInt(m.offset) >= BigInt(offset));
            if (record !== undefined) resolve(record);
          },
        })
        .then(() => consumer.seek({ topic, partition, offset }), reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
