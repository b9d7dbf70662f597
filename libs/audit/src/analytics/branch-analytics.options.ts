import type { ModuleMetadata } from '@nestjs/common';
import type { OperationsSettings } from '../ops/operations-settings';

export const BRANCH_ANALYTICS_OPTIONS = Symbol('BRANCH_ANALYTICS_OPTIONS');

export interface BranchAnalyticsOptions {
  /**
   * Modules providing staff sign-in (`StaffAuthModule.forRoot(...)`: the guard, the tokens and
   * ALERTING_CONFIG, whose staff directory scopes the team rows) when they are not global.
   */
  readonly imports?: ModuleMetadata['imports'];
  /** Employer names by employer id, shown beside Table 3.4's rows (names are not facts). */
  readonly employerNames?: Readonly<Record<string, string>>;
  /** Where `/ops/ingestion` finds dead letters: Kafka's DLQ topics, or DATA_DIR's files. */
  readonly operations?: OperationsSettings;
}
