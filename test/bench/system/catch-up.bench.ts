// Catch-up: the risk engine, started as its own process on a store that already holds N events
// (default 10 million), re-folds them all: what a restart or a new instance does (its state is
// in memory; ARCHITECTURE.md "Replay is the product"). The store is made once with the simulator
// and kept under tmp/bench-system/ (BENCH_SYSTEM_CATCHUP_EVENTS sets N); its checkpoint says
// everything was assessed before, so the engine folds and decides but appends nothing, exactly
// as after a restart, on the threads RISK_CATCH_UP_THREADS gives it (default 2). The rate runs
// from the process's spawn to its position reaching the last event, less the same process's
// start-up on an empty store (it starts folding before it prints its ready line). Baselines, in
// this process on the same file, on one thread: the store's own readAll alone, and readAll with a
// bare customer fold (evolveCustomer, no evidence, signals or scores).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { evolveCustomer, initialCustomer, type CustomerState } from '@churn/domain-customer';
import { SqliteEventStore } from '@churn/event-store';
import { waitUntil } from '@churn/messaging/testing';
import { healthDetail, type RiskEngineDetail } from '../../support/pipeline-status';
import { startServiceProcess } from '../../support/service-process';
import type { BenchRow } from '../bench-table';
import { CATCH_UP_YEARS, catchUpStore } from '../catch-up-store';
import { memoryOf } from './system-run';

const EVENTS = Number(process.env['BENCH_SYSTEM_CATCHUP_EVENTS'] ?? 10_000_000);
/** Baselines read at most this many events (their rate is what is compared). */
const BASELINE_EVENTS = Math.min(EVENTS, 2_000_000);
const YEARS = CATCH_UP_YEARS;
const TARGET = 100_000;
const DIR = resolve(__dirname, '../../../tmp/bench-system');
const MIB = 1024 * 1024;

/** events/s of `readAll` over the first `count` events, with or without a bare customer fold. */
async function readRate(path: string, count: number, fold: boolean): Promise<number> {
  const store = SqliteEventStore.open(path);
  const customers = new Map<string, CustomerState>();
  const started = performance.now();
  let n = 0;
  try {
    for await (const e of store.readAll({ streamPrefixes: ['customer-'], maxCount: count })) {
      n += 1;
      if (!fold) continue;
      let state = customers.get(e.stream);
      if (state === undefined) {
        state = initialCustomer();
        customers.set(e.stream, state);
      }
      evolveCustomer(state, { type: e.type, schemaVersion: 1, data: e.data } as never);
    }
  } finally {
    store.close();
  }
  return n / ((performance.now() - started) / 1000);
}

export async function catchUpBench(): Promise<BenchRow[]> {
  process.stderr.write(
    `catch-up: the store of ${EVENTS.toLocaleString('en-US')} events (made once, kept in ${DIR})...\n`,
  );
  const made = catchUpStore(EVENTS);
  const bytes = statSync(made.path).size;
  const bareRead = await readRate(made.path, BASELINE_EVENTS, false);
  const bareFold = await readRate(made.path, BASELINE_EVENTS, true);

  // The engine starts folding during start-up, before its ready line: time from the spawn, less
  // the start-up of the same process on an empty store.
  const emptyDir = mkdtempSync(join(tmpdir(), 'bench-system-empty-'));
  const empty = await startServiceProcess('risk-engine', {
    EVENTSTORE_URL: '',
    EVENT_STORE_PATH: join(emptyDir, 'events.db'),
  });
  const startupMs = empty.startupMs;
  await empty.stop();
  rmSync(emptyDir, { recursive: true, force: true });

  const spawnedAt = performance.now();
  // The re-fold yields to the event loop between slices, so /health answers during the
  // catch-up (the ready line may come before it ends); the position reaches the last event only
  // once the shard threads' customers are adopted. RISK_CATCH_UP_THREADS in this bench's
  // environment reaches the process (default 2).
  const service = await startServiceProcess(
    'risk-engine',
    { EVENTSTORE_URL: '', EVENT_STORE_PATH: made.path },
    3_600_000,
  );
  try {
    let detail: RiskEngineDetail | undefined;
    await waitUntil(
      async () => {
        detail = await healthDetail<RiskEngineDetail>(service, 'risk-engine');
        return detail !== undefined && detail.position >= made.lastPosition;
      },
      {
        timeoutMs: 3_600_000,
        intervalMs: 200,
        what: () => `risk engine at ${JSON.stringify(detail)}\n${service.output().slice(-2000)}`,
      },
    );
    const seconds = (performance.now() - spawnedAt - startupMs) / 1000;
    const memory = await memoryOf(service);
    const rate = made.events / seconds;
    const size = `${made.events.toLocaleString('en-US')} stored events, ${made.customers.toLocaleString('en-US')} customers × ${YEARS} years, ${(bytes / 2 ** 30).toFixed(1)} GiB file`;
    return [
      {
        bench: 'system',
        measure: `catch-up: risk engine process re-folds ${size} (${seconds.toFixed(1)} s on ${detail?.catchUpThreads ?? 1} thread(s)); baseline: readAll + bare customer fold on one thread, first ${BASELINE_EVENTS.toLocaleString('en-US')}`,
        value: rate,
        unit: 'events/s',
        baseline: bareFold,
        target: `>= ${TARGET.toLocaleString('en-US')} events/s`,
        met: rate >= TARGET,
      },
      {
        bench: 'system',
        measure: 'same, against the store read alone (readAll)',
        value: rate,
        unit: 'events/s',
        baseline: bareRead,
      },
      {
        bench: 'system',
        measure: 'memory after catch-up: risk engine RSS',
        value: memory.rssBytes / MIB,
        unit: 'MiB',
      },
      {
        bench: 'system',
        measure: 'memory after catch-up: risk engine V8 heap used',
        value: memory.heapUsedBytes / MIB,
        unit: 'MiB',
      },
    ];
  } finally {
    await service.stop();
  }
}
