import { ValidateBy } from 'class-validator';

/**
 * Money in minor units (fen), never a float (ARCHITECTURE.md principle 5). A producer may send a
 * JSON integer or a digit string (some core systems emit 64-bit amounts as strings); either way
 * it must be a safe integer. Each way of being wrong fails under its own constraint name, so the
 * dead-letter queue says which: 'negative-amount' or 'non-integer-amount'. A fraction or exponent
 * written as a JSON number (`100.0`, `1e5`) survives JSON.parse as an integer, so `raw-scan.ts`
 * catches those on the raw text before this rule runs.
 */
export type AmountInput = number | string;

/** At most 16 digits: Number.MAX_SAFE_INTEGER has 16; longer strings are refused unread. */
const DIGITS = /^-?\d{1,16}$/;

const isAmountInput = (value: unknown): value is AmountInput =>
  typeof value === 'number' || typeof value === 'string';

const isNegative = (value: AmountInput): boolean =>
  typeof value === 'number' ? value < 0 || Object.is(value, -0) : value.trimStart().startsWith('-');

const isSafeInteger = (value: AmountInput): boolean =>
  typeof value === 'number'
    ? Number.isSafeInteger(value)
    : DIGITS.test(value) && Number.isSafeInteger(Number(value));

/** The amount as a number; only call it on a value that passed `MinorAmount`. */
export const toMinorUnits = (value: AmountInput): number =>
  typeof value === 'number' ? value : Number(value);

const rule = (
  name: string,
  validate: (value: unknown) => boolean,
  message: string,
): PropertyDecorator =>
  ValidateBy({ name, validator: { validate, defaultMessage: () => message } });

/** A minor-unit amount of at least `min` (1 for a posting; 0 where nothing may come back). */
export const MinorAmount = (min: 0 | 1): PropertyDecorator => {
  const decorators = [
    rule('amountType', isAmountInput, '$property must be an integer or a digit string'),
    rule(
      'negativeAmount',
      (v) => !isAmountInput(v) || !isNegative(v),
      '$property must not be negative',
    ),
    rule(
      'nonIntegerAmount',
      (v) => !isAmountInput(v) || (isNegative(v) && DIGITS.test(String(v))) || isSafeInteger(v),
      '$property must be a whole number of minor units within 2^53 - 1',
    ),
    rule(
      'amountAtLeast',
      (v) => !isAmountInput(v) || isNegative(v) || !isSafeInteger(v) || toMinorUnits(v) >= min,
      `$property must be at least ${min}`,
    ),
  ];
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
};
