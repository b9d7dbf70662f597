import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { civilOfDay } from '@churn/domain-facts';

/**
 * Words and numbers for explanations. Hand-written rather than `Intl`: the output of
 * `toLocaleString` depends on the ICU data of the process, and explanations are recorded in
 * events that must replay byte for byte.
 */
const groupThousands = (whole: number): string => {
  const digits = String(Math.abs(whole));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return whole < 0 ? `-${grouped}` : grouped;
};

/** Whole yuan of an amount in fen, e.g. "1,250,000 yuan". */
export const yuanText = (minor: MinorUnits): string =>
  `${groupThousands(Math.trunc(minor / 100))} yuan`;

/** Basis points as a whole percent, e.g. 3,449 → "34%". */
export const percentText = (basisPoints: number): string => `${Math.round(basisPoints / 100)}%`;

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
};

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * The bank date `YYYY-MM-DD` of a day number, as the kernel's `bankDate` gives it, in integer
 * arithmetic: the engine writes one per assessment, and `Date#toISOString` costs more than all
 * the signals together.
 */
export const dateText = (day: DayNumber): string => {
  const { year, month, date } = civilOfDay(day);
  return `${year}-${two(month)}-${two(date)}`;
};

/** "1 day", "41 days". */
export const daysText = (days: number): string => (days === 1 ? '1 day' : `${days} days`);
