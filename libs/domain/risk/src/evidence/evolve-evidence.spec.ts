import { fold } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import { evolveCustomer, initialCustomer } from '@churn/domain-customer';
import { at, generateCustomerHistory, posted } from '@churn/domain-customer/testing';
import { CustomerStory, day } from '../testing/customer-story';
import { evolveEvidence } from './evolve-evidence';
import {
  ACTIVITY_DAYS_KEPT,
  COMPLAINTS_KEPT,
  initialEvidence,
  LEAVING_INTENTS_KEPT,
  OUTFLOW_DAYS_KEPT,
  OUTFLOWS_KEPT,
  PAYROLL_CREDITS_KEPT_FOR_RISK,
  PRODUCT_EVENTS_KEPT,
  SURVEYS_KEPT,
} from './risk-evidence';

const withIds = (facts: readonly BankFact[]) => facts.map((f, i) => [`e${i + 1}`, f] as const);

describe('the evidence of one customer', () => {
  const story = new CustomerStory().onboard('2024-01-01');
  story.deposit('2024-01-02', 500_000);
  story.salary('2024-01-10', 20_000, 'E-A', 'pay');
  story.toOtherBank('2024-01-12', 5_000, 'out');
  story.buy('2024-01-15', 'td-1', 100_000, '2024-07-15');
  story.mature('2024-07-15', 'td-1', 101_000);
  story.rollOver('2024-07-15', 'td-2', 50_000, '2025-01-15');
  story.complain('2024-07-16', 'high');
  story.answerSurvey('2024-07-17', 4);
  const { evidence } = story.fold();

  it('keeps every fact a signal cites with its event id and bank day', () => {
    expect(evidence.payrollCredits).toEqual([
      { eventId: 'pay', day: day('2024-01-10'), employerId: 'E-A', amountMinor: 2_000_000 },
    ]);
    expect(evidence.outflows).toEqual([
      { eventId: 'out', day: day('2024-01-12'), amountMinor: 500_000, counterpartyBank: 'CMB' },
    ]);
    expect(evidence.productEnds).toEqual([
      {
        eventId: 'c1-4',
        holdingId: 'td-1',
        day: day('2024-07-15'),
        proceedsMinor: 10_100_000,
        how: 'matured',
      },
    ]);
    // The purchase of 15 January is 182 days old by July: beyond the 180 days kept.
    expect(evidence.reinvestments.map((r) => [r.eventId, r.how])).toEqual([
      ['c1-5', 'rolled-over'],
    ]);
    expect(evidence.complaints).toEqual([
      { eventId: 'c1-6', day: day('2024-07-16'), severity: 'high' },
    ]);
    expect(evidence.surveys).toEqual([{ eventId: 'c1-7', day: day('2024-07-17'), score: 4 }]);
  });

  it('counts customer-initiated activity as the customer fold does (the transfer and the purchase, not the salary)', () => {
    expect(evidence.activity).toEqual({
      firstDay: day('2024-01-12'),
      activeDays: 2,
      recentDays: [day('2024-01-12'), day('2024-01-15')],
      lastEventId: 'c1-3',
      lastDay: day('2024-01-15'),
    });
  });
});

