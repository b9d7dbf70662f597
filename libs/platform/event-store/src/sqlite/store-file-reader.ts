import Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store.port';
import {
  prefixFilterSql,
  prefixParams,
  readAfterSql,
  rowToEvent,
  type AllRow,
} from './sqlite-statements';

const PAGE_SIZE = 1000;

export interface StoreFileRead {
  /** Only streams starting with one of these; none: every stream. */
  readonly streamPrefixes?: readonly string[];
  /** Events after this position… */
  readonly afterPosition?: number;
  /** …up to and including this one. */
  readonly upToPosition: number;
}

/**
 * An embedded store's file read on a read-only connection of its own, synchronously, in the
 * global order, without the subscription's per-event promises (the risk engine's re-fold at
 * start-up). WAL: it never blocks the writer nor waits for it, and sees the file as of each
 * page's read. It never writes, so it never changes the schema either.
 */
export class StoreFileReader {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  }

  /** The last position at or before `upToPosition` in the given streams; 0 when there is none. */
  lastPosition({ streamPrefixes = [], upToPosition }: StoreFileRead): number {
    const sql = `SELECT position FROM events WHERE position <= ?${prefixFilterSql(streamPrefixes.length)} ORDER BY position DESC LIMIT 1`;
    const found = this.db
      .prepare<unknown[], number>(sql)
      .pluck()
      .get(upToPosition, ...prefixParams(streamPrefixes));
    return found ?? 0;
  }

  *events({
    streamPrefixes = [],
    afterPosition = 0,
    upToPosition,
  }: StoreFileRead): Generator<RecordedEvent> {
    const page = this.db.prepare<unknown[], AllRow>(readAfterSql(streamPrefixes.length)).raw();
    const params = prefixParams(streamPrefixes);
    for (let after = afterPosition; after < upToPosition;) {
      const rows = page.all(after, ...params, PAGE_SIZE);
      for (const row of rows) {
        if (row[0] > upToPosition) return;
        yield rowToEvent(row);
      }
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < PAGE_SIZE) return;
      after = last[0];
    }
  }

  close(): void {
    this.db.close();
  }
}
