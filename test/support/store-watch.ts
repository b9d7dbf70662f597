// Watches the store file the services write, from the test process, without going through any
// service: one read-only SQLite connection (WAL: it never blocks the writer, and a SIGKILLed
// writer never leaves it holding a lock). Facts are counted incrementally by position, which
// only grows and becomes visible in order (one writer at a time).
import { existsSync } from 'node:fs';
import { BANK_FACT_TYPES } from '@churn/domain-facts';
import Database from 'better-sqlite3';

const FACT_TYPES = `(${BANK_FACT_TYPES.map((t) => `'${t}'`).join(',')})`;

export class StoreWatch {
  private db: Database.Database | undefined;
  private counted = 0;
  private facts = 0;

  constructor(readonly path: string) {}

  private connection(): Database.Database | undefined {
    if (this.db) return this.db;
    if (!existsSync(this.path)) return undefined;
    const db = new Database(this.path, { readonly: true, fileMustExist: true, timeout: 5_000 });
    const ready = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'`)
      .get();
    if (ready === undefined) {
      db.close();
      return undefined;
    }
    this.db = db;
    return db;
  }

  /** Bank facts stored so far (what ingestion appended). */
  factsStored(): number {
    const db = this.connection();
    if (!db) return 0;
    const row = db
      .prepare(
        `SELECT count(*) AS n, max(position) AS last FROM events WHERE position > ? AND type IN ${FACT_TYPES}`,
      )
      .get(this.counted) as { n: number; last: number | null };
    if (row.last !== null) {
      this.facts += row.n;
      this.counted = row.last;
    }
    return this.facts;
  }

  /** Position of the last event of a stream starting with `prefix` (0 when none). */
  lastPosition(prefix = ''): number {
    const db = this.connection();
    if (!db) return 0;
    // A range on `stream` lets SQLite walk positions backwards and stop at the first match.
    const row = db
      .prepare(
        `SELECT position FROM events WHERE stream >= ? AND stream < ? ORDER BY position DESC LIMIT 1`,
      )
      .get(prefix, `${prefix}\uffff`) as { position: number } | undefined;
    return row?.position ?? 0;
  }

  /** Events of the given types. */
  countTypes(types: readonly string[]): number {
    const db = this.connection();
    if (!db || types.length === 0) return 0;
    const list = types.map(() => '?').join(',');
    return (
      db.prepare(`SELECT count(*) AS n FROM events WHERE type IN (${list})`).get(...types) as {
        n: number;
      }
    ).n;
  }

  /** A subscriber's saved checkpoint, or null. */
  checkpoint(subscriberId: string): number | null {
    const db = this.connection();
    if (!db) return null;
    const row = db
      .prepare('SELECT position FROM checkpoints WHERE subscriber_id = ?')
      .get(subscriberId) as { position: number } | undefined;
    return row?.position ?? null;
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }
}
