// The stored branch a catch-up re-folds: N simulated facts in business-time order on the
// embedded store, with the risk engine's checkpoint at the end (everything was assessed before,
// so the engine folds and decides and appends nothing, exactly as after a restart). Made once
// per N and kept under tmp/bench-system/ (the 10-million-event file takes minutes to write).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '@churn/event-store';
import { simulateBranch } from '@churn/simulator';
import Database from 'better-sqlite3';

export const CATCH_UP_YEARS = 2;
/** The simulated branch books about 40 facts per customer a year. */
const FACTS_PER_CUSTOMER_YEAR = 39;
const DIR = resolve(__dirname, '../../tmp/bench-system');

export interface CatchUpStore {
  readonly path: string;
  readonly events: number;
  readonly customers: number;
  readonly lastPosition: number;
  readonly buildSeconds: number;
}

/** A uuid-shaped id per event number: unique, cheap, stable. */
const eventId = (n: number): string =>
  `00000000-0000-5000-8000-${n.toString(16).padStart(12, '0')}`;

/** Builds (once) a store of `events` simulated facts in business-time order, with the engine's checkpoint at its end. */
export function catchUpStore(events: number): CatchUpStore {
  const path = join(DIR, `catch-up-${events}.db`);
  const marker = `${path}.json`;
  if (existsSync(marker) && existsSync(path))
    return JSON.parse(readFileSync(marker, 'utf8')) as CatchUpStore;
  mkdirSync(DIR, { recursive: true });
  const started = performance.now();
  SqliteEventStore.open(path).close(); // the store's own schema
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  // Streams are written in business-time order, i.e. at random: keep the indexes in memory.
  db.pragma('cache_size = -2097152');
  const insert = db.prepare(
    'INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const customers = Math.ceil(events / (CATCH_UP_YEARS * FACTS_PER_CUSTOMER_YEAR));
  const revisions = new Map<string, number>();
  const recordedAt = new Date().toISOString();
  type Row = [string, number, string, string, string, string, string, number];
  const write = db.transaction((rows: readonly Row[]) => {
    for (const row of rows) insert.run(...row);
  });
  let rows: Row[] = [];
  let n = 0;
  for (const fact of simulateBranch({ seed: 3, customers, years: CATCH_UP_YEARS }).facts) {
    const stream = `customer-${fact.data.customerId}`;
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    const { occurredAt } = fact.data;
    rows.push([
      stream,
      revision,
      eventId(n),
      fact.type,
      JSON.stringify(fact.data),
      JSON.stringify({ occurredAt, schemaVersion: fact.schemaVersion }),
      recordedAt,
      Date.parse(occurredAt),
    ]);
    n += 1;
    if (rows.length === 20_000 || n === events) {
      write(rows);
      rows = [];
    }
    if (n === events) break;
  }
  if (rows.length > 0) write(rows);
  const last = (db.prepare('SELECT max(position) AS p FROM events').get() as { p: number }).p;
  db.prepare(
    'INSERT OR REPLACE INTO checkpoints (subscriber_id, position, saved_at) VALUES (?, ?, ?)',
  ).run('risk-engine', last, recordedAt);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const made: CatchUpStore = {
    path,
    events: n,
    customers: revisions.size,
    lastPosition: last,
    buildSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(marker, JSON.stringify(made));
  return made;
}
