import type Database from 'better-sqlite3';
import type { SerializedEvent } from '../event-codec';
import { DuplicateEventIdError, EventStoreError } from '../event-store.errors';
import type { AppendResult, ExpectedRevision, StreamAppendOutcome } from '../event-store.port';
import { checkExpectedRevision, retryResult } from '../idempotency';
import type { EventStatements } from './sqlite-statements';

/** One stream's append, serialized and checked, ready to write. */
export interface AppendRequest {
  readonly stream: string;
  readonly batch: readonly SerializedEvent[];
  readonly expected: ExpectedRevision;
}

interface PendingAppend extends AppendRequest {
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** A multi-stream append: its items already refused before writing carry their outcome. */
export type ManyItem = AppendRequest | { readonly refused: StreamAppendOutcome };

interface PendingMany {
  readonly items: readonly ManyItem[];
  readonly resolve: (outcomes: StreamAppendOutcome[]) => void;
  readonly reject: (error: unknown) => void;
}

type Pending = PendingAppend | PendingMany;
const isMany = (p: Pending): p is PendingMany => 'items' in p;

type Outcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: unknown };

type GroupOutcome = Outcome | { readonly many: StreamAppendOutcome[] };

/** Read by its fields: an error from the native addon need not be an `Error` of this realm (Jest). */
const isDuplicateId = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && String(message).includes('events.id');
};

/**
 * Group commit: appends issued in the same tick (concurrent consumers, `Promise.all`) share one
 * transaction and so one fsync; each runs in its own savepoint, so a conflict refuses only its
 * own append. A lone append skips the savepoint. Results are released only after the commit.
 */
export class SqliteAppender {
  private pending: Pending[] = [];
  /** Top level (`.immediate`) for a lone append; called inside `appendGroup` it becomes a savepoint. */
  private readonly appendOne: Database.Transaction<(p: AppendRequest) => AppendResult>;
  private readonly appendGroup: Database.Transaction<(ps: readonly Pending[]) => GroupOutcome[]>;

  constructor(
    db: Database.Database,
    private readonly statements: EventStatements,
    private readonly now: () => Date,
    private readonly onCommit: () => void,
  ) {
    this.appendOne = db.transaction((p: AppendRequest) => this.write(p));
    // A one-event append needs no savepoint: every check runs before its single INSERT, and a
    // failing statement undoes itself. Savepoints cost two statements each, a fifth of a
    // 500-append group commit in ingestion's shape.
    this.appendGroup = db.transaction((ps: readonly Pending[]) =>
      ps.map((p) =>
        isMany(p) ? { many: this.writeMany(p.items) } : attempt(() => this.nested(p)),
      ),
    );
  }

  append(
    stream: string,
    batch: readonly SerializedEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ stream, batch, expected, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => this.flush());
    });
  }

  /**
   * Many streams' appends as one member of the group commit: one promise for all, and no
   * savepoint for a one-event item (the same reasoning as above).
   */
  appendMany(items: readonly ManyItem[]): Promise<StreamAppendOutcome[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ items, resolve, reject });
      if (this.pending.length === 1) queueMicrotask(() => this.flush());
    });
  }

  /** Commits whatever is queued; `close()` calls it so no acknowledged-to-be append is left behind. */
  flush(): void {
    const group = this.pending;
    this.pending = [];
    const [only] = group;
    if (only === undefined) return;
    if (group.length === 1 && !isMany(only)) {
      const outcome = attempt(() => this.appendOne.immediate(only));
      settle(only, outcome);
      if (outcome.ok) this.onCommit();
      return;
    }
    let outcomes: GroupOutcome[];
    try {
      outcomes = this.appendGroup.immediate(group);
    } catch (error) {
      for (const p of group) p.reject(error);
      return;
    }
    group.forEach((p, i) => {
      const outcome = outcomes[i] ?? { ok: false, error: new Error('no outcome') };
      if (isMany(p))
        return 'many' in outcome ? p.resolve(outcome.many) : p.reject(new Error('no outcome'));
      settle(p, 'many' in outcome ? { ok: false, error: new Error('no outcome') } : outcome);
    });
    this.onCommit();
  }

  /** Inside the group's transaction: a savepoint only where a batch has more than one insert. */
  private nested(p: AppendRequest): AppendResult {
    return p.batch.length === 1 ? this.write(p) : this.appendOne(p);
  }

  /**
   * A refusal (`EventStoreError`) is the item's outcome; anything else (disk full, I/O) is the
   * store failing: thrown, it rolls the whole group back and rejects every member.
   */
  private writeMany(items: readonly ManyItem[]): StreamAppendOutcome[] {
    return items.map((item): StreamAppendOutcome => {
      if ('refused' in item) return item.refused;
      try {
        return { ok: true, result: this.nested(item) };
      } catch (error) {
        if (error instanceof EventStoreError) return { ok: false, error };
        throw error;
      }
    });
  }

  /** The port's append rule, inside a transaction: idempotency first, then the revision check. */
  private write({ stream, batch, expected }: AppendRequest): AppendResult {
    const { byId, atRevision, lastRevision, insert } = this.statements;
    const first = byId.get(stream, (batch[0] as SerializedEvent).id);
    if (first)
      return retryResult(
        stream,
        batch.map((e) => e.id),
        first,
        (r) => atRevision.get(stream, r),
      );
    // The first id is new; a later one already stored makes the batch neither new nor a retry
    // (idempotency.ts). Checked here, not left to the UNIQUE index, whose report names whichever
    // of the table's two unique constraints SQLite happens to check first.
    for (let i = 1; i < batch.length; i++) {
      const id = (batch[i] as SerializedEvent).id;
      if (byId.get(stream, id)) throw new DuplicateEventIdError(stream, id);
    }
    const current = lastRevision.get(stream) ?? -1;
    checkExpectedRevision(stream, expected, current);
    const recordedAt = this.now().toISOString();
    let position = 0;
    let index = 0;
    try {
      for (; index < batch.length; index++) {
        const e = batch[index] as SerializedEvent;
        const row = insert.run(
          stream,
          current + 1 + index,
          e.id,
          e.type,
          e.data,
          e.metadata,
          recordedAt,
          e.occurredAtMs,
        );
        position = Number(row.lastInsertRowid);
      }
    } catch (error) {
      // A later id of the batch is already stored: the UNIQUE index found it, the savepoint undoes the rest.
      if (isDuplicateId(error))
        throw new DuplicateEventIdError(stream, (batch[index] as SerializedEvent).id);
      throw error;
    }
    return { nextRevision: current + batch.length, position };
  }
}

const attempt = (fn: () => AppendResult): Outcome => {
  try {
    return { ok: true, result: fn() };
  } catch (error) {
    return { ok: false, error };
  }
};

const settle = (p: PendingAppend, outcome: Outcome): void =>
  outcome.ok ? p.resolve(outcome.result) : p.reject(outcome.error);
