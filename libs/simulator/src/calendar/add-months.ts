import type { DayNumber } from '@churn/domain-kernel';
import { civilOfDay, dayOfCivil, daysInMonth } from '@churn/domain-facts';

/** The same date `months` later (the month's last day when it has fewer days): a product's term. */
export const addMonthsToDay = (day: DayNumber, months: number): DayNumber => {
  const { year, month, date } = civilOfDay(day);
  const serial = year * 12 + month - 1 + months;
  const [y, m] = [Math.floor(serial / 12), (serial % 12) + 1];
  return dayOfCivil(y, m, Math.min(date, daysInMonth(y, m)));
};
