import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  streamNameFilter,
} from '@eventstore/db-client';
import { appendStreamByStream } from '../append-many';
import { collect } from '../collect';
import { instantMs, serializeBatch, type SerializedEvent } from '../event-codec';
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
import {
  toEsdbPosition,
  toEventData,
  toExpectedRevision,
  toPortPosition,
  toRecordedEvent,
  toWrongExpectedRevision,
} from './esdb-mapping';
import type { EsdbClient } from './esdb-client';
import { EsdbStreamIds } from './esdb-stream-ids';
import { esdbSubscription } from './esdb-subscription';

export interface EsdbEventStoreOptions {
  readonly maxEventBytes?: number;
  /** How many event ids the idempotency check keeps warm, over all streams (`esdb-stream-ids.ts`). */
  readonly idCacheEvents?: number;
}

/** Appends racing a concurrent writer on the same stream retry this often before giving up. */
const MAX_APPEND_ATTEMPTS = 5;

/** Production adapter on EventStoreDB / KurrentDB through `@eventstore/db-client`. */
export class EsdbEventStore implements EventStore {
  private readonly ids: EsdbStreamIds;
  private readonly maxEventBytes: number;

  constructor(
    private readonly client: EsdbClient,
    options: EsdbEventStoreOptions = {},
  ) {
    this.maxEventBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    this.ids = new EsdbStreamIds(client, options.idCacheEvents ?? 500_000);
  }

  /** e.g. `esdb://localhost:2113?tls=false` */
  static connect(connectionString: string, options?: EsdbEventStoreOptions): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  /**
   * Reads the stream's ids (warm: only its new tail), applies the shared idempotency rule and
   * the caller's expected revision, then appends with the exact revision it read, even for
   * `'any'`: a concurrent writer of the same ids then fails the server check instead of
   * duplicating them, and the loop re-reads and decides again.
   */
  async append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    assertExpectedRevision(options.expectedRevision);
    const batch = serializeBatch(events, this.maxEventBytes);
    for (let attempt = 1; ; attempt++) {
      const known = await this.ids.refresh(stream);
      const first = known.byId.get((batch[0] as SerializedEvent).id);
      if (first)
        return retryResult(
          stream,
          batch.map((e) => e.id),
          first,
          (r) => known.byRevision.get(r),
        );
      const stored = batch.find((e) => known.byId.has(e.id));
      if (stored) throw new DuplicateEventIdError(stream, stored.id);
      checkExpectedRevision(stream, options.expectedRevision, known.lastRevision);
      try {
        const result = await this.client.appendToStream(stream, events.map(toEventData), {
          expectedRevision: toExpectedRevision(known.lastRevision),
        });
        return {
          nextRevision: Number(result.nextExpectedRevision),
          position: toPortPosition(result.position),
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (attempt === MAX_APPEND_ATTEMPTS)
          throw toWrongExpectedRevision(error, stream, options.expectedRevision);
      }
    }
  }

  /** Stream by stream (`append-many.ts`): each item is one `append`. */
  appendMany(appends: readonly StreamAppend[]): Promise<readonly StreamAppendOutcome[]> {
    return appendStreamByStream(appends, (item) =>
      this.append(item.stream, item.events, { expectedRevision: item.expectedRevision }),
    );
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.streamEvents(stream, streamRange(options));
  }

  /** gRPC streams the events anyway; nothing to save over collecting them. */
  async loadStream(stream: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]> {
    return collect(this.readStream(stream, options));
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return this.allEvents(
      afterPosition(options.fromPosition),
      options.maxCount,
      prefixMatcher(options.streamPrefixes),
    );
  }

  subscribe(options: SubscribeOptions): Subscription {
    const after = afterPosition(options.fromPosition);
    const source = this.client.subscribeToAll({
      fromPosition: after === 0 ? START : toEsdbPosition(after),
      filter: options.streamPrefixes.length
        ? streamNameFilter({ prefixes: [...options.streamPrefixes] })
        : excludeSystemEvents(),
    });
    return esdbSubscription(source, after, options.signal);
  }

  /** The end of $all, read backwards past the server's own events (system streams, `$` types). */
  async headPosition(): Promise<number> {
    const read = this.client.readAll({ fromPosition: END, direction: BACKWARDS });
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved);
      if (event) return event.position;
    }
    return 0;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  // Revision bounds go to the server; time bounds are filtered here (the server indexes no business time).
  private async *streamEvents(stream: string, range: StreamRange): AsyncGenerator<RecordedEvent> {
    const forwards = range.direction === 'forwards';
    const start = forwards ? range.lowRevision : range.highRevision;
    const span = Math.min(range.highRevision - range.lowRevision + 1, Number.MAX_SAFE_INTEGER);
    const read = this.client.readStream(stream, {
      direction: forwards ? FORWARDS : BACKWARDS,
      fromRevision: !forwards && start === Number.MAX_SAFE_INTEGER ? END : BigInt(start),
      maxCount: range.timeBounded ? span : Math.min(span, range.maxCount),
    });
    let remaining = range.maxCount;
    if (remaining === 0) return;
    try {
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (!event || event.revision < range.lowRevision || event.revision > range.highRevision)
          continue;
        if (range.timeBounded && !inTimeRange(range, instantMs(event.metadata.occurredAt)))
          continue;
        yield event;
        if (--remaining === 0) return;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error; // a missing stream reads as empty
    }
  }

  private async *allEvents(
    after: number,
    maxCount = Number.MAX_SAFE_INTEGER,
    matches: (stream: string) => boolean,
  ): AsyncGenerator<RecordedEvent> {
    // readAll's fromPosition is inclusive, the port's exclusive: the event at `after` is skipped below.
    const read = this.client.readAll({
      fromPosition: after === 0 ? START : toEsdbPosition(after),
      direction: FORWARDS,
    });
    let remaining = maxCount;
    if (remaining === 0) return;
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved);
      if (!event || event.position <= after || !matches(event.stream)) continue;
      yield event;
      if (--remaining === 0) return;
    }
  }
}
