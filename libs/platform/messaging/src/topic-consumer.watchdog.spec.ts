// The stall watchdog, made deterministic: a handler that hangs while its partition has lag is
// exactly what a consumer wedged after broker loss looks like from the outside (no error, no
// progress). The watchdog must replace the kafkajs consumer, and the batch must still arrive.
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

jest.setTimeout(30_000);

const runId = testRunId();
let kafka: Kafka;

beforeAll(async () => {
  const { brokers } = await requireKafkaBroker();
  // An abandoned instance's late commit is refused ("coordinator is not aware of this
  // member"), which kafkajs logs as an ERROR; here that is the expected outcome.
  kafka = createKafka({ brokers, clientId: 'messaging-spec', logLevel: 'nothing' });
}, 200_000);

afterAll(() => deleteTopicsWithPrefix(kafka, runId));

describe('a consumer whose first batch hangs while its partition has lag', () => {
  const topic = `${runId}.hang`;
  let releaseHang: (error: Error) => void = () => undefined;
  const hang = new Promise<void>((_, reject) => (releaseHang = reject));
  const handler = new JsonTestHandler({
    beforeHandle: (_m, call) => (call === 1 ? hang : undefined),
  });
  const rebuildReasons: string[] = [];
  const lags: number[] = [];
  let consumer: TopicConsumer;

  beforeAll(async () => {
    await createTopicWithDeadLetters(kafka, topic, 1);
    await produceMessages(
      kafka,
      topic,
      jsonMessages(5, (i) => ({ ok: true, i })),
    );
    consumer = new TopicConsumer({
      kafka,
      groupId: `${topic}.group`,
      topics: [topic],
      handler,
      ...TEST_CONSUMER_TIMINGS,
      stallTimeoutMs: 1_500,
      watchdogIntervalMs: 250,
      handlerRetry: { initialMs: 50, maxMs: 500 },
      observer: {
        onLag: (_t, _p, lag) => lags.push(lag),
        onRebuild: (reason) => {
          rebuildReasons.push(reason);
          // The hung call fails once its consumer is retired, so the old instance can leave
          // the group promptly; a call that never returned is covered by teardownTimeoutMs.
          releaseHang(new Error('released by the test'));
        },
      },
    });
    await consumer.start();
    await waitUntil(() => handler.stored.size === 5, {
      timeoutMs: 20_000,
      what: () => `${handler.stored.size} of 5 stored; ${JSON.stringify(consumer.status())}`,
    });
  });

  afterAll(() => consumer?.stop());

  it('rebuilds the consumer once, saying it stalled with lag', () => {
    expect(rebuildReasons).toHaveLength(1);
    expect(rebuildReasons[0]).toMatch(/^stalled: in the group, no progress for \d+ ms, lag 5 on /);
    expect(consumer.status()).toMatchObject({ rebuilds: 1, state: 'running' });
    expect(lags).toContain(5);
  });

  it('delivers the hung batch through the new consumer, once', () => {
    expect(handler.calls.map((c) => c.length)).toEqual([5, 5]);
    expect(handler.duplicates()).toEqual([]);
  });

  it('reports healthy again, and lag drops to zero', async () => {
    expect(consumer.healthy()).toBe(true);
    const seen = lags.length;
    await waitUntil(() => lags.length > seen && lags[lags.length - 1] === 0, {
      timeoutMs: 3_000,
      what: () => `lags reported: ${lags.join(', ')}`,
    });
  });
});

describe('a consumer whose handler never returns', () => {
  const topic = `${runId}.never`;
  let releaseHang: (error: Error) => void = () => undefined;
  const hang = new Promise<void>((_, reject) => (releaseHang = reject));
  const handler = new JsonTestHandler({
    beforeHandle: (_m, call) => (call === 1 ? hang : undefined),
  });
  let consumer: TopicConsumer;

  afterAll(async () => {
    // Only now does the abandoned instance get its batch back; stop() waits for it to leave.
    releaseHang(new Error('released by the test'));
    expect(await consumer?.stop()).toEqual({ graceful: true, problems: [] });
  });

  it('abandons the stuck instance after teardownTimeoutMs and carries on without it', async () => {
    await createTopicWithDeadLetters(kafka, topic, 1);
    await produceMessages(
      kafka,
      topic,
      jsonMessages(3, (i) => ({ ok: true, i })),
    );
    consumer = new TopicConsumer({
      kafka,
      groupId: `${topic}.group`,
      topics: [topic],
      handler,
      ...TEST_CONSUMER_TIMINGS,
      stallTimeoutMs: 1_500,
      watchdogIntervalMs: 250,
      teardownTimeoutMs: 500,
    });
    await consumer.start();
    // The new instance can only join once the coordinator evicts the silent old member, one
    // session timeout (6 s here) after its last heartbeat.
    await waitUntil(() => handler.stored.size === 3, {
      timeoutMs: 20_000,
      what: () => `${handler.stored.size} of 3 stored; ${JSON.stringify(consumer.status())}`,
    });
    expect(consumer.status()).toMatchObject({ rebuilds: 1, state: 'running', connected: true });
    expect(consumer.status().lastProblem).toMatch(/did not disconnect within 500 ms/);
  });
});
