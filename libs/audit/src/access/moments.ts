import { INSTANT } from '@churn/alerting';
import { ValidateBy } from 'class-validator';

/**
 * Moments in audit queries: an instant with its offset (`2024-06-03T10:00:00+08:00`), or a bank
 * date (`2024-06-03`, a day in the bank's zone, UTC+8). A date as a lower bound means the start of
 * that bank day; as a moment or an upper bound, its end: "as of 2024-06-30" is after the day's
 * last fact, and "to 2024-06-30" takes the day in.
 */
export const BANK_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isBankDate = (value: string): boolean =>
  BANK_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const isMoment = (value: unknown): value is string =>
  typeof value === 'string' &&
  ((INSTANT.test(value) && !Number.isNaN(Date.parse(value))) || isBankDate(value));

export const IsMoment = (): PropertyDecorator =>
  ValidateBy({
    name: 'isMoment',
    validator: {
      validate: isMoment,
      defaultMessage: () =>
        '$property must be an ISO-8601 instant with an offset, such as 2024-06-03T10:00:00+08:00, or a bank date such as 2024-06-03',
    },
  });

const BANK_OFFSET = '+08:00';
const MS_PER_DAY = 86_400_000;

/** The first millisecond a moment covers: a date's start of bank day, or the instant. */
export const momentStartMs = (value: string): number =>
  BANK_DATE.test(value) ? Date.parse(`${value}T00:00:00${BANK_OFFSET}`) : Date.parse(value);

/** The last millisecond a moment covers: a date's end of bank day, or the instant. */
export const momentEndMs = (value: string): number =>
  BANK_DATE.test(value)
    ? Date.parse(`${value}T00:00:00${BANK_OFFSET}`) + MS_PER_DAY - 1
    : Date.parse(value);

/** An instant as the API answers it: UTC, milliseconds. */
export const isoOf = (ms: number): string => new Date(ms).toISOString();
