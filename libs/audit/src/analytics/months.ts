import { civilOfDay, dayOfCivil, daysInMonth } from '@churn/domain-facts';
import { bankDayOfMs, type DayNumber } from '@churn/domain-kernel';

/**
 * Bank months as serial numbers (`year × 12 + month − 1`): month-end tiers, payroll months and
 * query windows are kept and compared as small integers. Months are bank months (Asia/Shanghai,
 * UTC+8), as are the bank days the folds book facts on.
 */
export type MonthIndex = number;

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const monthOfDay = (day: DayNumber): MonthIndex => {
  const { year, month } = civilOfDay(day);
  return year * 12 + month - 1;
};

/** `YYYY-MM` → month index; the text is checked by the DTO (`MONTH_PATTERN`). */
export const monthIndexOf = (text: string): MonthIndex =>
  Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

export const monthText = (month: MonthIndex): string =>
  `${Math.floor(month / 12)}-${two((month % 12) + 1)}`;

/** The first bank day of the month. */
export const firstDayOf = (month: MonthIndex): DayNumber =>
  dayOfCivil(Math.floor(month / 12), (month % 12) + 1, 1);

/** `YYYY-MM-DD` of the month's last day: the month-end a tier count is taken at. */
export const monthEndDate = (month: MonthIndex): string => {
  const year = Math.floor(month / 12);
  const m = (month % 12) + 1;
  return `${year}-${two(m)}-${two(daysInMonth(year, m))}`;
};

/** The month's start in the bank's time zone, as an instant: `2023-05-01T00:00:00+08:00`. */
export const monthStartInstant = (month: MonthIndex): string =>
  `${monthText(month)}-01T00:00:00+08:00`;

/** The bank month of an instant (its bank day's month). */
export const monthOfInstantMs = (ms: number): MonthIndex => monthOfDay(bankDayOfMs(ms));

/** The instants of a window of whole bank months: `fromMs <= t < toMs`. */
export const windowMs = (from: MonthIndex, to: MonthIndex): { fromMs: number; toMs: number } => ({
  fromMs: Date.parse(monthStartInstant(from)),
  toMs: Date.parse(monthStartInstant(to + 1)),
});
