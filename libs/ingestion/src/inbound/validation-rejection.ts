import type { ValidationError } from 'class-validator';
import { reject, type Rejection, type RejectionReason } from './rejection';

/**
 * class-validator reports a tree of errors, each with the constraints that failed. The first
 * error in the tree (unknown fields come first at each level) decides the rejection, and among
 * its constraints the most telling one: a number sent for a text field is a schema violation,
 * not "too long", though MaxLength fails on it too.
 */
const REASON_BY_CONSTRAINT: ReadonlyArray<readonly [string, RejectionReason]> = [
  ['whitelistValidation', 'unknown-field'],
  ['isString', 'schema-violation'],
  ['isBoolean', 'schema-violation'],
  ['isInt', 'schema-violation'],
  ['isArray', 'schema-violation'],
  ['nestedValidation', 'schema-violation'],
  ['amountType', 'schema-violation'],
  ['nonIntegerAmount', 'non-integer-amount'],
  ['negativeAmount', 'negative-amount'],
  ['isIn', 'unknown-enum-value'],
  ['knownCurrency', 'unknown-currency'],
  ['maxLength', 'string-too-long'],
];

export const rejectionOf = (errors: readonly ValidationError[]): Rejection => {
  const first = firstFailure(errors, '');
  if (first === undefined)
    return reject('schema-violation', 'the message does not match its contract');
  const { error, path } = first;
  const constraints = error.constraints ?? {};
  for (const [constraint, reason] of REASON_BY_CONSTRAINT) {
    const message = constraints[constraint];
    if (message !== undefined) return reject(reason, message, path);
  }
  const [message = 'does not match its contract'] = Object.values(constraints);
  return reject('schema-violation', message, path === '' ? undefined : path);
};

interface Failure {
  readonly error: ValidationError;
  readonly path: string;
}

/** Depth first, in report order; array elements are written `credits[3]`. */
const firstFailure = (
  errors: readonly ValidationError[],
  parent: string,
  inArray = false,
): Failure | undefined => {
  for (const error of errors) {
    const path = inArray
      ? `${parent}[${error.property}]`
      : parent === ''
        ? error.property
        : `${parent}.${error.property}`;
    if (error.constraints !== undefined && Object.keys(error.constraints).length > 0)
      return { error, path };
    const nested = firstFailure(error.children ?? [], path, Array.isArray(error.value));
    if (nested !== undefined) return nested;
  }
  return undefined;
};
