import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evolveCustomer, initialCustomer } from '@churn/domain-customer';
import { generateCustomerHistory } from '@churn/domain-customer/testing';
import type { BankFact } from '@churn/domain-facts';
import { SqliteEventStore, type NewEvent } from '@churn/event-store';
import { percentile, timeRuns, type Benchmark, type BenchRow } from './bench-table';

/**
 * What an RM's "show me this customer" costs: read one customer's ten-year history (~5,000 events)
 * from the embedded store and fold it. The baseline is the fold alone over the same facts already
 * in memory, measured in the same run, so the difference is the read.
 */
const YEARS = 10;
const RUNS = 51;
const STREAM = 'customer-C42';

const asNewEvent = (fact: BankFact, index: number): NewEvent => ({
  id: `C42-${index}`,
  type: fact.type,
  data: fact.data,
  metadata: { occurredAt: fact.data.occurredAt, schemaVersion: fact.schemaVersion },
});

const fold = (facts: readonly BankFact[]): number => {
  let state = initialCustomer();
  for (const fact of facts) state = evolveCustomer(state, fact);
  return state.factCount;
};

export const customerReplayBenchmark: Benchmark = {
  name: 'customer-replay',
  async run(): Promise<readonly BenchRow[]> {
    const history = generateCustomerHistory({ customerId: 'C42', seed: 42, years: YEARS });
    const dir = mkdtempSync(join(tmpdir(), 'customer-replay-'));
    const store = SqliteEventStore.open(join(dir, 'events.db'));
    try {
      await store.append(STREAM, history.map(asNewEvent), { expectedRevision: 'no_stream' });
      const readAndFold = async (): Promise<number> =>
        fold(
          (await store.loadStream(STREAM)).map((e) => ({ type: e.type, data: e.data }) as BankFact),
        );
      const durations: number[] = [];
      for (let i = 0; i < 5; i++) await readAndFold();
      for (let i = 0; i < RUNS; i++) {
        const start = process.hrtime.bigint();
        await readAndFold();
        durations.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      const foldOnly = percentile(
        timeRuns(RUNS, () => fold(history)),
        50,
      );
      const p50 = percentile(durations, 50);
      return [
        {
          bench: 'customer-replay',
          measure: `read + fold one customer's ${YEARS}-year history (${history.length} events), p50`,
          value: p50,
          unit: 'ms',
          baseline: foldOnly,
          target: '<= 20 ms',
          met: p50 <= 20,
        },
        {
          bench: 'customer-replay',
          measure: 'same, p99',
          value: percentile(durations, 99),
          unit: 'ms',
          baseline: foldOnly,
        },
      ];
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
