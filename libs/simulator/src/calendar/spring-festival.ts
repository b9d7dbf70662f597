import type { DayNumber } from '@churn/domain-kernel';
import { dayOfDate } from './bank-calendar';

/**
 * Spring Festival (春节, lunar new year's day), when spending peaks in the weeks before: gifts,
 * red envelopes, travel home. A table, not a lunar calendar: the simulator covers these years.
 */
const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2010: '2010-02-14',
  2011: '2011-02-03',
  2012: '2012-01-23',
  2013: '2013-02-10',
  2014: '2014-01-31',
  2015: '2015-02-19',
  2016: '2016-02-08',
  2017: '2017-01-28',
  2018: '2018-02-16',
  2019: '2019-02-05',
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

/** Festival spending runs from three weeks before new year's day to three days after. */
export const FESTIVAL_SPENDING_FROM = -21;
export const FESTIVAL_SPENDING_TO = 3;

/** New year's day of `year`, or null outside the table (no festival spending then). */
export const springFestivalDay = (year: number): DayNumber | null => {
  const date = SPRING_FESTIVAL[year];
  return date === undefined ? null : dayOfDate(date);
};
