// Broker loss on a dedicated broker: kafkajs 2.2.4 tends to crash with a non-retriable
// "Failed to find group coordinator" and never restart (kafkajs #1513) when the broker goes
// away. The consumer must come back by itself and deliver everything produced around the outage.
import type { Kafka } from 'kafkajs';
import {
  JsonTestHandler,
  TEST_CONSUMER_TIMINGS,
  countMessages,
  createTopicWithDeadLetters,
  deleteTopicsWithPrefix,
  jsonMessages,
  produceMessages,
  requireDedicatedKafkaBroker,
  testRunId,
  waitUntil,
  type DedicatedKafkaBroker,
} from './testing';
import { TopicConsumer, createKafka, dlqOf } from './index';

jest.setTimeout(90_000);

const runId = testRunId();
let broker: DedicatedKafkaBroker;
let kafka: Kafka;

beforeAll(async () => {
  broker = await requireDedicatedKafkaBroker();
  // The outage makes kafkajs log dozens of expected connection errors.
  kafka = createKafka({ brokers: broker.brokers, clientId: 'messaging-spec', logLevel: 'nothing' });
}, 200_000);

afterAll(async () => {
  if (kafka !== undefined) await deleteTopicsWithPrefix(kafka, runId);
  if (broker?.started) await broker.run('stop');
}, 60_000);

describe('a consumer whose broker restarts mid-stream', () => {
  const topic = `${runId}.outage`;
  const handler = new JsonTestHandler();
  const rebuildReasons: string[] = [];
  // Offsets are per partition, so a message is named by its payload index instead.
  const wave = (from: number) =>
    jsonMessages(60, (i) => (i === 30 ? { ok: false, i: from + i } : { ok: true, i: from + i }), 6);
  const storedIndexes = () =>
    new Set([...handler.stored.values()].map((v) => (v as { i: number }).i));
  let consumer: TopicConsumer;

  afterAll(() => consumer?.stop());

  it('delivers everything produced before and after the restart, without intervention', async () => {
    await createTopicWithDeadLetters(kafka, topic, 3);
    consumer = new TopicConsumer({
      kafka,
      groupId: `${topic}.group`,
      topics: [topic],
      handler,
      ...TEST_CONSUMER_TIMINGS,
      observer: { onRebuild: (reason) => rebuildReasons.push(reason) },
    });
    await consumer.start();
    await produceMessages(kafka, topic, wave(0));
    await waitUntil(() => handler.stored.size === 59, {
      timeoutMs: 15_000,
      what: () => `${handler.stored.size} of 59`,
    });

    await broker.run('stop');
    await broker.run('start');
    const restartedAt = Date.now();
    await produceMessages(kafka, topic, wave(60));
    await waitUntil(() => handler.stored.size === 118, {
      timeoutMs: 60_000,
      what: () => `${handler.stored.size} of 118 stored; ${JSON.stringify(consumer.status())}`,
    });
    const recoveryMs = Date.now() - restartedAt;

    expect([...storedIndexes()].sort((a, b) => a - b)).toEqual(
      [...Array(120).keys()].filter((i) => i !== 30 && i !== 90),
    );
    await waitUntil(async () => (await countMessages(kafka, dlqOf(topic))) >= 2, {
      timeoutMs: 10_000,
      what: () => 'the poison message produced after the restart was not dead-lettered',
    });
    await waitUntil(() => consumer.healthy(), {
      timeoutMs: 10_000,
      what: () => JSON.stringify(consumer.status()),
    });
    expect(recoveryMs).toBeLessThan(60_000);
    // kafkajs 2.2.4 does not come back on its own here: every run so far it crashed with a
    // non-retriable connection error (restart: false) and the rebuild brought it back.
    expect(rebuildReasons.length).toBeGreaterThanOrEqual(1);
    expect(rebuildReasons[0]).toMatch(/^crash: KafkaJS/);
    expect(consumer.status().rebuilds).toBe(rebuildReasons.length);
  });
});
