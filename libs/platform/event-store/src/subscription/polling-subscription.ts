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
 */
export const pollingSubscription = (
  pageAfter: PageAfter,
  signal: AppendSignal,
  options: SubscribeOptions,
  pollMs?: number,
): Subscription => {
  const closed = new AbortController();
  const onAbort = (): void => closed.abort();
  if (options.signal?.aborted) closed.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  async function* events(): AsyncGenerator<RecordedEvent> {
    let after = afterPosition(options.fromPosition);
    try {
      while (!closed.signal.aborted) {
        const seen = signal.current;
        const page = await pageAfter(after, PAGE_SIZE);
        for (const event of page) {
          if (closed.signal.aborted) return;
          yield event;
          after = event.position;
        }
        if (page.length < PAGE_SIZE) await signal.wait(seen, closed.signal, pollMs);
      }
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
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
