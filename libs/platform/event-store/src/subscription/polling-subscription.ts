import { setImmediate } from 'node:timers/promises';
import type { RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { afterPosition } from '../read-options';
import type { AppendSignal } from './append-signal';

/** Events after an exclusive position, in global order, already filtered by stream prefix. */
export type PageAfter = (
  after: number,
  limit: number,
) => readonly RecordedEvent[] | Promise<readonly RecordedEvent[]>;

const PAGE_SIZE = 500;

/**
 * Catch-up then live for stores that can read "everything after position p": the same loop
 * serves both phases, so the hand-over cannot leave a gap or deliver twice. Live waits on the
 * in-process signal, with polling for writers in other processes when `pollMs` is given.
 *
 * `headPosition` (the last committed position) lets a prefix-filtered subscription move past the
 * events it does not want: read before a short page, it is a position every event up to which the
 * page has seen, so the next query starts there instead of re-reading every non-matching event
 * since the last match on every append (positions commit in order: one writer at a time).
 *
 * `onEnd` runs once the iteration has ended, however (close, abort, `break`, an error): it
 * releases what `pageAfter` holds (a read-ahead thread).
 */
export const pollingSubscription = (
  pageAfter: PageAfter,
  signal: AppendSignal,
  options: SubscribeOptions,
  pollMs?: number,
  headPosition?: () => number,
  onEnd?: () => void,
): Subscription => {
  const closed = new AbortController();
  const onAbort = (): void => closed.abort();
  if (options.signal?.aborted) closed.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  async function* events(): AsyncGenerator<RecordedEvent> {
    let after = afterPosition(options.fromPosition);
    const filtered = options.streamPrefixes.length > 0;
    try {
      while (!closed.signal.aborted) {
        const seen = signal.current;
        const head = filtered ? headPosition?.() : undefined;
        const page = await pageAfter(after, PAGE_SIZE);
        for (const event of page) {
          if (closed.signal.aborted) return;
          yield event;
          after = event.position;
        }
        // A full page goes straight on to the next: let the process answer HTTP (health, APIs)
        // between pages while a large store is caught up.
        if (page.length === PAGE_SIZE) await setImmediate();
        if (page.length < PAGE_SIZE) {
          if (head !== undefined && head > after) after = head;
          await signal.wait(seen, closed.signal, pollMs);
        }
      }
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      onEnd?.();
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      closed.abort();
      await iterator.return(undefined);
    },
  };
};
