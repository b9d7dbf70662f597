import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  collect,
  SqliteEventStore,
  type NewEvent,
  type SqliteSynchronous,
} from '@churn/event-store';
import { percentile, type Benchmark, type BenchRow } from './bench-table';

/**
 * The embedded store against raw better-sqlite3 on the same table (the store creates the schema
 * for both), same pragmas, same rows. The raw loops serialize the same event objects, since any
 * store must; what the ratio shows is the port's own cost: validation, size limit, idempotency
 * and revision checks, savepoints, promises.
 */

const BATCH = 100;
const RUNS = 5;

/** A core-banking transaction as ingestion would record it (~400 bytes of JSON). */
const transaction = (n: number, customer: number): NewEvent => ({
  id: `corebanking.transactions.v1/${customer % 12}/${n}`,
  type: 'TransactionPosted',
  data: {
    customerId: `C${customer}`,
    accountId: `6222${String(customer).padStart(12, '0')}`,
    amountFen: String(1_000 + ((n * 7919) % 5_000_000)),
    direction: n % 3 === 0 ? 'credit' : 'debit',
    channel: 'mobile',
    counterparty: '北京某某科技有限公司',
    balanceAfterFen: String(10_000_000 + n),
  },
  metadata: {
    occurredAt: new Date(Date.UTC(2015, 0, 1) + n * 3_600_000).toISOString(),
    schemaVersion: 1,
    correlationId: `corr-${n}`,
    source: { topic: 'corebanking.transactions.v1', partition: customer % 12, offset: String(n) },
  },
});

const events = (count: number, customer: (n: number) => number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => transaction(n, customer(n)));

let dir = '';
let files = 0;
const freshFile = (): string => join(dir, `bench-${++files}.db`);

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const median = (values: readonly number[]): number => percentile(values, 50);

/** Raw inserts into a file whose schema the store created; revisions counted in JS. */
const rawInserter = (synchronous: SqliteSynchronous) => {
  const file = freshFile();
  SqliteEventStore.open(file).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  const insert = db.prepare(
    'INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const revisions = new Map<string, number>();
  const insertAll = db.transaction((stream: string, batch: readonly NewEvent[]) => {
    const recordedAt = new Date().toISOString();
    for (const e of batch) {
      const revision = (revisions.get(stream) ?? -1) + 1;
      revisions.set(stream, revision);
      insert.run(
        stream,
        revision,
        e.id,
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        recordedAt,
        Date.parse(e.metadata.occurredAt),
      );
    }
  });
  return {
    insert: (stream: string, batch: readonly NewEvent[]) => insertAll.immediate(stream, batch),
    close: () => db.close(),
  };
};

/** One timed pass of the store: `all` in appends of `size` events, `inFlight` at a time. */
const storePass = async (
  all: readonly NewEvent[],
  size: number,
  inFlight: number,
  synchronous: SqliteSynchronous,
) => {
  const store = SqliteEventStore.open(freshFile(), { synchronous });
  const start = process.hrtime.bigint();
  for (let i = 0; i < all.length; i += size * inFlight) {
    const appends = Array.from({ length: inFlight }, (_, k) => i + k * size).filter(
      (from) => from < all.length,
    );
    await Promise.all(
      appends.map((from) =>
        store.append(`customer-${(from / size) % 1000}`, all.slice(from, from + size), {
          expectedRevision: 'any',
        }),
      ),
    );
  }
  const rate = all.length / seconds(start);
  store.close();
  return rate;
};

const rawPass = (
  all: readonly NewEvent[],
  size: number,
  synchronous: SqliteSynchronous,
): number => {
  const raw = rawInserter(synchronous);
  const start = process.hrtime.bigint();
  for (let i = 0; i < all.length; i += size)
    raw.insert(`customer-${(i / size) % 1000}`, all.slice(i, i + size));
  const rate = all.length / seconds(start);
  raw.close();
  return rate;
};

/** Median events/s of store and raw; their runs alternate so both see the same machine. */
const rates = async (
  all: readonly NewEvent[],
  size: number,
  inFlight: number,
  synchronous: SqliteSynchronous,
) => {
  const store: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    store.push(await storePass(all, size, inFlight, synchronous));
    raw.push(rawPass(all, size, synchronous));
  }
  return { store: median(store), raw: median(raw) };
};

