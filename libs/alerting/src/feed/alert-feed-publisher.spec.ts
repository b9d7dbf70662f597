// The downstream feed against the real broker and the embedded store: what a CRM reads from
// retention.alerts.v1 while RMs work an alert, across restarts and a stop at the worst moment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acknowledgeCommand,
  alertCustomer,
  raiseCommand,
  resolveCommand,
  TEST_AT,
  TEST_POLICY,
} from '@churn/domain-alert/testing';
import { SqliteEventStore, type CheckpointStore } from '@churn/event-store';
import { TopicPublisher, createKafka, headerText, type InboundMessage } from '@churn/messaging';
import {
  countMessages,
  createTopicWithDeadLetters,
  deleteTopicsWithPrefix,
  readTopic,
  requireKafkaBroker,
  testRunId,
  waitUntil,
} from '@churn/messaging/testing';
import { Metrics } from '@churn/observability';
import { AlertingEngine } from '../alerting.module';
import { AlertRepository } from '../store/alert-repository';
import { ManualClock, RecordingSender, TEST_CONFIG, alertEvents } from '../testing';
import { AlertFeedPublisher, DEFAULT_FEED_OPTIONS } from './alert-feed-publisher';

jest.setTimeout(60_000);

const runId = testRunId();
const dir = mkdtempSync(join(tmpdir(), 'alert-feed-'));
const LATER = '2026-12-01T02:00:00.000Z';
const CUSTOMER = alertCustomer().customerId;
let kafka: ReturnType<typeof createKafka>;
let publisher: TopicPublisher;
let topics = 0;
let files = 0;

beforeAll(async () => {
  const { brokers } = await requireKafkaBroker();
  kafka = createKafka({ brokers, clientId: 'alert-feed-spec', logLevel: 'error' });
  publisher = new TopicPublisher(kafka);
  await publisher.connect();
}, 200_000);

afterAll(async () => {
  await publisher?.disconnect();
  await deleteTopicsWithPrefix(kafka, runId);
  rmSync(dir, { recursive: true, force: true });
});

const freshTopic = async (): Promise<string> => {
  const topic = `${runId}.retention.alerts.v1.${++topics}`;
  await createTopicWithDeadLetters(kafka, topic, 3);
  return topic;
};

const freshStore = () =>
  SqliteEventStore.open(join(dir, `events-${++files}.db`), { pollIntervalMs: 5 });

const feedOn = (
  store: SqliteEventStore,
  topic: string,
  checkpoints: CheckpointStore = store.checkpointStore(),
) =>
  new AlertFeedPublisher(store, checkpoints, publisher, {
    ...DEFAULT_FEED_OPTIONS,
    topic,
    flushEveryMs: 20,
  });

/** Resolves once the feed has every alert-stream event up to the store's end acknowledged. */
const caughtUp = async (feed: AlertFeedPublisher, store: SqliteEventStore): Promise<void> => {
  const events = await alertEvents(store);
  const last = events[events.length - 1]?.position ?? 0;
  await waitUntil(() => feed.published >= last, {
    timeoutMs: 15_000,
    what: () => `feed at ${feed.published} of ${last}: ${feed.error ?? 'no error'}`,
  });
};

const payloadOf = (m: InboundMessage): Record<string, unknown> =>
  JSON.parse(m.value?.toString('utf8') ?? 'null') as Record<string, unknown>;

const lifecycle = (messages: readonly InboundMessage[]) =>
  messages.map((m) => ({
    key: m.key?.toString('utf8'),
    eventId: headerText(m, 'event-id'),
    type: headerText(m, 'event-type'),
    alertId: headerText(m, 'alert-id'),
  }));

describe('an alert raised, acknowledged and resolved while the feed restarts in between', () => {
  let topic: string;
  let store: SqliteEventStore;
  let repository: AlertRepository;

  beforeAll(async () => {
    topic = await freshTopic();
    store = freshStore();
    repository = new AlertRepository(store);
  });

  afterAll(() => store.close());

  it('publishes the raise and the acknowledgement, not the notification requests beside them', async () => {
    const feed = feedOn(store, topic);
    await feed.start();
    await repository.execute('A-1', raiseCommand());
    await repository.execute('A-1', acknowledgeCommand('RM-1', LATER));
    await caughtUp(feed, store);
    await feed.stop();
    expect(feed.sent).toBe(2);
    expect(await countMessages(kafka, topic)).toBe(2);
  });

  it('after a restart publishes only the resolution: nothing before the checkpoint again', async () => {
    const feed = feedOn(store, topic);
    await feed.start();
    await repository.execute('A-1', resolveCommand('RM-1', LATER));
    await caughtUp(feed, store);
    await feed.stop();
    expect(feed.sent).toBe(1);
    expect(await countMessages(kafka, topic)).toBe(3);
  });

  it("leaves three messages keyed by the customer, headed by the stored events' ids and types", async () => {
    const stored = (await alertEvents(store)).filter(
      (e) => !e.type.startsWith('AlertNotification'),
    );
    const messages = await readTopic(kafka, topic, { untilCount: 3, timeoutMs: 15_000 });
    expect(lifecycle(messages)).toEqual(
      stored.map((e) => ({ key: CUSTOMER, eventId: e.id, type: e.type, alertId: 'A-1' })),
    );
    expect(stored.map((e) => e.type)).toEqual([
      'RetentionAlertRaised',
      'RetentionAlertAcknowledged',
      'RetentionAlertResolved',
    ]);
    expect(messages.map(payloadOf)).toEqual([
      {
        eventId: stored[0]?.id,
        alertId: 'A-1',
        customerId: CUSTOMER,
        type: 'RetentionAlertRaised',
        occurredAt: TEST_AT,
        severity: 'critical',
        level: 'rm',
        holder: { kind: 'staff', staffId: 'RM-1' },
        policyVersion: TEST_POLICY.version,
      },
      {
        eventId: stored[1]?.id,
        alertId: 'A-1',
        customerId: CUSTOMER,
        type: 'RetentionAlertAcknowledged',
        occurredAt: LATER,
        level: 'rm',
      },
      {
        eventId: stored[2]?.id,
        alertId: 'A-1',
        customerId: CUSTOMER,
        type: 'RetentionAlertResolved',
        occurredAt: LATER,
        level: 'rm',
        outcome: 'retained',
        reason: 'rate',
      },
    ]);
  });
});

