import { bankDay, fold, isMinorUnits } from '@churn/domain-kernel';
import { isBankFact } from '@churn/domain-facts';
import { evolveCustomer } from '../evolve-customer';
import { initialCustomer } from '../customer-state';
import { generateCustomerHistory } from './history-generator';

describe('a generated ten-year history of a salaried customer', () => {
  const history = generateCustomerHistory({ customerId: 'c1', seed: 42, years: 10 });

  it('has about 500 facts a year', () => {
    expect(history.length).toBeGreaterThan(4_500);
    expect(history.length).toBeLessThan(6_000);
  });

  it('is the same for the same seed', () =>
    expect(generateCustomerHistory({ customerId: 'c1', seed: 42, years: 10 })).toEqual(history));

  it('holds only catalogue facts, in bank-day order, with positive integer amounts', () => {
    const days = history.map((f) => bankDay(f.data.occurredAt));
    expect(history.every(isBankFact)).toBe(true);
    expect(days.every((d, i) => i === 0 || d >= (days[i - 1] ?? d))).toBe(true);
    const amounts = history.flatMap((f) => ('amountMinor' in f.data ? [f.data.amountMinor] : []));
    expect(amounts.every((a) => isMinorUnits(a) && a > 0)).toBe(true);
  });

  it('pays salary monthly in the first half of the month, an established series', () => {
    const state = fold(evolveCustomer, initialCustomer(), history);
    const cadence = state.payroll.get('employer-1')?.cadence;
    expect(cadence?.established).toBe(true);
    expect(cadence?.typicalDayOfMonth).toBeLessThanOrEqual(15);
    expect(state.productKindsEverHeld.length).toBeGreaterThan(0);
  });
});
