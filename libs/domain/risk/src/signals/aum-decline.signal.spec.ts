import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { levels, monthlyTide } from '../testing/aum-stories';
import { day, eachDay } from '../testing/customer-story';
import { aumDecline } from './aum-decline.signal';
import { tierDowngrade } from './tier-downgrade.signal';

describe('AUM decline over 30 and 90 days, on monthly means', () => {
  it.each([
    // [situation, fires, strength, AUM levels, as of]
    ['steady at 500,000 yuan', false, 0, [['2024-01-01', 500_000]], '2024-06-30'],
    [
      '300,000 of 500,000 left 20 days ago: the 30-day mean fell 40%',
      true,
      6_000,
      [
        ['2024-01-01', 500_000],
        ['2024-06-10', 200_000],
      ],
      '2024-06-29',
    ],
    [
      'a small fall: 15% of the 30-day mean',
      false,
      0,
      [
        ['2024-01-01', 500_000],
        ['2024-06-10', 425_000],
      ],
      '2024-07-09',
    ],
    [
      'a slow slide of 35% over 90 days (10% a month)',
      true,
      4_638,
      [
        ['2024-01-01', 1_000_000],
        ['2024-04-01', 900_000],
        ['2024-05-01', 800_000],
        ['2024-06-01', 650_000],
      ],
      '2024-06-30',
    ],
    [
      'an ordinary customer whose 3,000 yuan became 1,000: a fall under 10,000 yuan is noise',
      false,
      0,
      [
        ['2024-01-01', 3_000],
        ['2024-06-10', 1_000],
      ],
      '2024-06-29',
    ],
    [
      'a new customer: nothing before to fall from',
      false,
      0,
      [
        ['2024-06-01', 80_000],
        ['2024-06-10', 10_000],
      ],
      '2024-06-29',
    ],
  ] as const)('%s: fires %s', (_situation, fires, strength, steps, asOf) => {
    const { customer, evidence } = levels(steps).fold();
    const signal = aumDecline(customer, evidence, day(asOf), policy);
    expect(signal !== null).toBe(fires);
    if (signal) expect(signal.strengthBasisPoints).toBe(strength);
  });

  it('weighs the same fall by the tier the customer was in: private banking above ordinary', () => {
    const fall = (from: number, to: number) => {
      const { customer, evidence } = levels([
        ['2024-01-01', from],
        ['2024-06-10', to],
      ]).fold();
      return aumDecline(customer, evidence, day('2024-06-29'), policy)?.strengthBasisPoints;
    };
    expect(fall(150_000, 60_000)).toBe(4_500);
    expect(fall(8_000_000, 3_200_000)).toBe(7_500);
  });

  it('cites the transfer that took the money and the means compared', () => {
    const { customer, evidence } = levels([
      ['2024-01-01', 500_000],
      ['2024-06-10', 200_000],
    ]).fold();
    const signal = aumDecline(customer, evidence, day('2024-06-29'), policy);
    expect(signal?.evidenceEventIds).toEqual(['out-2024-06-10']);
    expect(signal?.measures).toEqual([
      { name: 'aum-decline-30-days', value: 4_000, threshold: 2_000, unit: 'basis-points' },
      { name: 'aum-fall-30-days', value: 20_000_000, threshold: 1_000_000, unit: 'fen' },
      { name: 'aum-decline-90-days', value: 4_000, threshold: 3_000, unit: 'basis-points' },
      { name: 'aum-fall-90-days', value: 20_000_000, threshold: 1_000_000, unit: 'fen' },
    ]);
    expect(signal?.explanation).toBe(
      'Average AUM fell 40% in 30 days: 300,000 yuan over the last 30 days against 500,000 yuan ' +
        '(wealth-management) over the 30 days to 2024-05-30 (threshold 20%)',
    );
  });

  it('never fires on the monthly tide: the whole salary in on the 10th and out on the 20th', () => {
    const fired: number[] = [];
    const story = monthlyTide(300_000, 40_000);
    eachDay(story.stored, day('2024-01-01'), day('2024-12-31'), ({ customer, evidence }, d) => {
      if (aumDecline(customer, evidence, d, policy) || tierDowngrade(customer, evidence, d, policy))
        fired.push(d);
    });
    expect(fired).toEqual([]);
  });
});

describe('AUM decline: where the fall went (minSentElsewhereBasisPoints)', () => {
  const half = {
    ...policy,
    thresholds: {
      ...policy.thresholds,
      aumDecline: { ...policy.thresholds.aumDecline, minSentElsewhereBasisPoints: 5_000 },
    },
  };

  it('given 300,000 of 500,000 yuan sent to another bank, when half the fall must have left, then it fires and shows the share sent', () => {
    const story = levels([
      ['2024-01-01', 500_000],
      ['2024-06-10', 200_000],
    ]);
    const { customer, evidence } = story.fold();
    const signal = aumDecline(customer, evidence, day('2024-06-29'), half);
    expect(signal?.strengthBasisPoints).toBe(6_000);
    expect(signal?.measures.map((m) => m.name)).toContain(
      'sent-to-other-banks-against-fall-30-days',
    );
  });

  it('given the same 300,000 yuan withdrawn at the counter, when half the fall must have left, then nothing fires', () => {
    const story = levels([['2024-01-01', 500_000]]);
    story.withdraw('2024-06-10', 300_000);
    const { customer, evidence } = story.fold();
    expect(aumDecline(customer, evidence, day('2024-06-29'), half)).toBeNull();
    expect(aumDecline(customer, evidence, day('2024-06-29'), policy)?.strengthBasisPoints).toBe(
      6_000,
    );
  });
});
