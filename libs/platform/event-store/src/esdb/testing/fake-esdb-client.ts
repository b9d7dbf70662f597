import {
  END,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type EventData,
  type Filter,
  type Position,
  type ReadPosition,
  type ReadRevision,
} from '@eventstore/db-client';
import { AppendSignal } from '../../subscription/append-signal';
import type { EsdbClient } from '../esdb-client';

/**
 * An in-memory stand-in for the gRPC client, so the adapter's own logic (idempotency loop,
 * revision and position mapping, client-side time filter, exclusive checkpoints) runs the
 * contract on every build. It models the server as documented: positions are byte offsets
 * (gapped, commit = prepare per event), `readAll` starts at its position inclusive, a
 * subscription after it, a missing stream fails the read, and there is no server-side dedupe
 * (the adapter must not lean on it). It tests the adapter, not EventStoreDB.
 */
type Recorded = Required<AllStreamResolvedEvent>['event'];

const json = <T>(value: T): T =>
  value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

export const fakeEsdbClient = (): EsdbClient => {
  const log: Recorded[] = [];
  const streams = new Map<string, Recorded[]>();
  const signal = new AppendSignal();
  let offset = 1_000n;

  const write = (
    streamId: string,
    data: Omit<Recorded, 'streamId' | 'revision' | 'position' | 'created'>,
  ): void => {
    const held = streams.get(streamId) ?? [];
    const position: Position = { commit: offset, prepare: offset };
    offset += 137n + BigInt(JSON.stringify(data.data).length); // offsets, not counts
    const event = {
      ...data,
      streamId,
      revision: BigInt(held.length),
      position,
      created: new Date(),
    } as Recorded;
    streams.set(streamId, [...held, event]);
    log.push(event);
  };
  // The server's own events, which the adapter must leave out.
  write('$settings', {
    id: 'settings',
    type: '$settings',
    isJson: true,
    data: {},
    metadata: undefined,
  });

  const appendToStream = async (
    stream: string,
    events: EventData | EventData[],
    options?: { expectedRevision?: AppendExpectedRevision },
  ) => {
    const held = streams.get(stream) ?? [];
    const current = held.length === 0 ? 'no_stream' : BigInt(held.length - 1);
    const expected = options?.expectedRevision ?? 'any';
    if (expected !== 'any' && expected !== current) {
      throw new WrongExpectedVersionError(undefined, { streamName: stream, expected, current });
    }
    for (const e of [events].flat()) {
      write(stream, {
        id: e.id,
        type: e.type,
        isJson: true,
        data: json(e.data),
        metadata: json(e.metadata),
      } as Recorded);
    }
    const last = streams.get(stream)?.at(-1) as Recorded;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  };

  const readStream = (
    stream: string,
    options: { direction?: string; fromRevision?: ReadRevision; maxCount?: number | bigint } = {},
  ) =>
    (async function* () {
      const held = streams.get(stream);
      if (!held) throw new StreamNotFoundError(undefined, stream);
      const forwards = options.direction !== 'backwards';
      const from = options.fromRevision ?? (forwards ? START : END);
      const start = from === START ? 0 : from === END ? held.length - 1 : Number(from);
      const selected = forwards ? held.slice(start) : held.slice(0, start + 1).reverse();
      for (const event of selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)))
        yield { event };
    })();

  const atOrAfter = (from: ReadPosition | undefined, exclusive: boolean): number => {
    if (from === undefined || from === START) return 0;
    if (from === END) return log.length;
    const index = log.findIndex((e) =>
      exclusive ? e.position.commit > from.commit : e.position.commit >= from.commit,
    );
    return index === -1 ? log.length : index;
  };

  // Backwards from a position starts at the event there, inclusive, as forwards does.
  const readAll = (options: { fromPosition?: ReadPosition; direction?: string } = {}) =>
    (async function* () {
      const selected =
        options.direction === 'backwards'
          ? log.slice(0, atOrAfter(options.fromPosition ?? END, true)).reverse()
          : log.slice(atOrAfter(options.fromPosition, false));
      for (const event of selected) yield { event };
    })();

  const passes = (filter: Filter | undefined, event: Recorded): boolean => {
    if (!filter) return true;
    const subject = filter.filterOn === 'streamName' ? event.streamId : event.type;
    return 'prefixes' in filter
      ? filter.prefixes.some((p) => subject.startsWith(p))
      : new RegExp(filter.regex).test(subject);
  };

  const subscribeToAll = (options: { fromPosition?: ReadPosition; filter?: Filter } = {}) => {
    const closed = new AbortController();
    async function* events() {
      let next = atOrAfter(options.fromPosition, true);
      while (!closed.signal.aborted) {
        const seen = signal.current;
        while (next < log.length && !closed.signal.aborted) {
          const event = log[next++] as Recorded;
          if (passes(options.filter, event)) yield { event };
        }
        await signal.wait(seen, closed.signal);
      }
    }
    return Object.assign(events(), { unsubscribe: async () => closed.abort() });
  };

  const notifying = async (...args: Parameters<typeof appendToStream>) => {
    const result = await appendToStream(...args);
    signal.notify();
    return result;
  };

  return {
    appendToStream: notifying,
    readStream,
    readAll,
    subscribeToAll,
    setStreamMetadata: async () => ({ success: true, nextExpectedRevision: 0n }),
    dispose: async () => undefined,
  } as unknown as EsdbClient;
};
