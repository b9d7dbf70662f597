import {
  evolveCustomer,
  initialCustomer,
  tierOf,
  TIERS,
  type CustomerState,
  type Tier,
} from '@churn/domain-customer';
import type { BankFact } from '@churn/domain-facts';
import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { monthOfDay, type MonthIndex } from './months';

type Work = { -readonly [K in keyof CustomerState]: CustomerState[K] };
type Accounts = CustomerState['accounts'];
type Holdings = CustomerState['holdings'];

/**
 * What the branch analytics keep of one customer: the money the domain fold values (accounts and
 * products held: AUM is the positive CNY balances plus held CNY principal) and the month-end
 * tiers. Not the customer's whole state: a simulated customer's full state holds ~2.8 KiB
 * (AUM history, payroll cadence, activity, profile), ×213,500 customers (DOMAIN.md §1).
 */
interface CustomerMoney {
  accounts: Accounts | null;
  holdings: Holdings | null;
  aumMinor: MinorUnits;
  heldProductMinor: MinorUnits;
  lastDay: DayNumber | null;
  /** Month of the first fact booked; -1 before any. */
  firstMonth: MonthIndex;
  /** Month of `lastDay`: its tier is the current one until a later month's fact closes it. */
  lastMonth: MonthIndex;
  /** Closed months whose month-end tier differs from the month before: `month × 4 + tier`. */
  changes: number[];
}

const TIER_INDEX: Readonly<Record<Tier, number>> = {
  ordinary: 0,
  'wealth-management': 1,
  fortune: 2,
  'private-banking': 3,
};
const tierIndexOf = (aumMinor: MinorUnits): number => TIER_INDEX[tierOf(aumMinor)];

/** Counts per tier, in `TIERS` order. */
export type TierCounts = [number, number, number, number];

const count = (counts: TierCounts | undefined, tier: number): void => {
  if (counts !== undefined) counts[tier] = (counts[tier] ?? 0) + 1;
};

/**
 * Month-end tiers of every customer (thesis Table 3.1), folded fact by fact with the domain's own
 * customer fold: each fact runs `evolveCustomer` on a work state that carries the customer's
 * accounts and holdings, so AUM, tiers and the day a fact is booked on are the domain's to the
 * fen. What else the fold writes into the work state (AUM history, payroll cadence, activity,
 * complaints) is cleared or left behind: none of it moves AUM.
 */
export class CustomerTiers {
  private readonly customers = new Map<string, CustomerMoney>();
  private readonly work = initialCustomer() as Work;
  private spareAccounts: Accounts = new Map();
  private spareHoldings: Holdings = new Map();
  private cachedDay: DayNumber = Number.NaN;
  private cachedMonth: MonthIndex = -1;
  /** The latest bank day any fact was booked on. */
  latestDay: DayNumber | null = null;

  get size(): number {
    return this.customers.size;
  }

  fold(fact: BankFact): void {
    const id = fact.data.customerId;
    let money = this.customers.get(id);
    if (money === undefined) {
      money = {
        accounts: null,
        holdings: null,
        aumMinor: 0,
        heldProductMinor: 0,
        lastDay: null,
        firstMonth: -1,
        lastMonth: -1,
        changes: [],
      };
      this.customers.set(id, money);
    }
    const tierBefore = tierIndexOf(money.aumMinor);
    this.evolve(money, fact);
    if (money.lastDay === null) return;
    const month = this.monthOf(money.lastDay);
    if (money.firstMonth < 0) money.firstMonth = month;
    else if (month > money.lastMonth) closeMonth(money, tierBefore);
    money.lastMonth = month;
    if (this.latestDay === null || money.lastDay > this.latestDay) this.latestDay = money.lastDay;
  }

  /** The customer's tier at the end of `month`; null before their first fact. */
  tierAt(customerId: string, month: MonthIndex): Tier | null {
    const money = this.customers.get(customerId);
    if (money === undefined || money.firstMonth < 0 || month < money.firstMonth) return null;
    return TIERS[tierIndexAt(money, month)] ?? null;
  }

