// Every knob of a TopicConsumer with its default and the reason for it, validated once at
// construction so a bad value fails start-up instead of misbehaving under load.
import type { Kafka } from 'kafkajs';
import type { BatchHandler } from './batch-handler';
import type { ConsumerObserver } from './consumer-observer';
import type { Backoff } from './timing';

export interface TopicConsumerSettings {
  /** From createKafka(); every consumer instance (first and rebuilt) is made from it. */
  readonly kafka: Kafka;
  readonly groupId: string;
  /** Each needs its `<topic>.dlq` twin; start() checks both exist (auto-creation is off). */
  readonly topics: readonly string[];
  readonly handler: BatchHandler;
  readonly observer?: ConsumerObserver;
  /** A new group reads retained history (true, the default) or only new messages. */
  readonly fromBeginning?: boolean;
  /** Largest slice of a fetched batch handed to the handler at once. */
  readonly maxChunkSize?: number;
  /** Partitions handled in parallel; a partition never has two batches in flight. */
  readonly partitionsConsumedConcurrently?: number;
  /** Values larger than this are dead-lettered as 'oversized' without reaching the handler. */
  readonly maxValueBytes?: number;
  /** Fetch size bounds: with "next fetch after the handler resolves" they bound memory. */
  readonly maxBytesPerPartition?: number;
  readonly maxBytes?: number;
  /** How long the broker may hold an empty fetch; also how fast a rebalance is noticed. */
  readonly maxWaitTimeMs?: number;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  readonly rebalanceTimeoutMs?: number;
  /** No handler activity for this long while owned partitions have lag → rebuild. */
  readonly stallTimeoutMs?: number;
  /** How often the watchdog reads group offsets (and reports lag). */
  readonly watchdogIntervalMs?: number;
  /** Between retries of a chunk whose handler threw. maxMs must stay below stallTimeoutMs. */
  readonly handlerRetry?: Backoff;
  /** Between attempts to build a new consumer while the broker is unreachable. */
  readonly rebuildBackoff?: Backoff;
  /** How long stop() waits for the batch in flight before giving up on it (not committed). */
  readonly stopTimeoutMs?: number;
  /** How long a rebuild waits for the old consumer to let go before abandoning it. */
  readonly teardownTimeoutMs?: number;
}

export type ResolvedSettings = Required<Omit<TopicConsumerSettings, 'observer'>> &
  Pick<TopicConsumerSettings, 'observer'>;

export function resolveSettings(settings: TopicConsumerSettings): ResolvedSettings {
  const stallTimeoutMs = settings.stallTimeoutMs ?? 15_000;
  const resolved: ResolvedSettings = {
    fromBeginning: true,
    maxChunkSize: 500,
    partitionsConsumedConcurrently: 1,
    maxValueBytes: 1024 * 1024,
    maxBytesPerPartition: 1024 * 1024,
    maxBytes: 10 * 1024 * 1024,
    maxWaitTimeMs: 1_000,
    sessionTimeoutMs: 30_000,
    heartbeatIntervalMs: 3_000,
    rebalanceTimeoutMs: 60_000,
    watchdogIntervalMs: Math.min(5_000, Math.ceil(stallTimeoutMs / 3)),
    handlerRetry: { initialMs: 200, maxMs: Math.min(5_000, Math.floor(stallTimeoutMs / 2)) },
    rebuildBackoff: { initialMs: 500, maxMs: 30_000 },
    stopTimeoutMs: 30_000,
    teardownTimeoutMs: 10_000,
    ...withoutUndefined(settings),
    kafka: settings.kafka,
    groupId: settings.groupId,
    topics: settings.topics,
    handler: settings.handler,
    stallTimeoutMs,
  };
  assertValid(resolved);
  return resolved;
}

function assertValid(s: ResolvedSettings): void {
  const problems = [
    s.groupId.length === 0 && 'groupId is empty',
    s.topics.length === 0 && 'topics is empty',
    !(s.maxChunkSize >= 1) && 'maxChunkSize must be at least 1',
    !(s.partitionsConsumedConcurrently >= 1) && 'partitionsConsumedConcurrently must be >= 1',
    !(s.heartbeatIntervalMs < s.sessionTimeoutMs) &&
      'heartbeatIntervalMs must be < sessionTimeoutMs',
    // A chunk that keeps failing still touches the activity clock on every attempt; a longer
    // backoff would look like a stall and rebuild a consumer that is merely waiting.
    !(s.handlerRetry.maxMs < s.stallTimeoutMs) && 'handlerRetry.maxMs must be < stallTimeoutMs',
    !(s.watchdogIntervalMs > 0) && 'watchdogIntervalMs must be positive',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new Error(`TopicConsumer(${s.groupId}): ${problems.join('; ')}`);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
