/**
 * Why a message was refused. These codes go into the dead-letter record and onto dashboards,
 * so they are stable: add codes, never rename one (STYLE.md: errors with stable codes).
 * CONTRACTS.md documents each.
 */
export const REJECTION_REASONS = [
  'unknown-topic',
  'empty',
  'oversized',
  'malformed-json',
  'unknown-field',
  'schema-violation',
  'non-integer-amount',
  'negative-amount',
  'unknown-currency',
  'unknown-enum-value',
  'string-too-long',
  'missing-customer',
  'key-mismatch',
  'clock-skew',
  'duplicate-credit',
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface Rejection {
  readonly kind: 'rejected';
  readonly reason: RejectionReason;
  /** Path of the offending field, e.g. `credits[3].amountMinor`; absent for whole-message faults. */
  readonly field?: string;
  /** For a person reading the dead-letter queue; not a stable contract. */
  readonly detail: string;
}

export const reject = (reason: RejectionReason, detail: string, field?: string): Rejection =>
  field === undefined
    ? { kind: 'rejected', reason, detail }
    : { kind: 'rejected', reason, field, detail };
