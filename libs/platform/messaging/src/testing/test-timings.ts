// Consumer timings for tests: production defaults (30 s sessions, 1 s fetch waits, 15 s stall
// timeout) would make every rebalance and recovery test wait for tens of seconds.
import type { TopicConsumerSettings } from '../topic-consumer.settings';

export const TEST_CONSUMER_TIMINGS = {
  maxWaitTimeMs: 200,
  heartbeatIntervalMs: 500,
  // The broker's floor (group.min.session.timeout.ms).
  sessionTimeoutMs: 6_000,
  rebalanceTimeoutMs: 10_000,
  stallTimeoutMs: 5_000,
  watchdogIntervalMs: 500,
  handlerRetry: { initialMs: 50, maxMs: 500 },
  rebuildBackoff: { initialMs: 250, maxMs: 2_000 },
  stopTimeoutMs: 10_000,
  teardownTimeoutMs: 5_000,
} satisfies Partial<TopicConsumerSettings>;
