import type { HeldProduct } from '../ledger/customer-ledger';

/** What a customer does: routine money, products, the relationship, life events, journey steps. */
export type ActKind =
  | 'salary'
  | 'tide'
  | 'flush'
  | 'spend'
  | 'online'
  | 'cash'
  | 'gift'
  | 'income'
  | 'settle'
  | 'sweep'
  | 'interest'
  | 'mature'
  | 'roll-over'
  | 'buy'
  | 'redeem-fund'
  | 'complaint'
  | 'survey'
  | 'contact'
  | 'birthday'
  | 'reassign'
  | 'profile'
  | 'house'
  | 'mortgage'
  | 'trip-out'
  | 'trip-back'
  | 'large-purchase'
  | 'campaign-in'
  | 'campaign-out'
  | 'rates-enquiry'
  | 'detractor-survey'
  | 'complaint-contact'
  | 'maturity-reminder'
  | 'drain'
  | 'redeem-all'
  | 'exit'
  | 'close-savings';

/**
 * One planned act of a customer's month. `aumDelta` is what the act will do to AUM, known when
 * planned, so that the month's settling transfer can bring AUM to its target. A settle carries
 * its target in `amount` and the planned AUM change of the acts after it in `extra`; a drain its
 * share of AUM in `extra`.
 */
export interface Act {
  day: number;
  second: number;
  kind: ActKind;
  amount: number;
  aumDelta: number;
  extra: number;
  holding: HeldProduct | null;
  ref: string | null;
}

/**
 * A customer's acts for the month being written. One list serves every customer in turn and
 * reuses its act objects: a branch month plans millions of acts, and none outlives its customer.
 */
export class ActList {
  private readonly items: Act[] = [];
  length = 0;

  clear(): void {
    this.length = 0;
  }

  at(i: number): Act {
    return this.items[i] as Act;
  }

  add(
    day: number,
    second: number,
    kind: ActKind,
    amount = 0,
    aumDelta = 0,
    holding: HeldProduct | null = null,
    ref: string | null = null,
    extra = 0,
  ): void {
    const a = this.items[this.length];
    if (a === undefined) {
      this.items.push({ day, second, kind, amount, aumDelta, extra, holding, ref });
    } else {
      a.day = day;
      a.second = second;
      a.kind = kind;
      a.amount = amount;
      a.aumDelta = aumDelta;
      a.extra = extra;
      a.holding = holding;
      a.ref = ref;
    }
    this.length += 1;
  }

  /** By day and second, keeping the planned order of ties (insertion sort: months are short). */
  sort(): void {
    const items = this.items;
    for (let i = 1; i < this.length; i++) {
      const current = items[i] as Act;
      let j = i - 1;
      while (j >= 0) {
        const previous = items[j] as Act;
        if (
          previous.day < current.day ||
          (previous.day === current.day && previous.second <= current.second)
        )
          break;
        items[j + 1] = previous;
        j--;
      }
      items[j + 1] = current;
    }
  }
}
