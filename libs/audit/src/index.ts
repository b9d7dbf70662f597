export * from './money-format';

// Audit API (issue 6 §1): history, state as of a moment, explanations, re-run; shared access.
export * from './audit-api.module';
export { AuditAccessLog, type AuditAccess } from './access/audit-access-log';
export { AuditScope, customerNotFound, placementOf } from './access/audit-scope';
export { AUDIT_CLOCK, RISK_POLICIES } from './access/audit-ports';
export { AuditEndpoint, CustomerIdParams, AlertIdParams } from './access/audit-endpoint';
export { canSeeCustomer, type CustomerPlacement } from './access/customer-scope';
export { IsMoment, isMoment, momentEndMs, momentStartMs } from './access/moments';
export { AuditReadModels, type RebuildReport } from './history/audit-read-models';
export { storedEventItem, type StoredEventItem } from './history/stored-event';
export * from './as-of/audit-fold';
export {
  CustomerSnapshots,
  DEFAULT_SNAPSHOT_SETTINGS,
  type SnapshotSettings,
} from './as-of/customer-snapshots';
export { customerStateView, type CustomerStateView } from './as-of/customer-state-view';
export { diffStates, type StateChange } from './as-of/state-diff';
export { MARKER_KINDS, type MarkerKind, type TimelineMarker } from './as-of/timeline';
export { AlertIndex, foldAlert } from './explain/alert-index';
export {
  kafkaRawMessages,
  noRawMessages,
  RAW_MESSAGES,
  type RawMessage,
  type RawMessageReader,
} from './explain/raw-messages';
export { BranchClock } from './rerun/branch-clock.projection';
export { rerunCustomer, type CustomerRerun } from './rerun/customer-rerun';
export { RiskPolicyRegistry, type RegisteredPolicy } from './rerun/risk-policy-registry';

// Branch analytics and operations
export {
  BranchAnalyticsModule,
  BranchAnalyticsRunner,
  READ_MODEL_POSITION,
} from './analytics/branch-analytics.module';
export type { BranchAnalyticsOptions } from './analytics/branch-analytics.options';
export {
  BranchAnalyticsProjection,
  type BranchAnalyticsStatus,
} from './analytics/branch-analytics.projection';
export {
  BranchAnalyticsModel,
  BRANCH_ANALYTICS_PREFIXES,
  type FoldCounts,
} from './analytics/branch-analytics.model';
export type { TierCountsView, TierMigrationView } from './analytics/tier-views';
export type { EmployerRetentionView } from './analytics/employer-views';
export type { AlertFunnelView, ChurnOutcomesView, TeamSlaView } from './analytics/alert-views';
export { operationsSettingsFromEnv, type OperationsSettings } from './ops/operations-settings';
export type { IngestionOpsView } from './ops/operations.service';
export type { DeadLetterEntry, DeadLetterPage } from './ops/dead-letter-entry';
