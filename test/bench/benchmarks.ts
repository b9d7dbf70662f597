import type { Benchmark } from './bench-table';
import { eventStoreBenchmark } from './event-store.bench';
import { customerFoldBenchmark } from './customer-fold.bench';
import { ingestionDecodeBenchmark } from './ingestion-decode.bench';
import { customerReplayBenchmark } from './customer-replay.bench';
import { ingestionBenchmark } from './ingestion.bench';
import { riskEngineBenchmark } from './risk-engine.bench';
import { alertingBenchmark } from './alerting.bench';
import { auditBenchmark } from './audit.bench';
import { branchAnalyticsBenchmark } from './branch-analytics.bench';
import { catchUpReadBenchmark } from './catch-up-read.bench';

/** Every benchmark `npm run bench` runs, in order. */
export const benchmarks: readonly Benchmark[] = [
  eventStoreBenchmark,
  customerFoldBenchmark,
  customerReplayBenchmark,
  ingestionDecodeBenchmark,
  ingestionBenchmark,
  riskEngineBenchmark,
  alertingBenchmark,
  auditBenchmark,
  branchAnalyticsBenchmark,
  catchUpReadBenchmark,
];
