import type Database from 'better-sqlite3';
import type { CheckpointStore } from '../checkpoint-store.port';

/**
 * Checkpoints in the event database's `checkpoints` table. Each save is its own commit (and, with
 * synchronous=FULL, its own fsync): save every N events or on a timer, not after every event.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select: Database.Statement<[string], number>;
  private readonly upsert: Database.Statement<[string, number, string]>;

  constructor(db: Database.Database) {
    this.select = db
      .prepare<[string], number>('SELECT position FROM checkpoints WHERE subscriber_id = ?')
      .pluck();
    this.upsert = db.prepare(
      `INSERT INTO checkpoints (subscriber_id, position, saved_at) VALUES (?, ?, ?)
       ON CONFLICT (subscriber_id) DO UPDATE SET position = excluded.position, saved_at = excluded.saved_at`,
    );
  }

  async load(subscriberId: string): Promise<number | undefined> {
    return this.select.get(subscriberId);
  }

  async save(subscriberId: string, position: number): Promise<void> {
    this.upsert.run(subscriberId, position, new Date().toISOString());
  }
}
