import type { Benchmark } from './bench-table';

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarks: readonly Benchmark[] = [];
