// Topics for one test run: unique names (runs never see each other's data), each with its
// dead-letter twin, deleted together at the end.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { ensureTopics } from '../topic-admin';
import { dlqOf, type TopicSpec } from '../topics';

/** A prefix unique to this run, e.g. `it-1700000000000-1a2b3c4d`. */
export function testRunId(): string {
  return `it-${Date.now()}-${randomUUID().slice(0, 8)}`;
}

/** Creates `name` and `name.dlq`; short retention, the broker cleans up what a crash leaves. */
export async function createTopicWithDeadLetters(
  kafka: Kafka,
  name: string,
  partitions: number,
): Promise<void> {
  const spec = (topic: string, count: number): TopicSpec => ({
    name: topic,
    partitions: count,
    replicationFactor: 1,
    retentionMs: 3_600_000,
    cleanupPolicy: 'delete',
  });
  await ensureTopics(kafka, [spec(name, partitions), spec(dlqOf(name), 1)]);
}

export async function deleteTopicsWithPrefix(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ours = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
  } finally {
    await admin.disconnect();
  }
}
