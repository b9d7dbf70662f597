import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  facts,
  ids,
  iterate,
  nextEvents,
  runCheckpointStoreContract,
  runEventStoreContract,
  staysQuiet,
} from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'event-store-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const freshFile = (): string => join(dir, `events-${++files}.db`);

runEventStoreContract('SQLite', async () => {
  const store = SqliteEventStore.open(freshFile());
  return { store, checkpoints: store.checkpointStore(), close: async () => store.close() };
});

runCheckpointStoreContract('SQLite', async () => {
  const store = SqliteEventStore.open(freshFile());
  return { checkpoints: store.checkpointStore(), close: async () => store.close() };
});

describe('an embedded store file shared by two processes and restarts', () => {
  it('wakes a live subscription for appends made through another connection, by polling', async () => {
    const file = freshFile();
    const [reader, writer] = [
      SqliteEventStore.open(file, { pollIntervalMs: 20 }),
      SqliteEventStore.open(file),
    ];
    const subscription = reader.subscribe({ fromPosition: 'start', streamPrefixes: ['customer-'] });
    const events = iterate(subscription);
    const written = facts(3);
    await writer.append('customer-1', written, { expectedRevision: 'no_stream' });
    expect(ids(await nextEvents(events, 3, 2000))).toEqual(ids(written));
    await subscription.close();
    writer.close();
    reader.close();
  });

  it('resumes after a restart from the checkpoint saved in the same file', async () => {
    const file = freshFile();
    const before = facts(4);
    const first = SqliteEventStore.open(file);
    await first.append('customer-1', before, { expectedRevision: 'no_stream' });
    const subscription = first.subscribe({ fromPosition: 'start', streamPrefixes: ['customer-'] });
    const [, second] = await nextEvents(iterate(subscription), 2);
    await first.checkpointStore().save('risk-engine', second?.position ?? -1);
    first.close();

    const restarted = SqliteEventStore.open(file);
    const after = facts(1);
    await restarted.append('customer-1', after, { expectedRevision: 3 });
    const checkpoint = (await restarted.checkpointStore().load('risk-engine')) ?? 'start';
    const resumed = restarted.subscribe({
      fromPosition: checkpoint,
      streamPrefixes: ['customer-'],
    });
    const events = iterate(resumed);
    expect(ids(await nextEvents(events, 3))).toEqual(ids([...before.slice(2), ...after]));
    expect(await staysQuiet(events)).toBe(true);
    restarted.close();
  });

  it('copies the WAL into the database every 64 MiB, not every 4 MiB as by default', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file);
    const note = 'x'.repeat(900);
    // 80 commits of ~250 KiB each: about 20 MiB, five times SQLite's default of 4 MiB.
    for (let commit = 0; commit < 80; commit++)
      await store.append(
        `customer-${commit}`,
        facts(200).map((event) => ({ ...event, data: { ...(event.data as object), note } })),
        { expectedRevision: 'any' },
      );
    // The WAL file keeps the size it reached: a checkpoint every 4 MiB would have kept it there.
    const walBytes = statSync(`${file}-wal`).size;
    store.close();
    expect(walBytes).toBeGreaterThan(16 * 2 ** 20);
  });

  it('leaves the file in WAL mode, so readers in other processes never block the writer', () => {
    const file = freshFile();
    SqliteEventStore.open(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
