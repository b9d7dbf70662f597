import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { CustomerStory, day, monthDate } from '../testing/customer-story';
import { assessCustomer, endOfBankDay } from './assess-customer';

/** A fortune customer: 1,500,000 yuan and 40,000 yuan salary on the 10th, for a year. */
const fortune = (): CustomerStory => {
  const story = new CustomerStory().onboard('2023-12-01');
  story.deposit('2023-12-01', 1_500_000);
  for (let m = 0; m < 12; m++) {
    story.salary(monthDate('2024-01', m, 10), 40_000, 'E-A', `pay-${m + 1}`);
    story.toOtherBank(monthDate('2024-01', m, 18), 12_000, `tide-${m + 1}`);
  }
  return story;
};

describe('a fortune customer whose salary stopped and whose money left', () => {
  const story = fortune();
  story.toOtherBank('2025-01-03', 1_200_000, 'big-one', 'ICBC');
  story.complain('2025-01-05', 'high');
  const { customer, evidence } = story.fold();
  const assessment = assessCustomer(customer, evidence, day('2025-01-30'), policy);

  it('names every signal that fired, in the fixed order of the codes', () =>
    expect(assessment.signals.map((s) => s.code)).toEqual([
      'payroll-stopped',
      'aum-decline',
      'tier-downgrade',
      'dissatisfaction',
    ]));

  it('saw the large transfer while it was recent', () =>
    expect(
      assessCustomer(customer, evidence, day('2025-01-05'), policy).signals.map((s) => s.code),
    ).toEqual(['large-outbound-transfer', 'dissatisfaction']));

  it('is critical, weighed as the fortune customer they were', () => {
    expect(assessment).toMatchObject({
      customerId: 'c1',
      assessedOn: '2025-01-30',
      score: 100,
      band: 'critical',
      value: { tier: 'fortune', weightBasisPoints: 12_500 },
      policyVersion: '2026-11-1',
    });
  });

  it('records the business time of the end of the assessed day, not a wall clock', () =>
    expect(assessment.occurredAt).toBe('2025-01-30T23:59:59.999+08:00'));
});

describe('a fortune customer paid on time, with the usual tide', () => {
  it('has no signals and a score of 0 on any payday', () => {
    const { customer, evidence } = fortune().fold();
    const assessment = assessCustomer(customer, evidence, day('2024-12-10'), policy);
    expect([assessment.signals, assessment.score, assessment.band]).toEqual([[], 0, 'none']);
  });

  it('takes the instant of the last fact when it fell on the assessed day', () => {
    const { customer, evidence } = fortune().fold();
    expect(assessCustomer(customer, evidence, day('2024-12-18'), policy).occurredAt).toBe(
      '2024-12-18T20:00:00+08:00',
    );
    expect(endOfBankDay(day('2024-12-19'))).toBe('2024-12-19T23:59:59.999+08:00');
  });
});

describe('money already gone (earlyWarning.goneAtOrBelowPeakBasisPoints)', () => {
  const tenth = {
    ...policy,
    thresholds: { ...policy.thresholds, earlyWarning: { goneAtOrBelowPeakBasisPoints: 1_000 } },
  };

  it('given a fortune customer who sent 1,400,000 of 1,500,000 yuan away, when assessed, then the money is gone', () => {
    const story = new CustomerStory().onboard('2023-12-01');
    story.deposit('2023-12-01', 1_500_000);
    story.toOtherBank('2024-06-03', 1_400_000, 'exit', 'ICBC');
    const { customer, evidence } = story.fold();
    expect(assessCustomer(customer, evidence, day('2024-06-03'), tenth).moneyGone).toBe(true);
    expect(assessCustomer(customer, evidence, day('2024-06-03'), policy).moneyGone).toBe(false);
  });

  it('given the same customer who sent 1,200,000 yuan (a fifth left), when assessed, then the money is not gone', () => {
    const story = new CustomerStory().onboard('2023-12-01');
    story.deposit('2023-12-01', 1_500_000);
    story.toOtherBank('2024-06-03', 1_200_000, 'most', 'ICBC');
    const { customer, evidence } = story.fold();
    expect(assessCustomer(customer, evidence, day('2024-06-03'), tenth).moneyGone).toBe(false);
  });
});
