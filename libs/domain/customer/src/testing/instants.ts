import type { DayNumber } from '@churn/domain-kernel';
import { civilOfDay, dayOfCivil } from '@churn/domain-facts';

const two = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a day number. */
export const dateOfDay = (day: DayNumber): string => {
  const { year, month, date } = civilOfDay(day);
  return `${year}-${two(month)}-${two(date)}`;
};

/** Day number of a `YYYY-MM-DD` date. */
export const dayOfDate = (date: string): DayNumber =>
  dayOfCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));

/**
 * The ISO instant of a bank-local minute of a bank day, written the way the sources write it:
 * core banking in bank time (`+08:00`), payroll batches in UTC (`Z`), so that folds meet both.
 */
export const instantOf = (
  day: DayNumber,
  minuteOfDay: number,
  second: number,
  zone: 'bank' | 'utc',
): string => {
  const total = day * 1440 + minuteOfDay - (zone === 'utc' ? 480 : 0);
  const wallDay = Math.floor(total / 1440);
  const minute = total - wallDay * 1440;
  const clock = `${two(Math.floor(minute / 60))}:${two(minute % 60)}:${two(second)}`;
  return `${dateOfDay(wallDay)}T${clock}${zone === 'utc' ? 'Z' : '+08:00'}`;
};
