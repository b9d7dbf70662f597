import type { DayNumber } from '@churn/domain-kernel';

/**
 * The BG/NBD sufficient statistics of one customer's activity in a calibration window (FHL 2005
 * §2): the first activity starts the clock and only repeats count. Several activities on one day
 * are one activity — the model counts active days, not transactions.
 */
export interface ActivitySummary {
  /** Repeat activity days after the first, up to the calibration end. */
  readonly x: number;
  /** Time from the first to the last activity day (0 when x = 0). */
  readonly tx: number;
  /** Time from the first activity day to the calibration end. */
  readonly T: number;
}

/** Weeks for the CDNOW reference (FHL 2005); days or weeks for the bank. */
export type ActivityTimeUnit = 'day' | 'week';

const DAYS_PER_UNIT: Readonly<Record<ActivityTimeUnit, number>> = { day: 1, week: 7 };

/**
 * (x, t_x, T) from activity day numbers, counting days up to and including `calibrationEnd`.
 * Undefined when the customer had no activity by then: the model says nothing about them.
 */
export const summariseActivity = (
  activityDays: readonly DayNumber[],
  calibrationEnd: DayNumber,
  unit: ActivityTimeUnit,
): ActivitySummary | undefined => {
  const days = distinctDays(activityDays).filter((day) => day <= calibrationEnd);
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const perUnit = DAYS_PER_UNIT[unit];
  return {
    x: days.length - 1,
    tx: (last - first) / perUnit,
    T: (calibrationEnd - first) / perUnit,
  };
};

/** Summaries for every customer with activity by `calibrationEnd`, keyed as the input. */
export const summariseCustomers = <K>(
  activityByCustomer: ReadonlyMap<K, readonly DayNumber[]>,
  calibrationEnd: DayNumber,
  unit: ActivityTimeUnit,
): Map<K, ActivitySummary> => {
  const summaries = new Map<K, ActivitySummary>();
  for (const [customer, days] of activityByCustomer) {
    const summary = summariseActivity(days, calibrationEnd, unit);
    if (summary !== undefined) summaries.set(customer, summary);
  }
  return summaries;
};

/** Activity days after `calibrationEnd` up to and including `holdoutEnd`: what a forecast is scored against. */
export const holdoutActivityDays = (
  activityDays: readonly DayNumber[],
  calibrationEnd: DayNumber,
  holdoutEnd: DayNumber,
): number =>
  distinctDays(activityDays).filter((day) => day > calibrationEnd && day <= holdoutEnd).length;

const distinctDays = (days: readonly DayNumber[]): DayNumber[] =>
  [...new Set(days)].sort((p, q) => p - q);
