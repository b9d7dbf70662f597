import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_STREAM_PREFIX } from '@churn/alerting';
import { InMemoryEventStore } from '@churn/event-store';
import { ingestNdjsonFile } from '@churn/ingestion';
import { CONTRACT_EXAMPLES, NOW } from '@churn/ingestion/testing';
import {
  startAnalyticsTestApp,
  type AnalyticsTestApp,
} from '../analytics/testing/analytics-test-app';
import { INGESTION_SERIES } from './ingestion-throughput';

const example = CONTRACT_EXAMPLES[0];
if (example === undefined) throw new Error('no contract examples');
const line = (value: object) =>
  JSON.stringify({ topic: example.topic, key: example.key, value: { ...example.value, ...value } });

/**
 * Two feeds ingested by the real file ingestion (`npm run ingest`): an older one with one bad
 * line, a newer one with three bad lines among good ones.
 */
const ingestFeeds = async (dataDir: string): Promise<void> => {
  const store = new InMemoryEventStore();
  const feeds = {
    'old-feed.ndjson': [line({}), '{"topic": "corebanking'],
    'new-feed.ndjson': [
      line({ currency: 'XXQ' }),
      line({}),
      'not json at all',
      JSON.stringify({ key: 'C1', value: {} }),
    ],
  };
  for (const [name, lines] of Object.entries(feeds)) {
    const path = join(dataDir, name);
    writeFileSync(path, lines.join('\n'));
    await ingestNdjsonFile(path, store, { deadLetterPath: `${path}.dlq.ndjson`, now: () => NOW });
  }
  const anHourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(join(dataDir, 'old-feed.ndjson.dlq.ndjson'), anHourAgo, anHourAgo);
};

describe('the operations view of file ingestion', () => {
  let dataDir: string;
  let api: AnalyticsTestApp;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ops-'));
    await ingestFeeds(dataDir);
    api = await startAnalyticsTestApp(new InMemoryEventStore(), {
      operations: { kafkaBrokers: null, dataDir },
    });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the latest dead letters first, with the reason, the source line and the original', async () => {
    const { status, body } = await api.get('/ops/ingestion?limit=2', 'OPS-1');
    expect(status).toBe(200);
    expect(body.mode).toBe('files');
    expect(body.deadLetters.items).toEqual([
      {
        reason: 'schema-violation',
        field: 'topic',
        detail: 'line 4: a feed line is {"topic","key","value"}',
        source: { topic: null, partition: null, offset: '4' },
        firstSeenAt: null,
        key: 'C1',
        original: JSON.stringify({ key: 'C1', value: {} }),
        kept: { kind: 'file', file: 'new-feed.ndjson.dlq.ndjson', line: 3 },
      },
      expect.objectContaining({
        reason: 'malformed-json',
        source: { topic: null, partition: null, offset: '3' },
        original: 'not json at all',
        kept: { kind: 'file', file: 'new-feed.ndjson.dlq.ndjson', line: 2 },
      }),
    ]);
    expect(body.deadLetters.nextCursor).toEqual(expect.any(String));
  });

  it('pages through every dead letter, newer file first, each once', async () => {
    const seen: { file: string; line: number; reason: string; topic: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const { body } = await api.get(`/ops/ingestion?limit=2${query}`, 'AUD-1');
      for (const item of body.deadLetters.items)
        seen.push({ ...item.kept, reason: item.reason, topic: item.source.topic });
      cursor = body.deadLetters.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([
      {
        kind: 'file',
        file: 'new-feed.ndjson.dlq.ndjson',
        line: 3,
        reason: 'schema-violation',
        topic: null,
      },
      {
        kind: 'file',
        file: 'new-feed.ndjson.dlq.ndjson',
        line: 2,
        reason: 'malformed-json',
        topic: null,
      },
      expect.objectContaining({ line: 1, reason: expect.any(String), topic: example.topic }),
      {
        kind: 'file',
        file: 'old-feed.ndjson.dlq.ndjson',
        line: 1,
        reason: 'malformed-json',
        topic: null,
      },
    ]);
  });

  it('refuses a cursor it did not give out, naming the field', async () => {
    const { status, body } = await api.get('/ops/ingestion?cursor=bm90LWEtY3Vyc29y', 'OPS-1');
    expect(status).toBe(400);
    expect(body.fields).toEqual([
      { field: 'cursor', problems: ['cursor is not one this API gave out'] },
    ]);
  });

  it.each(['RM-1', 'SUP-1'])('refuses %s with 403', async (staffId) => {
    expect((await api.get('/ops/ingestion', staffId)).status).toBe(403);
  });

  it('leaves an access record: dead letters hold customers’ original messages', async () => {
    await api.get('/ops/ingestion?limit=1', 'HEAD-1');
    const records = await api.store.loadStream(`${ACCESS_STREAM_PREFIX}HEAD-1`);
    expect(records.at(-1)?.data).toMatchObject({
      route: 'GET /ops/ingestion?limit=1',
      query: { limit: 1 },
    });
  });

  it('reads throughput and lag from the ingestion series of the process, when a consumer runs here', async () => {
    const before = await api.get('/ops/ingestion', 'OPS-1');
    expect(before.body.throughput).toMatchObject({
      consumerInProcess: false,
      totals: { consumed: 0 },
    });
    const { metrics } = api;
    const topic = 'corebanking.transactions.v1';
    metrics
      .counter({ name: INGESTION_SERIES.consumed, help: 'x', labelNames: ['topic'] })
      .inc({ topic }, 10);
    metrics
      .counter({ name: INGESTION_SERIES.stored, help: 'x', labelNames: ['topic'] })
      .inc({ topic }, 8);
    metrics
      .counter({ name: INGESTION_SERIES.deadLettered, help: 'x', labelNames: ['topic', 'reason'] })
      .inc({ topic, reason: 'malformed-json' }, 2);
    metrics
      .gauge({ name: INGESTION_SERIES.lag, help: 'x', labelNames: ['topic', 'partition'] })
      .set({ topic, partition: '1' }, 5);
    metrics
      .gauge({ name: INGESTION_SERIES.committed, help: 'x', labelNames: ['topic', 'partition'] })
      .set({ topic, partition: '1' }, 120);
    const { body } = await api.get('/ops/ingestion', 'OPS-1');
    expect(body.throughput).toMatchObject({
      consumerInProcess: true,
      totals: { consumed: 10, stored: 8, deadLettered: 2 },
      byTopic: [{ topic, consumed: 10, stored: 8, deadLettered: 2 }],
      deadLetteredByReason: [{ topic, reason: 'malformed-json', count: 2 }],
    });
    expect(body.throughput.perSecondSinceStart.consumed).toBeGreaterThan(0);
    expect(body.throughput.perSecondRecent.consumed).toBeGreaterThan(0);
    expect(body.lag).toEqual([{ topic, partition: 1, lag: 5, committedOffset: 120 }]);
  });
});
