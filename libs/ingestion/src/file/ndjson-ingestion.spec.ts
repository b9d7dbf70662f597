import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InMemoryEventStore, collect } from '@churn/event-store';
import { decodeMessage } from '../inbound/decode-message';
import { CONTRACT_EXAMPLES, exampleEnvelope, NOW } from '../testing/messages';
import { ingestNdjsonFile } from './ndjson-ingestion';

describe('a feed file with every kind of message, a malformed line and a schema violation', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'feed-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writeFeed = (): string => {
    const good = CONTRACT_EXAMPLES.map((e) =>
      JSON.stringify({ topic: e.topic, key: e.key, value: e.value }),
    );
    const first = CONTRACT_EXAMPLES[0];
    if (!first) throw new Error('no contract examples');
    const violation = JSON.stringify({
      topic: first.topic,
      key: first.key,
      value: { ...first.value, currency: 'XXQ' },
    });
    const path = join(dir, 'feed.ndjson');
    writeFileSync(path, [...good, '{"topic": "corebanking', violation].join('\n'));
    return path;
  };

  it('stores every good message, dead-letters the bad ones with their reason and the original line', async () => {
    const store = new InMemoryEventStore();
    const path = writeFeed();
    const report = await ingestNdjsonFile(path, store, {
      deadLetterPath: join(dir, 'dlq.ndjson'),
      now: () => NOW,
    });
    // The payroll examples carry one credit in both forms: it has one event id, stored once.
    // Line n of the file stands for offset n of partition 0 (ids of messages without one).
    const expectedIds = new Set(
      CONTRACT_EXAMPLES.flatMap((e, i) => {
        const at = { partition: 0, offset: String(i + 1) };
        const decoded = decodeMessage(exampleEnvelope(e.name, {}, at), { now: NOW });
        return decoded.kind === 'facts' ? decoded.appends.map((a) => a.event.id) : [];
      }),
    );
    expect(report).toEqual({
      lines: CONTRACT_EXAMPLES.length + 2,
      stored: CONTRACT_EXAMPLES.length,
      deadLettered: 2,
    });
    expect(new Set((await collect(store.readAll())).map((e) => e.id))).toEqual(expectedIds);
    expect((await collect(store.readAll())).length).toBe(expectedIds.size);
    const letters = readFileSync(join(dir, 'dlq.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(letters.map((l) => [l.line, l.reason, l.field])).toEqual([
      [CONTRACT_EXAMPLES.length + 1, 'malformed-json', undefined],
      [CONTRACT_EXAMPLES.length + 2, 'unknown-currency', 'currency'],
    ]);
    expect(letters[0].original).toBe('{"topic": "corebanking');
  });

  it('stores nothing new when the same file is ingested again', async () => {
    const store = new InMemoryEventStore();
    const path = writeFeed();
    await ingestNdjsonFile(path, store, {
      deadLetterPath: join(dir, 'dlq.ndjson'),
      now: () => NOW,
    });
    const before = (await collect(store.readAll())).length;
    await ingestNdjsonFile(path, store, {
      deadLetterPath: join(dir, 'dlq.ndjson'),
      now: () => NOW,
    });
    expect((await collect(store.readAll())).length).toBe(before);
  });
});
