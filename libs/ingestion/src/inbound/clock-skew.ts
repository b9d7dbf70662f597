import { reject, type Rejection } from './rejection';

/**
 * A fact dated beyond the tolerated skew ahead of the consumer's clock is a producer's clock
 * fault, not a fact: business time drives every window (ARCHITECTURE.md principle 4), and a
 * fact from next week would open windows that have not begun. Late facts are fine.
 */
export const clockSkewRejection = (
  occurredAt: string,
  now: Date,
  maxSkewMs: number,
): Rejection | undefined => {
  const aheadMs = Date.parse(occurredAt) - now.getTime();
  return aheadMs > maxSkewMs
    ? reject(
        'clock-skew',
        `occurredAt ${occurredAt} is ${Math.round(aheadMs / 1000)} s ahead of ${now.toISOString()} (tolerated: ${maxSkewMs / 1000} s)`,
        'occurredAt',
      )
    : undefined;
};
