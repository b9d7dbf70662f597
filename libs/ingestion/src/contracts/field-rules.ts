import 'reflect-metadata';
import { daysInMonth } from '@churn/domain-facts';
import {
  IsIn,
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { ISO_4217_CURRENCIES } from './currencies';

/**
 * The field rules every contract is written with. Each rule fails under a constraint name that
 * `validation-rejection.ts` maps to a stable rejection reason, so a DTO says what a field is and
 * the reason code follows.
 */

/** Source-system ids (customer, account, transaction, batch…): 1..64 characters. */
export const MAX_ID_LENGTH = 64;
/** Free text written by staff (contact summaries): up to 2,000 characters. */
export const MAX_SUMMARY_LENGTH = 2000;
/** Short free text (occupation, counterparty bank name). */
export const MAX_LABEL_LENGTH = 128;

type Decorator = PropertyDecorator;

const all =
  (...decorators: Decorator[]): Decorator =>
  (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };

/** A string of `min..max` characters; lengths count characters, not UTF-16 units or bytes. */
export const Text = (max: number, min = 1): Decorator =>
  all(IsString(), MinLength(min), MaxLength(max));

export const Id = (): Decorator => Text(MAX_ID_LENGTH);

/** One of a fact catalogue vocabulary, so ingestion accepts exactly what the domain knows. */
export const OneOf = (vocabulary: readonly string[]): Decorator => IsIn([...vocabulary]);

const currencies: ReadonlySet<unknown> = new Set(ISO_4217_CURRENCIES);

export const Currency = (): Decorator =>
  ValidateBy({
    name: 'knownCurrency',
    validator: {
      validate: (value: unknown) => currencies.has(value),
      defaultMessage: () => '$property must be an active ISO-4217 code such as CNY',
    },
  });

/**
 * An instant with its offset, as the event store requires: `2024-06-01T09:30:00+08:00`.
 * `IsISO8601` alone would also take a bare date or a local time, read in the server's zone.
 */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const Instant = (): Decorator =>
  all(IsISO8601({ strict: true, strictSeparator: true }), Matches(INSTANT));

const CALENDAR_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A bank-calendar date `YYYY-MM-DD` that exists (no 2023-02-30). */
export const CalendarDate = (): Decorator =>
  ValidateBy({
    name: 'calendarDate',
    validator: {
      validate: (value: unknown) => {
        const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
        return (
          match !== null && Number(match[3]) <= daysInMonth(Number(match[1]), Number(match[2]))
        );
      },
      defaultMessage: () => '$property must be an existing date YYYY-MM-DD',
    },
  });

/** A salary month `YYYY-MM`. */
export const Period = (): Decorator =>
  Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '$property must be a month YYYY-MM' });
