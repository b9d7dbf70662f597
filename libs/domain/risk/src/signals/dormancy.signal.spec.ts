import { bankDate } from '@churn/domain-kernel';
import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { CustomerStory, day } from '../testing/customer-story';
import { activityOutlook } from './activity-outlook';
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

describe('dormancy: the activity model as evidence (activityModel)', () => {
  /** r 1, α 2, a 0.5, b 2 (weeks) for ordinary customers only. */
  const modelled = {
    ...policy,
    activityModel: {
      ...policy.activityModel,
      ordinary: {
        rMillionths: 1_000_000,
        alphaMillionths: 2_000_000,
        aMillionths: 500_000,
        bMillionths: 2_000_000,
      },
    },
  };
  const silent = () => habit('2023-01-01', '2023-12-31', 2).fold();

  it('given a model for the tier, when a customer fell silent, then P(alive) and expected activity are shown but the strength is unchanged', () => {
    const { customer, evidence } = silent();
    const plain = dormancy(customer, evidence, day('2024-03-01'), policy);
    const signal = dormancy(customer, evidence, day('2024-03-01'), modelled);
    expect(signal?.strengthBasisPoints).toBe(plain?.strengthBasisPoints);
    const pAlive = signal?.measures.find((m) => m.name === 'model-p-alive');
    expect(pAlive?.value).toBeGreaterThanOrEqual(0);
    expect(pAlive?.value).toBeLessThan(5_000);
    expect(signal?.measures.map((m) => m.name)).toContain('model-expected-active-days-next-60');
    expect(signal?.explanation).toContain('activity model (modified BG/NBD) gives P(alive)');
  });

  it('given the same customer still active, when assessed, then the model sees them alive', () => {
    const { customer } = habit('2023-01-01', '2024-03-01', 2).fold();
    const outlook = activityOutlook(customer.activity, 'ordinary', day('2024-03-01'), 60, modelled);
    expect(outlook?.pAliveBasisPoints).toBeGreaterThan(9_000);
    expect(outlook?.expectedActiveDays).toBeGreaterThan(0);
  });

  it('given no model for the tier (all 0), when a customer fell silent, then nothing of the model is shown', () => {
    const { customer, evidence } = silent();
    const signal = dormancy(customer, evidence, day('2024-03-01'), policy);
    expect(signal?.measures.map((m) => m.name)).not.toContain('model-p-alive');
  });
});
