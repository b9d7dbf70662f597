import { evolveCustomer, initialCustomer, type CustomerState } from '@churn/domain-customer';
import { generateCustomerHistory } from '@churn/domain-customer/testing';
import type { BankFact } from '@churn/domain-facts';
import { percentile, timeRuns, type Benchmark, type BenchRow } from './bench-table';

/**
 * The customer fold against a loop that only touches the same fact objects (reads the type and
 * the amount, sums them), over pre-generated ten-year histories (~530 facts a year each: salary,
 * the tide, card spend, products, complaints). Histories are generated before timing; 500
 * customers keep the facts (~1 GB of objects) inside Node's default heap. The ratio shows what
 * the fold itself costs on top of walking the facts.
 */
const CUSTOMERS = 500;
const YEARS = 10;
const WARMUP_RUNS = 2;
const RUNS = 7;
const SINGLE_RUNS = 51;
const TARGET = 2_000_000;

let sink = 0;

const foldOne = (history: readonly BankFact[]): CustomerState => {
  let state = initialCustomer();
  for (const fact of history) state = evolveCustomer(state, fact);
  return state;
};

const foldAll = (histories: readonly BankFact[][]) => (): void => {
  for (const history of histories) sink += foldOne(history).aumMinor;
};

const touchAll = (histories: readonly BankFact[][]) => (): void => {
  for (const history of histories) {
    for (const fact of history) {
      sink += fact.type.length + ((fact.data as { amountMinor?: number }).amountMinor ?? 0);
    }
  }
};

export const customerFoldBenchmark: Benchmark = {
  name: 'customer-fold',
  async run(): Promise<readonly BenchRow[]> {
    const histories = Array.from({ length: CUSTOMERS }, (_, i) =>
      generateCustomerHistory({ customerId: `C${i}`, seed: i + 1, years: YEARS }),
    );
    const facts = histories.reduce((n, h) => n + h.length, 0);
    const [fold, touch] = [foldAll(histories), touchAll(histories)];
    timeRuns(WARMUP_RUNS, fold);
    timeRuns(WARMUP_RUNS, touch);
    const foldMs = percentile(timeRuns(RUNS, fold), 50);
    const touchMs = percentile(timeRuns(RUNS, touch), 50);
    const one = histories[0] ?? [];
    const oneMs = percentile(
      timeRuns(SINGLE_RUNS, () => (sink += foldOne(one).factCount)),
      50,
    );
    const perSecond = (ms: number): number => (facts / ms) * 1000;
    if (sink === 0) process.stderr.write('customer-fold: nothing folded\n');
    return [
      {
        bench: 'customer-fold',
        measure: `fold throughput, ${CUSTOMERS} customers × ${YEARS} years (${facts.toLocaleString('en-US')} facts), median of ${RUNS}`,
        value: perSecond(foldMs),
        unit: 'events/s',
        baseline: perSecond(touchMs),
        target: '>= 2,000,000 events/s',
        met: perSecond(foldMs) >= TARGET,
      },
      {
        bench: 'customer-fold',
        measure: `one customer's ${YEARS}-year history (${one.length.toLocaleString('en-US')} facts), median of ${SINGLE_RUNS}`,
        value: oneMs,
        unit: 'ms',
      },
    ];
  },
};
