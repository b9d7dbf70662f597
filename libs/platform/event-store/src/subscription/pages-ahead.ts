import type { RecordedEvent } from '../event-store.port';
import type { PageAfter } from './polling-subscription';

/**
 * Pages read ahead somewhere else (another thread), in the order a subscription asks for them.
 * Never the source of truth: whenever it cannot serve a page, the subscription reads it itself.
 */
export interface PagesAhead {
  /** Reads the pages after `after`, `limit` events each, ahead of the asking; drops older ones. */
  start(after: number, limit: number): void;
  /**
   * The page after `after` when reading ahead continues right there with pages of `limit`;
   * undefined when it does not (never started, moved on, ended on a short page, failed).
   */
  take(after: number, limit: number): Promise<readonly RecordedEvent[] | undefined>;
  /** Stops for good: the subscription ended. */
  close(): void;
}

export interface ReadingAhead {
  readonly pageAfter: PageAfter;
  /** Call when the subscription ends: stops the reading ahead, if it started. */
  close(): void;
}

/**
 * A subscription's pages, read ahead while it catches up. `readHere` is the store's own read
 * (this thread); after `afterFullPages` full pages in a row the subscription is behind, and the
 * next pages come from `ahead` (made on first need) while the caller works on the current one.
 *
 * Only full pages are taken from `ahead`. A short page means the end of the log as the reader
 * saw it, and the subscription's live hand-over reads the head before its page (see
 * `pollingSubscription`), so a short page is always read again here, after that head: the
 * hand-over stays exactly as without reading ahead. Same query, same order, each page after the
 * last position of the previous one: no gap, no duplicate.
 */
export const readingAhead = (
  readHere: (after: number, limit: number) => readonly RecordedEvent[],
  makeAhead: () => PagesAhead,
  afterFullPages: number,
): ReadingAhead => {
  let ahead: PagesAhead | undefined;
  let fullPages = 0;
  let closed = false;

  const pageAfter = async (after: number, limit: number): Promise<readonly RecordedEvent[]> => {
    const early = await ahead?.take(after, limit);
    if (early !== undefined && early.length === limit) return early;
    const page = readHere(after, limit);
    const last = page[page.length - 1];
    fullPages = page.length === limit ? fullPages + 1 : 0;
    if (last !== undefined && fullPages >= afterFullPages && !closed) {
      ahead ??= makeAhead();
      ahead.start(last.position, limit);
    }
    return page;
  };

  return {
    pageAfter,
    close: () => {
      closed = true;
      ahead?.close();
    },
  };
};
