// Reads the event store file the service writes, from the test process. WAL mode lets a second
// connection read while the service writes; each helper opens and closes its own connection so
// no handle outlives the call (and a killed writer never leaves the test holding a lock).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { SqliteEventStore, type NewEvent, type RecordedEvent } from '@churn/event-store';
import Database from 'better-sqlite3';

const withReadOnly = <T>(path: string, fallback: T, read: (db: Database.Database) => T): T => {
  if (!existsSync(path)) return fallback;
  const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const hasTable = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'`)
      .get();
    return hasTable === undefined ? fallback : read(db);
  } finally {
    db.close();
  }
};

/** Rows in the events table (0 before the service created the file). */
export function countEvents(path: string): number {
  return withReadOnly(
    path,
    0,
    (db) => (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
  );
}

/** Event ids stored more than once, in any stream, with their count. */
export function duplicateIds(path: string): { id: string; n: number }[] {
  return withReadOnly(
    path,
    [],
    (db) =>
      db.prepare('SELECT id, count(*) AS n FROM events GROUP BY id HAVING n > 1').all() as {
        id: string;
        n: number;
      }[],
  );
}

/** Every stored event, through the store's own reader (readAll, in position order). */
export async function readAllEvents(path: string): Promise<RecordedEvent[]> {
  const store = SqliteEventStore.open(path);
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return events;
  } finally {
    store.close();
  }
}

/** What identifies a stored fact, for comparing the store with what the topics should give. */
export interface FactLike {
  readonly stream: string;
  readonly event: Pick<NewEvent, 'id' | 'type' | 'data' | 'metadata'>;
}

export const recordedAsFact = (e: RecordedEvent): FactLike => ({ stream: e.stream, event: e });

/**
 * sha256 over the facts sorted by id: id, stream, type, data and metadata as JSON. Equal
 * checksums mean the same facts with the same content, whatever order they were appended in.
 */
export function factChecksum(facts: readonly FactLike[]): string {
  const hash = createHash('sha256');
  const sorted = [...facts].sort((a, b) =>
    a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0,
  );
  for (const { stream, event } of sorted) {
    hash.update(
      `${event.id}\n${stream}\n${event.type}\n${JSON.stringify(event.data)}\n${JSON.stringify(event.metadata)}\n`,
    );
  }
  return hash.digest('hex');
}

/** SQLite's own check of the file ('ok' when sound), e.g. after the writer was SIGKILLed. */
export function integrityCheck(path: string): string {
  return withReadOnly(
    path,
    'no events table',
    (db) => db.pragma('integrity_check', { simple: true }) as string,
  );
}
