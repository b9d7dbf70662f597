// Poison messages on a real broker: each lands in <topic>.dlq with its original bytes and the
// envelope headers, and the good messages around them are accepted.
import type { Kafka } from 'kafkajs';
import {
  JsonTestHandler,
  TEST_CONSUMER_TIMINGS,
  committedOffsets,
  countMessages,
  createTopicWithDeadLetters,
  deleteTopicsWithPrefix,
  produceMessages,
  readTopic,
  requireKafkaBroker,
  testRunId,
  waitUntil,
} from './testing';
import { DeadLetterHeaders, TopicConsumer, createKafka, dlqOf, headerText } from './index';

jest.setTimeout(30_000);

const runId = testRunId();
let kafka: Kafka;

beforeAll(async () => {
  const { brokers } = await requireKafkaBroker();
  kafka = createKafka({ brokers, clientId: 'messaging-spec', logLevel: 'error' });
}, 200_000);

afterAll(() => deleteTopicsWithPrefix(kafka, runId));

describe('a partition with poison messages between good ones', () => {
  const topic = `${runId}.poison`;
  const key = Buffer.from('customer-1');
  const notUtf8 = Buffer.from([0xff, 0xfe, 0x00, 0x7b]);
  const huge = JSON.stringify({ ok: true, padding: 'x'.repeat(20_000) });
  const earlier = '2024-01-02T03:04:05.000Z';
  const handler = new JsonTestHandler();
  const rejections: string[] = [];
  let consumer: TopicConsumer;
  let startedAt: Date;

  beforeAll(async () => {
    await createTopicWithDeadLetters(kafka, topic, 1);
    await produceMessages(kafka, topic, [
      { key, value: JSON.stringify({ ok: true, n: 0 }) },
      { key, value: notUtf8, headers: { 'correlation-id': 'c-1' } },
      { key, value: huge },
      // A dead letter replayed after a fix that still fails: keeps its first-seen time.
      {
        key,
        value: JSON.stringify({ ok: false }),
        headers: { [DeadLetterHeaders.firstSeenAt]: earlier },
      },
      { key, value: JSON.stringify({ ok: true, n: 4 }) },
    ]);
    startedAt = new Date();
    consumer = new TopicConsumer({
      kafka,
      groupId: `${topic}.group`,
      topics: [topic],
      handler,
      maxValueBytes: 10_000,
      observer: { onRejected: (_t, reason, count) => rejections.push(`${reason}×${count}`) },
      ...TEST_CONSUMER_TIMINGS,
    });
    await consumer.start();
    await waitUntil(() => handler.stored.size === 2, {
      timeoutMs: 15_000,
      what: () => `${handler.stored.size} of 2 good messages accepted`,
    });
  });

  afterAll(() => consumer?.stop());

  it('accepts the good messages before and behind the poison', () => {
    expect([...handler.stored.keys()]).toEqual([`${topic}/0/0`, `${topic}/0/4`]);
    expect(rejections.sort()).toEqual(['malformed-json×1', 'not-ok×1', 'oversized×1']);
  });

  it('dead-letters each poison message with its original bytes and the envelope headers', async () => {
    const letters = await readTopic(kafka, dlqOf(topic), { untilCount: 3, timeoutMs: 10_000 });
    expect(await countMessages(kafka, dlqOf(topic))).toBe(3);
    const byOffset = new Map(
      letters.map((l) => [headerText(l, DeadLetterHeaders.sourceOffset), l]),
    );
    const header = (offset: string, name: string) => {
      const letter = byOffset.get(offset);
      return letter === undefined ? 'missing letter' : headerText(letter, name);
    };

    expect(byOffset.get('1')?.value?.equals(notUtf8)).toBe(true);
    expect(byOffset.get('2')?.value?.toString()).toBe(huge);
    for (const letter of letters) {
      expect(letter.key?.equals(key)).toBe(true);
      expect(headerText(letter, DeadLetterHeaders.sourceTopic)).toBe(topic);
      expect(headerText(letter, DeadLetterHeaders.sourcePartition)).toBe('0');
    }
    expect(header('1', DeadLetterHeaders.reason)).toBe('malformed-json');
    expect(header('1', DeadLetterHeaders.detail)).toMatch(/JSON/);
    expect(header('1', 'correlation-id')).toBe('c-1'); // the source's own headers travel along
    expect(header('2', DeadLetterHeaders.reason)).toBe('oversized');
    expect(header('2', DeadLetterHeaders.detail)).toBe(
      `value is ${huge.length} bytes, limit 10000`,
    );
    expect(header('3', DeadLetterHeaders.reason)).toBe('not-ok');
    expect(header('3', DeadLetterHeaders.field)).toBe('ok');
    expect(header('3', DeadLetterHeaders.firstSeenAt)).toBe(earlier);
    const firstSeen = new Date(header('1', DeadLetterHeaders.firstSeenAt) ?? '');
    expect(firstSeen.getTime()).toBeGreaterThanOrEqual(startedAt.getTime() - 1_000);
    expect(firstSeen.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('keeps consuming after the poison and commits past it', async () => {
    await produceMessages(kafka, topic, [{ key, value: JSON.stringify({ ok: true, n: 5 }) }]);
    await waitUntil(() => handler.stored.has(`${topic}/0/5`), {
      timeoutMs: 10_000,
      what: () => `accepted: ${[...handler.stored.keys()].join(', ')}`,
    });
    await waitUntil(
      async () => (await committedOffsets(kafka, `${topic}.group`, topic)).get(0) === '6',
      {
        timeoutMs: 5_000,
        what: () => 'committed offset of partition 0 is not 6',
      },
    );
    expect(handler.duplicates()).toEqual([]);
  });
});
