import type { DayNumber, MinorUnits } from '@churn/domain-kernel';

/**
 * End-of-day AUM, kept as change points: `closes[i]` is the AUM at the close of `days[i]` and of
 * every following day up to `days[i + 1]` (days without a change carry the close forward).
 * A salaried customer changes AUM on most days, a dormant one on none, so this costs a few
 * hundred numbers for an active customer and a handful for the 40% with a zero balance
 * (thesis §3.2.1), where a 400-day Float64Array would cost 3.2 KB × 213,500 customers.
 * Only points needed for the last `AUM_HISTORY_DAYS` days are kept.
 */
export interface AumHistory {
  readonly days: readonly DayNumber[];
  readonly closes: readonly MinorUnits[];
  /** The first day answered exactly; null while nothing was dropped (earlier days closed at 0). */
  readonly knownFrom: DayNumber | null;
}

/** Long enough for the 90- to 365-day windows of the risk signals. */
export const AUM_HISTORY_DAYS = 400;

interface WritableHistory {
  days: DayNumber[];
  closes: MinorUnits[];
  knownFrom: DayNumber | null;
}

/** Records that AUM stands at `aumMinor` after a fact of `day` (days never go backwards). */
export const recordAumClose = (history: AumHistory, day: DayNumber, aumMinor: MinorUnits): void => {
  const h = history as WritableHistory;
  const last = h.days.length - 1;
  if (last >= 0 && h.days[last] === day) {
    h.closes[last] = aumMinor;
    return;
  }
  if (last >= 0 ? h.closes[last] === aumMinor : aumMinor === 0) return;
  h.days.push(day);
  h.closes.push(aumMinor);
  const oldestNeeded = day - AUM_HISTORY_DAYS + 1;
  while (h.days.length > 1 && (h.days[1] ?? day) <= oldestNeeded) {
    h.days.shift();
    h.closes.shift();
    h.knownFrom = h.days[0] ?? null;
  }
};

/** Index of the last change point on or before `day`, or -1. */
const pointAt = (days: readonly DayNumber[], day: DayNumber): number => {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((days[mid] ?? day) <= day) low = mid + 1;
    else high = mid - 1;
  }
  return high;
};

/** AUM at the close of `day`; undefined when the day is older than the history kept. */
export const aumOnDay = (history: AumHistory, day: DayNumber): MinorUnits | undefined => {
  if (history.knownFrom !== null && day < history.knownFrom) return undefined;
  const at = pointAt(history.days, day);
  return at < 0 ? 0 : history.closes[at];
};

/** Day closes for `fromDay..toDay` inclusive; undefined for days older than the history kept. */
export const aumSeriesOf = (
  history: AumHistory,
  fromDay: DayNumber,
  toDay: DayNumber,
): readonly (MinorUnits | undefined)[] => {
  const series: (MinorUnits | undefined)[] = [];
  let at = pointAt(history.days, fromDay);
  for (let day = fromDay; day <= toDay; day++) {
    while ((history.days[at + 1] ?? Infinity) <= day) at++;
    const known = history.knownFrom === null || day >= history.knownFrom;
    series.push(!known ? undefined : at < 0 ? 0 : history.closes[at]);
  }
  return series;
};
