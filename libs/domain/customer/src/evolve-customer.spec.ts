import { fold, yuan } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import { evolveCustomer } from './evolve-customer';
import { initialCustomer, type CustomerState } from './customer-state';
import { at, fact, onboarded, payrollCredited, posted } from './testing';

const C = 'c1';
const foldFacts = (facts: readonly BankFact[]): CustomerState =>
  fold(evolveCustomer, initialCustomer(), facts);
const opened = (accountId: string, kind: 'current' | 'savings' | 'card', date = '2023-01-02') =>
  fact('AccountOpened', { customerId: C, accountId, kind, currency: 'CNY', occurredAt: at(date) });
const purchased = (holdingId: string, principalMinor: number, date: string) =>
  fact('ProductPurchased', {
    customerId: C,
    holdingId,
    productId: 'td-6m',
    productKind: 'time-deposit',
    fundedFromAccountId: 'sav',
    principalMinor,
    currency: 'CNY',
    maturesOn: '2023-09-01',
    occurredAt: at(date),
  });

describe('a customer with a current account, savings and a credit card', () => {
  const base = [
    onboarded(C, at('2023-01-02')),
    opened('cur', 'current'),
    opened('sav', 'savings'),
    opened('card', 'card'),
  ];

  it('counts positive CNY balances as AUM and ignores card debt', () => {
    const state = foldFacts([
      ...base,
      posted(C, 'cur', yuan(150_000), at('2023-01-03')),
      posted(C, 'sav', yuan(60_000), at('2023-01-03')),
      posted(C, 'card', -yuan(8_000), at('2023-01-04'), { channel: 'pos', category: 'card' }),
    ]);
    expect(state.aumMinor).toBe(yuan(210_000));
    expect(state.tier).toBe('wealth-management');
    expect(state.accounts.get('card')?.balanceMinor).toBe(-yuan(8_000));
  });

  it('keeps foreign currency apart and out of AUM', () => {
    const state = foldFacts([
      ...base,
      posted(C, 'cur', 500_000, at('2023-01-03'), { currency: 'USD' }),
    ]);
    expect(state.aumMinor).toBe(0);
    expect(state.accounts.get('cur')?.foreignBalances?.get('USD')).toBe(500_000);
  });

  it('books a posting to an account it never saw opened on an entry of unknown kind', () => {
    const state = foldFacts([...base, posted(C, 'legacy', -yuan(100), at('2023-01-03'))]);
    expect(state.accounts.get('legacy')).toMatchObject({
      kind: null,
      open: true,
      balanceMinor: -yuan(100),
    });
    expect(state.aumMinor).toBe(0);
  });

  it('books payroll as a credit and learns who pays it', () => {
    const state = foldFacts([
      ...base,
      payrollCredited(C, 'emp-A', yuan(12_000), at('2023-01-10'), 'cur'),
    ]);
    expect(state.aumMinor).toBe(yuan(12_000));
    expect(state.payroll.get('emp-A')?.credits).toHaveLength(1);
    expect(state.lastPayrollDay).toBe(state.lastDay);
  });

  describe('who buys a six-month time deposit from savings', () => {
    const bought = [
      ...base,
      posted(C, 'sav', yuan(300_000), at('2023-02-01')),
      purchased('h1', yuan(250_000), '2023-03-01'),
    ];

    it('moves the principal from savings into the holding, AUM unchanged', () => {
      const state = foldFacts(bought);
      expect(state.aumMinor).toBe(yuan(300_000));
      expect(state.heldProductMinor).toBe(yuan(250_000));
      expect(state.accounts.get('sav')?.balanceMinor).toBe(yuan(50_000));
      expect(state.productKindsEverHeld).toEqual(['time-deposit']);
    });

    it('adds only the yield to AUM at maturity, and ignores a second maturity', () => {
      const matured = fact('ProductMatured', {
        customerId: C,
        holdingId: 'h1',
        proceedsMinor: yuan(253_000),
        creditedToAccountId: 'sav',
        occurredAt: at('2023-09-01'),
      });
      const state = foldFacts([...bought, matured, matured]);
      expect(state.aumMinor).toBe(yuan(303_000));
      expect(state.heldProductMinor).toBe(0);
      expect(state.holdings.get('h1')).toMatchObject({
        status: 'matured',
        proceedsMinor: yuan(253_000),
      });
    });

    it('replaces the principal with the capitalised one on a rollover', () => {
      const rolled = fact('ProductRolledOver', {
        customerId: C,
        holdingId: 'h1',
        principalMinor: yuan(253_000),
        maturesOn: '2024-03-01',
        occurredAt: at('2023-09-01'),
      });
      const state = foldFacts([...bought, rolled]);
      expect(state.aumMinor).toBe(yuan(303_000));
      expect(state.holdings.get('h1')).toMatchObject({
        status: 'held',
        rollovers: 1,
        maturesOn: '2024-03-01',
      });
    });
  });

  it('keeps the latest survey with its NPS class, and ignores a score off the scale', () => {
    const survey = (surveyId: string, score: number, date: string) =>
      fact('SurveyAnswered', { customerId: C, surveyId, score, occurredAt: at(date) });
    const state = foldFacts([
      ...base,
      survey('s1', 9, '2023-02-01'),
      survey('s2', 6, '2023-03-01'),
      survey('s3', 11, '2023-04-01'),
    ]);
    expect(state.latestSurvey).toMatchObject({ surveyId: 's2', score: 6, npsClass: 'detractor' });
  });

  it('counts every complaint but keeps only the latest ten in full', () => {
    const complaints = Array.from({ length: 12 }, (_, i) =>
      fact('ComplaintFiled', {
        customerId: C,
        complaintId: `k${i}`,
        category: 'efficiency',
        severity: 'medium',
        occurredAt: at('2023-02-01'),
      }),
    );
    const state = foldFacts([...base, ...complaints]);
    expect(state.complaints.count).toBe(12);
    expect(state.complaints.recent.map((k) => k.complaintId)).toEqual(
      complaints.slice(2).map((k) => k.data.complaintId),
    );
  });
});

