/**
 * One row of `npm run bench`: a measured figure, the raw baseline measured in the same run,
 * and the target from the issue. Benchmarks report; they never fail the build.
 */
export interface BenchRow {
  readonly bench: string;
  readonly measure: string;
  readonly value: number;
  readonly unit: string;
  /** The raw baseline measured in the same run (e.g. plain inserts, a touch-only loop). */
  readonly baseline?: number;
  /** Human-readable target, e.g. ">= 2,000,000 events/s". */
  readonly target?: string;
  /** Whether the target is met, when the row has one. */
  readonly met?: boolean;
}

export interface Benchmark {
  readonly name: string;
  run(): Promise<readonly BenchRow[]>;
}

const formatNumber = (n: number): string =>
  Number.isInteger(n) || Math.abs(n) >= 1000
    ? Math.round(n).toLocaleString('en-US')
    : n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Renders rows as a Markdown table, ready to paste into the README. */
export const renderTable = (rows: readonly BenchRow[]): string => {
  const header = '| bench | measure | value | baseline | ratio | target | met |';
  const rule = '|---|---|---:|---:|---:|---|---|';
  const lines = rows.map((r) => {
    const ratio = r.baseline ? `${((r.value / r.baseline) * 100).toFixed(0)}%` : '';
    const baseline = r.baseline === undefined ? '' : formatNumber(r.baseline);
    const met = r.met === undefined ? '' : r.met ? 'yes' : '**no**';
    return `| ${r.bench} | ${r.measure} | ${formatNumber(r.value)} ${r.unit} | ${baseline} | ${ratio} | ${r.target ?? ''} | ${met} |`;
  });
  return [header, rule, ...lines].join('\n');
};

/** Runs `fn` `iterations` times and returns per-run durations in milliseconds. */
export const timeRuns = (iterations: number, fn: () => void): number[] => {
  const durations: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    fn();
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return durations;
};

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
};
