import { appendStreamByStream } from '../append-many';
import { serializeBatch, toRecordedEvent, type StoredEvent } from '../event-codec';
import { DuplicateEventIdError } from '../event-store.errors';
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
import { assertExpectedRevision, checkExpectedRevision, retryResult } from '../idempotency';
import {
  afterPosition,
  inTimeRange,
  prefixMatcher,
  streamRange,
  type StreamRange,
} from '../read-options';
import { AppendSignal } from '../subscription/append-signal';
import { pollingSubscription } from '../subscription/polling-subscription';

export interface InMemoryEventStoreOptions {
  readonly maxEventBytes?: number;
  /** The recording clock; tests pin it. */
  readonly now?: () => Date;
}

/** Events of one stream in the requested order, bounds and count. */
const selectRange = (held: readonly StoredEvent[], range: StreamRange): StoredEvent[] => {
  const slice = held.slice(range.lowRevision, range.highRevision + 1);
  if (range.direction === 'backwards') slice.reverse();
  const bounded = range.timeBounded
    ? slice.filter((e) => inTimeRange(range, e.occurredAtMs))
    : slice;
  return bounded.slice(0, range.maxCount);
};

/**
 * The store for unit tests. It keeps serialized JSON, as the durable adapters do, so a test sees
 * exactly what a reader of SQLite or EventStoreDB would: copies, with dates as strings.
 */
export class InMemoryEventStore implements EventStore {
  /** Global log; an event's position is its index + 1. */
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<
    string,
    { readonly events: StoredEvent[]; readonly ids: Map<string, StoredEvent> }
  >();
  private readonly signal = new AppendSignal();
  private readonly maxEventBytes: number;
  private readonly now: () => Date;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.now = options.now ?? (() => new Date());
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    assertExpectedRevision(options.expectedRevision);
    const batch = serializeBatch(events, this.maxEventBytes);
    const held = this.streams.get(stream) ?? { events: [], ids: new Map<string, StoredEvent>() };
    const first = held.ids.get(batch[0]?.id ?? '');
    if (first)
      return retryResult(
        stream,
        batch.map((e) => e.id),
        first,
        (revision) => held.events[revision],
      );
    const known = batch.find((e) => held.ids.has(e.id));
    if (known) throw new DuplicateEventIdError(stream, known.id);
    checkExpectedRevision(stream, options.expectedRevision, held.events.length - 1);

    const recordedAt = this.now().toISOString();
    for (const event of batch) {
      const stored = {
        ...event,
        stream,
        revision: held.events.length,
        position: this.log.length + 1,
        recordedAt,
      };
      held.events.push(stored);
      held.ids.set(stored.id, stored);
      this.log.push(stored);
    }
    this.streams.set(stream, held);
    this.signal.notify();
    return { nextRevision: held.events.length - 1, position: this.log.length };
  }

  /** Stream by stream (`append-many.ts`): each item is one `append`. */
  appendMany(appends: readonly StreamAppend[]): Promise<readonly StreamAppendOutcome[]> {
    return appendStreamByStream(appends, (item) =>
      this.append(item.stream, item.events, { expectedRevision: item.expectedRevision }),
    );
  }

  async loadStream(stream: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
    return selectRange(this.streams.get(stream)?.events ?? [], streamRange(options)).map(
      toRecordedEvent,
    );
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    const range = streamRange(options);
    return this.yieldAll(() => selectRange(this.streams.get(stream)?.events ?? [], range));
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const after = afterPosition(options.fromPosition);
    const matches = prefixMatcher(options.streamPrefixes);
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    return this.yieldAll(() =>
      this.log
        .slice(after)
        .filter((e) => matches(e.stream))
        .slice(0, maxCount),
    );
  }

  subscribe(options: SubscribeOptions): Subscription {
    const matches = prefixMatcher(options.streamPrefixes);
    const pageAfter = (after: number, limit: number): RecordedEvent[] =>
      this.log
        .slice(after)
        .filter((e) => matches(e.stream))
        .slice(0, limit)
        .map(toRecordedEvent);
    return pollingSubscription(pageAfter, this.signal, options, undefined, () => this.log.length);
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  /** Selection happens when iteration starts, like a query against a real store. */
  private async *yieldAll(select: () => readonly StoredEvent[]): AsyncGenerator<RecordedEvent> {
    for (const stored of select()) yield toRecordedEvent(stored);
  }
}
