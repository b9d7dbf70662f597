import { isUtf8 } from 'node:buffer';
import { maxLength } from 'class-validator';
import { MAX_ID_LENGTH } from '../contracts/field-rules';
import { reject, type Rejection } from './rejection';

/**
 * The Kafka key keeps one customer's facts in one partition, in order (ARCHITECTURE.md). A body
 * that names another customer than its key would land in the wrong partition and race that
 * customer's other facts, so the two must agree; a body may leave its customer id out and
 * rely on the key. An empty key counts as no key.
 *
 * Returns the subject id (customer, or employer for a payroll batch) or why there is none.
 */
export const subjectOf = (
  field: 'customerId' | 'employerId',
  fromBody: string | undefined,
  key: Buffer | null,
): string | Rejection => {
  const hasKey = key !== null && key.length > 0;
  if (fromBody !== undefined) {
    return !hasKey || key.equals(Buffer.from(fromBody, 'utf8'))
      ? fromBody
      : reject(
          'key-mismatch',
          `the message key ${printable(key)} is not the body's ${field} ${fromBody}`,
          field,
        );
  }
  if (!hasKey)
    return reject(
      'missing-customer',
      'neither the message key nor the body names a customer',
      field,
    );
  if (!isUtf8(key)) return reject('schema-violation', 'the message key is not UTF-8 text', 'key');
  const text = key.toString('utf8');
  return maxLength(text, MAX_ID_LENGTH)
    ? text
    : reject(
        'string-too-long',
        `a customer id in the key has at most ${MAX_ID_LENGTH} characters`,
        'key',
      );
};

const printable = (key: Buffer): string =>
  JSON.stringify(key.toString('utf8').slice(0, MAX_ID_LENGTH + 1));
