// ingestion_consumer_lag across a rebalance, on the real broker: two members of one group on a
// two-partition topic. A member reports lag only for the partitions it owns now; a partition
// that moved away takes its series with it (deploy/README.md: the stale-lag finding).
import { TopicConsumer, createKafka } from '@churn/messaging';
import {
  JsonTestHandler,
  TEST_CONSUMER_TIMINGS,
  createTopicWithDeadLetters,
  deleteTopicsWithPrefix,
  requireKafkaBroker,
  testRunId,
  waitUntil,
} from '@churn/messaging/testing';
import { Metrics } from '@churn/observability';
import { ingestionObserver } from './ingestion-metrics';

jest.setTimeout(60_000);

const runId = testRunId();
const topic = `${runId}.lag`;
let kafka: ReturnType<typeof createKafka>;

beforeAll(async () => {
  const { brokers } = await requireKafkaBroker();
  // Rebalances log errors by design.
  kafka = createKafka({ brokers, clientId: 'ingestion-lag-spec', logLevel: 'nothing' });
  await createTopicWithDeadLetters(kafka, topic, 2);
}, 200_000);

afterAll(() => deleteTopicsWithPrefix(kafka, runId));

/** A member with its own registry, as each ingestion process has. */
const member = () => {
  const metrics = new Metrics({ processMetrics: false });
  const consumer = new TopicConsumer({
    kafka,
    groupId: `${topic}.group`,
    topics: [topic],
    handler: new JsonTestHandler(),
    observer: ingestionObserver(metrics),
    ...TEST_CONSUMER_TIMINGS,
  });
  /** The partitions it reports lag for, from its /metrics. */
  const reported = async (): Promise<number[]> =>
    [...(await metrics.exposition()).matchAll(/^ingestion_consumer_lag\{[^}]*partition="(\d+)"/gm)]
      .map((m) => Number(m[1]))
      .sort();
  const owned = (): number[] => [...(consumer.status().assignment[topic] ?? [])].sort();
  return { consumer, reported, owned };
};

describe('a member that shares its partitions with a second one, then has them back', () => {
  type Member = ReturnType<typeof member>;
  let first: Member;
  let second: Member;

  beforeAll(() => {
    first = member();
    second = member();
  });

  afterAll(() => Promise.all([first.consumer.stop(), second.consumer.stop()]));

  const reportsWhatItOwns = async (m: Member, count: number) => {
    await waitUntil(
      async () =>
        m.owned().length === count &&
        JSON.stringify(await m.reported()) === JSON.stringify(m.owned()),
      {
        timeoutMs: 30_000,
        what: () => `owns ${JSON.stringify(m.consumer.status().assignment)}`,
      },
    );
  };

  it('reports lag for both partitions while it is alone', async () => {
    await first.consumer.start();
    await reportsWhatItOwns(first, 2);
    expect(await first.reported()).toEqual([0, 1]);
  });

  it('drops the partition the rebalance gave the second member', async () => {
    await second.consumer.start();
    await reportsWhatItOwns(second, 1);
    await reportsWhatItOwns(first, 1);
    const [a, b] = [await first.reported(), await second.reported()];
    expect([...a, ...b].sort()).toEqual([0, 1]);
    // Watchdog ticks after the rebalance bring nothing back.
    await new Promise((resolve) =>
      setTimeout(resolve, 3 * TEST_CONSUMER_TIMINGS.watchdogIntervalMs),
    );
    expect(await first.reported()).toEqual(a);
  });

  it('reports both again when the second leaves, which reports none once stopped', async () => {
    expect((await second.consumer.stop()).graceful).toBe(true);
    expect(await second.reported()).toEqual([]);
    await reportsWhatItOwns(first, 2);
  });
});
