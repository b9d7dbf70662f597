import { yuan, type DayNumber } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import type { CustomerState } from '@churn/domain-customer';
import {
  leavingIntentOf,
  type Assessment,
  type RiskEvidence,
  type RiskPolicy,
  type RiskState,
} from '@churn/domain-risk';

/**
 * When the engine assesses a customer, besides the close of a day with a telling fact. Part of
 * the versioned policy file (`reviews:`): it changes which days are assessed, so which events a
 * replay writes. Amounts in fen, as in the risk policy.
 */
export interface ReviewSchedule {
  /** Days between reviews of an open risk, and of customers of wealth-management value. */
  readonly priorityEveryDays: number;
  /** Peak AUM from which a customer is reviewed at that pace: the wealth-management tier. */
  readonly priorityFromAumMinor: number;
  /** Days between reviews of everyone else holding `othersFromAumMinor` or more; 0: never. */
  readonly othersEveryDays: number;
  readonly othersFromAumMinor: number;
  /**
   * Debits inside the bank below this amount (card spend, bills, cash) are routine: a day with
   * nothing else is not assessed at its close, the next review covers it. 0 assesses every day
   * with any fact.
   */
  readonly routineDebitBelowMinor: number;
  /**
   * 1: a contact whose note says the customer will leave (`leavingIntentOf`) is telling, so the
   * customer is assessed at that day's close; 0: every contact is routine (before 2026-11-3).
   */
  readonly leavingIntentContacts: number;
}

export const DEFAULT_REVIEW_SCHEDULE: ReviewSchedule = {
  priorityEveryDays: 7,
  priorityFromAumMinor: yuan(200_000),
  othersEveryDays: 28,
  othersFromAumMinor: yuan(10_000),
  routineDebitBelowMinor: yuan(10_000),
  leavingIntentContacts: 0,
};

/**
 * Whether a fact can start a churn signal on its own day (DOMAIN.md §4): salary, money sent to
 * another bank, a large debit, a product that ends, a complaint, a survey answer, a closed
 * account, a contact in which the customer said they would leave (`leavingIntentOf`). Money coming in, a product bought or rolled over, contacts and profile changes only
 * lower a risk, and a lowered risk is seen at the next review. Signals that grow with time
 * (salary late, dormancy, an unreinvested maturity) are the reviews' business.
 */
export const isTelling = (fact: BankFact, schedule: ReviewSchedule): boolean => {
  switch (fact.type) {
    case 'TransactionPosted':
      return (
        fact.data.direction === 'debit' &&
        (fact.data.otherBank || fact.data.amountMinor >= schedule.routineDebitBelowMinor)
      );
    case 'PayrollCredited':
    case 'ProductMatured':
    case 'ProductRedeemed':
    case 'ComplaintFiled':
    case 'SurveyAnswered':
    case 'AccountClosed':
      return true;
    case 'ContactLogged':
      return schedule.leavingIntentContacts === 1 && leavingIntentOf(fact.data.summary) !== null;
    default:
      return false;
  }
};

/**
 * The first day after `asOfDay` on which a signal that grows with time can first fire without a
 * new fact: a live salary series one day past its tolerance (payroll-stopped), a product end
 * at the end of its grace period (maturity-not-rolled-over). Reviewing on exactly those days
 * warns as early as the policy allows, where a weekly review would lose up to six days.
 */
/**
 * A salary that is late and not yet history (DOMAIN.md §4: "the customer's salary no longer
 * arrives"): while it stays away the customer is reviewed weekly, as the other evidence of
 * leaving (the money following the salary out) builds up.
 */
const hasLatePayroll = (
  customer: CustomerState,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): boolean => {
  const { toleranceDays, staleAfterDays } = policy.thresholds.payrollStopped;
  for (const series of customer.payroll.values()) {
    const { established, expectedNextPayDay } = series.cadence;
    const last = series.credits[series.credits.length - 1];
    if (!established || expectedNextPayDay === null || last === undefined) continue;
    if (asOfDay > expectedNextPayDay + toleranceDays && asOfDay - last.day <= staleAfterDays)
      return true;
  }
  return false;
};

const dueSignalDay = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): DayNumber | null => {
  let next: DayNumber | null = null;
  const consider = (day: DayNumber): void => {
    if (day > asOfDay && (next === null || day < next)) next = day;
  };
  const { toleranceDays, staleAfterDays } = policy.thresholds.payrollStopped;
  for (const series of customer.payroll.values()) {
    const { established, expectedNextPayDay } = series.cadence;
    const last = series.credits[series.credits.length - 1];
    if (!established || expectedNextPayDay === null || last === undefined) continue;
    if (asOfDay - last.day <= staleAfterDays) consider(expectedNextPayDay + toleranceDays + 1);
  }
  for (const end of evidence.productEnds) consider(end.day + policy.windows.maturityGraceDays);
  return next;
};

/**
 * The day at whose close a customer assessed on `asOfDay` is next reviewed if nothing telling
 * happens before: the next day a time-driven signal can fire (see `dueSignalDay`), and at the
 * latest weekly for a late salary, an open risk or wealth-management value (DOMAIN.md §5.4:
 * effort follows value), every `othersEveryDays` for others with something to lose (dormancy, slow declines),
 * never for the rest (40% of a branch's customers hold nothing, thesis §3.2.1).
 */
export const nextReviewDay = (
  customer: CustomerState,
  evidence: RiskEvidence,
  risk: RiskState,
  assessment: Assessment,
  asOfDay: DayNumber,
  policy: RiskPolicy,
  schedule: ReviewSchedule,
): DayNumber | null => {
  const value = assessment.value.peakAumMinor;
  const cadence =
    risk.status === 'raised' ||
    value >= schedule.priorityFromAumMinor ||
    hasLatePayroll(customer, asOfDay, policy)
      ? schedule.priorityEveryDays
      : schedule.othersEveryDays > 0 && value >= schedule.othersFromAumMinor
        ? schedule.othersEveryDays
        : null;
  const signalDay = dueSignalDay(customer, evidence, asOfDay, policy);
  const cadenceDay = cadence === null ? null : asOfDay + cadence;
  if (signalDay === null) return cadenceDay;
  return cadenceDay === null ? signalDay : Math.min(signalDay, cadenceDay);
};
