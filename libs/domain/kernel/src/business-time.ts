/**
 * Business time. Events carry ISO-8601 instants; the bank's calendar day is the day in
 * its own time zone (Asia/Shanghai, UTC+8, no daylight saving), so day numbers are computed
 * with a fixed offset instead of the process's local zone.
 */
const MS_PER_DAY = 86_400_000;
const BANK_UTC_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 in the bank's time zone. */
export type DayNumber = number;

export const instantMs = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return ms;
};

export const bankDay = (iso: string): DayNumber =>
  Math.floor((instantMs(iso) + BANK_UTC_OFFSET_MS) / MS_PER_DAY);

export const bankDayOfMs = (ms: number): DayNumber =>
  Math.floor((ms + BANK_UTC_OFFSET_MS) / MS_PER_DAY);

/** The bank-calendar date `YYYY-MM-DD` of a day number. */
export const bankDate = (day: DayNumber): string =>
  new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Day number of a bank-calendar date `YYYY-MM-DD`. */
export const dayOfBankDate = (date: string): DayNumber =>
  instantMs(`${date}T00:00:00Z`) / MS_PER_DAY;
