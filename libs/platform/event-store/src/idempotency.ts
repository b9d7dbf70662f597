import {
  DuplicateEventIdError,
  InvalidOptionsError,
  WrongExpectedRevisionError,
} from './event-store.errors';
import type { AppendResult, ExpectedRevision } from './event-store.port';

/**
 * The idempotency rule every adapter applies, before the revision check, so a redelivered message
 * succeeds even when its expected revision has gone stale (ARCHITECTURE.md principle 3):
 *
 * - The batch's first id is already in the stream at revision r: the batch is a retry if the
 *   stream holds the batch's ids, in order, at r, r+1, …; then nothing is written and the original
 *   revision and position of the batch's last event are returned. Otherwise `DuplicateEventIdError`.
 * - The first id is new but a later one is known: `DuplicateEventIdError`. Appending only the new
 *   ones would reorder facts behind the caller's back; the caller re-batches instead.
 * - No id is known: an ordinary append, checked against the expected revision.
 */
export interface StoredRef {
  readonly id: string;
  readonly revision: number;
  readonly position: number;
}

/** Decides whether a batch whose first id is stored at `first` is an exact retry. */
export const retryResult = (
  stream: string,
  batchIds: readonly string[],
  first: StoredRef,
  storedAt: (revision: number) => StoredRef | undefined,
): AppendResult => {
  let last = first;
  for (let i = 1; i < batchIds.length; i++) {
    const stored = storedAt(first.revision + i);
    if (stored === undefined || stored.id !== batchIds[i])
      throw new DuplicateEventIdError(stream, first.id);
    last = stored;
  }
  return { nextRevision: last.revision, position: last.position };
};

/** The optimistic concurrency check; `current` is the stream's last revision or -1 when it has none. */
export const assertExpectedRevision = (expected: ExpectedRevision): void => {
  if (
    expected === 'any' ||
    expected === 'no_stream' ||
    (Number.isSafeInteger(expected) && expected >= 0)
  )
    return;
  throw new InvalidOptionsError(
    `expectedRevision must be 'any', 'no_stream' or a revision, not ${String(expected)}`,
  );
};

export const checkExpectedRevision = (
  stream: string,
  expected: ExpectedRevision,
  current: number,
): void => {
  const ok =
    expected === 'any' || (expected === 'no_stream' ? current === -1 : expected === current);
  if (!ok)
    throw new WrongExpectedRevisionError(stream, expected, current === -1 ? 'no_stream' : current);
};
