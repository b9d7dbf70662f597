import { bankDayOfInstant, type BankFact } from '@churn/domain-facts';
import { evolveCustomer, initialCustomer, type CustomerState } from '@churn/domain-customer';
import type { DayNumber } from '@churn/domain-kernel';

/** Each customer's facts, in the order the branch wrote them. */
export const factsByCustomer = (facts: Iterable<BankFact>): Map<string, BankFact[]> => {
  const byCustomer = new Map<string, BankFact[]>();
  for (const fact of facts) {
    const list = byCustomer.get(fact.data.customerId);
    if (list === undefined) byCustomer.set(fact.data.customerId, [fact]);
    else list.push(fact);
  }
  return byCustomer;
};

/** A customer's AUM at the close of every day on which a fact moved it, from the real fold. */
export interface AumCloses {
  readonly days: readonly DayNumber[];
  readonly closes: readonly number[];
  readonly state: CustomerState;
}

export const aumCloses = (facts: readonly BankFact[]): AumCloses => {
  const state = initialCustomer();
  const days: DayNumber[] = [];
  const closes: number[] = [];
  for (const fact of facts) {
    evolveCustomer(state, fact);
    const day = bankDayOfInstant(fact.data.occurredAt) ?? 0;
    if (days[days.length - 1] === day) closes[closes.length - 1] = state.aumMinor;
    else {
      days.push(day);
      closes.push(state.aumMinor);
    }
  }
  return { days, closes, state };
};

/** The AUM at the close of `day` (the last close on or before it; zero before any fact). */
export const aumOn = (closes: AumCloses, day: DayNumber): number => {
  let value = 0;
  for (let i = 0; i < closes.days.length && (closes.days[i] as number) <= day; i++)
    value = closes.closes[i] as number;
  return value;
};
