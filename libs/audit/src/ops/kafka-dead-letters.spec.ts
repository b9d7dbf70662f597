import {
  createKafka,
  DeadLetterPublisher,
  dlqOf,
  ensureTopics,
  rejected,
  type InboundMessage,
} from '@churn/messaging';
import { deleteTopicsWithPrefix, requireKafkaBroker, testRunId } from '@churn/messaging/testing';
import { readKafkaDeadLetters, type KafkaClient } from './kafka-dead-letters';

jest.setTimeout(60_000);

const runId = testRunId();
const source = `${runId}.corebanking`;
let kafka: KafkaClient;

/** Seven messages the ingestion refused, dead-lettered one by one by the real publisher. */
const refused = (i: number): InboundMessage => ({
  topic: source,
  partition: i % 2,
  offset: String(100 + i),
  key: Buffer.from(`C-${i}`),
  value: Buffer.from(JSON.stringify({ kind: 'transaction', n: i })),
  headers: {},
  timestamp: '0',
});

beforeAll(async () => {
  const { brokers } = await requireKafkaBroker();
  kafka = createKafka({ brokers, clientId: 'audit-ops-spec', logLevel: 'error' });
  const spec = { partitions: 3, replicationFactor: 1, retentionMs: 3_600_000 } as const;
  await ensureTopics(kafka, [{ name: dlqOf(source), ...spec, cleanupPolicy: 'delete' }]);
  const publisher = new DeadLetterPublisher(kafka);
  await publisher.connect();
  try {
    for (let i = 0; i < 7; i++) {
      await publisher.publish([
        {
          message: refused(i),
          rejection: rejected('schema-violation', { field: 'amountMinor', detail: `letter ${i}` }),
        },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await publisher.disconnect();
  }
}, 200_000);

afterAll(() => deleteTopicsWithPrefix(kafka, runId));

describe('dead letters on a three-partition DLQ topic of a real broker', () => {
  it('pages from the newest to the oldest, each once, with reason, source and original', async () => {
    const topics = [dlqOf(source), `${runId}.no-such-topic.dlq`];
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await readKafkaDeadLetters(kafka, topics, 3, cursor);
      expect(page.complete).toBe(true);
      pages.push(page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && pages.length < 5);
    expect(pages.map((items) => items.map((d) => d.detail))).toEqual([
      ['letter 6', 'letter 5', 'letter 4'],
      ['letter 3', 'letter 2', 'letter 1'],
      ['letter 0'],
    ]);
    expect(pages[0]?.[0]).toMatchObject({
      reason: 'schema-violation',
      field: 'amountMinor',
      source: { topic: source, partition: 0, offset: '106' },
      key: 'C-6',
      original: JSON.stringify({ kind: 'transaction', n: 6 }),
      firstSeenAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      kept: { kind: 'kafka', topic: dlqOf(source) },
    });
  });
});
