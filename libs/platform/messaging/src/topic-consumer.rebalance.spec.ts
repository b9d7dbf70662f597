// Two members of one group with partitions moving between them: a second member joins mid-
// stream, then the first leaves. Every message is handled by exactly one of them, once.
import type { Kafka } from 'kafkajs';
import {
  JsonTestHandler,
  TEST_CONSUMER_TIMINGS,
  createTopicWithDeadLetters,
  deleteTopicsWithPrefix,
  jsonMessages,
  produceMessages,
  requireKafkaBroker,
  testRunId,
  waitUntil,
} from './testing';
import { TopicConsumer, createKafka } from './index';

jest.setTimeout(40_000);

const runId = testRunId();
let kafka: Kafka;

beforeAll(async () => {
  const { brokers } = await requireKafkaBroker();
  kafka = createKafka({ brokers, clientId: 'messaging-spec', logLevel: 'nothing' }); // rebalances log ERRORs by design
}, 200_000);

afterAll(() => deleteTopicsWithPrefix(kafka, runId));

describe('a group that gains a member mid-stream and then loses the first one', () => {
  const topic = `${runId}.rebalance`;
  const groupId = `${topic}.group`;
  const slowStore = () => new Promise<void>((resolve) => setTimeout(resolve, 3));
  const handlers: [JsonTestHandler, JsonTestHandler] = [
    new JsonTestHandler({ beforeHandle: slowStore }),
    new JsonTestHandler({ beforeHandle: slowStore }),
  ];
  let consumers: TopicConsumer[] = [];
  const stored = () => handlers.reduce((n, h) => n + h.stored.size, 0);
  const wave = (from: number) => jsonMessages(150, (i) => ({ ok: true, i: from + i }), 12);

  afterAll(() => Promise.all(consumers.map((c) => c.stop())));

  it('hands every message to exactly one member, once', async () => {
    consumers = handlers.map(
      (handler) =>
        new TopicConsumer({
          kafka,
          groupId,
          topics: [topic],
          handler,
          maxChunkSize: 5,
          ...TEST_CONSUMER_TIMINGS,
        }),
    );
    const [first, second] = consumers as [TopicConsumer, TopicConsumer];
    await createTopicWithDeadLetters(kafka, topic, 4);
    await first.start();
    await produceMessages(kafka, topic, wave(0));
    await waitUntil(() => stored() >= 30, { timeoutMs: 10_000, what: () => `${stored()} stored` });

    await second.start();
    await produceMessages(kafka, topic, wave(150));
    await waitUntil(
      () => Object.keys(second.status().assignment).length > 0 && handlers[1].stored.size > 0,
      {
        timeoutMs: 15_000,
        what: () => `second member: ${JSON.stringify(second.status())}`,
      },
    );
    expect((await first.stop()).graceful).toBe(true);

    await produceMessages(kafka, topic, wave(300));
    await waitUntil(() => stored() === 450, {
      timeoutMs: 20_000,
      what: () => `${stored()} of 450 stored`,
    });
    expect(second.status().assignment).toEqual({ [topic]: [0, 1, 2, 3] });

    const [a, b] = handlers.map((h) => new Set(h.stored.keys())) as [Set<string>, Set<string>];
    expect(new Set([...a, ...b]).size).toBe(450);
    expect([...a].filter((c) => b.has(c))).toEqual([]);
    expect(handlers.flatMap((h) => h.duplicates())).toEqual([]);
    expect(a.size).toBeGreaterThan(0);
  });
});