  /** Month-end tier counts for `from..to` (inclusive), one row per month. */
  countsByMonth(from: MonthIndex, to: MonthIndex): TierCounts[] {
    const rows = Array.from({ length: Math.max(0, to - from + 1) }, (): TierCounts => [0, 0, 0, 0]);
    for (const money of this.customers.values()) {
      if (money.firstMonth < 0 || money.firstMonth > to) continue;
      const current = tierIndexOf(money.aumMinor);
      let change = -1;
      for (let month = Math.max(from, money.firstMonth); month <= to; month++) {
        while (change + 1 < money.changes.length && (money.changes[change + 1] ?? 0) >> 2 <= month)
          change++;
        const tier = month >= money.lastMonth ? current : (money.changes[change] ?? 0) & 3;
        count(rows[month - from], tier);
      }
    }
    return rows;
  }

  /** Customers by tier at the end of `from` (rows) and of `to` (columns); joiners apart. */
  migration(from: MonthIndex, to: MonthIndex): { matrix: TierCounts[]; joined: TierCounts } {
    const matrix = TIERS.map((): TierCounts => [0, 0, 0, 0]);
    const joined: TierCounts = [0, 0, 0, 0];
    for (const money of this.customers.values()) {
      if (money.firstMonth < 0 || money.firstMonth > to) continue;
      const after = tierIndexAt(money, to);
      count(money.firstMonth > from ? joined : matrix[tierIndexAt(money, from)], after);
    }
    return { matrix, joined };
  }

  /** Runs the domain fold on the work state dressed as this customer; adopts what it created. */
  private evolve(money: CustomerMoney, fact: BankFact): void {
    const work = this.work;
    work.accounts = money.accounts ?? this.spareAccounts;
    work.holdings = money.holdings ?? this.spareHoldings;
    work.aumMinor = money.aumMinor;
    work.heldProductMinor = money.heldProductMinor;
    work.tier = tierOf(money.aumMinor);
    work.lastDay = money.lastDay;
    forgetAumHistory(work);
    if (fact.type === 'PayrollCredited') (work.payroll as Map<string, unknown>).clear();
    evolveCustomer(work, fact);
    if (money.accounts === null && work.accounts.size > 0) {
      money.accounts = work.accounts;
      this.spareAccounts = new Map();
    }
    if (money.holdings === null && work.holdings.size > 0) {
      money.holdings = work.holdings;
      this.spareHoldings = new Map();
    }
    money.aumMinor = work.aumMinor;
    money.heldProductMinor = work.heldProductMinor;
    money.lastDay = work.lastDay;
  }

  /** Facts come in day order per customer, and mostly in day order overall: a one-day cache. */
  private monthOf(day: DayNumber): MonthIndex {
    if (day !== this.cachedDay) {
      this.cachedDay = day;
      this.cachedMonth = monthOfDay(day);
    }
    return this.cachedMonth;
  }
}

/** The fold appends a close per change of AUM; analytics only need the tier, so none is kept. */
const forgetAumHistory = (work: Work): void => {
  const history = work.aumHistory as { days: number[]; closes: number[]; knownFrom: number | null };
  if (history.days.length === 0) return;
  history.days.length = 0;
  history.closes.length = 0;
  history.knownFrom = null;
};

/** `lastMonth` ends with `tier`; months without facts after it carry the same tier. */
const closeMonth = (money: CustomerMoney, tier: number): void => {
  const last = money.changes[money.changes.length - 1];
  if (last === undefined || (last & 3) !== tier) money.changes.push(money.lastMonth * 4 + tier);
};

const tierIndexAt = (money: CustomerMoney, month: MonthIndex): number => {
  if (month >= money.lastMonth) return tierIndexOf(money.aumMinor);
  let tier = 0;
  for (const change of money.changes) {
    if (change >> 2 > month) break;
    tier = change & 3;
  }
  return tier;
};
