import type Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { StoredRef } from '../idempotency';

/**
 * Reads return arrays (`.raw()`), not objects, and only the columns an event needs: building a
 * row object per event and copying it into the event cost a third of a 5,000-event read.
 * A stream read leaves out `stream` (the caller knows it); a read of all streams puts it last.
 */
const COLUMNS = 'position, revision, id, type, data, metadata, recorded_at';
export type StreamRow = [
  position: number,
  revision: number,
  id: string,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];
export type AllRow = [...StreamRow, stream: string];

export const rowToEvent = (
  row: StreamRow | AllRow,
  stream: string = (row as AllRow)[7],
): RecordedEvent => ({
  stream,
  revision: row[1],
  position: row[0],
  id: row[2],
  type: row[3],
  data: JSON.parse(row[4]) as unknown,
  metadata: JSON.parse(row[5]) as EventMetadata,
  recordedAt: row[6],
});

/** The statements the store runs, prepared once per connection (re-preparing costs more than the insert). */
export interface EventStatements {
  readonly insert: Database.Statement<
    [string, number, string, string, string, string, string, number]
  >;
  readonly lastRevision: Database.Statement<[string], number | null>;
  readonly byId: Database.Statement<[string, string], StoredRef>;
  readonly atRevision: Database.Statement<[string, number], StoredRef>;
  /** stream, low revision, high revision, from ms, to ms, limit */
  readonly forwards: Database.Statement<
    [string, number, number, number, number, number],
    StreamRow
  >;
  readonly backwards: Database.Statement<
    [string, number, number, number, number, number],
    StreamRow
  >;
  readonly after: Database.Statement<[number, number], AllRow>;
  /** The last position: the rowid's maximum, read from the end of the table's B-tree. */
  readonly head: Database.Statement<[], number | null>;
  /** Events after a position whose stream starts with one of n prefixes; one statement per n. */
  afterWithPrefixes(count: number): Database.Statement<unknown[], AllRow>;
}

/**
 * Events after a position (the first `?`), at most `limit` (the last `?`), whose stream starts
 * with one of `prefixCount` prefixes, each bound twice (`prefixParams`); none: every stream.
 * The read-ahead thread (`read-ahead/`) runs the same query on its own connection.
 * `columns`: an `AllRow`'s unless the caller says otherwise.
 */
export const readAfterSql = (prefixCount: number, columns = `${COLUMNS}, stream`): string =>
  `SELECT ${columns} FROM events WHERE position > ?${prefixFilterSql(prefixCount)} ORDER BY position LIMIT ?`;

/** ` AND (…)`: the stream starts with one of `prefixCount` prefixes (`prefixParams`); none: ''. */
export const prefixFilterSql = (prefixCount: number): string => {
  const anyPrefix = Array.from(
    { length: prefixCount },
    () => 'substr(stream, 1, length(?)) = ?',
  ).join(' OR ');
  return prefixCount === 0 ? '' : ` AND (${anyPrefix})`;
};

export const prefixParams = (prefixes: readonly string[]): string[] =>
  prefixes.flatMap((prefix) => [prefix, prefix]);

const streamRead = (order: 'ASC' | 'DESC'): string =>
  `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision BETWEEN ? AND ?
   AND occurred_at >= ? AND occurred_at < ? ORDER BY revision ${order} LIMIT ?`;

export const prepareStatements = (db: Database.Database): EventStatements => {
  const prefixed = new Map<number, Database.Statement<unknown[], AllRow>>();
  return {
    insert: db.prepare(
      'INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    lastRevision: db
      .prepare<[string], number | null>('SELECT MAX(revision) FROM events WHERE stream = ?')
      .pluck(),
    byId: db.prepare('SELECT id, revision, position FROM events WHERE stream = ? AND id = ?'),
    atRevision: db.prepare(
      'SELECT id, revision, position FROM events WHERE stream = ? AND revision = ?',
    ),
    forwards: db
      .prepare<[string, number, number, number, number, number], StreamRow>(streamRead('ASC'))
      .raw(),
    backwards: db
      .prepare<[string, number, number, number, number, number], StreamRow>(streamRead('DESC'))
      .raw(),
    after: db.prepare<[number, number], AllRow>(readAfterSql(0)).raw(),
    head: db.prepare<[], number | null>('SELECT MAX(position) FROM events').pluck(),
    afterWithPrefixes: (count) => {
      let statement = prefixed.get(count);
      if (!statement) {
        statement = db.prepare<unknown[], AllRow>(readAfterSql(count)).raw();
        prefixed.set(count, statement);
      }
      return statement;
    },
  };
};
