import { bankDate } from '@churn/domain-kernel';
import { DEFAULT_RISK_POLICY as policy, type RiskPolicy } from '../policy/risk-policy';
import { CustomerStory, day, eachDay, monthDate } from '../testing/customer-story';
import { payrollStopped } from './payroll-stopped.signal';

/** Salary of 15,000 yuan on the 10th of each month from 2024-01, `months` times. */
const salaried = (months: number, employerId = 'E-A'): CustomerStory => {
  const story = new CustomerStory().onboard('2023-12-01');
  for (let m = 0; m < months; m++)
    story.salary(monthDate('2024-01', m, 10), 15_000, employerId, `pay-${m + 1}`);
  return story;
};

describe('payroll stopped: a customer paid 15,000 yuan on the 10th of each month', () => {
  it.each([
    // [situation, fires, strength, months paid, as of]
    ['paid on time, two days after payday', false, 0, 6, '2024-06-12'],
    ['the day before the next payday', false, 0, 6, '2024-07-09'],
    ['salary 7 days late: within the tolerance', false, 0, 6, '2024-07-17'],
    ['salary 8 days late: beyond the tolerance of 7', true, 7_500, 6, '2024-07-18'],
    ['two pay days missed', true, 10_000, 6, '2024-08-11'],
    ['a new customer with two credits, long silent', false, 0, 2, '2024-06-30'],
    ['silent for longer than staleAfterDays (365)', false, 0, 6, '2025-06-30'],
  ])('%s: fires %s', (_situation, fires, strength, months, asOf) => {
    const { customer, evidence } = salaried(months).fold();
    const signal = payrollStopped(customer, evidence, day(asOf), policy);
    expect(signal !== null).toBe(fires);
    if (signal) expect(signal.strengthBasisPoints).toBe(strength);
  });

  it("explains itself in the bank's words and names the last three salary credits", () => {
    const { customer, evidence } = salaried(6).fold();
    const signal = payrollStopped(customer, evidence, day('2024-07-18'), policy);
    expect(signal).toEqual({
      code: 'payroll-stopped',
      strengthBasisPoints: 7_500,
      evidenceEventIds: ['pay-4', 'pay-5', 'pay-6'],
      measures: [
        { name: 'days-late', value: 8, threshold: 7, unit: 'days' },
        { name: 'missed-pay-days', value: 1, threshold: 2, unit: 'count' },
      ],
      explanation:
        'Salary from employer E-A usually arrives around the 10th; none for 38 days ' +
        '(expected by 2024-07-10, tolerance 7; 1 pay day missed)',
    });
  });

  it('never fires, on any day of a year, for a customer paid on time (on the 9th to the 12th)', () => {
    const story = new CustomerStory().onboard('2023-12-01');
    for (let m = 0; m < 13; m++) story.salary(monthDate('2024-01', m, 9 + (m % 4)), 15_000);
    const fired: number[] = [];
    eachDay(story.stored, day('2024-01-01'), day('2024-12-31'), ({ customer, evidence }, d) => {
      if (payrollStopped(customer, evidence, d, policy) !== null) fired.push(d);
    });
    expect(fired).toEqual([]);
  });

  it('does not fire once another employer pays the customer here (a new job, not churn)', () => {
    const story = salaried(6);
    story.salary('2024-07-15', 18_000, 'E-B');
    const { customer, evidence } = story.fold();
    expect(payrollStopped(customer, evidence, day('2024-08-20'), policy)).toBeNull();
  });

  it('stays quiet when the whole employer batch is missing: the employer alert covers it', () => {
    const { customer, evidence } = salaried(6).fold();
    const branch = { employersWithMissingBatch: new Set(['E-A']) };
    expect(payrollStopped(customer, evidence, day('2024-08-11'), policy, branch)).toBeNull();
  });
});

describe('payroll stopped: a weekly wage with a tolerance longer than the interval', () => {
  const tolerant: RiskPolicy = {
    ...policy,
    thresholds: {
      ...policy.thresholds,
      payrollStopped: { toleranceDays: 10, missesToBreak: 2, staleAfterDays: 180 },
    },
  };
  // Paid every Monday from 2024-01-01 to 2024-02-19; the next wage is due on 2024-02-26.
  const story = new CustomerStory().onboard('2024-01-01');
  for (let w = 0; w < 8; w++) story.salary(bankDate(day('2024-01-01') + 7 * w), 2_000);

  it.each([
    ['one pay day missed, 7 days late', '2024-03-04', false],
    ['two pay days missed, 8 days late: broken by misses within the tolerance', '2024-03-05', true],
  ])('%s', (_situation, asOf, fires) => {
    const { customer, evidence } = story.fold();
    expect(payrollStopped(customer, evidence, day(asOf), tolerant) !== null).toBe(fires);
  });
});
