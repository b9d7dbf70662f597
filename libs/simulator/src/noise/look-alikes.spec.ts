import type { BankFact, FactOf } from '@churn/domain-facts';
import { bankDay, dayOfBankDate } from '@churn/domain-kernel';
import { simulateBranch } from '../branch/simulate-branch';
import { factsByCustomer } from '../testing/customer-folds';

const simulation = simulateBranch({ seed: 5, customers: 3_000, years: 2 });
const byCustomer = factsByCustomer(simulation.facts);
const postings = (customerId: string) =>
  (byCustomer.get(customerId) ?? []).filter(
    (f): f is FactOf<'TransactionPosted'> => f.type === 'TransactionPosted',
  );
const day = (fact: BankFact) => bankDay(fact.data.occurredAt);
const lost = new Set(simulation.labels.map((l) => l.customerId));

describe('a house purchase', () => {
  const houses = simulation.lookAlikes.filter((l) => l.kind === 'house-purchase');

  it('is one large payment to another bank, and the customer carries on banking here', () => {
    expect(houses.length).toBeGreaterThan(0);
    for (const house of houses) {
      const on = dayOfBankDate(house.on);
      const payment = postings(house.customerId).filter(
        (f) =>
          day(f) === on &&
          f.data.direction === 'debit' &&
          f.data.category === 'payment' &&
          f.data.otherBank,
      );
      expect(payment.map((f) => f.data.amountMinor)).toEqual([house.amountMinor]);
      const after = (byCustomer.get(house.customerId) ?? []).filter((f) => day(f) > on);
      const stillActive = after.some(
        (f) =>
          f.type === 'PayrollCredited' ||
          (f.type === 'TransactionPosted' && f.data.channel !== 'system'),
      );
      if (on < dayOfBankDate(simulation.snapshotDate) - 31) expect(stillActive).toBe(true);
      expect(lost.has(house.customerId)).toBe(false);
    }
  });
});

describe("a round trip through the customer's own account at another bank", () => {
  const trips = simulation.lookAlikes.filter((l) => l.kind === 'own-account-round-trip');

  it('sends money out and gets the same amount back from the same bank within days', () => {
    expect(trips.length).toBeGreaterThan(0);
    for (const trip of trips) {
      const all = postings(trip.customerId);
      const back = all.find(
        (f) =>
          day(f) === dayOfBankDate(trip.backOn ?? '') &&
          f.data.direction === 'credit' &&
          f.data.otherBank,
      );
      const out = all.find(
        (f) =>
          day(f) === dayOfBankDate(trip.on) &&
          f.data.direction === 'debit' &&
          f.data.amountMinor === back?.data.amountMinor &&
          f.data.counterpartyBank === back?.data.counterpartyBank,
      );
      expect(out).toBeDefined();
      expect(out?.data.amountMinor).toBeLessThanOrEqual(trip.amountMinor);
      expect(dayOfBankDate(trip.backOn ?? '') - dayOfBankDate(trip.on)).toBeLessThanOrEqual(9);
      expect(lost.has(trip.customerId)).toBe(false);
    }
  });
});
