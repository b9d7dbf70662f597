import type { ReviewSchedule } from '../engine/review-schedule';

/** `min..max` inclusive, integers only, per key of the `reviews:` section. */
const RULES: Readonly<Record<keyof ReviewSchedule, readonly [min: number, max: number]>> = {
  priorityEveryDays: [1, 31],
  priorityFromAumMinor: [0, Number.MAX_SAFE_INTEGER],
  othersEveryDays: [0, 366],
  othersFromAumMinor: [0, Number.MAX_SAFE_INTEGER],
  routineDebitBelowMinor: [0, Number.MAX_SAFE_INTEGER],
  leavingIntentContacts: [0, 1],
};

/** A key that breaks its rule: the key path and what is wrong with it. */
export interface ScheduleFault {
  readonly keyPath: string;
  readonly message: string;
}

const shown = (value: unknown): string =>
  value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value)).slice(0, 40);

/**
 * Checks the `reviews:` section the way `validateRiskPolicy` checks the rest (ARCHITECTURE.md
 * principle 8): every key present, an integer in range, no key it does not know.
 */
export const reviewScheduleOf = (candidate: unknown): ReviewSchedule | ScheduleFault => {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate))
    return { keyPath: 'reviews', message: `reviews must be an object, got ${shown(candidate)}` };
  const section = candidate as Readonly<Record<string, unknown>>;
  for (const [key, [min, max]] of Object.entries(RULES)) {
    const value = section[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      return {
        keyPath: `reviews.${key}`,
        message: `reviews.${key} must be an integer ${min}..${max}, got ${shown(value)}`,
      };
  }
  const unknown = Object.keys(section).find((key) => !(key in RULES));
  if (unknown !== undefined)
    return { keyPath: `reviews.${unknown}`, message: `reviews.${unknown} is not a review key` };
  return { ...(section as unknown as ReviewSchedule) };
};
