import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '../../collect';
import type { NewEvent, RecordedEvent } from '../../event-store.port';
import { aFact, ids, iterate, nextEvents, runEventStoreContract, staysQuiet } from '../../testing';
import { SqliteEventStore } from '../sqlite-event-store';
import { ReadAheadThread } from './read-ahead-thread';

const dir = mkdtempSync(join(tmpdir(), 'event-store-read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const freshFile = (): string => join(dir, `events-${++files}.db`);

/** From the first full page on, so that short catch-ups in tests read ahead too. */
const eager = { readAhead: { afterFullPages: 1 } };
/** What `EVENT_STORE_READ_AHEAD=on` sets. */
const asConfigured = { readAhead: { afterFullPages: 2 } };

/** Counts the full pages the thread served, to show that a test did read ahead. */
const servedPages = (): { count: number; restore(): void } => {
  const take = ReadAheadThread.prototype.take;
  const counter = { count: 0, restore: () => spy.mockRestore() };
  const spy = jest.spyOn(ReadAheadThread.prototype, 'take').mockImplementation(async function (
    this: ReadAheadThread,
    after,
    limit,
  ) {
    const page = await take.call(this, after, limit);
    if (page?.length === limit) counter.count += 1;
    return page;
  });
  return counter;
};

runEventStoreContract('SQLite, reading ahead from the first full page', async () => {
  const store = SqliteEventStore.open(freshFile(), eager);
  return { store, checkpoints: store.checkpointStore(), close: async () => store.close() };
});

/** `count` events, one stream in five not wanted by a `customer-` subscriber. */
const history = async (store: SqliteEventStore, count: number): Promise<void> => {
  const appends: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const stream = i % 5 === 4 ? `alert-${i % 7}` : `customer-${i % 13}`;
    const event: NewEvent = aFact({ data: { n: i, text: `ünïcode ${i}` } });
    appends.push(store.append(stream, [event], { expectedRevision: 'any' }));
  }
  await Promise.all(appends);
};

describe('pages read ahead on a second thread', () => {
  it('are the pages the store reads itself, decoded alike, in order', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file);
    await history(store, 2_300);
    const expected = await collect(store.readAll({ streamPrefixes: ['customer-'] }));
    const thread = new ReadAheadThread(file, ['customer-']);
    const first = expected[99] as RecordedEvent;
    thread.start(first.position, 500);
    const got: RecordedEvent[] = [];
    let after = first.position;
    for (;;) {
      const page = await thread.take(after, 500);
      if (page === undefined) break;
      got.push(...page);
      const last = page[page.length - 1];
      if (last === undefined || page.length < 500) break;
      after = last.position;
    }
    thread.close();
    expect(got).toEqual(expected.slice(100));
    store.close();
  });

  it('serve nothing when the file cannot be read, so the subscriber reads on its own thread', async () => {
    const thread = new ReadAheadThread(join(dir, 'no-such-file.db'), []);
    thread.start(0, 500);
    await expect(thread.take(0, 500)).resolves.toBeUndefined();
    thread.start(0, 500);
    await expect(thread.take(0, 500)).resolves.toBeUndefined();
    thread.close();
  });

  it('serve nothing for a position they are not reading after', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file);
    await history(store, 600);
    const thread = new ReadAheadThread(file, []);
    thread.start(0, 500);
    await expect(thread.take(10, 500)).resolves.toBeUndefined();
    await expect(thread.take(0, 100)).resolves.toBeUndefined();
    expect((await thread.take(0, 500))?.map((e) => e.position)).toEqual(
      (await collect(store.readAll({ maxCount: 500 }))).map((e) => e.position),
    );
    thread.close();
    store.close();
  });
});

describe('a catch-up subscription reading ahead on a large embedded store', () => {
  let served: ReturnType<typeof servedPages>;
  beforeEach(() => (served = servedPages()));
  afterEach(() => {
    expect(served.count).toBeGreaterThan(0);
    served.restore();
  });

  it('delivers the history then live appends racing it, in global order, exactly once', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file, asConfigured);
    await history(store, 5_000);
    const subscription = store.subscribe({ fromPosition: 'start', streamPrefixes: ['customer-'] });
    const events = iterate(subscription);
    const early = await nextEvents(events, 1_200);
    const writes = history(store, 1_000);
    const rest = await nextEvents(events, 4_800 - 1_200);
    await writes;
    const expected = await collect(store.readAll({ streamPrefixes: ['customer-'] }));
    expect(expected).toHaveLength(4_800);
    expect([...early, ...rest]).toEqual(expected);
    expect(await staysQuiet(events)).toBe(true);
    await subscription.close();
    store.close();
  }, 30_000);

  it('resumes from a checkpoint in the middle with exactly the events after it', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file, asConfigured);
    await history(store, 4_000);
    const all = await collect(store.readAll({ streamPrefixes: ['customer-'] }));
    const checkpoint = (all[1_234] as RecordedEvent).position;
    const subscription = store.subscribe({
      fromPosition: checkpoint,
      streamPrefixes: ['customer-'],
    });
    const events = iterate(subscription);
    expect(ids(await nextEvents(events, all.length - 1_235))).toEqual(ids(all.slice(1_235)));
    expect(await staysQuiet(events)).toBe(true);
    await subscription.close();
    store.close();
  }, 30_000);

  it('ends when closed in the middle of a catch-up', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file, asConfigured);
    await history(store, 4_000);
    const subscription = store.subscribe({ fromPosition: 'start', streamPrefixes: [] });
    const events = iterate(subscription);
    expect(await nextEvents(events, 1_700)).toHaveLength(1_700);
    await subscription.close();
    await expect(events.next()).resolves.toMatchObject({ done: true });
    store.close();
  }, 30_000);

  it('ends without an error when the store closes in the middle of a catch-up', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file, asConfigured);
    await history(store, 4_000);
    const subscription = store.subscribe({ fromPosition: 'start', streamPrefixes: [] });
    const events = iterate(subscription);
    expect(await nextEvents(events, 1_700)).toHaveLength(1_700);
    store.close();
    const rest: RecordedEvent[] = [];
    for (let next = await events.next(); !next.done; next = await events.next())
      rest.push(next.value);
    expect(rest.length).toBeLessThan(4_000 - 1_700);
  }, 30_000);
});