describe('what the evidence leaves out', () => {
  it.each([
    ['a debit within the bank', { otherBank: false }],
    ['a credit from another bank', { otherBank: true, direction: 'credit' as const }],
    ['a debit in dollars', { otherBank: true, currency: 'USD' }],
  ])('%s is no outflow', (_situation, details) => {
    const f = posted('c1', 'a1', -1_000, at('2024-01-02'), { channel: 'batch', ...details });
    expect(evolveEvidence(initialEvidence(), 'e1', f).outflows).toEqual([]);
  });

  it('books a late fact on the latest day seen, as the customer fold does', () => {
    const late = [
      posted('c1', 'a1', -100, at('2024-03-01'), { channel: 'pos' }),
      posted('c1', 'a1', -100, at('2024-02-01'), { channel: 'pos', otherBank: true }),
    ];
    const evidence = fold(
      (s, [id, f]) => evolveEvidence(s, id, f),
      initialEvidence(),
      withIds(late),
    );
    expect(evidence.outflows[0]?.day).toBe(day('2024-03-01'));
    expect(evidence.activity.activeDays).toBe(1);
  });

  it('drops the oldest outflows beyond the bound and says from when the record is complete', () => {
    const many = Array.from({ length: OUTFLOWS_KEPT + 3 }, (_, i) =>
      posted('c1', 'a1', -100, at(i < 3 ? '2024-01-01' : '2024-01-02'), {
        channel: 'batch',
        otherBank: true,
      }),
    );
    const evidence = fold(
      (s, [id, f]) => evolveEvidence(s, id, f),
      initialEvidence(),
      withIds(many),
    );
    expect(evidence.outflows).toHaveLength(OUTFLOWS_KEPT);
    expect(evidence.outflowsCompleteFrom).toBe(day('2024-01-02'));
  });
});

describe('a ten-year salaried history (generated)', () => {
  const history = withIds(generateCustomerHistory({ customerId: 'c1', seed: 7, years: 10 }));
  const evidence = fold((s, [id, f]) => evolveEvidence(s, id, f), initialEvidence(), history);
  const customer = fold(
    evolveCustomer,
    initialCustomer(),
    history.map(([, f]) => f),
  );

  it('stays within its bounds', () => {
    const last = evidence.lastDay ?? 0;
    expect(evidence.payrollCredits.length).toBeLessThanOrEqual(PAYROLL_CREDITS_KEPT_FOR_RISK);
    expect(evidence.outflows.every((o) => o.day > last - OUTFLOW_DAYS_KEPT)).toBe(true);
    expect(evidence.productEnds.length + evidence.reinvestments.length).toBeLessThanOrEqual(
      2 * PRODUCT_EVENTS_KEPT,
    );
    expect(evidence.complaints.length).toBeLessThanOrEqual(COMPLAINTS_KEPT);
    expect(evidence.surveys.length).toBeLessThanOrEqual(SURVEYS_KEPT);
    expect(evidence.activity.recentDays.length).toBeLessThanOrEqual(ACTIVITY_DAYS_KEPT);
    expect(JSON.stringify(evidence).length).toBeLessThan(20_000);
  });

  it('agrees with the customer fold on days and on activity', () => {
    expect(evidence.lastDay).toBe(customer.lastDay);
    expect(evidence.activity.firstDay).toBe(customer.activity.firstDay);
    expect(evidence.activity.activeDays).toBe(customer.activity.repeatDays + 1);
  });
});

describe('contacts: only a note that states an intent to leave is kept', () => {
  it('given a routine contact and a rates enquiry naming another bank, when folded, then only the enquiry is evidence', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.contact('2024-03-01', '咨询大额存单');
    const id = story.contact('2024-03-05', '客户询问大额存单利率，表示他行利率更高，考虑转出。');
    const said = story.contact('2024-03-09', '产品到期提醒，客户表示暂不续存。', 'bank');
    expect(story.fold().evidence.leavingIntents).toEqual([
      { eventId: id, day: day('2024-03-05'), intent: 'elsewhere' },
      { eventId: said, day: day('2024-03-09'), intent: 'not-renewing' },
    ]);
  });

  it('given more intents than are kept, when folded, then the oldest go first', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    for (let i = 1; i <= LEAVING_INTENTS_KEPT + 2; i++)
      story.contact(`2024-02-${String(i).padStart(2, '0')}`, '表示考虑更换银行');
    const { leavingIntents } = story.fold().evidence;
    expect(leavingIntents).toHaveLength(LEAVING_INTENTS_KEPT);
    expect(leavingIntents[0]?.day).toBe(day('2024-02-03'));
  });
});
