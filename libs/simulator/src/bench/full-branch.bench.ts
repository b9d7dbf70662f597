import { evolveCustomer, initialCustomer, type CustomerState } from '@churn/domain-customer';
import { branchMessages } from '../branch/branch-messages';
import { simulateBranch } from '../branch/simulate-branch';
import {
  SNAPSHOT_TIER_COUNTS,
  THESIS_CUSTOMERS,
  type MidHighTier,
} from '../calibration/thesis-figures';

/** A row of `npm run bench` (test/bench/bench-table.ts has the same shape). */
export interface SimulatorBenchRow {
  readonly bench: string;
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  readonly target?: string;
  readonly met?: boolean;
}

export interface FullBranchBenchOptions {
  readonly customers?: number;
  readonly years?: number;
  /** Also encode every fact as its inbound message and count the NDJSON bytes. */
  readonly bytes?: boolean;
  /** Also fold every customer and check the snapshot tiers against Table 3.1 (±2%). */
  readonly calibration?: boolean;
}

const seconds = (from: bigint): number => Number(process.hrtime.bigint() - from) / 1e9;

/**
 * The full 213,500-customer branch: how fast it is generated (target ≥ 500,000 facts/s), how big
 * it is as NDJSON, and whether its snapshot tiers are the thesis's within 2%.
 */
export const runFullBranchBench = (options: FullBranchBenchOptions = {}): SimulatorBenchRow[] => {
  const customers = options.customers ?? THESIS_CUSTOMERS;
  const years = options.years ?? 1;
  const bench = 'simulator';
  const started = process.hrtime.bigint();
  const simulation = simulateBranch({ seed: 7, customers, years });
  const planSeconds = seconds(started);
  const generating = process.hrtime.bigint();
  let facts = 0;
  for (const day of simulation.days) facts += day.facts.length;
  const generationSeconds = seconds(generating);
  const rate = facts / generationSeconds;
  const size = `${customers.toLocaleString('en-US')} customers × ${years} years`;
  const rows: SimulatorBenchRow[] = [
    { bench, measure: `plan ${size}`, value: planSeconds, unit: 's' },
    { bench, measure: `facts, ${size}`, value: facts, unit: 'facts' },
    {
      bench,
      measure: `generation, ${size}`,
      value: rate,
      unit: 'facts/s',
      target: '>= 500,000 facts/s',
      met: rate >= 500_000,
    },
    {
      bench,
      measure: `churn labels / look-alikes, ${size}`,
      value: simulation.labels.length,
      unit: `labels / ${simulation.lookAlikes.length}`,
    },
  ];
  if (options.bytes) {
    const encoding = process.hrtime.bigint();
    let bytes = 0;
    let messages = 0;
    for (const message of branchMessages(simulation)) {
      bytes += Buffer.byteLength(JSON.stringify(message)) + 1;
      messages += 1;
    }
    rows.push(
      { bench, measure: `NDJSON size, ${size}`, value: bytes / 2 ** 20, unit: 'MiB' },
      {
        bench,
        measure: `generate + encode + serialise, ${size}`,
        value: messages / seconds(encoding),
        unit: 'messages/s',
      },
    );
  }
  if (options.calibration) rows.push(...snapshotTierRows(simulation, customers));
  return rows;
};

const snapshotTierRows = (
  simulation: ReturnType<typeof simulateBranch>,
  customers: number,
): SimulatorBenchRow[] => {
  const states = new Map<string, CustomerState>();
  for (const fact of simulation.facts) {
    let state = states.get(fact.data.customerId);
    if (state === undefined) states.set(fact.data.customerId, (state = initialCustomer()));
    evolveCustomer(state, fact);
  }
  const counts: Record<string, number> = {};
  for (const state of states.values()) counts[state.tier] = (counts[state.tier] ?? 0) + 1;
  const scale = customers / THESIS_CUSTOMERS;
  return (Object.keys(SNAPSHOT_TIER_COUNTS) as MidHighTier[]).map((tier) => {
    const thesis = SNAPSHOT_TIER_COUNTS[tier] * scale;
    const value = counts[tier] ?? 0;
    return {
      bench: 'simulator',
      measure: `${tier} customers at the snapshot ${simulation.snapshotDate} (Table 3.1: ${Math.round(thesis)})`,
      value,
      unit: 'customers',
      target: 'within ±2% of the thesis',
      met: Math.abs(value - thesis) <= Math.max(1, thesis * 0.02),
    };
  });
};

/** The benchmark as `test/bench/benchmarks.ts` lists them. */
export const simulatorBenchmark = {
  name: 'simulator',
  run: async (): Promise<readonly SimulatorBenchRow[]> =>
    runFullBranchBench({ bytes: true, calibration: true }),
};

if (require.main === module) {
  const [customers, years] = process.argv.slice(2).map(Number);
  const rows = runFullBranchBench({
    customers: Number.isFinite(customers) ? customers : undefined,
    years: Number.isFinite(years) ? years : undefined,
    bytes: process.argv.includes('--bytes'),
    calibration: process.argv.includes('--calibration'),
  });
  for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
}
