import type { DayNumber, DomainEvent } from '@churn/domain-kernel';
import { civilOfDay } from '@churn/domain-facts';
import { learnCadence, type PayrollCredit } from '@churn/domain-customer';
import { retentionOf, type EmployerState, type PayrollBatch } from '@churn/domain-employer';
import { endOfBankDay } from '../assessment/assess-customer';
import type { RiskPolicy } from '../policy/risk-policy';
import { dateText, daysText, percentText } from '../signals/explain';
import { basisPoints, lowerMedian, measure, type Measure } from '../signals/signal';
import type { BranchContext } from '../signals/signal-context';
import {
  bankMonthOf,
  type EmployerRetentionHistory,
  type MonthlyRetention,
} from './employer-retention-history';

export type EmployerRiskCode = 'batch-shrunk' | 'batch-missing' | 'retention-fell';

export interface EmployerRiskReason {
  readonly code: EmployerRiskCode;
  readonly measures: readonly Measure[];
  readonly explanation: string;
}

/**
 * One employer's payroll at risk (DOMAIN.md §4: "a whole employer's batch shrinks or stops"):
 * one assessment for the employer instead of thousands of customer alerts. Evidence is the
 * payroll batch ids the employer fold keeps (it keeps no event ids).
 */
export type EmployerPayrollAtRisk = DomainEvent<
  'EmployerPayrollAtRisk',
  {
    readonly employerId: string;
    readonly assessedOn: string;
    readonly policyVersion: string;
    readonly reasons: readonly EmployerRiskReason[];
    readonly evidenceBatchIds: readonly string[];
  }
>;

/**
 * The employer's payroll on `asOfDay`, or null when nothing is wrong. Three rules, each against
 * the employer's own recent past: the latest settled batch paid `headcountShrinkBasisPoints`
 * fewer employees than the median of the trailing batches; the next batch is more than
 * `batchLateToleranceDays` past its usual day; the latest complete month's retention is
 * `retentionFallBasisPoints` below the trailing months' (amount-weighted) retention.
 */
export const assessEmployer = (
  employer: EmployerState,
  retention: EmployerRetentionHistory,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): EmployerPayrollAtRisk | null => {
  const batches = [...employer.batches.values()].sort((a, b) => a.firstDay - b.firstDay);
  const found = [
    batchShrunk(batches, asOfDay, policy),
    batchMissing(batches, asOfDay, policy),
    retentionFell(retention.months, asOfDay, policy),
  ].filter((f): f is NonNullable<Found> => f !== null);
  if (found.length === 0) return null;
  const data = {
    employerId: employer.employerId,
    assessedOn: dateText(asOfDay),
    policyVersion: policy.version,
    reasons: found.map((f) => f.reason),
    evidenceBatchIds: [...new Set(found.flatMap((f) => f.batchIds))],
    occurredAt: endOfBankDay(asOfDay),
  };
  return { type: 'EmployerPayrollAtRisk', schemaVersion: 1, data };
};

/** The branch context for customer assessments: employers whose whole batch is missing. */
export const branchContextOf = (
  atRisk: readonly (EmployerPayrollAtRisk | null)[],
): BranchContext => ({
  employersWithMissingBatch: new Set(
    atRisk.flatMap((a) =>
      a !== null && a.data.reasons.some((r) => r.code === 'batch-missing')
        ? [a.data.employerId]
        : [],
    ),
  ),
});

type Found = { readonly reason: EmployerRiskReason; readonly batchIds: readonly string[] } | null;

const batchShrunk = (
  batches: readonly PayrollBatch[],
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Found => {
  const { headcountShrinkBasisPoints, batchSettleDays, minBatches } = policy.thresholds.employer;
  const settled = batches.filter((b) => b.firstDay + batchSettleDays <= asOfDay);
  const latest = settled[settled.length - 1];
  const trailing = settled.slice(-1 - policy.windows.employerTrailingBatches, -1);
  const usual = lowerMedian(trailing.map((b) => b.headcount));
  if (latest === undefined || usual === undefined || trailing.length < minBatches) return null;
  const shrink = basisPoints(usual - latest.headcount, usual);
  if (shrink < headcountShrinkBasisPoints) return null;
  return {
    reason: {
      code: 'batch-shrunk',
      measures: [measure('headcount-shrink', shrink, headcountShrinkBasisPoints, 'basis-points')],
      explanation: `Payroll batch ${latest.batchId} of ${dateText(latest.firstDay)} paid ${latest.headcount} employees, usually ${usual} (${percentText(shrink)} fewer)`,
    },
    batchIds: [...trailing.map((b) => b.batchId), latest.batchId],
  };
};

const batchMissing = (
  batches: readonly PayrollBatch[],
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Found => {
  const { batchLateToleranceDays, minBatches } = policy.thresholds.employer;
  if (batches.length < minBatches) return null;
  const credits: PayrollCredit[] = batches.map((b) => ({
    day: b.firstDay,
    dayOfMonth: civilOfDay(b.firstDay).date,
    amountMinor: b.totalMinor,
    currency: 'CNY',
    batchId: b.batchId,
    payPeriod: b.payPeriod,
  }));
  const expected = learnCadence(credits).expectedNextPayDay;
  if (expected === null || asOfDay - expected <= batchLateToleranceDays) return null;
  const last = batches[batches.length - 1];
  return {
    reason: {
      code: 'batch-missing',
      measures: [measure('days-late', asOfDay - expected, batchLateToleranceDays, 'days')],
      explanation: `No payroll batch since ${last?.batchId ?? 'none'} of ${dateText(last?.firstDay ?? asOfDay)}; the next was due by ${dateText(expected)}, ${daysText(asOfDay - expected)} ago`,
    },
    batchIds: last === undefined ? [] : [last.batchId],
  };
};

const retentionFell = (
  months: readonly MonthlyRetention[],
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Found => {
  const { retentionFallBasisPoints, minRetentionMonths } = policy.thresholds.employer;
  const complete = months.filter((m) => m.month < bankMonthOf(asOfDay));
  const latest = complete[complete.length - 1];
  const trailing = complete.slice(-1 - policy.windows.employerTrailingMonths, -1);
  if (latest === undefined || trailing.length < minRetentionMonths) return null;
  const sum = (key: 'disbursedMinor' | 'outflowMinor') => trailing.reduce((s, m) => s + m[key], 0);
  const before = retentionOf(sum('disbursedMinor'), sum('outflowMinor')).basisPoints;
  const now = retentionOf(latest.disbursedMinor, latest.outflowMinor).basisPoints;
  if (before === null || now === null || before - now < retentionFallBasisPoints) return null;
  return {
    reason: {
      code: 'retention-fell',
      measures: [measure('retention-fall', before - now, retentionFallBasisPoints, 'basis-points')],
      explanation: `Asset retention in ${latest.month} was ${percentText(now)} of salary, against ${percentText(before)} over the ${trailing.length} months before`,
    },
    batchIds: [],
  };
};
