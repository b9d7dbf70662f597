import { customerStream } from '@churn/ingestion';
import type { EventStore } from '@churn/event-store';
import {
  evolveAuditFold,
  foldEvents,
  initialAuditFold,
  occurredMs,
  type AuditFold,
} from './audit-fold';

export interface SnapshotSettings {
  /** Customers whose snapshots are kept; the least recently asked for are dropped first. */
  readonly maxCustomers: number;
  /** A snapshot is also taken after this many events without a month boundary. */
  readonly maxEventsBetween: number;
}

export const DEFAULT_SNAPSHOT_SETTINGS: SnapshotSettings = {
  maxCustomers: 128,
  maxEventsBetween: 500,
};

/** A fold of the stream's first events, all of business time `maxOccurredMs` or earlier. */
interface Snapshot {
  readonly fold: AuditFold;
}

/** One customer: the fold of their whole stream so far, and month-end snapshots on the way. */
export interface CustomerHistory {
  readonly customerId: string;
  /** The fold of every event read so far; answers "now" and where the customer sits. */
  readonly head: AuditFold;
  readonly snapshots: Snapshot[];
  /** Events whose business time is before that of an event stored ahead of them (late facts). */
  readonly late: { readonly revision: number; readonly occurredMs: number }[];
  nextBoundaryMs: number;
  sinceSnapshot: number;
  /** Reads and folds of this customer run one at a time (the head is folded in place). */
  turn: Promise<void>;
}

const MONTH_STARTS_OFFSET = '+08:00';

/** The first instant of the bank month (UTC+8) after the one `ms` falls in. */
export const nextMonthStartMs = (ms: number): number => {
  const bank = new Date(ms + 8 * 3_600_000);
  const [year, month] = [bank.getUTCFullYear(), bank.getUTCMonth() + 1];
  const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return Date.parse(`${y}-${String(m).padStart(2, '0')}-01T00:00:00${MONTH_STARTS_OFFSET}`);
};

/**
 * State as of any moment, fast (issue 6 §3: p99 ≤ 50 ms for a ten-year customer at 200 requests
 * a second). A read model: each customer's stream is folded once, keeping a snapshot before the
 * first event of every bank month; an as-of query then clones the last snapshot whose events all
 * happened by then and folds only the events after it that did (one bounded read). The answer is
 * the fresh fold's, late facts included: a snapshot is a prefix of the stream in revision order
 * whose every event is at or before the moment, and the rest is read with the same time bound.
 * Rebuilt from the store at any time (`clear`), never the source of truth.
 */
export class CustomerSnapshots {
  private readonly histories = new Map<string, CustomerHistory>();

  constructor(
    private readonly store: EventStore,
    private readonly settings: SnapshotSettings = DEFAULT_SNAPSHOT_SETTINGS,
  ) {}

  get size(): number {
    return this.histories.size;
  }

  clear(): void {
    this.histories.clear();
  }

  /**
   * The customer's history, caught up with the store; null when their stream is empty. The head
   * it holds is read-only to callers and stays valid until their next await.
   */
  async history(customerId: string): Promise<CustomerHistory | null> {
    let history = this.histories.get(customerId);
    if (history === undefined) {
      history = {
        customerId,
        head: initialAuditFold(),
        snapshots: [],
        late: [],
        nextBoundaryMs: Number.NEGATIVE_INFINITY,
        sinceSnapshot: 0,
        turn: Promise.resolve(),
      };
      this.histories.set(customerId, history);
      this.dropOldest();
    } else {
      this.histories.delete(customerId); // least recently used last
      this.histories.set(customerId, history);
    }
    await this.inTurn(history, () => this.catchUp(history));
    return history.head.eventsFolded === 0 ? null : history;
  }

  /**
   * The fold of every event of business time `atMs` or earlier (a new object: callers own it).
   * Only the events between the snapshot taken and the next one are read, plus any late fact
   * beyond that is early enough: every other later event happened after the next snapshot's
   * events, so after `atMs`.
   */
  async foldAt(history: CustomerHistory, atMs: number): Promise<AuditFold> {
    const { base, next } = this.snapshotsAround(history, atMs);
    const fold = structuredClone(base);
    const stream = customerStream(history.customerId);
    if (fold.lastRevision >= next.lastRevision) return fold;
    const toTime = new Date(atMs + 1).toISOString();
    foldEvents(
      await this.store.loadStream(stream, {
        fromRevision: fold.lastRevision + 1,
        toRevision: next.lastRevision,
        toTime,
      }),
      fold,
    );
    for (const late of history.late) {
      if (late.revision <= next.lastRevision || late.occurredMs > atMs) continue;
      const range = { fromRevision: late.revision, toRevision: late.revision, toTime };
      foldEvents(await this.store.loadStream(stream, range), fold);
    }
    return fold;
  }

  /** The latest snapshot (or the head) whose events all happened at or before `atMs`. */
  snapshotAt(history: CustomerHistory, atMs: number): AuditFold {
    return this.snapshotsAround(history, atMs).base;
  }

  /** That snapshot, and the next one (or the head): the first with an event after `atMs`. */
  private snapshotsAround(history: CustomerHistory, atMs: number) {
    const { head, snapshots } = history;
    if (head.maxOccurredMs <= atMs) return { base: head, next: head };
    let low = 0;
    let high = snapshots.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if ((snapshots[mid]?.fold.maxOccurredMs ?? Infinity) <= atMs) low = mid + 1;
      else high = mid - 1;
    }
    return { base: snapshots[high]?.fold ?? EMPTY, next: snapshots[high + 1]?.fold ?? head };
  }

  private async catchUp(history: CustomerHistory): Promise<void> {
    const events = await this.store.loadStream(customerStream(history.customerId), {
      fromRevision: history.head.lastRevision + 1,
    });
    for (const event of events) {
      const ms = occurredMs(event);
      if (ms < history.head.maxOccurredMs)
        history.late.push({ revision: event.revision, occurredMs: ms });
      const crosses =
        ms >= history.nextBoundaryMs || history.sinceSnapshot >= this.settings.maxEventsBetween;
      if (crosses && history.head.eventsFolded > 0) {
        history.snapshots.push({ fold: structuredClone(history.head) });
        history.sinceSnapshot = 0;
      }
      evolveAuditFold(history.head, event);
      history.sinceSnapshot += 1;
      if (crosses || Number.isNaN(history.nextBoundaryMs))
        history.nextBoundaryMs = nextMonthStartMs(history.head.maxOccurredMs);
    }
  }

  private async inTurn(history: CustomerHistory, work: () => Promise<void>): Promise<void> {
    const run = history.turn.then(work);
    history.turn = run.catch(() => undefined);
    await run;
  }

  private dropOldest(): void {
    while (this.histories.size > this.settings.maxCustomers) {
      const oldest = this.histories.keys().next();
      if (oldest.done === true) return;
      this.histories.delete(oldest.value);
    }
  }
}

const EMPTY: AuditFold = initialAuditFold();
