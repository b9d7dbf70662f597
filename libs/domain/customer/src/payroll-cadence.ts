import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { civilOfDay, dayOfCivil, daysInMonth } from '@churn/domain-facts';

/**
 * A customer's salary from one employer (代发薪, DOMAIN.md §3) and the cadence learned from it.
 * "Payroll stops or moves" (DOMAIN.md §4) is judged against this cadence, not a fixed calendar:
 * employers pay on their own day in the first half of the month.
 */
export interface PayrollCredit {
  readonly day: DayNumber;
  /** Day of the month of `day`, kept so the cadence is learned without redoing the calendar. */
  readonly dayOfMonth: number;
  readonly amountMinor: MinorUnits;
  readonly currency: string;
  readonly batchId: string;
  readonly payPeriod: string;
}

export interface PayrollCadence {
  /** Median days between consecutive credits (lower median); null with a single credit. */
  readonly medianIntervalDays: number | null;
  /** Median day of the month on which salary arrives. */
  readonly typicalDayOfMonth: number;
  /** Median credit amount (lower median, so always an amount actually paid). */
  readonly typicalAmountMinor: MinorUnits;
  /** Credits within ±20% of the typical amount. */
  readonly similarCredits: number;
  /** A salary series is established after three similar credits. */
  readonly established: boolean;
  readonly expectedNextPayDay: DayNumber | null;
}

export interface PayrollSeries {
  readonly employerId: string;
  readonly accountId: string;
  /** The latest credits, oldest first, at most `PAYROLL_CREDITS_KEPT`. */
  readonly credits: readonly PayrollCredit[];
  readonly cadence: PayrollCadence;
}

/** A year of monthly salary; enough for medians that shrug off a bonus or a missed month. */
export const PAYROLL_CREDITS_KEPT = 12;
export const SIMILAR_AMOUNT_PERCENT = 20;
export const CREDITS_TO_ESTABLISH = 3;
/** Median intervals in this range are read as a monthly cadence, paid on a day of the month. */
const MONTHLY_INTERVAL_DAYS = { min: 25, max: 35 } as const;

const ascending = (a: number, b: number): number => a - b;

/** Sorts `values` in place (callers pass a scratch array) and returns its lower median. */
const lowerMedian = (values: number[]): number =>
  values.sort(ascending)[(values.length - 1) >> 1] ?? 0;

export const isSimilarAmount = (amountMinor: MinorUnits, typicalMinor: MinorUnits): boolean =>
  Math.abs(amountMinor - typicalMinor) * 100 <= typicalMinor * SIMILAR_AMOUNT_PERCENT;

/** Monthly pay falls on the typical day of the month after the last credit (clamped to its length). */
const nextPayDay = (lastDay: DayNumber, intervalDays: number, dayOfMonth: number): DayNumber => {
  if (intervalDays < MONTHLY_INTERVAL_DAYS.min || intervalDays > MONTHLY_INTERVAL_DAYS.max) {
    return lastDay + intervalDays;
  }
  const { year, month } = civilOfDay(lastDay);
  const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
  return dayOfCivil(nextYear, nextMonth, Math.min(dayOfMonth, daysInMonth(nextYear, nextMonth)));
};

/**
 * The cadence of a non-empty run of credits, oldest first. It runs on every salary credit of
 * every customer, hence one pass and three scratch arrays rather than a chain of map/filter.
 */
export const learnCadence = (credits: readonly PayrollCredit[]): PayrollCadence => {
  const amounts: number[] = [];
  const daysOfMonth: number[] = [];
  const intervals: number[] = [];
  let previous: PayrollCredit | undefined;
  for (const credit of credits) {
    amounts.push(credit.amountMinor);
    daysOfMonth.push(credit.dayOfMonth);
    if (previous !== undefined) intervals.push(credit.day - previous.day);
    previous = credit;
  }
  const typicalAmountMinor = lowerMedian(amounts);
  let similarCredits = 0;
  for (const amount of amounts)
    if (isSimilarAmount(amount, typicalAmountMinor)) similarCredits += 1;
  const typicalDayOfMonth = lowerMedian(daysOfMonth);
  const medianIntervalDays = intervals.length ? lowerMedian(intervals) : null;
  return {
    medianIntervalDays,
    typicalDayOfMonth,
    typicalAmountMinor,
    similarCredits,
    established: similarCredits >= CREDITS_TO_ESTABLISH,
    expectedNextPayDay:
      medianIntervalDays && previous
        ? nextPayDay(previous.day, medianIntervalDays, typicalDayOfMonth)
        : null,
  };
};
