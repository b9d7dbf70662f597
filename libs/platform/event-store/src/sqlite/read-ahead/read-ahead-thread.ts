import { Worker } from 'node:worker_threads';
import type { RecordedEvent } from '../../event-store.port';
import type { PagesAhead } from '../../subscription/pages-ahead';
import { prefixParams, readAfterSql } from '../sqlite-statements';
import { READ_AHEAD_THREAD_SOURCE } from './read-ahead-thread.source';

/** Pages read but not yet taken, at most: 8 × 500 events, a few MiB. */
const WINDOW = 8;

type Page = readonly RecordedEvent[];
type FromThread =
  | { readonly run: number; readonly events: Page }
  | { readonly run: number; readonly error: string };

/**
 * One subscription's read-ahead on a second thread (`read-ahead-thread.source.ts`): the rows are
 * stepped and decoded there, while this thread works on the page before. The thread starts on
 * the first `start` and stays for the subscription's life, idle between catch-ups. Any failure
 * (the file cannot be opened read-only, an error while reading, the thread dying) turns reading
 * ahead off for good: `take` answers undefined and the subscription reads on its own thread,
 * where the same error, if it is the store's, surfaces as it would have without a thread.
 */
export class ReadAheadThread implements PagesAhead {
  private worker: Worker | undefined;
  private run = 0;
  /** Where the next page continues, while the thread is reading. */
  private next: { readonly after: number; readonly limit: number } | undefined;
  private pages: Page[] = [];
  private waiter: ((page: Page | undefined) => void) | undefined;
  private ended = false;

  constructor(
    private readonly file: string,
    private readonly prefixes: readonly string[],
  ) {}

  start(after: number, limit: number): void {
    if (this.ended) return;
    this.run += 1;
    this.pages = [];
    this.next = { after, limit };
    const worker = this.worker ?? this.spawn();
    worker?.postMessage({ kind: 'read', run: this.run, after, limit, window: WINDOW });
  }

  async take(after: number, limit: number): Promise<Page | undefined> {
    const next = this.next;
    if (next === undefined || next.after !== after || next.limit !== limit) return undefined;
    const page = this.pages.shift() ?? (await this.arrival());
    const last = page?.[page.length - 1];
    if (page === undefined || last === undefined || page.length < limit) {
      this.next = undefined;
      return page;
    }
    this.next = { after: last.position, limit };
    this.worker?.postMessage({ kind: 'more', run: this.run });
    return page;
  }

  close(): void {
    this.end();
  }

  private spawn(): Worker | undefined {
    try {
      const worker = new Worker(READ_AHEAD_THREAD_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: {
          driver: require.resolve('better-sqlite3'),
          file: this.file,
          sql: readAfterSql(this.prefixes.length),
          params: prefixParams(this.prefixes),
        },
      });
      worker.on('message', (message: FromThread) => this.receive(message));
      worker.on('error', () => this.end());
      worker.on('exit', () => this.end());
      // Held only while a page is awaited (`arrival`): an idle read-ahead never keeps a process up.
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      this.end();
      return undefined;
    }
  }

  private receive(message: FromThread): void {
    if (message.run !== this.run || this.ended) return;
    if ('error' in message) return this.end();
    const waiter = this.waiter;
    if (waiter === undefined) {
      this.pages.push(message.events);
      return;
    }
    this.waiter = undefined;
    this.worker?.unref();
    waiter(message.events);
  }

  private arrival(): Promise<Page | undefined> {
    if (this.ended) return Promise.resolve(undefined);
    this.worker?.ref();
    return new Promise((resolve) => (this.waiter = resolve));
  }

  /** For good: a failure or the subscription's end. The thread closes its connection and exits. */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.next = undefined;
    this.pages = [];
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(undefined);
    const worker = this.worker;
    this.worker = undefined;
    if (worker === undefined) return;
    worker.unref();
    worker.postMessage({ kind: 'close' });
  }
}
