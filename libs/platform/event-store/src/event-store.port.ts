/**
 * The event store port (ARCHITECTURE.md, "Event store port"). Every adapter (in-memory, SQLite,
 * EventStoreDB) passes the same contract suite in `@churn/event-store/testing`.
 *
 * The store is type-agnostic: it keeps `type`, `data` and `metadata` as JSON and hands them back
 * unchanged. Turning a recorded event into a domain event is the reader's job (see `decode.ts`).
 */
import type { EventStoreError } from './event-store.errors';

/** Where a fact came from, so a redelivered message maps to the same event id. */
export interface SourceCoordinates {
  readonly topic: string;
  readonly partition: number;
  /** Kafka offsets are 64-bit; kept as a decimal string as kafkajs reports them. */
  readonly offset: string;
}

export interface EventMetadata {
  /** Business time (ISO-8601 with offset). Drives every window and the time-bounded reads. */
  readonly occurredAt: string;
  readonly schemaVersion: number;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly source?: SourceCoordinates;
  readonly [key: string]: unknown;
}

/** An event to append. `id` is deterministic (derived from its source), which makes retries safe. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<
  Type,
  Data
> {
  readonly stream: string;
  /** 0-based, gapless within the stream. */
  readonly revision: number;
  /** Global order across streams: strictly increasing, not necessarily gapless. */
  readonly position: number;
  /** When the store recorded it (wall clock, ISO-8601). Never use it for business windows. */
  readonly recordedAt: string;
}

/**
 * Optimistic concurrency: `'no_stream'` (must not exist yet), `'any'` (no check), or the revision
 * of the last event the caller folded.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
}

/**
 * Revision and position of the batch's last event: pass `nextRevision` as the next expected
 * revision. For an idempotent retry these are the originals; nothing new is written.
 */
export interface AppendResult {
  readonly nextRevision: number;
  readonly position: number;
}

/** One stream's part of an `appendMany`: what `append` takes, as one item. */
export interface StreamAppend {
  readonly stream: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

/**
 * What became of one item of an `appendMany`: its result, or the refusal `append` would have
 * thrown for it (an `EventStoreError`: wrong expected revision, too large, duplicate id, invalid).
 */
export type StreamAppendOutcome =
  | { readonly ok: true; readonly result: AppendResult }
  | { readonly ok: false; readonly error: EventStoreError };

export type ReadDirection = 'forwards' | 'backwards';

/**
 * Revision bounds follow the direction of the read (both inclusive): forwards reads from
 * `fromRevision` (default 0) up to `toRevision`; backwards reads from `fromRevision` (default: the
 * last event) down to `toRevision`.
 *
 * Time bounds filter on business time, `metadata.occurredAt`, as instants (offsets respected), in
 * either direction: `fromTime <= occurredAt < toTime`. Half-open, so consecutive windows never
 * count an event twice. Events stay in revision order; late facts are not re-sorted.
 *
 * `maxCount` applies after the filters. A stream that does not exist reads as empty.
 */
export interface ReadStreamOptions {
  readonly direction?: ReadDirection;
  readonly fromRevision?: number;
  readonly toRevision?: number;
  readonly fromTime?: string;
  readonly toTime?: string;
  readonly maxCount?: number;
}

/**
 * An exclusive checkpoint: the position of the last event already handled, or `'start'`.
 * Exclusive because positions need not be gapless: a reader only knows positions it has seen.
 */
export type Checkpoint = number | 'start';

/** `streamPrefixes`: an empty list (or none) means every stream. */
export interface ReadAllOptions {
  readonly fromPosition?: Checkpoint;
  readonly maxCount?: number;
  readonly streamPrefixes?: readonly string[];
}

export interface SubscribeOptions {
  readonly fromPosition: Checkpoint;
  readonly streamPrefixes: readonly string[];
  /** Aborting ends the iteration, as `close()` does. */
  readonly signal?: AbortSignal;
}

/**
 * Catch-up then live, consumed with `for await`. Events come in global order with no gap and no
 * duplicate; save `event.position` as the checkpoint after handling an event.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  /** Atomic per call. Throws `WrongExpectedRevisionError`, `EventTooLargeError`, `DuplicateEventIdError`, `InvalidEventError`. */
  append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * Many appends, to any streams, in one call: what a consumer does with a chunk of messages.
   * One outcome per item, in item order. Each item follows `append`'s rules on its own
   * (idempotency by event id first, then its expected revision) and is atomic on its own; items
   * to the same stream apply in the order given, so a later item's expected revision sees the
   * earlier ones. A refused item is reported in its outcome and refuses nothing else.
   *
   * Resolves once every stored item is durable. No atomicity across items is promised: the
   * embedded stores apply the call in one transaction, EventStoreDB stream by stream. A failure
   * of the store itself rejects the call, with any subset of the items possibly written; calling
   * again with the same items is then safe, since their ids make written items retries.
   */
  appendMany(appends: readonly StreamAppend[]): Promise<readonly StreamAppendOutcome[]>;
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /**
   * The same events as `readStream`, all at once: what a fold wants. Skipping the await per
   * event saves about a quarter of a 5,000-event read (test/bench/event-store.bench.ts).
   */
  loadStream(stream: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribe(options: SubscribeOptions): Subscription;
  /**
   * The position of the last event `readAll` would return, 0 when there is none: how far the log
   * reaches, for lag gauges (a subscriber's position against it). One cheap read. Positions are
   * not gapless, so the difference to a subscriber's position bounds the events behind it from
   * above: exact on the embedded store, log bytes on EventStoreDB.
   */
  headPosition(): Promise<number>;
}

/** The limit on one event's serialized size (data + metadata, UTF-8 bytes). */
export const DEFAULT_MAX_EVENT_BYTES = 1024 * 1024;
