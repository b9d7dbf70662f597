import { serializeBatch } from '../event-codec';
import { EventStoreError } from '../event-store.errors';
import type { StreamAppend } from '../event-store.port';
import { assertExpectedRevision } from '../idempotency';
import type { ManyItem } from './sqlite-appender';

/**
 * The checks `append` makes before touching the file, item by item: an item refused here (bad
 * expected revision, empty, too large, not JSON) carries its outcome into the group commit.
 */
export const toManyItems = (appends: readonly StreamAppend[], maxEventBytes: number): ManyItem[] =>
  appends.map(({ stream, events, expectedRevision }): ManyItem => {
    try {
      assertExpectedRevision(expectedRevision);
      return { stream, batch: serializeBatch(events, maxEventBytes), expected: expectedRevision };
    } catch (error) {
      if (error instanceof EventStoreError) return { refused: { ok: false, error } };
      throw error;
    }
  });
