import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BranchAnalyticsModel, BranchAnalyticsProjection } from '@churn/audit';
import { evolveCustomer, initialCustomer, type CustomerState } from '@churn/domain-customer';
import type { BankFact } from '@churn/domain-facts';
import { SqliteEventStore, type RecordedEvent } from '@churn/event-store';
import { simulateBranch, THESIS_CUSTOMERS } from '@churn/simulator';
import type { Benchmark, BenchRow } from './bench-table';

/**
 * The branch analytics read model (libs/audit/src/analytics) over a simulated branch (seed 7,
 * 20,000 customers × 3 years as the risk-engine bench builds it; BENCH_ANALYTICS_CUSTOMERS
 * changes it): a full rebuild from an embedded SQLite store (readAll + fold: month-end tiers,
 * payroll by employer) against the raw readAll of the same events in the same run, the fold alone
 * in memory against the bare customer fold, and the heap the model holds per customer against
 * the domain's whole customer state. Alerts are not in it: a branch's alerts are a few thousand
 * streams against millions of facts.
 */
const CUSTOMERS = Number(process.env['BENCH_ANALYTICS_CUSTOMERS'] ?? 20_000);
const YEARS = 3;
const PREFIXES = ['customer-', 'employer-', 'alert-'];

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

const idOf = (i: number): string => `00000000-0000-5000-8000-${i.toString(16).padStart(12, '0')}`;

/** Facts as the store hands them back: what the model folds. */
const recordedOf = (facts: Iterable<BankFact>): RecordedEvent[] => {
  const recorded: RecordedEvent[] = [];
  for (const fact of facts)
    recorded.push({
      id: idOf(recorded.length),
      stream: `customer-${fact.data.customerId}`,
      type: fact.type,
      data: fact.data,
      metadata: { occurredAt: fact.data.occurredAt, schemaVersion: fact.schemaVersion },
      revision: 0,
      position: recorded.length + 1,
      recordedAt: fact.data.occurredAt,
    });
  return recorded;
};

const seconds = (fn: () => void): number => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

const fold = (events: readonly RecordedEvent[]): BranchAnalyticsModel => {
  const model = new BranchAnalyticsModel();
  for (const event of events) model.evolve(event);
  return model;
};

const bareFold = (events: readonly RecordedEvent[]): Map<string, CustomerState> => {
  const customers = new Map<string, CustomerState>();
  for (const event of events) {
    const fact = { type: event.type, schemaVersion: 1, data: event.data } as BankFact;
    let state = customers.get(fact.data.customerId);
    if (state === undefined) customers.set(fact.data.customerId, (state = initialCustomer()));
    evolveCustomer(state, fact);
  }
  return customers;
};

/** Heap held by what `build` returns, after GC, per customer. */
const heldPerCustomer = (build: () => unknown): number => {
  const before = heapAfterGc();
  const held = build();
  const bytes = heapAfterGc() - before;
  return held === undefined ? Number.NaN : bytes / CUSTOMERS;
};

const storeBranch = async (store: SqliteEventStore, events: readonly RecordedEvent[]) => {
  for (let from = 0; from < events.length; from += 2_000)
    await Promise.all(
      events
        .slice(from, from + 2_000)
        .map(({ stream, id, type, data, metadata }) =>
          store.append(stream, [{ id, type, data, metadata }], { expectedRevision: 'any' }),
        ),
    );
};

const rawReadAll = async (
  store: SqliteEventStore,
): Promise<{ seconds: number; events: number }> => {
  let events = 0;
  const start = process.hrtime.bigint();
  for await (const _ of store.readAll({ streamPrefixes: PREFIXES })) events += 1;
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, events };
};

export const branchAnalyticsBenchmark: Benchmark = {
  name: 'branch-analytics',
  async run(): Promise<readonly BenchRow[]> {
    const events = recordedOf(
      simulateBranch({ seed: 7, customers: CUSTOMERS, years: YEARS }).facts,
    );
    const n = events.length;
    const size = `${CUSTOMERS.toLocaleString('en-US')} customers × ${YEARS} years (${n.toLocaleString('en-US')} facts)`;
    fold(events);
    const foldSeconds = Math.min(
      seconds(() => fold(events)),
      seconds(() => fold(events)),
    );
    bareFold(events);
    const bareSeconds = Math.min(
      seconds(() => bareFold(events)),
      seconds(() => bareFold(events)),
    );
    const modelBytes = heldPerCustomer(() => fold(events));
    const stateBytes = heldPerCustomer(() => bareFold(events));
    const dir = mkdtempSync(join(tmpdir(), 'branch-analytics-bench-'));
    const store = SqliteEventStore.open(join(dir, 'events.db'), { synchronous: 'NORMAL' });
    try {
      await storeBranch(store, events);
      const raw = await rawReadAll(store);
      const projection = new BranchAnalyticsProjection(store);
      const started = process.hrtime.bigint();
      await projection.start();
      const startSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rebuilt = await projection.rebuild();
      await projection.stop();
      const rebuildSeconds = Math.min(startSeconds, rebuilt.seconds);
      return [
        {
          bench: 'branch-analytics',
          measure: `full rebuild from the embedded store (readAll + fold), ${size}, best of 2; baseline: raw readAll of the same events`,
          value: n / rebuildSeconds,
          unit: 'events/s',
          baseline: raw.events / raw.seconds,
        },
        {
          bench: 'branch-analytics',
          measure: 'same, time; baseline: raw readAll time',
          value: rebuildSeconds,
          unit: 's',
          baseline: raw.seconds,
        },
        {
          bench: 'branch-analytics',
          measure: 'fold alone, in memory, best of 2; baseline: bare customer fold',
          value: n / foldSeconds,
          unit: 'events/s',
          baseline: n / bareSeconds,
        },
        {
          bench: 'branch-analytics',
          measure:
            'heap held per customer (money + month-end tiers + payroll by employer), after GC; baseline: whole customer state',
          value: modelBytes / 1024,
          unit: 'KiB',
          baseline: stateBytes / 1024,
        },
        {
          bench: 'branch-analytics',
          measure: `same, for the thesis branch's ${THESIS_CUSTOMERS.toLocaleString('en-US')} customers (extrapolated)`,
          value: (modelBytes * THESIS_CUSTOMERS) / 2 ** 20,
          unit: 'MiB',
          baseline: (stateBytes * THESIS_CUSTOMERS) / 2 ** 20,
        },
      ];
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
