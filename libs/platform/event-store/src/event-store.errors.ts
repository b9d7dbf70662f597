import type { ExpectedRevision } from './event-store.port';

/** A refused store operation. `code` is stable: callers and the HTTP edge branch on it. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream moved since the caller read it: re-read, fold, decide again. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'EVENT_STORE_WRONG_EXPECTED_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or `'no_stream'`. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

export class EventTooLargeError extends EventStoreError {
  readonly code = 'EVENT_STORE_EVENT_TOO_LARGE';
  constructor(
    readonly eventId: string,
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(
      `event ${eventId} is ${sizeBytes} bytes serialized; the limit is ${limitBytes} bytes (maxEventBytes)`,
    );
  }
}

/**
 * A batch that repeats ids the stream already holds without being an exact retry of an earlier
 * batch (see `idempotency.ts`). Appending it would either duplicate facts or silently drop some.
 */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'EVENT_STORE_DUPLICATE_EVENT_ID';
  constructor(
    readonly stream: string,
    readonly eventId: string,
  ) {
    super(
      `stream ${stream} already holds event ${eventId}, and this batch is not a retry of the batch that wrote it`,
    );
  }
}

/** The event cannot be stored faithfully: not JSON, no valid `occurredAt`, repeated id in a batch. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'EVENT_STORE_INVALID_EVENT';
}

/** A reader met a type it does not know and asked for that to stop it (see `decode.ts`). */
export class UnknownEventTypeError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNKNOWN_EVENT_TYPE';
  constructor(
    readonly eventType: string,
    readonly stream: string,
    readonly revision: number,
  ) {
    super(`unknown event type ${eventType} at ${stream}@${revision}`);
  }
}

/** A read, append or subscribe option outside its domain (negative revision, time without offset). */
export class InvalidOptionsError extends EventStoreError {
  readonly code = 'EVENT_STORE_INVALID_OPTIONS';
}
