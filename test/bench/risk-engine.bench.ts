import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { evolveCustomer, initialCustomer, type CustomerState } from '@churn/domain-customer';
import type { BankFact } from '@churn/domain-facts';
import { SqliteEventStore, type NewEvent } from '@churn/event-store';
import { RiskEngine, loadRiskPolicy, type RecordedInput } from '@churn/risk';
import { simulateBranch } from '@churn/simulator';
import type { Benchmark, BenchRow } from './bench-table';

/**
 * The risk engine over a whole simulated branch (libs/simulator, seed 7): fold + signals + score
 * + decisions for every fact, in feed order, held in memory, against the bare customer fold over
 * the same facts in the same run. Then the engine's memory per customer held, and the time to
 * rebuild all risk state from an embedded SQLite store holding the same branch (readAll +
 * engine), which is what every start of the risk engine does. 20,000 customers × 3 years (about
 * 2.4 million facts) fits two cores and Node's default 4 GB heap; BENCH_RISK_CUSTOMERS changes it.
 */
const CUSTOMERS = Number(process.env['BENCH_RISK_CUSTOMERS'] ?? 20_000);
const YEARS = 3;
const TIMED_RUNS = 2;
const TARGET = 200_000;
const POLICY = 'deploy/policy/risk-policy.yaml';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const heapAfterGc = (): number => {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/** UUID-shaped ids, as ingestion's v5 ids are: the engine copies them into its evidence. */
const idOf = (i: number): string => `00000000-0000-5000-8000-${i.toString(16).padStart(12, '0')}`;

type StoredFact = NewEvent & { readonly stream: string };

const inputsOf = (facts: Iterable<BankFact>): StoredFact[] => {
  const inputs: StoredFact[] = [];
  for (const fact of facts)
    inputs.push({
      id: idOf(inputs.length),
      stream: `customer-${fact.data.customerId}`,
      type: fact.type,
      data: fact.data,
      metadata: { occurredAt: fact.data.occurredAt, schemaVersion: fact.schemaVersion },
    });
  return inputs;
};

const newEngine = (): RiskEngine => new RiskEngine(loadRiskPolicy(POLICY));

const runEngine = (engine: RiskEngine, inputs: readonly RecordedInput[]): number => {
  let outputs = 0;
  for (const input of inputs) outputs += engine.handle(input).length;
  return outputs;
};

const bareFold = (inputs: readonly RecordedInput[]): number => {
  const customers = new Map<string, CustomerState>();
  for (const input of inputs) {
    const fact = input as unknown as BankFact;
    const id = fact.data.customerId;
    let state = customers.get(id);
    if (state === undefined) customers.set(id, (state = initialCustomer()));
    evolveCustomer(state, fact);
  }
  return customers.size;
};

const seconds = (fn: () => void): number => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

/** The best of the timed runs after one warm-up: the machine is shared, the best is the engine. */
const bestOf = (fn: () => void): number => {
  fn();
  return Math.min(...Array.from({ length: TIMED_RUNS }, () => seconds(fn)));
};

const storeBranch = async (store: SqliteEventStore, inputs: readonly StoredFact[]) => {
  for (let from = 0; from < inputs.length; from += 2_000)
    await Promise.all(
      inputs
        .slice(from, from + 2_000)
        .map(({ stream, ...event }) => store.append(stream, [event], { expectedRevision: 'any' })),
    );
};

const rebuild = async (store: SqliteEventStore): Promise<{ seconds: number; events: number }> => {
  const engine = newEngine();
  let events = 0;
  const start = process.hrtime.bigint();
  for await (const recorded of store.readAll({ streamPrefixes: ['customer-'] })) {
    engine.handle(recorded);
    events += 1;
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, events };
};

export const riskEngineBenchmark: Benchmark = {
  name: 'risk-engine',
  async run(): Promise<readonly BenchRow[]> {
    const inputs = inputsOf(simulateBranch({ seed: 7, customers: CUSTOMERS, years: YEARS }).facts);
    const n = inputs.length;
    const size = `${CUSTOMERS.toLocaleString('en-US')} customers × ${YEARS} years (${n.toLocaleString('en-US')} facts)`;
    const engineSeconds = bestOf(() => runEngine(newEngine(), inputs));
    const foldSeconds = bestOf(() => bareFold(inputs));
    const before = heapAfterGc();
    const held = newEngine();
    runEngine(held, inputs);
    const perCustomer = (heapAfterGc() - before) / held.customers;
    const dir = mkdtempSync(join(tmpdir(), 'risk-engine-bench-'));
    const store = SqliteEventStore.open(join(dir, 'events.db'), { synchronous: 'NORMAL' });
    try {
      await storeBranch(store, inputs);
      const rebuilt = await rebuild(store);
      const rate = n / engineSeconds;
      return [
        {
          bench: 'risk-engine',
          measure: `fold + signals + score, ${size}, in memory, best of ${TIMED_RUNS}; baseline: bare customer fold`,
          value: rate,
          unit: 'events/s',
          baseline: n / foldSeconds,
          target: '>= 200,000 events/s',
          met: rate >= TARGET,
        },
        {
          bench: 'risk-engine',
          measure: `assessments per fact (${held.counts.assessments.toLocaleString('en-US')} for ${held.customers.toLocaleString('en-US')} customers)`,
          value: held.counts.assessments / n,
          unit: 'per fact',
        },
        {
          bench: 'risk-engine',
          measure:
            'heap held per customer (customer fold + risk evidence + risk + schedule, after GC)',
          value: perCustomer / 1024,
          unit: 'KiB',
        },
        {
          bench: 'risk-engine',
          measure: `rebuild all risk state from the embedded store (readAll + engine), ${rebuilt.events.toLocaleString('en-US')} events`,
          value: rebuilt.seconds,
          unit: 's',
          baseline: engineSeconds,
        },
      ];
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
