import { EventTooLargeError, InvalidEventError } from './event-store.errors';
import type { EventMetadata, NewEvent, RecordedEvent } from './event-store.port';

/** An event as every adapter stores it: JSON text, plus business time as epoch ms for range reads. */
export interface SerializedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
  readonly occurredAtMs: number;
}

export interface StoredEvent extends SerializedEvent {
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly recordedAt: string;
}

// An instant needs its offset: "2024-01-01T09:00" alone would be read in the server's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an ISO-8601 instant with offset, or NaN. */
export const instantMs = (iso: string): number =>
  ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;

const toJson = (value: unknown, what: string, eventId: string): string => {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    // BigInt and cycles land here; money travels as integer strings (ARCHITECTURE.md principle 5).
    throw new InvalidEventError(
      `event ${eventId}: ${what} is not JSON (${(error as Error).message})`,
    );
  }
  if (json === undefined) throw new InvalidEventError(`event ${eventId}: ${what} is not JSON`);
  return json;
};

const utf8Bytes = (data: string, metadata: string): number =>
  Buffer.byteLength(data, 'utf8') + Buffer.byteLength(metadata, 'utf8');

/** Validates one event and turns it into what the adapters store; throws before anything is written. */
export const serializeEvent = (event: NewEvent, maxEventBytes: number): SerializedEvent => {
  const { id, type, metadata } = event;
  if (typeof id !== 'string' || id.length === 0)
    throw new InvalidEventError('an event needs a non-empty string id');
  if (typeof type !== 'string' || type.length === 0)
    throw new InvalidEventError(`event ${id} needs a type`);
  const occurredAtMs = instantMs(metadata?.occurredAt ?? '');
  if (Number.isNaN(occurredAtMs)) {
    throw new InvalidEventError(
      `event ${id}: metadata.occurredAt must be an ISO-8601 instant with offset`,
    );
  }
  const data = toJson(event.data, 'data', id);
  const meta = toJson(metadata, 'metadata', id);
  // UTF-8 takes at most 3 bytes per UTF-16 unit, so most events skip the exact count.
  if ((data.length + meta.length) * 3 > maxEventBytes) {
    const size = utf8Bytes(data, meta);
    if (size > maxEventBytes) throw new EventTooLargeError(id, size, maxEventBytes);
  }
  return { id, type, data, metadata: meta, occurredAtMs };
};

/** A batch is atomic, so it is refused whole: empty, or repeating an id within itself. */
export const serializeBatch = (
  events: readonly NewEvent[],
  maxEventBytes: number,
): SerializedEvent[] => {
  if (events.length === 0) throw new InvalidEventError('an append carries at least one event');
  const serialized = events.map((event) => serializeEvent(event, maxEventBytes));
  if (serialized.length > 1 && new Set(serialized.map((e) => e.id)).size !== serialized.length) {
    throw new InvalidEventError('a batch repeats an event id');
  }
  return serialized;
};

export const toRecordedEvent = (stored: StoredEvent): RecordedEvent => ({
  stream: stored.stream,
  revision: stored.revision,
  position: stored.position,
  id: stored.id,
  type: stored.type,
  data: JSON.parse(stored.data) as unknown,
  metadata: JSON.parse(stored.metadata) as EventMetadata,
  recordedAt: stored.recordedAt,
});