describe('the business time of facts', () => {
  it('books a fact at 17:00 UTC on the next bank day (UTC+8)', () => {
    const state = foldFacts([posted(C, 'cur', 100, '2023-05-31T17:00:00Z')]);
    expect(state.lastDay).toBe(foldFacts([posted(C, 'cur', 100, at('2023-06-01'))]).lastDay);
  });

  it('books a late fact on the latest day already seen, so days never go backwards', () => {
    const state = foldFacts([
      posted(C, 'cur', 100, at('2023-06-05')),
      posted(C, 'cur', 100, at('2023-06-01')),
    ]);
    expect(state.lastDay).toBe(foldFacts([posted(C, 'cur', 100, at('2023-06-05'))]).lastDay);
    expect(state.aumMinor).toBe(200);
  });

  it('ignores a fact whose occurredAt cannot be read', () => {
    const state = foldFacts([posted(C, 'cur', 100, 'yesterday')]);
    expect(state).toEqual(initialCustomer());
  });

  it('counts customer-initiated activity days, not batch or system postings', () => {
    const state = foldFacts([
      posted(C, 'cur', 100, at('2023-06-01'), { channel: 'batch' }),
      posted(C, 'cur', -10, at('2023-06-02'), { channel: 'pos' }),
      posted(C, 'cur', -10, at('2023-06-02', '18:00:00'), { channel: 'atm' }),
      posted(C, 'cur', -10, at('2023-06-09'), { channel: 'online' }),
      posted(C, 'cur', 1, at('2023-06-30'), { channel: 'system', category: 'interest' }),
    ]);
    expect(state.activity).toMatchObject({ count: 3, repeatDays: 1 });
    expect(state.factCount).toBe(5);
  });
});
