// Reads a topic back from the start with a throwaway consumer group, for assertions on what a
// consumer produced (dead letters). The group is deleted afterwards.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { toInboundMessage, type InboundMessage } from '../inbound-message';

export interface ReadTopicOptions {
  /** Resolves as soon as at least this many messages were read. */
  readonly untilCount: number;
  readonly timeoutMs: number;
}

export async function readTopic(
  kafka: Kafka,
  topic: string,
  options: ReadTopicOptions,
): Promise<InboundMessage[]> {
  const groupId = `read-topic-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  const read: InboundMessage[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `readTopic(${topic}): ${read.length} of ${options.untilCount} messages within ${options.timeoutMs} ms`,
            ),
          ),
        options.timeoutMs,
      );
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          read.push(...batch.messages.map((m) => toInboundMessage(topic, batch.partition, m)));
          if (read.length >= options.untilCount) resolve();
        },
      });
    });
    return read;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
}

/** Messages currently in a topic (high minus low watermark, summed over partitions). */
export async function countMessages(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]).catch(() => undefined); // never joined: nothing to delete
  } finally {
    await admin.disconnect();
  }
}
