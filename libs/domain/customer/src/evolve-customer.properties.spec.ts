import fc from 'fast-check';
import { fold } from '@churn/domain-kernel';
import {
  COMPLAINT_CATEGORIES,
  PRODUCT_KINDS,
  TRANSACTION_CATEGORIES,
  TRANSACTION_CHANNELS,
  type BankFact,
} from '@churn/domain-facts';
import { evolveCustomer } from './evolve-customer';
import { cloneCustomer, initialCustomer, type CustomerState } from './customer-state';
import { tierOf } from './tier';
import { fact } from './testing';

const C = 'c1';
const account = fc.constantFrom('a1', 'a2', 'a3');
const holding = fc.constantFrom('h1', 'h2', 'h3');
const currency = fc.constantFrom('CNY', 'CNY', 'CNY', 'USD');
const amount = fc.integer({ min: 1, max: 100_000_000_000 });
const occurredAt = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    hour: fc.integer({ min: 0, max: 23 }),
    zone: fc.constantFrom('+08:00', 'Z', '-05:30'),
  })
  .map(
    ({ day, month, hour, zone }) =>
      `2023-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:15:00${zone}`,
  );
const maturesOn = fc.constantFrom('2023-12-31', '2024-06-30', null);

const anyFact: fc.Arbitrary<BankFact> = fc.oneof(
  fc
    .record({
      accountId: account,
      amountMinor: amount,
      currency,
      occurredAt,
      direction: fc.constantFrom('credit', 'debit') as fc.Arbitrary<'credit' | 'debit'>,
      channel: fc.constantFrom(...TRANSACTION_CHANNELS),
      category: fc.constantFrom(...TRANSACTION_CATEGORIES),
      otherBank: fc.boolean(),
    })
    .map((d) =>
      fact('TransactionPosted', {
        customerId: C,
        transactionId: 't',
        counterpartyBank: null,
        ...d,
      }),
    ),
  fc
    .record({
      accountId: account,
      amountMinor: amount,
      occurredAt,
      employerId: fc.constantFrom('e1', 'e2'),
    })
    .map((d) =>
      fact('PayrollCredited', {
        customerId: C,
        batchId: 'b',
        payPeriod: '2023-06',
        currency: 'CNY',
        ...d,
      }),
    ),
  fc
    .record({
      accountId: account,
      occurredAt,
      kind: fc.constantFrom('current', 'savings', 'card') as fc.Arbitrary<
        'current' | 'savings' | 'card'
      >,
    })
    .map((d) => fact('AccountOpened', { customerId: C, currency: 'CNY', ...d })),
  fc
    .record({ accountId: account, occurredAt })
    .map((d) => fact('AccountClosed', { customerId: C, ...d })),
  fc
    .record({
      holdingId: holding,
      fundedFromAccountId: account,
      principalMinor: amount,
      currency,
      maturesOn,
      occurredAt,
      productKind: fc.constantFrom(...PRODUCT_KINDS),
    })
    .map((d) => fact('ProductPurchased', { customerId: C, productId: 'p', ...d })),
  fc
    .record({ holdingId: holding, creditedToAccountId: account, proceedsMinor: amount, occurredAt })
    .chain((d) =>
      fc.constantFrom(
        fact('ProductMatured', { customerId: C, ...d }),
        fact('ProductRedeemed', { customerId: C, ...d }),
      ),
    ),
  fc
    .record({ holdingId: holding, principalMinor: amount, maturesOn, occurredAt })
    .map((d) => fact('ProductRolledOver', { customerId: C, ...d })),
  fc
    .record({ score: fc.integer({ min: -1, max: 11 }), occurredAt })
    .map((d) => fact('SurveyAnswered', { customerId: C, surveyId: 's', ...d })),
  fc
    .record({ category: fc.constantFrom(...COMPLAINT_CATEGORIES), occurredAt })
    .map((d) =>
      fact('ComplaintFiled', { customerId: C, complaintId: 'k', severity: 'high', ...d }),
    ),
  occurredAt.map((at) =>
    fact('ContactLogged', {
      customerId: C,
      contactId: 'x',
      staffId: 'rm',
      channel: 'phone',
      initiatedBy: 'bank',
      summary: '',
      occurredAt: at,
    }),
  ),
  occurredAt.map((at) =>
    fact('CustomerOnboarded', {
      customerId: C,
      birthDate: '1980-01-01',
      industryClass: 'prime',
      occupation: 'o',
      branchId: 'b',
      teamId: 't',
      acquisitionChannel: 'payroll',
      occurredAt: at,
    }),
  ),
  occurredAt.map((at) =>
    fact('CustomerProfileChanged', { customerId: C, occupation: 'teacher', occurredAt: at }),
  ),
  occurredAt.map((at) =>
    fact('RelationshipManagerAssigned', { customerId: C, rmId: 'rm', teamId: 't', occurredAt: at }),
  ),
);
const history = fc.array(anyFact, { maxLength: 80 });
const foldFresh = (facts: readonly BankFact[]): CustomerState =>
  fold(evolveCustomer, initialCustomer(), facts);

/** Every number anywhere in the state, with the path that leads to it. */
const numbersIn = (value: unknown, path = 'state'): [string, number][] => {
  if (typeof value === 'number') return [[path, value]];
  if (value instanceof Map)
    return [...value].flatMap(([k, v]) => numbersIn(v, `${path}.${String(k)}`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  return [];
};

describe('the customer fold, over any history', () => {
  it('is deterministic: the same history folded twice from fresh states gives equal states', () =>
    fc.assert(fc.property(history, (facts) => expect(foldFresh(facts)).toEqual(foldFresh(facts)))));

  it('leaves an earlier snapshot untouched when folding on from a clone', () =>
    fc.assert(
      fc.property(history, history, (before, after) => {
        const snapshot = cloneCustomer(foldFresh(before));
        fold(evolveCustomer, cloneCustomer(snapshot), after);
        expect(snapshot).toEqual(foldFresh(before));
      }),
      { numRuns: 50 },
    ));

  it('keeps the tier in step with AUM, and AUM equal to positive CNY balances plus held CNY principal', () =>
    fc.assert(
      fc.property(history, (facts) => {
        const state = foldFresh(facts);
        let aum = 0;
        for (const a of state.accounts.values()) aum += Math.max(0, a.balanceMinor);
        for (const h of state.holdings.values())
          if (h.status === 'held' && h.currency === 'CNY') aum += h.principalMinor;
        expect(state.aumMinor).toBe(aum);
        expect(state.tier).toBe(tierOf(state.aumMinor));
      }),
    ));

  it('holds only safe integers: money, days and counts alike, never a float', () =>
    fc.assert(
      fc.property(history, (facts) => {
        const unsafe = numbersIn(foldFresh(facts)).filter(([, n]) => !Number.isSafeInteger(n));
        expect(unsafe).toEqual([]);
      }),
    ));
});
