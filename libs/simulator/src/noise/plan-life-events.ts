import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import type { BranchCalendar } from '../branch/simulation-options';
import type { SnapshotBand } from '../calibration/branch-quotas';
import { CAMPAIGN_APRIL_SHARE, CAMPAIGN_INFLOW_10K } from '../calibration/thesis-figures';
import { dayOfDate, monthIndexOf, weekdayOf } from '../calendar/bank-calendar';
import { OTHER_BANKS } from '../journeys/journey-plan';
import type { Dice } from '../random/dice';
import type { LifeEvent } from './life-event';

/** What event planning needs to know of a customer. */
export interface EventCandidate {
  readonly index: number;
  readonly band: SnapshotBand;
  readonly churner: boolean;
  readonly employee: boolean;
  readonly topTenEmployee: boolean;
  /** Month-end AUM the customer holds in liquid money, roughly, in month `m`. */
  liquidAt(m: number): MinorUnits;
}

const SAVERS: ReadonlySet<SnapshotBand> = new Set([
  '10k-to-50k',
  '50k-to-200k',
  'wealth-management',
  'fortune',
  'private-banking',
]);
const HOUSE_PRICE: Readonly<Partial<Record<SnapshotBand, readonly [number, number]>>> = {
  '50k-to-200k': [10, 40],
  'wealth-management': [20, 100],
  fortune: [50, 300],
  'private-banking': [100, 500],
};
/** A one-off purchase: 3% of savers a year (a car, a renovation, a wedding). */
const LARGE_PURCHASES_PER_YEAR = 0.03;
const TEN_THOUSAND_YUAN = 1_000_000;

/**
 * The branch's life events. Look-alikes go to savers outside the top-ten payrolls (their
 * outflows would move Table 3.4's retention): `lookAlikeRate` of them a year, half house
 * purchases, half round trips. Each spring, campaign money (开门红, Table 3.2: +2,754 in March,
 * in 10k CNY, scaled) arrives from other banks and leaves in April–May. A customer has one event.
 */
export const planLifeEvents = (
  candidates: readonly EventCandidate[],
  calendar: BranchCalendar,
  lookAlikeRate: number,
  scale: number,
  dice: Dice,
): Map<number, LifeEvent> => {
  const events = new Map<number, LifeEvent>();
  const years = calendar.months / 12;
  const free = (c: EventCandidate) => !c.churner && !events.has(c.index);
  const savers = shuffle(
    candidates.filter((c) => SAVERS.has(c.band) && !c.topTenEmployee && free(c)),
    dice,
  );
  const least = candidates.length >= 200 && lookAlikeRate > 0 && calendar.months >= 3 ? 1 : 0;
  const lookAlikes = Math.round(lookAlikeRate * savers.length * years);
  const houses = Math.max(least, Math.ceil(lookAlikes / 2));
  const month = (day: DayNumber) => monthIndexOf(day, calendar.startYear, calendar.startMonth);
  for (const c of savers.filter((s) => HOUSE_PRICE[s.band] !== undefined).slice(0, houses)) {
    const [low, high] = HOUSE_PRICE[c.band] ?? [10, 40];
    const amountMinor = dice.int(low, high) * TEN_THOUSAND_YUAN;
    const day = workday(dice.int(calendar.startDay + 60, calendar.endDay - 15));
    const mortgageMinor = Math.round((amountMinor * 2.33 * 0.0048) / 100) * 100;
    events.set(c.index, {
      kind: 'house-purchase',
      day,
      monthIndex: month(day),
      amountMinor,
      mortgageMinor,
    });
  }
  for (const c of savers.filter(free).slice(0, Math.max(least, lookAlikes - houses))) {
    const m = dice.int(1, Math.max(1, calendar.months - 1));
    const { firstDay, length } = calendar.month(m);
    const day = firstDay + dice.int(0, length - 11);
    const amountMinor = Math.max(
      TEN_THOUSAND_YUAN,
      Math.round((c.liquidAt(m) * dice.between(0.5, 0.9)) / 100_000) * 100_000,
    );
    const backDay = day + dice.int(1, 9);
    events.set(c.index, {
      kind: 'own-account-round-trip',
      day,
      backDay,
      monthIndex: m,
      amountMinor,
      bank: dice.pick(OTHER_BANKS),
    });
  }
  planCampaigns(
    candidates.filter(
      (c) => !c.employee && c.band !== 'zero' && c.band !== 'under-100' && c.band !== '100-to-1k',
    ),
    calendar,
    scale,
    events,
    dice,
  );
  const buyers = shuffle(
    candidates.filter((c) => SAVERS.has(c.band) && free(c)),
    dice,
  );
  for (const c of buyers.slice(0, Math.round(LARGE_PURCHASES_PER_YEAR * buyers.length * years))) {
    const day = dice.int(
      calendar.startDay + 31,
      Math.max(calendar.startDay + 31, calendar.endDay - 40),
    );
    const amountMinor = dice.int(20, 250) * 100_000;
    events.set(c.index, { kind: 'large-purchase', day, monthIndex: month(day), amountMinor });
  }
  return events;
};

/** Campaign money: 30% arrives in February, the rest in March; most of it leaves in April. */
const planCampaigns = (
  candidates: readonly EventCandidate[],
  calendar: BranchCalendar,
  scale: number,
  events: Map<number, LifeEvent>,
  dice: Dice,
): void => {
  const pool = shuffle(
    candidates.filter((c) => !c.churner && !events.has(c.index)),
    dice,
  );
  const meanAmount = 142_800 * 100;
  const perYear = Math.round((CAMPAIGN_INFLOW_10K * TEN_THOUSAND_YUAN * scale) / meanAmount);
  const lastYear = Number(calendar.month(calendar.months - 1).period.slice(0, 4));
  for (let year = calendar.startYear; year <= lastYear; year++) {
    if (
      dayOfDate(`${year}-02-01`) < calendar.startDay + 31 ||
      dayOfDate(`${year}-05-20`) > calendar.endDay
    )
      continue;
    for (const c of pool.splice(0, perYear)) {
      const inDay = dice.chance(0.3)
        ? dayOfDate(`${year}-02-10`) + dice.int(0, 18)
        : dayOfDate(`${year}-03-01`) + dice.int(0, 27);
      const outDay = dice.chance(CAMPAIGN_APRIL_SHARE)
        ? dayOfDate(`${year}-04-01`) + dice.int(0, 24)
        : dayOfDate(`${year}-05-01`) + dice.int(0, 19);
      const month = (day: DayNumber) => monthIndexOf(day, calendar.startYear, calendar.startMonth);
      const amountMinor = Math.round((30_000 * Math.pow(400 / 30, dice.next())) / 10) * 10 * 100;
      events.set(c.index, {
        kind: 'campaign',
        inDay,
        outDay,
        inMonth: month(inDay),
        outMonth: month(outDay),
        amountMinor,
        bank: dice.pick(OTHER_BANKS),
      });
    }
  }
};

/** Moves a Saturday or Sunday to the Friday before: developers' escrow accounts keep office hours. */
const workday = (day: DayNumber): DayNumber => {
  const weekday = weekdayOf(day);
  return weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day;
};

const shuffle = <T>(items: T[], dice: Dice): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = dice.int(0, i);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
};
