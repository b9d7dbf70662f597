import { bankDate } from '@churn/domain-kernel';
import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { CustomerStory, day } from '../testing/customer-story';
import { dormancy } from './dormancy.signal';

/** A customer who acts every `everyDays` days from `from` until `until`. */
const habit = (from: string, until: string, everyDays: number): CustomerStory => {
  const story = new CustomerStory().onboard(from);
  for (let d = day(from); d <= day(until); d += everyDays) story.act(bankDate(d));
  return story;
};

describe("dormancy, against the customer's own rate of activity", () => {
  it.each([
    // [situation, fires, strength, from, last active, every n days, as of]
    [
      'active every other day, silent for 60 days',
      true,
      10_000,
      '2023-01-01',
      '2023-12-31',
      2,
      '2024-03-01',
    ],
    ['active every other day, still active', false, 0, '2023-01-01', '2024-03-01', 2, '2024-03-01'],
    [
      'active every other day, silent for 30 days: half the usual rate',
      false,
      0,
      '2023-01-01',
      '2024-01-31',
      2,
      '2024-03-01',
    ],
    [
      'active every other day, then only on 3 days in 60',
      true,
      7_500,
      '2023-01-01',
      '2024-01-06',
      2,
      '2024-03-01',
    ],
    [
      'an occasional customer (every 60 days), silent for 100 days',
      false,
      0,
      '2023-01-01',
      '2023-11-22',
      60,
      '2024-03-01',
    ],
    [
      'a new customer with under 120 days of history',
      false,
      0,
      '2023-11-01',
      '2023-12-15',
      1,
      '2024-03-01',
    ],
  ] as const)('%s: fires %s', (_situation, fires, strength, from, lastActive, every, asOf) => {
    const { customer, evidence } = habit(from, lastActive, every).fold();
    const signal = dormancy(customer, evidence, day(asOf), policy);
    expect(signal !== null).toBe(fires);
    if (signal) expect(signal.strengthBasisPoints).toBe(strength);
  });

  it('names the last activity and explains the rates compared', () => {
    const { customer, evidence } = habit('2023-01-01', '2023-12-31', 2).fold();
    const signal = dormancy(customer, evidence, day('2024-03-01'), policy);
    expect(signal?.evidenceEventIds).toEqual(['c1-184']);
    expect(signal?.measures).toEqual([
      { name: 'recent-rate-against-usual', value: 0, threshold: 2_000, unit: 'basis-points' },
      { name: 'expected-active-days', value: 30, threshold: 6, unit: 'days' },
    ]);
    expect(signal?.explanation).toBe(
      'Usually active on about 30 days in 60; active on 0 in the last 60 (last on 2023-12-31)',
    );
  });
});
