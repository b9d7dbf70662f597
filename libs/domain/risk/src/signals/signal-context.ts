import type { DayNumber } from '@churn/domain-kernel';
import type { CustomerState } from '@churn/domain-customer';
import type { RiskEvidence } from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import type { Signal } from './signal';

/**
 * What the branch knows beyond one customer. When a whole employer's payroll batch is missing,
 * the employer raises one alert (`assessEmployer`) and its employees' own payroll-stopped signals
 * stay quiet: "one employer alert, not thousands of customer alerts".
 */
export interface BranchContext {
  readonly employersWithMissingBatch: ReadonlySet<string>;
}

export const NO_BRANCH_CONTEXT: BranchContext = { employersWithMissingBatch: new Set() };

/** A signal rule: pure, business time only (`asOfDay`), null when it does not fire. */
export type SignalRule = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
  branch?: BranchContext,
) => Signal | null;
