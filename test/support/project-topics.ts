// The ingestion service reads fixed topic names, so a spec cannot use unique topics: instead each
// spec file starts from a clean slate by deleting and recreating the three inbound topics and
// their dead-letter twins (other topics, e.g. retention alerts, are left alone).
import {
  INBOUND_TOPICS,
  dlqOf,
  ensureTopics,
  projectTopics,
  type TopicSpec,
} from '@churn/messaging';
import { waitUntil } from '@churn/messaging/testing';
import type { Kafka } from 'kafkajs';

/** The inbound topics and their `.dlq` twins, as the project declares them (6 and 3 partitions). */
export const inboundTopicSpecs = (): TopicSpec[] => {
  const names = new Set(INBOUND_TOPICS.flatMap((t) => [t, dlqOf(t)]));
  return projectTopics().filter((spec) => names.has(spec.name));
};

/** Deletes the inbound topics and their dead letters (if present) and creates them empty. */
export async function recreateInboundTopics(kafka: Kafka): Promise<void> {
  const specs = inboundTopicSpecs();
  const names = specs.map((s) => s.name);
  const admin = kafka.admin();
  await admin.connect();
  try {
    const present = (await admin.listTopics()).filter((t) => names.includes(t));
    if (present.length > 0) await admin.deleteTopics({ topics: present, timeout: 15_000 });
    await waitUntil(async () => !(await admin.listTopics()).some((t) => names.includes(t)), {
      timeoutMs: 30_000,
      intervalMs: 200,
      what: () => `topics ${names.join(', ')} still listed after deletion`,
    });
  } finally {
    await admin.disconnect();
  }
  // Deletion is asynchronous on the broker: a create right after it may still be refused.
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      // Topics created by an earlier attempt count as existing; each must have its partitions.
      const report = await ensureTopics(kafka, specs);
      if (report.partitionMismatches.length === 0) return;
      throw new Error(`partition mismatch: ${JSON.stringify(report.partitionMismatches)}`);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
