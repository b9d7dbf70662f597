import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import type { AumHistory } from '@churn/domain-customer';

/**
 * AUM over windows of bank days, read straight from the change points of `AumHistory`
 * (`closes[i]` holds from `days[i]` until the next change point): one binary search and a walk
 * over the points inside the window, not one lookup per day. The risk engine asks this for
 * every assessed customer, so it allocates nothing.
 */
const lastPointOnOrBefore = (days: readonly DayNumber[], day: DayNumber): number => {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((days[mid] ?? day) <= day) low = mid + 1;
    else high = mid - 1;
  }
  return high;
};

const known = (history: AumHistory, fromDay: DayNumber): boolean =>
  history.knownFrom === null || fromDay >= history.knownFrom;

/** Sum of day closes over `fromDay..toDay` inclusive; undefined when older than the history kept. */
export const aumSum = (
  history: AumHistory,
  fromDay: DayNumber,
  toDay: DayNumber,
): MinorUnits | undefined => {
  if (!known(history, fromDay) || toDay < fromDay) return undefined;
  const { days, closes } = history;
  let at = lastPointOnOrBefore(days, fromDay);
  let close = at < 0 ? 0 : (closes[at] ?? 0);
  let from = fromDay;
  let sum = 0;
  for (let next = days[at + 1]; next !== undefined && next <= toDay; next = days[at + 1]) {
    sum += close * (next - from);
    at += 1;
    close = closes[at] ?? 0;
    from = next;
  }
  return sum + close * (toDay - from + 1);
};

/** Mean day close over the `lengthDays` days ending on `lastDay`, floored to a fen. */
export const aumMean = (
  history: AumHistory,
  lastDay: DayNumber,
  lengthDays: number,
): MinorUnits | undefined => {
  const sum = aumSum(history, lastDay - lengthDays + 1, lastDay);
  return sum === undefined ? undefined : Math.floor(sum / lengthDays);
};

/** Highest day close over `fromDay..toDay`, counting only days the history still answers. */
export const aumPeak = (history: AumHistory, fromDay: DayNumber, toDay: DayNumber): MinorUnits => {
  const start = history.knownFrom === null ? fromDay : Math.max(fromDay, history.knownFrom);
  const { days, closes } = history;
  let at = lastPointOnOrBefore(days, start);
  let peak = at < 0 ? 0 : (closes[at] ?? 0);
  for (at += 1; at < days.length && (days[at] ?? toDay + 1) <= toDay; at++)
    peak = Math.max(peak, closes[at] ?? 0);
  return peak;
};
