/**
 * Money is integer minor units (fen for CNY), held in a JS number that must stay a safe
 * integer: exact up to 2^53 - 1 fen (about 90 trillion CNY), far above any branch's AUM.
 * Never a float: every boundary that takes an amount checks it with `isMinorUnits`.
 */
export type MinorUnits = number;

export const isMinorUnits = (value: unknown): value is MinorUnits =>
  typeof value === 'number' && Number.isSafeInteger(value);

/** Whole currency units to minor units (100 fen = 1 yuan), exact for integer input. */
export const yuan = (units: number): MinorUnits => {
  const minor = units * 100;
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an exact amount: ${units}`);
  return minor;
};
