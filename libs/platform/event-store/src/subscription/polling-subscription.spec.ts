import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import type { NewEvent, RecordedEvent } from '../event-store.port';

const event = (id: string): NewEvent => ({
  id,
  type: 'Noted',
  data: {},
  metadata: { occurredAt: '2026-11-23T08:00:00+08:00', schemaVersion: 1 },
});

describe('a subscription filtered by stream prefix, on the embedded store', () => {
  it('moves past the events it does not want instead of reading them again after every append', async () => {
    const store = SqliteEventStore.open(':memory:');
    const reads: number[] = [];
    const pageAfter = (
      store as unknown as { pageAfter: (a: number, l: number, p?: readonly string[]) => unknown[] }
    ).pageAfter.bind(store);
    (store as unknown as { pageAfter: typeof pageAfter }).pageAfter = (after, limit, prefixes) => {
      reads.push(after);
      return pageAfter(after, limit, prefixes);
    };
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribe({ fromPosition: 'start', streamPrefixes: ['alert-'] });
    const following = (async () => {
      for await (const e of subscription) seen.push(e);
    })();
    await store.append('alert-1', [event('a1')], { expectedRevision: 'no_stream' });
    for (let i = 0; i < 20; i++)
      await store.append(`customer-${i}`, [event(`c${i}`)], { expectedRevision: 'no_stream' });
    await store.append('alert-2', [event('a2')], { expectedRevision: 'no_stream' });
    while (seen.length < 2) await new Promise((r) => setTimeout(r, 5));
    await subscription.close();
    await following;
    expect(seen.map((e) => e.stream)).toEqual(['alert-1', 'alert-2']);
    // Each read after the first alert starts at the head it saw, not at alert-1's position (1).
    expect(reads.filter((after) => after === 1).length).toBeLessThanOrEqual(1);
    store.close();
  });
});
