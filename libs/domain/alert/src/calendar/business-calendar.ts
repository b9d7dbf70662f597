import type { CalendarPolicy } from '../policy/alerting-policy';

/**
 * Business time for SLA clocks (issue 5 §2): only working hours of working days count. A working
 * day is Monday–Friday unless it is a public holiday, or a weekend day the State Council has made
 * a working day (调休 make-up day). Days are the bank's local days at `utcOffsetMinutes` (a fixed
 * offset: the mainland has no daylight saving), so the process's own time zone never matters.
 *
 * Every instant is handled in milliseconds, so a clock started at 09:00:30 ends at hh:mm:30.
 * `addBusinessMinutes` returns the *earliest* instant that has the minutes behind it: 480 minutes
 * from 09:00 on a 09:00–17:00 day is 17:00 that day, not 09:00 the next. That makes
 * add(add(t, a), b) = add(t, a + b) and businessMinutesBetween(t, add(t, m)) = m.
 */
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
/** Ten years without one working day means the calendar is broken, not that the SLA is long. */
const MAX_DAYS_SCANNED = 3_660;

interface Days {
  readonly holidays: ReadonlySet<string>;
  readonly makeUpWorkdays: ReadonlySet<string>;
}

/** Sets of the calendar's dates, built once per calendar object (policies are frozen). */
const daysOf = new WeakMap<CalendarPolicy, Days>();

const days = (calendar: CalendarPolicy): Days => {
  const known = daysOf.get(calendar);
  if (known) return known;
  const built = {
    holidays: new Set(calendar.holidays),
    makeUpWorkdays: new Set(calendar.makeUpWorkdays),
  };
  daysOf.set(calendar, built);
  return built;
};

const instant = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  return ms;
};

/** Whether local day number `day` (days since 1970-01-01, local) is worked. */
export const isBusinessDay = (day: number, calendar: CalendarPolicy): boolean => {
  const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const { holidays, makeUpWorkdays } = days(calendar);
  if (makeUpWorkdays.has(date)) return true;
  const weekday = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
};

/** The working window of a local day, in local milliseconds, or null on a day off. */
const windowOf = (day: number, calendar: CalendarPolicy): readonly [number, number] | null =>
  isBusinessDay(day, calendar)
    ? [
        day * MS_PER_DAY + calendar.workdayStartMinute * MS_PER_MINUTE,
        day * MS_PER_DAY + calendar.workdayEndMinute * MS_PER_MINUTE,
      ]
    : null;

const offsetMs = (calendar: CalendarPolicy): number => calendar.utcOffsetMinutes * MS_PER_MINUTE;

/** The instant `minutes` business minutes after `startIso` (ISO, UTC `Z`). */
export const addBusinessMinutes = (
  startIso: string,
  minutes: number,
  calendar: CalendarPolicy,
): string => {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`business minutes must be a non-negative number, got ${minutes}`);
  const offset = offsetMs(calendar);
  let cursor = instant(startIso) + offset;
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  if (remaining === 0) return new Date(cursor - offset).toISOString();
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned += 1) {
    const day = Math.floor(cursor / MS_PER_DAY);
    const window = windowOf(day, calendar);
    if (window) {
      const from = Math.max(cursor, window[0]);
      const available = window[1] - from;
      if (available > 0 && remaining <= available)
        return new Date(from + remaining - offset).toISOString();
      if (available > 0) remaining -= available;
    }
    cursor = (day + 1) * MS_PER_DAY;
  }
  throw new RangeError(`no working time within ${MAX_DAYS_SCANNED} days of ${startIso}`);
};

/** Business minutes from `fromIso` to `toIso` (0 if `toIso` is earlier); whole minutes, floored. */
export const businessMinutesBetween = (
  fromIso: string,
  toIso: string,
  calendar: CalendarPolicy,
): number => {
  const offset = offsetMs(calendar);
  const from = instant(fromIso) + offset;
  const to = instant(toIso) + offset;
  let total = 0;
  for (let day = Math.floor(from / MS_PER_DAY); day * MS_PER_DAY < to; day += 1) {
    const window = windowOf(day, calendar);
    if (window) total += Math.max(0, Math.min(to, window[1]) - Math.max(from, window[0]));
  }
  return Math.floor(total / MS_PER_MINUTE);
};