describe('a feed stopped after the broker took a batch but before its checkpoint was saved', () => {
  it('publishes the batch again after the restart, with the same event ids', async () => {
    const topic = await freshTopic();
    const store = freshStore();
    const repository = new AlertRepository(store);
    const real = store.checkpointStore();
    // The store refuses the checkpoint: the window between the broker's ack and the save.
    const refusing: CheckpointStore = {
      load: (id) => real.load(id),
      save: () => Promise.reject(new Error('disk full')),
    };
    const first = feedOn(store, topic, refusing);
    await first.start();
    await repository.execute('A-1', raiseCommand());
    await repository.execute('A-1', acknowledgeCommand('RM-1', LATER));
    await caughtUp(first, store);
    expect(first.error).toBe('disk full');
    await first.stop();
    expect(await real.load(DEFAULT_FEED_OPTIONS.subscriberId)).toBeUndefined();

    const second = feedOn(store, topic);
    await second.start();
    await caughtUp(second, store);
    await second.stop();
    const ids = lifecycle(await readTopic(kafka, topic, { untilCount: 4, timeoutMs: 15_000 })).map(
      (m) => m.eventId,
    );
    expect(ids).toHaveLength(4);
    expect(ids.slice(2)).toEqual(ids.slice(0, 2));
    expect(new Set(ids).size).toBe(2);

    // Checkpointed now: a third start sends nothing.
    const third = feedOn(store, topic);
    await third.start();
    await third.flush();
    await third.stop();
    expect(third.sent).toBe(0);
    expect(await countMessages(kafka, topic)).toBe(4);
    store.close();
  });
});

describe('the alerting engine with the feed on', () => {
  it('follows its alerts on the topic, and shows the feed on /health and /metrics', async () => {
    const topic = await freshTopic();
    const store = freshStore();
    const metrics = new Metrics({ processMetrics: false });
    const engine = new AlertingEngine(
      { store, checkpoints: store.checkpointStore() },
      {
        config: TEST_CONFIG,
        clock: new ManualClock(TEST_AT),
        senders: [new RecordingSender('inbox')],
        bridge: false,
        timers: { intervalMs: 0 },
        dispatcher: { intervalMs: 0 },
        feed: { publisher, options: { topic, flushEveryMs: 20 } },
        lagEveryMs: 20,
      },
      metrics,
    );
    await engine.start();
    try {
      const feed = engine.feed;
      if (feed === null) throw new Error('the feed is off');
      await engine.repository.execute('A-9', raiseCommand({ alertId: 'A-9' }));
      await engine.repository.execute('A-9', acknowledgeCommand('RM-1', LATER));
      await caughtUp(feed, store);
      expect(engine.health()).toMatchObject({
        up: true,
        detail: { feed: { topic, sent: 2, published: feed.published, error: null } },
      });
      const series = `{topic="${topic}"}`;
      await waitUntil(
        async () => (await metrics.exposition()).includes(`churn_alert_feed_lag_events${series} 0`),
        { timeoutMs: 5_000, what: () => 'lag never measured as 0' },
      );
      expect(await metrics.exposition()).toContain(`churn_alert_feed_published_total${series} 2`);
      const messages = await readTopic(kafka, topic, { untilCount: 2, timeoutMs: 15_000 });
      expect(lifecycle(messages).map((m) => [m.key, m.type])).toEqual([
        [CUSTOMER, 'RetentionAlertRaised'],
        [CUSTOMER, 'RetentionAlertAcknowledged'],
      ]);
    } finally {
      await engine.stop();
      store.close();
    }
  });

  it('is off without a producer: its series are known, with no samples', async () => {
    const store = freshStore();
    const metrics = new Metrics({ processMetrics: false });
    const engine = new AlertingEngine(
      { store, checkpoints: store.checkpointStore() },
      { config: TEST_CONFIG, bridge: false },
      metrics,
    );
    expect(engine.feed).toBeNull();
    expect(engine.health().detail).not.toHaveProperty('feed');
    const text = await metrics.exposition();
    expect(text).toContain('# TYPE churn_alert_feed_lag_events gauge');
    expect(text).not.toMatch(/^churn_alert_feed_/m);
    store.close();
  });
});
