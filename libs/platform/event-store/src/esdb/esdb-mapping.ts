import { createHash } from 'node:crypto';
import {
  NO_STREAM,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { EventMetadata, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port';

/**
 * EventStoreDB wants UUID event ids; the port takes any deterministic string (e.g.
 * "corebanking.transactions.v1/3/1842"). The original id travels in the metadata under this key
 * and is restored on read; the wire id is a name-based UUID (v5 layout, SHA-1) of it, so a
 * redelivery maps to the same UUID and EventStoreDB's own duplicate check helps too.
 */
export const WIRE_ID_KEY = 'churnEventId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const toWireId = (id: string): string => {
  if (UUID.test(id)) return id.toLowerCase();
  const hash = createHash('sha1').update(`churn-event:${id}`, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50; // version 5
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

export const toEventData = (event: NewEvent): EventData => ({
  id: toWireId(event.id),
  contentType: 'application/json',
  type: event.type,
  // The client serializes; any JSON value is fine on the wire even where its type says object.
  data: event.data as JSONType,
  metadata: { ...event.metadata, [WIRE_ID_KEY]: event.id },
});

/**
 * The port's global position is EventStoreDB's commit position. Since v20 every append is an
 * implicit transaction whose events each carry commit = prepare = their own log position, so the
 * commit position is unique per event and orders $all; it stays below 2^53 for any log under 8 PiB.
 */
export const toPortPosition = (position: Position | undefined): number => {
  if (position === undefined || position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(
      'EventStoreDB returned no usable commit position (the adapter needs server 22.6 or later)',
    );
  }
  return Number(position.commit);
};

/** An exclusive port checkpoint back to a $all position: commit and prepare coincide (see above). */
export const toEsdbPosition = (position: number): Position => ({
  commit: BigInt(position),
  prepare: BigInt(position),
});

export const toExpectedRevision = (lastRevision: number): AppendExpectedRevision =>
  lastRevision === -1 ? NO_STREAM : BigInt(lastRevision);

export const toWrongExpectedRevision = (
  error: WrongExpectedVersionError,
  stream: string,
  expected: ExpectedRevision,
): WrongExpectedRevisionError =>
  new WrongExpectedRevisionError(
    stream,
    expected,
    typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : 'no_stream',
  );

/** Our events only: system streams/types ($…), links and non-JSON records are not facts of ours. */
export const toRecordedEvent = (
  resolved: ResolvedEvent | AllStreamResolvedEvent,
): RecordedEvent | undefined => {
  const event = resolved.event;
  if (!event || !event.isJson || event.streamId.startsWith('$') || event.type.startsWith('$'))
    return undefined;
  const { [WIRE_ID_KEY]: portId, ...metadata } = (event.metadata ?? {}) as Record<string, unknown>;
  return {
    stream: event.streamId,
    revision: Number(event.revision),
    position: toPortPosition(event.position ?? commitOnly(resolved.commitPosition)),
    id: typeof portId === 'string' ? portId : event.id,
    type: event.type,
    data: event.data,
    metadata: metadata as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
};

const commitOnly = (commit: bigint | undefined): Position | undefined =>
  commit === undefined ? undefined : { commit, prepare: commit };
