import { readFileSync } from 'node:fs';
import { SqliteEventStore, type SqliteEventStoreOptions } from '@churn/event-store';
import { DEFAULT_LOOP_OPTIONS, RiskEngine, RiskEngineLoop, loadRiskPolicy } from '@churn/risk';
import type { Benchmark, BenchRow } from './bench-table';
import { catchUpStore } from './catch-up-store';

/**
 * The risk engine's catch-up on the embedded store, in this process: N stored customer events
 * (default 1 million, BENCH_CATCHUP_READ_EVENTS; the store is made once, `catch-up-store.ts`)
 * read (a) by `readAll`, (b) by the catch-up subscription as the store served it before (every
 * page read and decoded on the subscriber's thread, still the default) and with pages read
 * ahead on a second thread (`readAhead`, EVENT_STORE_READ_AHEAD=on), and (c) through
 * `RiskEngineLoop` + `RiskEngine`, the process's own loop, both ways. The two paths alternate,
 * best of RUNS each.
 *
 * Besides events/s, each row's measure gives the subscriber thread's CPU per event (Linux,
 * /proc): on a shared machine the wall rate depends on the neighbours, the CPU on this thread
 * much less, and it is this thread that bounds a catch-up once the reading has its own core.
 */
const EVENTS = Number(process.env['BENCH_CATCHUP_READ_EVENTS'] ?? 1_000_000);
const RUNS = 2;
const POLICY = 'deploy/policy/risk-policy.yaml';
const PREFIXES = ['customer-'];

interface Run {
  readonly eventsPerSecond: number;
  /** CPU of the thread that consumes, µs per event. */
  readonly cpuMicros: number;
}

/** CPU time of this (main) thread in ms; the whole process where /proc is missing. */
const threadCpuMs = (): number => {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
};

const timed = async (count: () => Promise<number>): Promise<Run> => {
  const cpu = threadCpuMs();
  const started = performance.now();
  const events = await count();
  const seconds = (performance.now() - started) / 1000;
  return { eventsPerSecond: events / seconds, cpuMicros: ((threadCpuMs() - cpu) * 1000) / events };
};

const withStore = async <T>(
  path: string,
  options: SqliteEventStoreOptions,
  use: (store: SqliteEventStore) => Promise<T>,
): Promise<T> => {
  const store = SqliteEventStore.open(path, { synchronous: 'NORMAL', ...options });
  try {
    return await use(store);
  } finally {
    store.close();
  }
};

const readAll = (path: string): Promise<Run> =>
  withStore(path, {}, (store) =>
    timed(async () => {
      let n = 0;
      for await (const e of store.readAll({ streamPrefixes: PREFIXES, maxCount: EVENTS }))
        n += e.position > 0 ? 1 : 0;
      return n;
    }),
  );

const subscribe = (path: string, options: SqliteEventStoreOptions): Promise<Run> =>
  withStore(path, options, (store) =>
    timed(async () => {
      let n = 0;
      const subscription = store.subscribe({ fromPosition: 'start', streamPrefixes: PREFIXES });
      for await (const e of subscription) {
        n += e.position > 0 ? 1 : 0;
        if (n === EVENTS) break;
      }
      return n;
    }),
  );

/** The loop the risk-engine process runs, from its start to the last stored event handled. */
const riskEngine = (path: string, options: SqliteEventStoreOptions, last: number): Promise<Run> =>
  withStore(path, options, (store) =>
    timed(async () => {
      const engine = new RiskEngine(loadRiskPolicy(POLICY));
      const loop = new RiskEngineLoop(store, store.checkpointStore(), engine, DEFAULT_LOOP_OPTIONS);
      await loop.start();
      await loop.handledUpTo(last, 3_600_000);
      await loop.stop();
      return loop.status.position;
    }),
  );

/** The fastest of the runs so far: the machine is shared, the best is the code. */
const best = (runs: readonly Run[]): Run =>
  runs.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));

/** The default: every page read on the subscriber's thread. */
const OLD: SqliteEventStoreOptions = {};
/** `EVENT_STORE_READ_AHEAD=on`. */
const NEW: SqliteEventStoreOptions = { readAhead: { afterFullPages: 2 } };

const row = (measure: string, run: Run, baseline?: Run, target?: string): BenchRow => ({
  bench: 'catch-up-read',
  measure: `${measure}; ${run.cpuMicros.toFixed(2)} µs CPU/event on the subscriber thread${baseline ? ` (baseline ${baseline.cpuMicros.toFixed(2)})` : ''}`,
  value: run.eventsPerSecond,
  unit: 'events/s',
  ...(baseline ? { baseline: baseline.eventsPerSecond } : {}),
  ...(target ? { target } : {}),
});

export const catchUpReadBenchmark: Benchmark = {
  name: 'catch-up-read',
  async run(): Promise<readonly BenchRow[]> {
    process.stderr.write(
      `catch-up-read: the store of ${EVENTS.toLocaleString('en-US')} events...\n`,
    );
    const made = catchUpStore(EVENTS);
    const size = `${made.events.toLocaleString('en-US')} stored customer events (${made.customers.toLocaleString('en-US')} customers)`;
    const read: Run[] = [];
    const [oldSub, newSub, oldLoop, newLoop]: [Run[], Run[], Run[], Run[]] = [[], [], [], []];
    for (let i = 0; i < RUNS; i++) {
      read.push(await readAll(made.path));
      oldSub.push(await subscribe(made.path, OLD));
      newSub.push(await subscribe(made.path, NEW));
    }
    for (let i = 0; i < RUNS; i++) {
      oldLoop.push(await riskEngine(made.path, OLD, made.lastPosition));
      newLoop.push(await riskEngine(made.path, NEW, made.lastPosition));
    }
    const readAllRun = best(read);
    return [
      row(`readAll (customer- prefix), ${size}, best of ${RUNS}`, readAllRun),
      row(
        'catch-up subscription, pages read ahead on a second thread; baseline: read on the subscriber thread (the default)',
        best(newSub),
        best(oldSub),
      ),
      row('catch-up subscription, the default, against readAll', best(oldSub), readAllRun),
      row(
        'risk engine loop (RiskEngineLoop + RiskEngine) re-folds them, reading ahead; baseline: the default',
        best(newLoop),
        best(oldLoop),
        '>= 100,000 events/s',
      ),
    ];
  },
};
