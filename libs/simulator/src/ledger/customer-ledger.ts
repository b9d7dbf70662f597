import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import type { ProductKind } from '@churn/domain-facts';
import type { CustomerPlan } from '../population/customer-plan';
import { Dice } from '../random/dice';
import { OTHER_BANKS } from '../journeys/journey-plan';

/** A product the customer holds, as the simulator keeps it to write its later facts. */
export interface HeldProduct {
  readonly holdingId: string;
  readonly productId: string;
  readonly kind: ProductKind;
  principalMinor: MinorUnits;
  maturesDay: DayNumber | null;
  readonly termMonths: number;
  /** Annual yield as a fraction. */
  readonly rate: number;
  purchasedDay: DayNumber;
  /** The maturity-exit journey's holding: it matures and is never rolled over. */
  readonly journey: boolean;
}

/**
 * One customer's money while the simulation runs: what each account holds, the products held,
 * this month's planned acts, and the customer's own dice. Balances never go below zero: a
 * debit takes what the accounts hold, topping the current account up from savings first.
 */
export class CustomerLedger {
  currentMinor = 0;
  savingsMinor = 0;
  heldMinor = 0;
  readonly holdings: HeldProduct[] = [];
  /** Money parked at the customer's own account elsewhere, on its way back (a round trip). */
  pendingReturnMinor = 0;
  lastComplaintDay: DayNumber | null = null;
  savingsClosed = false;
  /** Set by a churn journey's exit: from then on the customer's routine money stops. */
  exited = false;
  readonly dice: Dice;
  /** The other bank where the customer keeps money: the tide drains there. */
  readonly otherBank: string;
  private sequence = 0;
  private readonly idPrefix: string;
  private readonly transactionPrefix: string;

  constructor(readonly plan: CustomerPlan) {
    this.dice = new Dice(plan.seed);
    this.otherBank = OTHER_BANKS[plan.seed % OTHER_BANKS.length] as string;
    this.idPrefix = `${plan.customerId}-`;
    this.transactionPrefix = `${plan.customerId}-T`;
  }

  get liquidMinor(): MinorUnits {
    return this.currentMinor + this.savingsMinor;
  }

  /** Assets under management as the customer fold counts them: deposits plus held principal. */
  get aumMinor(): MinorUnits {
    return this.currentMinor + this.savingsMinor + this.heldMinor;
  }

  /** The next posting's transaction id: `C000042-T17`. */
  nextTransactionId(): string {
    this.sequence += 1;
    return this.transactionPrefix + this.sequence;
  }

  /** A natural id for the customer's next fact: `C000042-CP17`. */
  nextId(prefix: string): string {
    this.sequence += 1;
    return this.idPrefix + prefix + this.sequence;
  }

  addHolding(holding: HeldProduct): void {
    this.holdings.push(holding);
    this.heldMinor += holding.principalMinor;
  }

  removeHolding(holding: HeldProduct): void {
    const at = this.holdings.indexOf(holding);
    if (at < 0) return;
    this.holdings.splice(at, 1);
    this.heldMinor -= holding.principalMinor;
  }

  changePrincipal(holding: HeldProduct, principalMinor: MinorUnits): void {
    this.heldMinor += principalMinor - holding.principalMinor;
    holding.principalMinor = principalMinor;
  }
}
