import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { CustomerStory, day, eachDay, monthDate } from '../testing/customer-story';
import { payrollDrain } from './payroll-drain.signal';

/**
 * Salary of 20,000 yuan on the 10th of each month from 2024-01; in each of the first `months`
 * months `usualYuan` leaves for another bank on the 15th (the tide, DOMAIN.md §3). Then one
 * more salary on 2024-(months+1)-10 and whatever `latest` sends out after it.
 */
const tide = (
  months: number,
  usualYuan: number,
  latest: readonly (readonly [date: number, yuan: number])[],
) => {
  const story = new CustomerStory().onboard('2023-12-01');
  story.deposit('2023-12-01', 50_000);
  for (let m = 0; m < months; m++) {
    story.salary(monthDate('2024-01', m, 10), 20_000, 'E-A', `pay-${m + 1}`);
    story.toOtherBank(monthDate('2024-01', m, 15), usualYuan);
  }
  story.salary(monthDate('2024-01', months, 10), 20_000, 'E-A', 'pay-latest');
  latest.forEach(([date, yuanAmount], i) =>
    story.toOtherBank(monthDate('2024-01', months, date), yuanAmount, `out-${i + 1}`),
  );
  return story.fold();
};

describe("payroll drain, against the customer's own usual share (the tide)", () => {
  it.each([
    // [situation, fires, strength, earlier months, usual yuan, latest [day, yuan][], as of day of the month]
    ['the normal monthly tide: 30% out as usual', false, 0, 6, 6_000, [[15, 6_000]], 28],
    ['a slightly deeper tide: 35% against a usual 30%', false, 0, 6, 6_000, [[15, 7_000]], 28],
    ['a customer who always drains 90% drains 95%', false, 0, 6, 18_000, [[12, 19_000]], 28],
    [
      'the whole salary leaves within three days',
      true,
      10_000,
      6,
      6_000,
      [
        [11, 10_000],
        [13, 10_000],
      ],
      14,
    ],
    ['70% leaves against a usual 30%', true, 6_250, 6, 6_000, [[12, 14_000]], 14],
    ['money leaves only after the 10-day window', false, 0, 6, 6_000, [[25, 20_000]], 28],
    [
      'a new customer: two earlier pay cycles are no pattern',
      false,
      0,
      2,
      6_000,
      [[11, 20_000]],
      14,
    ],
  ] as const)('%s: fires %s', (_situation, fires, strength, months, usual, latest, asOfDate) => {
    const { customer, evidence } = tide(months, usual, latest);
    const signal = payrollDrain(
      customer,
      evidence,
      day(monthDate('2024-01', months, asOfDate)),
      policy,
    );
    expect(signal !== null).toBe(fires);
    if (signal) expect(signal.strengthBasisPoints).toBe(strength);
  });

  it('names the salary and the transfers, and the numbers compared', () => {
    const { customer, evidence } = tide(6, 6_000, [
      [11, 10_000],
      [13, 10_000],
    ]);
    expect(payrollDrain(customer, evidence, day('2024-07-14'), policy)).toEqual({
      code: 'payroll-drain',
      strengthBasisPoints: 10_000,
      evidenceEventIds: ['pay-latest', 'out-1', 'out-2'],
      measures: [
        {
          name: 'salary-share-sent-to-other-banks',
          value: 10_000,
          threshold: 5_000,
          unit: 'basis-points',
        },
        { name: 'share-above-usual', value: 7_000, threshold: 3_000, unit: 'basis-points' },
      ],
      explanation:
        'Salary of 20,000 yuan from employer E-A arrived on 2024-07-10; 100% of it went to ' +
        'other banks within 10 days (usually 30%)',
    });
  });

  it('stays a signal until the next salary, at most 35 days after payday', () => {
    const { customer, evidence } = tide(6, 6_000, [[11, 20_000]]);
    expect(payrollDrain(customer, evidence, day('2024-08-09'), policy)).not.toBeNull();
    expect(payrollDrain(customer, evidence, day('2024-08-15'), policy)).toBeNull();
  });

  it('never fires across a year of the same monthly tide, whatever the day', () => {
    const story = new CustomerStory().onboard('2023-12-01');
    for (let m = 0; m < 12; m++) {
      story.salary(monthDate('2024-01', m, 10), 20_000);
      story.toOtherBank(monthDate('2024-01', m, 12), 4_000 + (m % 3) * 1_000);
      story.toOtherBank(monthDate('2024-01', m, 17), 3_000);
    }
    const fired: number[] = [];
    eachDay(story.stored, day('2024-01-01'), day('2024-12-31'), ({ customer, evidence }, d) => {
      if (payrollDrain(customer, evidence, d, policy) !== null) fired.push(d);
    });
    expect(fired).toEqual([]);
  });
});
