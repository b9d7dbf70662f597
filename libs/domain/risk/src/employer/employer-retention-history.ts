import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { civilOfDay } from '@churn/domain-facts';
import type { EmployerState } from '@churn/domain-employer';

/** Salary paid and money sent to other banks by the employer's employees in one bank month. */
export interface MonthlyRetention {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly disbursedMinor: MinorUnits;
  readonly outflowMinor: MinorUnits;
}

/**
 * The employer's asset retention (thesis Table 3.4) month by month, so that a fall can be seen
 * against its trailing average. The employer fold knows who its employees are and keeps running
 * totals; this history books each change of those totals on the month it happened, so it never
 * repeats the fold's rules. Call `recordEmployerRetention` after each `evolveEmployer`.
 */
export interface EmployerRetentionHistory {
  readonly employerId: string;
  /** Oldest first, at most `RETENTION_MONTHS_KEPT`. */
  readonly months: readonly MonthlyRetention[];
  readonly seenDisbursedMinor: MinorUnits;
  readonly seenOutflowMinor: MinorUnits;
}

/** A year of trailing months plus the month compared with them. */
export const RETENTION_MONTHS_KEPT = 13;

export const initialRetentionHistory = (employerId: string): EmployerRetentionHistory => ({
  employerId,
  months: [],
  seenDisbursedMinor: 0,
  seenOutflowMinor: 0,
});

type Writable<T> = { -readonly [K in keyof T]: T[K] };

export const bankMonthOf = (day: DayNumber): string => {
  const { year, month } = civilOfDay(day);
  return `${year}-${String(month).padStart(2, '0')}`;
};

/**
 * Books what the employer fold's totals gained since the last call on the bank month of `day`
 * (the day of the fact just folded). Updates `history` in place and returns it.
 */
export const recordEmployerRetention = (
  history: EmployerRetentionHistory,
  employer: EmployerState,
  day: DayNumber,
): EmployerRetentionHistory => {
  const h = history as Writable<EmployerRetentionHistory> & {
    months: Writable<MonthlyRetention>[];
  };
  const disbursed = employer.disbursedMinor - h.seenDisbursedMinor;
  const outflow = employer.outflowMinor - h.seenOutflowMinor;
  if (disbursed === 0 && outflow === 0) return history;
  h.seenDisbursedMinor = employer.disbursedMinor;
  h.seenOutflowMinor = employer.outflowMinor;
  const month = bankMonthOf(day);
  let current: Writable<MonthlyRetention> | undefined = h.months[h.months.length - 1];
  if (current === undefined || current.month < month) {
    current = { month, disbursedMinor: 0, outflowMinor: 0 };
    h.months.push(current);
    if (h.months.length > RETENTION_MONTHS_KEPT) h.months.shift();
  }
  current.disbursedMinor += disbursed;
  current.outflowMinor += outflow;
  return history;
};
