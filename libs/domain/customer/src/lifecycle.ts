import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { aumOnDay } from './aum-history';
import type { CustomerState } from './customer-state';
import { holdsProducts } from './customer-queries';

/** DOMAIN.md §7: acquisition → maintenance (growth, maturity) → decline → exit. */
export const LIFECYCLE_STAGES = ['acquisition', 'growth', 'maturity', 'decline', 'exit'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The first half-year of a relationship is acquisition, whatever the balance does. */
export const ACQUISITION_DAYS = 180;
/** No customer-initiated activity for half a year is dormancy (DOMAIN.md §4). */
export const DORMANT_AFTER_DAYS = 180;
/** The AUM trend compares the latest month with the month that ended 90 days earlier. */
export const TREND_LAG_DAYS = 90;
/**
 * Months, not days, are compared: salary swings a day's balance every month (the tide, DOMAIN.md
 * §9), and the 30-day average of closes is flat across pay cycles.
 */
export const TREND_WINDOW_DAYS = 30;
export const GROWTH_FROM_PERCENT = 10;
export const DECLINE_FROM_PERCENT = 30;

/** Sum of closes over the window ending on `lastDay`; undefined when older than the history kept. */
const windowSum = (state: CustomerState, lastDay: DayNumber): MinorUnits | undefined => {
  let sum = 0;
  for (let day = lastDay - TREND_WINDOW_DAYS + 1; day <= lastDay; day++) {
    const close = aumOnDay(state.aumHistory, day);
    if (close === undefined) return undefined;
    sum += close;
  }
  return sum;
};

/** The 90-day trend as 'up' (≥ +10%), 'down' (≥ −30%) or 'flat'; integers only. */
export const aumTrend = (state: CustomerState, asOfDay: DayNumber): 'up' | 'flat' | 'down' => {
  const now = windowSum(state, asOfDay);
  const before = windowSum(state, asOfDay - TREND_LAG_DAYS);
  if (now === undefined || before === undefined) return 'flat';
  if (now * 100 <= before * (100 - DECLINE_FROM_PERCENT) && before > 0) return 'down';
  if (now * 100 >= before * (100 + GROWTH_FROM_PERCENT) && now > 0) return 'up';
  return 'flat';
};

const hasExited = (state: CustomerState): boolean => {
  if (state.accounts.size === 0 || state.aumMinor !== 0 || holdsProducts(state)) return false;
  for (const account of state.accounts.values()) if (account.open) return false;
  return true;
};

const isDormant = (state: CustomerState, asOfDay: DayNumber): boolean => {
  const since = state.activity.lastDay ?? state.profile?.onboardedDay ?? asOfDay;
  return asOfDay - since >= DORMANT_AFTER_DAYS;
};

/**
 * The lifecycle stage on `asOfDay` (on or after the last fact folded), first rule that holds:
 * every account closed with nothing left is exit; the first 180 days are acquisition; dormancy
 * or a 30% fall is decline; a 10% rise is growth; anything else is maturity.
 */
export const lifecycleStageOf = (state: CustomerState, asOfDay: DayNumber): LifecycleStage => {
  if (hasExited(state)) return 'exit';
  const onboarded = state.profile?.onboardedDay;
  if (onboarded !== undefined && asOfDay - onboarded < ACQUISITION_DAYS) return 'acquisition';
  const trend = aumTrend(state, asOfDay);
  if (isDormant(state, asOfDay) || trend === 'down') return 'decline';
  return trend === 'up' ? 'growth' : 'maturity';
};
