import { dayOfBankDate, fold, yuan } from '@churn/domain-kernel';
import type { BankFact, ProductKind } from '@churn/domain-facts';
import { customerSegment, productAcceptanceOf } from './customer-queries';
import { evolveCustomer } from './evolve-customer';
import { initialCustomer } from './customer-state';
import { at, fact, onboarded, posted } from './testing';

const C = 'c1';
const buy = (holdingId: string, productKind: ProductKind, principalMinor: number): BankFact =>
  fact('ProductPurchased', {
    customerId: C,
    holdingId,
    productId: 'p',
    productKind,
    fundedFromAccountId: 'sav',
    principalMinor,
    currency: 'CNY',
    maturesOn: null,
    occurredAt: at('2023-03-01'),
  });
const withSavings = (...facts: BankFact[]) =>
  fold(evolveCustomer, initialCustomer(), [
    onboarded(C, at('2023-01-02'), { industryClass: 'prime', birthDate: '1990-07-01' }),
    posted(C, 'sav', yuan(1_000_000), at('2023-02-01')),
    ...facts,
  ]);

describe('product acceptance read from what the customer bought', () => {
  it.each([
    ['a saver who never bought a product', [], 'low'],
    [
      'a saver with 29.9% of AUM in one time deposit',
      [buy('h1', 'time-deposit', yuan(299_000))],
      'low',
    ],
    [
      'a customer with 30% of AUM in one wealth product',
      [buy('h1', 'wealth-product', yuan(300_000))],
      'high',
    ],
    [
      'a customer who bought two kinds, however small',
      [buy('h1', 'fund', yuan(1_000)), buy('h2', 'bond', yuan(1_000))],
      'high',
    ],
  ] as [string, BankFact[], string][])('%s has %s acceptance', (_, facts, acceptance) =>
    expect(productAcceptanceOf(withSavings(...facts))).toBe(acceptance),
  );
});

describe('the segment of a prime customer born on 1990-07-01', () => {
  it('is A with two product kinds, C with none', () => {
    const asOf = dayOfBankDate('2023-06-30');
    expect(customerSegment(withSavings(buy('h1', 'fund', 100), buy('h2', 'bond', 100)), asOf)).toBe(
      'A',
    );
    expect(customerSegment(withSavings(), asOf)).toBe('C');
  });

  it('is unknown before onboarding', () =>
    expect(customerSegment(initialCustomer(), dayOfBankDate('2023-06-30'))).toBeNull());
});
