import type Database from 'better-sqlite3';
import type { CheckpointStore } from '../checkpoint-store.port';
import { serializeBatch } from '../event-codec';
import {
  DEFAULT_MAX_EVENT_BYTES,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type StreamAppendOutcome,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { assertExpectedRevision } from '../idempotency';
import { afterPosition, streamRange, type StreamRange } from '../read-options';
import { AppendSignal } from '../subscription/append-signal';
import { readingAhead } from '../subscription/pages-ahead';
import { pollingSubscription } from '../subscription/polling-subscription';
import { toManyItems } from './many-items';
import { ReadAheadThread } from './read-ahead/read-ahead-thread';
import { SqliteAppender } from './sqlite-appender';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';
import { openEventDatabase, type SqliteSynchronous } from './sqlite-database';
import {
  prepareStatements,
  rowToEvent,
  type AllRow,
  type EventStatements,
  type StreamRow,
} from './sqlite-statements';

export interface SqliteEventStoreOptions {
  readonly maxEventBytes?: number;
  readonly now?: () => Date;
  /** See `sqlite-database.ts`; FULL unless you accept losing the last commits on power loss. */
  readonly synchronous?: SqliteSynchronous;
  /** How soon a live subscription sees appends made by another process on the same file. */
  readonly pollIntervalMs?: number;
  /**
   * Opt-in: a subscription this many full pages behind (2 is a catch-up, not a burst of live
   * appends) reads its next pages on a second thread while its consumer works (`read-ahead/`).
   * Off by default: on a shared 2-core machine it did not make the risk engine's catch-up
   * faster (`npm run bench -- catch-up-read`). A store in memory never reads ahead.
   */
  readonly readAhead?: { readonly afterFullPages: number };
}

const PAGE_SIZE = 1000;

/**
 * The embedded durable store: one SQLite file in WAL mode, for a branch in one process and for
 * tests. better-sqlite3 is synchronous; the port's promises keep callers adapter-agnostic.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: EventStatements;
  private readonly appender: SqliteAppender;
  private readonly signal = new AppendSignal();
  private readonly closed = new AbortController();
  private readonly maxEventBytes: number;
  private readonly pollIntervalMs: number;
  private readonly readAheadAfter: number | undefined;

  private constructor(
    private readonly db: Database.Database,
    options: SqliteEventStoreOptions,
  ) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
    const onFile = !db.memory && db.name !== '';
    this.readAheadAfter = onFile ? options.readAhead?.afterFullPages : undefined;
    this.statements = prepareStatements(db);
    const now = options.now ?? (() => new Date());
    this.appender = new SqliteAppender(db, this.statements, now, () => this.signal.notify());
  }

  static open(path: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    return new SqliteEventStore(openEventDatabase(path, options.synchronous), options);
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    assertExpectedRevision(options.expectedRevision);
    return this.appender.append(
      stream,
      serializeBatch(events, this.maxEventBytes),
      options.expectedRevision,
    );
  }

  /** One member of the group commit, whatever the number of streams: one transaction, one fsync. */
  async appendMany(appends: readonly StreamAppend[]): Promise<readonly StreamAppendOutcome[]> {
    if (appends.length === 0) return [];
    return this.appender.appendMany(toManyItems(appends, this.maxEventBytes));
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    const pages = this.pagesOfStream(stream, streamRange(options));
    return (async function* () {
      for (const page of pages) for (const row of page) yield rowToEvent(row, stream);
    })();
  }

  async loadStream(stream: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (const page of this.pagesOfStream(stream, streamRange(options))) {
      for (const row of page) events.push(rowToEvent(row, stream));
    }
    return events;
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.pagesOfAll(
      afterPosition(options.fromPosition),
      options.maxCount,
      options.streamPrefixes ?? [],
    );
  }

  subscribe(options: SubscribeOptions): Subscription {
    const signal = AbortSignal.any([
      this.closed.signal,
      ...(options.signal ? [options.signal] : []),
    ]);
    // Nothing once the store is closed: a page read ahead may arrive after `close()`.
    const pageAfter = (after: number, limit: number): RecordedEvent[] =>
      signal.aborted
        ? []
        : this.pageAfter(after, limit, options.streamPrefixes).map((row) => rowToEvent(row));
    const pages =
      this.readAheadAfter === undefined
        ? { pageAfter, close: () => undefined }
        : readingAhead(
            pageAfter,
            () => new ReadAheadThread(this.db.name, options.streamPrefixes),
            this.readAheadAfter,
          );
    return pollingSubscription(
      pages.pageAfter,
      this.signal,
      { ...options, signal },
      this.pollIntervalMs,
      () => this.statements.head.get() ?? 0,
      pages.close,
    );
  }

  async headPosition(): Promise<number> {
    return this.statements.head.get() ?? 0;
  }

  /** Checkpoints in the same file: one database to back up, and one fsync policy. */
  checkpointStore(): CheckpointStore {
    return new SqliteCheckpointStore(this.db);
  }

  /** `'ok'` when SQLite finds the file sound (used after a crash). */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  close(): void {
    this.appender.flush();
    this.closed.abort();
    this.db.close();
  }

  // Pages, so no statement stays open across an `await` (better-sqlite3 allows one at a time).
  private *pagesOfStream(stream: string, range: StreamRange): Generator<StreamRow[]> {
    const forwards = range.direction === 'forwards';
    const statement = forwards ? this.statements.forwards : this.statements.backwards;
    let { lowRevision: low, highRevision: high } = range;
    let remaining = range.maxCount;
    while (remaining > 0 && low <= high) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const page = statement.all(stream, low, high, range.fromMs, range.toMs, limit);
      yield page;
      const last = page[page.length - 1];
      if (last === undefined || page.length < limit) return;
      remaining -= page.length;
      if (forwards) low = last[1] + 1;
      else high = last[1] - 1;
    }
  }

  private async *pagesOfAll(
    after: number,
    maxCount = Number.MAX_SAFE_INTEGER,
    prefixes: readonly string[],
  ): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount;
    while (remaining > 0) {
      const limit = Math.min(PAGE_SIZE, remaining);
      const page = this.pageAfter(after, limit, prefixes);
      for (const row of page) yield rowToEvent(row);
      const last = page[page.length - 1];
      if (last === undefined || page.length < limit) return;
      remaining -= page.length;
      after = last[0];
    }
  }

  private pageAfter(after: number, limit: number, prefixes: readonly string[]): AllRow[] {
    if (prefixes.length === 0) return this.statements.after.all(after, limit);
    const params = prefixes.flatMap((prefix) => [prefix, prefix]);
    return this.statements.afterWithPrefixes(prefixes.length).all(after, ...params, limit);
  }
}
