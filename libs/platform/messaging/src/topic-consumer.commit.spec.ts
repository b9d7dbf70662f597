// When offsets move: only after the handler resolved, so a failing handler sees its batch
// again and a graceful stop hands over exactly where it left off.
import type { Admin, Kafka } from 'kafkajs';
import {
  JsonTestHandler,
  TEST_CONSUMER_TIMINGS,
  committedOffsets,
  createTopicWithDeadLetters,
  deleteTopicsWithPrefix,
  highWatermarks,
  jsonMessages,
  produceMessages,
  requireKafkaBroker,
  testRunId,
  waitUntil,
} from './testing';
import { TopicConsumer, createKafka, type InboundMessage } from './index';

jest.setTimeout(30_000);

const runId = testRunId();
let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  const { brokers } = await requireKafkaBroker();
  kafka = createKafka({ brokers, clientId: 'messaging-spec', logLevel: 'error' });
  admin = kafka.admin();
  await admin.connect();
}, 200_000);

afterAll(async () => {
  await deleteTopicsWithPrefix(kafka, runId);
  await admin?.disconnect();
});

const good = (count: number) => jsonMessages(count, (i) => ({ ok: true, i }), 6);

describe('a handler that fails the first time it sees each batch', () => {
  const topic = `${runId}.flaky`;
  const groupId = `${topic}.group`;
  const seen = new Set<string>();
  /** Per call: first offset of the call and the group's committed offset at that moment. */
  const atCall: { first: string; committed: string }[] = [];
  let failures = 0;
  const handler = new JsonTestHandler({
    beforeHandle: async (messages) => {
      const first = messages[0] as InboundMessage;
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committed = offsets?.partitions.find((p) => p.partition === first.partition)?.offset;
      atCall.push({ first: first.offset, committed: committed ?? 'none' });
      const at = `${first.partition}/${first.offset}`;
      if (!seen.has(at)) {
        seen.add(at);
        throw new Error('event store unavailable');
      }
    },
  });
  let consumer: TopicConsumer;

  beforeAll(async () => {
    await createTopicWithDeadLetters(kafka, topic, 3);
    await produceMessages(kafka, topic, good(60));
    consumer = new TopicConsumer({
      kafka,
      groupId,
      topics: [topic],
      handler,
      maxChunkSize: 7,
      observer: { onHandlerError: () => (failures += 1) },
      ...TEST_CONSUMER_TIMINGS,
    });
    await consumer.start();
    await waitUntil(() => handler.stored.size === 60, {
      timeoutMs: 20_000,
      what: () => `${handler.stored.size} of 60 accepted`,
    });
  });

  afterAll(() => consumer?.stop());

  it('stores every message exactly once after the retries', () => {
    expect(handler.duplicates()).toEqual([]);
    expect(failures).toBe(seen.size);
    // Each chunk was handed over twice with the same messages: the failure and the retry.
    expect(handler.calls.length).toBe(2 * seen.size);
  });

  it('had committed nothing of a chunk, and everything before it, whenever the handler ran', () => {
    for (const { first, committed } of atCall) expect(committed).toBe(first === '0' ? '-1' : first);
  });

  it('commits up to the end of every partition', async () => {
    await waitUntil(
      async () =>
        sameOffsets(
          await committedOffsets(kafka, groupId, topic),
          await highWatermarks(kafka, topic),
        ),
      { timeoutMs: 5_000, what: () => 'committed offsets differ from the high watermarks' },
    );
  });
});

describe('a consumer stopped gracefully mid-stream, then replaced in the same group', () => {
  const topic = `${runId}.handover`;
  const groupId = `${topic}.group`;
  const handler = new JsonTestHandler({
    beforeHandle: () => new Promise((resolve) => setTimeout(resolve, 5)), // a store round trip
  });
  const settings = () => ({
    kafka,
    groupId,
    topics: [topic],
    handler,
    maxChunkSize: 10,
    ...TEST_CONSUMER_TIMINGS,
  });
  let second: TopicConsumer | undefined;

  afterAll(() => second?.stop());

  it('resumes from the committed offsets: nothing lost, nothing handled twice', async () => {
    await createTopicWithDeadLetters(kafka, topic, 2);
    await produceMessages(kafka, topic, good(400));
    const first = new TopicConsumer(settings());
    await first.start();
    await waitUntil(() => handler.stored.size >= 50, {
      timeoutMs: 15_000,
      what: () => 'first consumer idle',
    });
    const outcome = await first.stop();
    const storedAtStop = handler.stored.size;
    expect(outcome).toEqual({ graceful: true, problems: [] });
    expect(storedAtStop).toBeLessThan(400); // really mid-stream

    // Committed exactly what was stored: per partition, offsets 0..n-1 were accepted.
    const committed = await committedOffsets(kafka, groupId, topic);
    for (const [partition, offset] of committed) {
      const accepted = [...handler.stored.keys()].filter((c) =>
        c.startsWith(`${topic}/${partition}/`),
      );
      expect(offset).toBe(accepted.length === 0 ? '-1' : String(accepted.length));
    }

    second = new TopicConsumer(settings());
    await second.start();
    await waitUntil(() => handler.stored.size === 400, {
      timeoutMs: 20_000,
      what: () => `${handler.stored.size} of 400 accepted`,
    });
    expect(handler.duplicates()).toEqual([]);
  });
});

function sameOffsets(a: ReadonlyMap<number, string>, b: ReadonlyMap<number, string>): boolean {
  return a.size === b.size && [...a].every(([partition, offset]) => b.get(partition) === offset);
}
