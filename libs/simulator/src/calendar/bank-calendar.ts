import type { DayNumber } from '@churn/domain-kernel';
import { civilOfDay, dayOfCivil, daysInMonth } from '@churn/domain-facts';

/** One simulated calendar month, with its dates written once for every fact of the month. */
export interface BranchMonth {
  /** 0 for the first simulated month. */
  readonly index: number;
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly firstDay: DayNumber;
  readonly length: number;
  /** `YYYY-MM`, the salary month paid in this month's payroll is the previous one. */
  readonly period: string;
  readonly previousPeriod: string;
  /** `YYYY-MM-DD` of each day of the month. */
  readonly dates: readonly string[];
}

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

export const periodOf = (year: number, month: number): string => `${year}-${two(month)}`;

/** `YYYY-MM-DD` of a day number. */
export const dateOfDay = (day: DayNumber): string => {
  const { year, month, date } = civilOfDay(day);
  return `${year}-${two(month)}-${two(date)}`;
};

/** Day number of a `YYYY-MM-DD` date. */
export const dayOfDate = (date: string): DayNumber =>
  dayOfCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

export const branchMonth = (index: number, startYear: number, startMonth: number): BranchMonth => {
  const serial = startYear * 12 + startMonth - 1 + index;
  const [year, month] = [Math.floor(serial / 12), (serial % 12) + 1];
  const previous = serial - 1;
  const firstDay = dayOfCivil(year, month, 1);
  const length = daysInMonth(year, month);
  return {
    index,
    year,
    month,
    firstDay,
    length,
    period: periodOf(year, month),
    previousPeriod: periodOf(Math.floor(previous / 12), (previous % 12) + 1),
    dates: Array.from({ length }, (_, d) => `${year}-${two(month)}-${two(d + 1)}`),
  };
};

/** 0 Sunday … 6 Saturday: day 0 (1970-01-01) was a Thursday. */
export const weekdayOf = (day: DayNumber): number => (((day + 4) % 7) + 7) % 7;

/** Month index (0-based, from the first simulated month) of a day. */
export const monthIndexOf = (day: DayNumber, startYear: number, startMonth: number): number => {
  const { year, month } = civilOfDay(day);
  return year * 12 + month - (startYear * 12 + startMonth);
};

export const SECONDS_PER_DAY = 86_400;

const BANK_CLOCK: string[] = [];
const UTC_CLOCK: string[] = [];
const clock = (second: number): string =>
  `${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}`;

/**
 * Core banking and the CRM write bank time (UTC+8), as the CONTRACTS.md examples do. The clock
 * part of each second is built once: every fact needs an instant, and one concatenation a fact
 * is what the generator can afford.
 */
export const bankInstant = (dateT: string, second: number): string =>
  dateT + (BANK_CLOCK[second] ??= `${clock(second)}+08:00`);

/**
 * Payroll systems write UTC instants (as in the customer history generator), so that every
 * reader meets both notations. Only for times from 08:00 bank time on: the UTC date is the same.
 */
export const utcInstant = (dateT: string, second: number): string =>
  dateT + (UTC_CLOCK[second] ??= `${clock(second - 8 * 3600)}Z`);
