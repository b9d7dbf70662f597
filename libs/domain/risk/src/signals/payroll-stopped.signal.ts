import type { DayNumber } from '@churn/domain-kernel';
import {
  CREDITS_TO_ESTABLISH,
  type CustomerState,
  type PayrollSeries,
} from '@churn/domain-customer';
import type { RiskEvidence } from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import { dateText, daysText, ordinal } from './explain';
import { clampStrength, evidenceIds, measure, type Signal } from './signal';
import { NO_BRANCH_CONTEXT, type BranchContext } from './signal-context';

/** Median intervals read as a monthly salary, paid on a day of the month (as the cadence reads them). */
const MONTHLY = { min: 25, max: 35 } as const;

/**
 * Payroll stopped or redirected (DOMAIN.md §4: "the customer's salary no longer arrives").
 * A salary series counts once established (three similar credits, see `learnCadence`); it breaks
 * when the next salary is late by more than the tolerance, or when `missesToBreak` expected pay
 * days have passed without it. Not a signal: a series not yet established (a new customer), a
 * customer now paid here by another employer (a new job, the salary still arrives), an employer
 * whose whole batch is missing (the employer alert covers it), or a series silent for longer than
 * `staleAfterDays` (by then other signals tell the story). Of several broken series, the strongest.
 */
export const payrollStopped = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
  branch: BranchContext = NO_BRANCH_CONTEXT,
): Signal | null => {
  let strongest: Signal | null = null;
  for (const series of customer.payroll.values()) {
    if (branch.employersWithMissingBatch.has(series.employerId)) continue;
    if (paidSinceByAnotherEmployer(customer, series)) continue;
    const signal = seriesStopped(series, evidence, asOfDay, policy);
    if (signal && signal.strengthBasisPoints > (strongest?.strengthBasisPoints ?? 0))
      strongest = signal;
  }
  return strongest;
};

const lastCreditDay = (series: PayrollSeries): DayNumber =>
  series.credits[series.credits.length - 1]?.day ?? Number.NEGATIVE_INFINITY;

const paidSinceByAnotherEmployer = (customer: CustomerState, series: PayrollSeries): boolean => {
  for (const other of customer.payroll.values())
    if (other !== series && lastCreditDay(other) > lastCreditDay(series)) return true;
  return false;
};

interface Lateness {
  readonly expected: DayNumber;
  readonly daysLate: number;
  readonly missed: number;
  readonly silentDays: number;
}

/** How late an established, live series is; null when it is on time (or not a live series). */
const latenessOf = (
  series: PayrollSeries,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Lateness | null => {
  const {
    established,
    expectedNextPayDay: expected,
    medianIntervalDays: interval,
  } = series.cadence;
  const { toleranceDays, missesToBreak, staleAfterDays } = policy.thresholds.payrollStopped;
  const silentDays = asOfDay - lastCreditDay(series);
  if (!established || expected === null || interval === null || interval < 1) return null;
  if (silentDays > staleAfterDays) return null;
  const daysLate = asOfDay - expected;
  // An expected pay day is missed once it has ended without salary.
  const missed = daysLate > 0 ? Math.floor((daysLate - 1) / interval) + 1 : 0;
  if (daysLate <= toleranceDays && missed < missesToBreak) return null;
  return { expected, daysLate, missed, silentDays };
};

/** Half strength for one missed pay day, full strength from `missesToBreak`. */
const seriesStopped = (
  series: PayrollSeries,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal | null => {
  const late = latenessOf(series, asOfDay, policy);
  if (late === null) return null;
  const { toleranceDays, missesToBreak } = policy.thresholds.payrollStopped;
  const { expected, daysLate, missed, silentDays } = late;
  return {
    code: 'payroll-stopped',
    strengthBasisPoints: clampStrength(
      5_000 + (5_000 * Math.min(missed, missesToBreak)) / missesToBreak,
    ),
    evidenceEventIds: lastCreditIds(series, evidence),
    measures: [
      measure('days-late', daysLate, toleranceDays, 'days'),
      measure('missed-pay-days', missed, missesToBreak, 'count'),
    ],
    explanation:
      `Salary from employer ${series.employerId} usually arrives ${usually(series)}; ` +
      `none for ${daysText(silentDays)} (expected by ${dateText(expected)}, ` +
      `tolerance ${toleranceDays}; ${missed} pay day${missed === 1 ? '' : 's'} missed)`,
  };
};

/** The credits that established the series: the last three of the employer's salary. */
const lastCreditIds = (series: PayrollSeries, evidence: RiskEvidence): readonly string[] =>
  evidenceIds(
    evidence.payrollCredits
      .filter((credit) => credit.employerId === series.employerId)
      .slice(-CREDITS_TO_ESTABLISH)
      .map((credit) => credit.eventId),
  );

const usually = (series: PayrollSeries): string => {
  const { medianIntervalDays: interval, typicalDayOfMonth } = series.cadence;
  return interval !== null && interval >= MONTHLY.min && interval <= MONTHLY.max
    ? `around the ${ordinal(typicalDayOfMonth)}`
    : `every ${daysText(interval ?? 0)}`;
};
