import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import {
  OUTFLOW_DAYS_KEPT,
  type OutflowEvidence,
  type PayrollCreditEvidence,
  type RiskEvidence,
} from './risk-evidence';

/** Index of the first entry on or after `day` in a list ascending by day (binary search). */
export const firstOnOrAfter = (
  list: readonly { readonly day: DayNumber }[],
  day: DayNumber,
): number => {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid]?.day ?? day) < day) low = mid + 1;
    else high = mid;
  }
  return low;
};

/** Index of the first day on or after `day` in an ascending list of days. */
export const firstOnOrAfterDay = (days: readonly DayNumber[], day: DayNumber): number => {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((days[mid] ?? day) < day) low = mid + 1;
    else high = mid;
  }
  return low;
};

/** Outflows to other banks on `fromDay..toDay` inclusive, oldest first. */
export const outflowsBetween = (
  evidence: RiskEvidence,
  fromDay: DayNumber,
  toDay: DayNumber,
): readonly OutflowEvidence[] => {
  const { outflows } = evidence;
  const from = firstOnOrAfter(outflows, fromDay);
  const to = firstOnOrAfter(outflows, toDay + 1);
  return from < to ? outflows.slice(from, to) : [];
};

export const totalOf = (outflows: readonly OutflowEvidence[]): MinorUnits => {
  let total = 0;
  for (const outflow of outflows) total += outflow.amountMinor;
  return total;
};

/**
 * Whether the outflow record answers for every day from `fromDay` on: nothing was dropped for
 * lack of room after it, and it is within the day horizon of the fold.
 */
export const outflowsCompleteFrom = (evidence: RiskEvidence, fromDay: DayNumber): boolean => {
  const horizon = evidence.lastDay === null ? fromDay : evidence.lastDay - OUTFLOW_DAYS_KEPT + 1;
  return (
    fromDay >= horizon &&
    (evidence.outflowsCompleteFrom === null || fromDay >= evidence.outflowsCompleteFrom)
  );
};

/**
 * A pay cycle: the salary credits that arrive within `windowDays` of the cycle's first one
 * (two employers, or salary and an allowance, paid a few days apart are one cycle).
 */
export interface PayCycle {
  readonly firstDay: DayNumber;
  readonly amountMinor: MinorUnits;
  readonly credits: readonly PayrollCreditEvidence[];
}

export const payCyclesOf = (
  credits: readonly PayrollCreditEvidence[],
  windowDays: number,
): readonly PayCycle[] => {
  const cycles: {
    firstDay: DayNumber;
    amountMinor: MinorUnits;
    credits: PayrollCreditEvidence[];
  }[] = [];
  for (const credit of credits) {
    const current = cycles[cycles.length - 1];
    if (current !== undefined && credit.day < current.firstDay + windowDays) {
      current.amountMinor += credit.amountMinor;
      current.credits.push(credit);
    } else
      cycles.push({ firstDay: credit.day, amountMinor: credit.amountMinor, credits: [credit] });
  }
  return cycles;
};
