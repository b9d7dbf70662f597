export {
  simulateBranch,
  type BranchSimulation,
  type EmployerSummary,
} from './branch/simulate-branch';
export {
  branchMessages,
  simulateBranchMessages,
  BATCH_MOST_CREDITS,
  type MessageOptions,
  type PayrollForm,
} from './branch/branch-messages';
export type { BranchDay } from './branch/branch-days';
export type { BranchPlan } from './branch/plan-branch';
export type { PayrollMove } from './branch/branch-labels';
export {
  DEFAULT_LOOK_ALIKE_RATE,
  type ResolvedOptions,
  type SimulationOptions,
} from './branch/simulation-options';
export {
  CHURN_JOURNEYS,
  LOOK_ALIKES,
  type ChurnJourney,
  type ChurnLabel,
  type LookAlikeKind,
  type LookAlikeLabel,
} from './journeys/journey-plan';
export {
  SNAPSHOT_BANDS,
  snapshotQuotas,
  type BandCounts,
  type SnapshotBand,
} from './calibration/branch-quotas';
export * from './calibration/thesis-figures';
export type { EmployerSetup } from './population/employer-setup';
export type { EmployerPlan } from './population/employers';
export { writeNdjson, type WrittenFile } from './writers/ndjson-writer';
export { labelsDocument, writeLabels } from './writers/labels-writer';
