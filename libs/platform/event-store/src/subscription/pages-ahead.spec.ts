import type { RecordedEvent } from '../event-store.port';
import { readingAhead, type PagesAhead } from './pages-ahead';

/** A log of positions 1..n; every event is wanted. */
const logOf = (n: number): RecordedEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    stream: 'customer-1',
    revision: i,
    position: i + 1,
    id: `e${i + 1}`,
    type: 'Noted',
    data: {},
    metadata: { occurredAt: '2026-11-23T08:00:00+08:00', schemaVersion: 1 },
    recordedAt: '2026-11-23T00:00:00.000Z',
  }));

const pageOf = (log: readonly RecordedEvent[], after: number, limit: number): RecordedEvent[] =>
  log.filter((e) => e.position > after).slice(0, limit);

/** Reads ahead from a fixed snapshot of the log: what a thread that read earlier would have seen. */
class SnapshotAhead implements PagesAhead {
  readonly starts: number[] = [];
  readonly served: number[] = [];
  closed = false;
  private next: number | undefined;

  constructor(private readonly snapshot: readonly RecordedEvent[]) {}

  start(after: number): void {
    this.starts.push(after);
    this.next = after;
  }

  async take(after: number, limit: number): Promise<readonly RecordedEvent[] | undefined> {
    if (this.next !== after) return undefined;
    const page = pageOf(this.snapshot, after, limit);
    this.served.push(after);
    this.next = page.length === limit ? page[page.length - 1]?.position : undefined;
    return page;
  }

  close(): void {
    this.closed = true;
  }
}

describe('a subscription reading ahead', () => {
  it('starts reading ahead only after the given number of full pages in a row', async () => {
    const log = logOf(50);
    const ahead = new SnapshotAhead(log);
    const pages = readingAhead(
      (a, l) => pageOf(log, a, l),
      () => ahead,
      2,
    );
    await pages.pageAfter(0, 10);
    expect(ahead.starts).toEqual([]);
    await pages.pageAfter(10, 10);
    expect(ahead.starts).toEqual([20]);
    expect((await pages.pageAfter(20, 10)).map((e) => e.position)).toEqual(
      pageOf(log, 20, 10).map((e) => e.position),
    );
    expect(ahead.served).toEqual([20]);
  });

  it('takes only full pages from ahead, and reads a short one again on its own thread', async () => {
    const log = logOf(25);
    // The thread read when the log ended at 25; five more were appended since.
    const ahead = new SnapshotAhead(log);
    const grown = [...log, ...logOf(30).slice(25)];
    const pages = readingAhead(
      (a, l) => pageOf(grown, a, l),
      () => ahead,
      1,
    );
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const page = await pages.pageAfter(after, 10);
      seen.push(...page.map((e) => e.position));
      if (page.length < 10) break;
      after = page[page.length - 1]?.position ?? after;
    }
    expect(seen).toEqual(grown.map((e) => e.position));
    // 21–25 from ahead was short: read again here, it came back full (21–30) and reading ahead
    // started again at 30, where ahead's snapshot had nothing, read again here too.
    expect(ahead.served).toEqual([10, 20, 30]);
  });

  it('reads on its own thread whenever ahead cannot serve the position asked for', async () => {
    const log = logOf(40);
    const ahead = new SnapshotAhead(log);
    const pages = readingAhead(
      (a, l) => pageOf(log, a, l),
      () => ahead,
      1,
    );
    await pages.pageAfter(0, 10);
    // The caller moved on elsewhere (a prefix-filtered subscription jumping to the head).
    const page = await pages.pageAfter(33, 10);
    expect(page.map((e) => e.position)).toEqual([34, 35, 36, 37, 38, 39, 40]);
  });

  it('stops reading ahead when closed, and starts no more', async () => {
    const log = logOf(40);
    const ahead = new SnapshotAhead(log);
    const pages = readingAhead(
      (a, l) => pageOf(log, a, l),
      () => ahead,
      1,
    );
    await pages.pageAfter(0, 10);
    pages.close();
    expect(ahead.closed).toBe(true);
    await pages.pageAfter(10, 10);
    expect(ahead.starts).toEqual([10]);
  });
});