/** A customer's ten-year history (5,000 events) among 200 other customers' streams. */
const historyFile = async (): Promise<string> => {
  const file = freshFile();
  const store = SqliteEventStore.open(file);
  const history = events(5_000, () => 42);
  for (let i = 0; i < history.length; i += BATCH) {
    const expectedRevision = i === 0 ? 'no_stream' : i - 1;
    await store.append('customer-42', history.slice(i, i + BATCH), { expectedRevision });
  }
  for (let c = 1000; c < 1200; c++) {
    await store.append(
      `customer-${c}`,
      events(50, () => c),
      { expectedRevision: 'any' },
    );
  }
  store.close();
  return file;
};

/**
 * p50 ms over 30 rounds; the three reads alternate within a round so they share the machine's
 * noise. The raw floor selects the same columns as arrays and builds the same event objects.
 */
const readTimes = async (): Promise<{ load: number; iterate: number; raw: number }> => {
  const file = await historyFile();
  const store = SqliteEventStore.open(file);
  const db = new Database(file, { readonly: true });
  const select = db
    .prepare<[string], [number, number, string, string, string, string, string]>(
      'SELECT position, revision, id, type, data, metadata, recorded_at FROM events WHERE stream = ? ORDER BY revision',
    )
    .raw();
  const raw = async () =>
    select.all('customer-42').map(([position, revision, id, type, data, metadata, recordedAt]) => ({
      stream: 'customer-42',
      revision,
      position,
      id,
      type,
      data: JSON.parse(data) as unknown,
      metadata: JSON.parse(metadata) as unknown,
      recordedAt,
    }));
  const readers = {
    load: () => store.loadStream('customer-42'),
    iterate: () => collect(store.readStream('customer-42')),
    raw,
  };
  const times = { load: [] as number[], iterate: [] as number[], raw: [] as number[] };
  for (let round = 0; round < 30; round++) {
    for (const [name, read] of Object.entries(readers) as [
      keyof typeof readers,
      () => Promise<readonly unknown[]>,
    ][]) {
      const start = process.hrtime.bigint();
      const got = await read();
      times[name].push(seconds(start) * 1000);
      if (got.length !== 5_000) throw new Error(`${name} read ${got.length} events`);
    }
  }
  store.close();
  db.close();
  return { load: median(times.load), iterate: median(times.iterate), raw: median(times.raw) };
};

type Row = [
  measure: string,
  value: number,
  unit: string,
  baseline: number,
  target: string | undefined,
  met: boolean | undefined,
];

const run = async (): Promise<readonly BenchRow[]> => {
  dir = mkdtempSync(join(tmpdir(), 'event-store-bench-'));
  try {
    const bulk = events(20_000, (n) => Math.floor(n / BATCH));
    const singles = events(2_000, (n) => n % 1000);
    const batched = await rates(bulk, BATCH, 1, 'FULL');
    const single = await rates(singles, 1, 1, 'FULL');
    const grouped = await rates(singles, 1, 16, 'FULL');
    const normal = await rates(singles, 1, 1, 'NORMAL');
    const read = await readTimes();
    // prettier-ignore
    const rows: Row[] = [
      ['(a) append, 100 events per append, FULL', batched.store, 'events/s', batched.raw, '>= 40,000 events/s', batched.store >= 40_000],
      ['(a) same, against raw inserts', batched.store, 'events/s', batched.raw, '>= 70% of raw', batched.store >= 0.7 * batched.raw],
      ['(b) single-event appends, sequential, FULL', single.store, 'appends/s', single.raw, '>= 5,000/s', single.store >= 5_000],
      ['(b) single-event appends, 16 in flight, FULL', grouped.store, 'appends/s', grouped.raw, '>= 5,000/s', grouped.store >= 5_000],
      ['(b) single-event appends, sequential, NORMAL', normal.store, 'appends/s', normal.raw, '>= 5,000/s', normal.store >= 5_000],
      // The read alone, on synthetic payloads; the read+fold target is the customer-replay row.
      ['(c) loadStream, one 5,000-event stream, p50', read.load, 'ms', read.raw, undefined, undefined],
      ['(c) readStream (for await), same stream, p50', read.iterate, 'ms', read.raw, undefined, undefined],
    ];
    return rows.map(([measure, value, unit, baseline, target, met]) => ({
      bench: 'event-store',
      ...{ measure, value, unit, baseline, ...(target === undefined ? {} : { target, met }) },
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export const eventStoreBenchmark: Benchmark = { name: 'event-store', run };
