// Creates the topics a service needs before it produces or consumes, with their configuration
// spelled out. Safe to call on every start-up: existing topics are left alone.
import { Kafka, type Admin, type ITopicConfig } from 'kafkajs';
import { createKafka } from './kafka-client';
import type { TopicSpec } from './topics';
import { waitForLeaders } from './wait-for-leaders';

export interface PartitionMismatch {
  readonly topic: string;
  readonly expected: number;
  readonly actual: number;
}

export interface EnsureTopicsReport {
  readonly created: string[];
  readonly existing: string[];
  /**
   * Existing topics whose partition count differs from the spec. Reported, not fixed: adding
   * partitions moves keys to other partitions and breaks per-key order, so it is a decision.
   */
  readonly partitionMismatches: PartitionMismatch[];
}

export interface EnsureTopicsOptions {
  /** Broker-side timeout for topic creation, and how long to wait for the new topics' leaders. */
  readonly timeoutMs?: number;
}

export async function ensureTopics(
  target: Kafka | readonly string[],
  topics: readonly TopicSpec[],
  options: EnsureTopicsOptions = {},
): Promise<EnsureTopicsReport> {
  topics.forEach(assertValidSpec);
  const names = topics.map((t) => t.name);
  if (new Set(names).size !== names.length)
    throw new Error(`ensureTopics: duplicate topic names in ${names.join(', ')}`);
  const kafka =
    target instanceof Kafka
      ? target
      : createKafka({ brokers: target, clientId: 'churn-topic-admin' });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const before = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !before.has(t.name));
    if (missing.length > 0) {
      const timeoutMs = options.timeoutMs ?? 10_000;
      // Resolves false (instead of throwing) when another process created some of them
      // between our listing and this call; those then count as created, which is harmless.
      await admin.createTopics({
        topics: missing.map(toTopicConfig),
        waitForLeaders: false,
        timeout: timeoutMs,
      });
      // Callers produce right after this; a topic without leaders would fail their first send.
      await waitForLeaders(admin, new Map(missing.map((t) => [t.name, t.partitions])), timeoutMs);
    }
    const existingSpecs = topics.filter((t) => before.has(t.name));
    return {
      created: missing.map((t) => t.name),
      existing: existingSpecs.map((t) => t.name),
      partitionMismatches: await findPartitionMismatches(admin, existingSpecs),
    };
  } finally {
    await admin.disconnect();
  }
}

function toTopicConfig(spec: TopicSpec): ITopicConfig {
  return {
    topic: spec.name,
    numPartitions: spec.partitions,
    replicationFactor: spec.replicationFactor,
    configEntries: [
      { name: 'retention.ms', value: String(spec.retentionMs) },
      { name: 'cleanup.policy', value: spec.cleanupPolicy },
    ],
  };
}

async function findPartitionMismatches(
  admin: Admin,
  specs: readonly TopicSpec[],
): Promise<PartitionMismatch[]> {
  if (specs.length === 0) return [];
  const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.name) });
  const actual = new Map(topics.map((t) => [t.name, t.partitions.length]));
  return specs
    .map((s) => ({ topic: s.name, expected: s.partitions, actual: actual.get(s.name) ?? 0 }))
    .filter((m) => m.actual !== m.expected);
}

// The broker would reject these too, but with a less helpful message and after a round trip.
function assertValidSpec(spec: TopicSpec): void {
  const positiveInt = (n: number): boolean => Number.isInteger(n) && n > 0;
  if (!positiveInt(spec.partitions) || !positiveInt(spec.replicationFactor)) {
    throw new Error(
      `Topic ${spec.name}: partitions and replicationFactor must be positive integers`,
    );
  }
  if (!Number.isInteger(spec.retentionMs) || spec.retentionMs < -1) {
    throw new Error(`Topic ${spec.name}: retentionMs must be an integer >= -1`);
  }
}
