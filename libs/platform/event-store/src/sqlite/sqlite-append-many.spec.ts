import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collect } from '../collect';
import { aFact, facts, refusalOf } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(join(tmpdir(), 'event-store-append-many-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshFile = (): string => join(dir, `events-${++files}.db`);

const rows = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('a multi-stream append on the embedded store', () => {
  it('shares the group commit with single appends of the same tick, each settled on its own', async () => {
    const store = SqliteEventStore.open(freshFile());
    await store.append('alert-1', facts(1), { expectedRevision: 'no_stream' });
    const many = store.appendMany([
      { stream: 'customer-1', events: facts(1), expectedRevision: 'any' },
      { stream: 'customer-2', events: facts(1), expectedRevision: 'any' },
    ]);
    const single = store.append('customer-3', facts(2), { expectedRevision: 'no_stream' });
    const stale = store.append('alert-1', facts(1), { expectedRevision: 'no_stream' });
    const [outcomes, result, refusal] = await Promise.all([many, single, refusalOf(stale)]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
    expect(result.nextRevision).toBe(1);
    expect(refusal).toMatchObject({ code: 'EVENT_STORE_WRONG_EXPECTED_REVISION' });
    // Positions follow the order the appends were issued in: one transaction, in queue order.
    const positions = outcomes.map((o) => (o.ok ? o.result.position : 0));
    expect(positions[1]).toBe((positions[0] ?? 0) + 1);
    expect(result.position).toBe((positions[1] ?? 0) + 2);
    store.close();
  });

  it('writes nothing when the store itself fails, and the same call then stores everything', async () => {
    const file = freshFile();
    const store = SqliteEventStore.open(file);
    const items = [
      { stream: 'customer-1', events: [aFact()], expectedRevision: 'any' as const },
      { stream: 'customer-2', events: facts(2), expectedRevision: 'any' as const },
    ];
    // A connection that may not write: the insert fails as a full or broken disk would.
    const db = (store as unknown as { db: Database.Database }).db;
    db.pragma('query_only = ON');
    // Read by its fields: better-sqlite3's error may come from another realm under Jest.
    const failure = await refusalOf(store.appendMany(items));
    expect(failure.message).toMatch(/readonly|read-only|query_only/i);
    db.pragma('query_only = OFF');
    expect(rows(file)).toBe(0);
    const outcomes = await store.appendMany(items);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await collect(store.readStream('customer-2'))).toHaveLength(2);
    expect(rows(file)).toBe(3);
    store.close();
  });
});
