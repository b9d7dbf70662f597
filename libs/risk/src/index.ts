export { RiskEngine, type RiskEngineSettings } from './engine/risk-engine';
export type { RecordedInput, RiskOutput } from './engine/engine-input';
export type { CustomerWatch } from './engine/customer-watch';
export { EngineCounts } from './engine/engine-counts';
export {
  DEFAULT_REVIEW_SCHEDULE,
  isTelling,
  nextReviewDay,
  type ReviewSchedule,
} from './engine/review-schedule';
export {
  DEFAULT_WATERMARK,
  SourceWatermark,
  type WatermarkSettings,
} from './engine/source-watermark';
export { RISK_NAMESPACE, churnRiskEventId, employerAlertId } from './engine/risk-event-ids';
export {
  DEFAULT_RISK_POLICY_FILE,
  loadRiskPolicy,
  parseRiskPolicy,
  RiskPolicyFileError,
  type LoadedRiskPolicy,
} from './policy/load-risk-policy';
export {
  RiskEngineLoop,
  type RiskLoopOptions,
  type RiskLoopObserver,
} from './runner/risk-engine-loop';
export { RiskEngineRunner } from './runner/risk-engine.runner';
export {
  RiskModule,
  DEFAULT_LOOP_OPTIONS,
  inboundPartitions,
  type RiskModuleOptions,
} from './runner/risk.module';
export { catchUpSettingsFromEnv, type CatchUpSettings } from './runner/catch-up-settings';
