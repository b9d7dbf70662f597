import { yuan, type DayNumber, type MinorUnits } from '@churn/domain-kernel';
import {
  civilOfDay,
  dayOfCivil,
  daysInMonth,
  type BankFact,
  type ProductKind,
} from '@churn/domain-facts';
import { fact } from './fact-builders';
import { dateOfDay } from './instants';
import type { Prng } from './prng';

interface HeldProduct {
  principal: MinorUnits;
  readonly kind: ProductKind;
  readonly termMonths: number;
  maturesDay: DayNumber | null;
}

/** Time deposits twice as likely as any other kind: the branch's savers' favourite. */
const PRODUCTS: readonly ProductKind[] = [
  'time-deposit',
  'time-deposit',
  'wealth-product',
  'fund',
  'bond',
  'insurance',
];

const addMonths = (day: DayNumber, months: number): DayNumber => {
  const { year, month, date } = civilOfDay(day);
  const index = year * 12 + month - 1 + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return dayOfCivil(y, m, Math.min(date, daysInMonth(y, m)));
};

/** The products a generated customer holds; each method returns the money it moved to or from savings. */
export class ProductShelf {
  private readonly held = new Map<string, HeldProduct>();

  constructor(
    private readonly rng: Prng,
    private readonly customerId: string,
    private readonly savingsAccountId: string,
    private readonly emit: (fact: BankFact) => void,
  ) {}

  maturingBetween(first: DayNumber, last: DayNumber): string[] {
    return [...this.held]
      .filter(([, h]) => h.maturesDay !== null && h.maturesDay >= first && h.maturesDay <= last)
      .map(([id]) => id);
  }

  maturesDay(holdingId: string): DayNumber {
    return this.held.get(holdingId)?.maturesDay ?? 0;
  }

  /** Buys with 40–80% of savings above 50,000 yuan; returns the principal taken from savings. */
  buy(day: DayNumber, occurredAt: string, holdingId: string, savings: MinorUnits): MinorUnits {
    if (savings < yuan(50_000)) return 0;
    const principal =
      Math.floor((savings * this.rng.int(40, 80)) / 100 / yuan(1_000)) * yuan(1_000);
    const kind = this.rng.pick(PRODUCTS);
    const termMonths = this.rng.pick([3, 6, 12]);
    const maturesDay = kind === 'fund' ? null : addMonths(day, termMonths);
    this.held.set(holdingId, { principal, kind, termMonths, maturesDay });
    this.emit(
      fact('ProductPurchased', {
        customerId: this.customerId,
        holdingId,
        productId: `${kind}-${termMonths}m`,
        productKind: kind,
        fundedFromAccountId: this.savingsAccountId,
        principalMinor: principal,
        currency: 'CNY',
        maturesOn: maturesDay === null ? null : dateOfDay(maturesDay),
        occurredAt,
      }),
    );
    return principal;
  }

  /** Two of three holdings pay out at maturity; the third rolls over (转存) with its interest. */
  mature(day: DayNumber, occurredAt: string, holdingId: string): MinorUnits {
    const holding = this.held.get(holdingId);
    if (holding === undefined) return 0;
    const interest = Math.floor(
      (holding.principal * this.rng.int(15, 40) * holding.termMonths) / 12_000,
    );
    if (this.rng.chance(0.65))
      return this.end('ProductMatured', occurredAt, holdingId, holding.principal + interest);
    holding.principal += interest;
    holding.maturesDay = addMonths(day, holding.termMonths);
    const { customerId } = this;
    const maturesOn = dateOfDay(holding.maturesDay);
    this.emit(
      fact('ProductRolledOver', {
        customerId,
        holdingId,
        principalMinor: holding.principal,
        maturesOn,
        occurredAt,
      }),
    );
    return 0;
  }

  /** Sells a fund, within −10%..+12% of what was paid. */
  redeem(occurredAt: string): MinorUnits {
    const fund = [...this.held].find(([, h]) => h.maturesDay === null);
    if (fund === undefined) return 0;
    return this.end(
      'ProductRedeemed',
      occurredAt,
      fund[0],
      Math.floor((fund[1].principal * this.rng.int(90, 112)) / 100),
    );
  }

  private end(
    type: 'ProductMatured' | 'ProductRedeemed',
    occurredAt: string,
    holdingId: string,
    proceedsMinor: MinorUnits,
  ): MinorUnits {
    this.held.delete(holdingId);
    const data = {
      customerId: this.customerId,
      holdingId,
      proceedsMinor,
      creditedToAccountId: this.savingsAccountId,
      occurredAt,
    };
    this.emit(
      type === 'ProductMatured' ? fact('ProductMatured', data) : fact('ProductRedeemed', data),
    );
    return proceedsMinor;
  }
}
