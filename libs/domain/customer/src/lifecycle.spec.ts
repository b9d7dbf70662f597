import { dayOfBankDate, fold, yuan } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import { evolveCustomer } from './evolve-customer';
import { initialCustomer } from './customer-state';
import { lifecycleStageOf } from './lifecycle';
import { at, fact, onboarded, payrollCredited, posted } from './testing';

const C = 'c1';
const asOf = dayOfBankDate('2023-06-30');
const stageAfter = (facts: readonly BankFact[]) =>
  lifecycleStageOf(fold(evolveCustomer, initialCustomer(), facts), asOf);
const since2022 = [
  onboarded(C, at('2022-01-03')),
  fact('AccountOpened', {
    customerId: C,
    accountId: 'cur',
    kind: 'current',
    currency: 'CNY',
    occurredAt: at('2022-01-03'),
  }),
  posted(C, 'cur', yuan(100_000), at('2022-01-03'), { channel: 'counter' }),
];
const monthly = (from: number, months: number, build: (date: string) => BankFact[]): BankFact[] =>
  Array.from({ length: months }, (_, i) => {
    const month = from + i;
    return build(
      `${2022 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`,
    );
  }).flat();

describe('the lifecycle stage on 2023-06-30', () => {
  it('is acquisition for a customer onboarded 100 days ago, whatever the balance does', () =>
    expect(stageAfter([onboarded(C, at('2023-03-22'))])).toBe('acquisition'));

  it('is maturity for a salaried customer whose money ebbs and flows with the tide', () => {
    const tide = monthly(1, 18, (m) => [
      payrollCredited(C, 'emp-A', yuan(20_000), at(`${m}-10`), 'cur'),
      posted(C, 'cur', -yuan(19_000), at(`${m}-22`), { otherBank: true }),
    ]);
    expect(stageAfter([...since2022, ...tide])).toBe('maturity');
  });

  it('is growth when the last month averages 10% above the month ending 90 days earlier', () =>
    expect(stageAfter([...since2022, posted(C, 'cur', yuan(15_000), at('2023-05-20'))])).toBe(
      'growth',
    ));

  it('is decline when assets fell by 30% or more', () =>
    expect(
      stageAfter([
        ...since2022,
        posted(C, 'cur', -yuan(35_000), at('2023-04-20'), { otherBank: true }),
      ]),
    ).toBe('decline'));

  it('is decline for a customer who has not acted for half a year, though the balance is intact', () => {
    const interestOnly = monthly(1, 18, (m) => [
      posted(C, 'cur', 100, at(`${m}-21`), { channel: 'system', category: 'interest' }),
    ]);
    expect(stageAfter([...since2022, ...interestOnly])).toBe('decline');
  });

  it('is exit once every account is closed and nothing is left', () =>
    expect(
      stageAfter([
        ...since2022,
        posted(C, 'cur', -yuan(100_000), at('2023-06-01'), { otherBank: true }),
        fact('AccountClosed', { customerId: C, accountId: 'cur', occurredAt: at('2023-06-01') }),
      ]),
    ).toBe('exit'));
});
