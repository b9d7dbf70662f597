import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { levels, monthlyTide } from '../testing/aum-stories';
import { day, eachDay } from '../testing/customer-story';
import { tierDowngrade } from './tier-downgrade.signal';

describe('tier downgrade, on monthly means with a margin below the floor', () => {
  it.each([
    // [situation, fires, strength, AUM levels, as of]
    ['fortune at 1,200,000 yuan, steady', false, 0, [['2024-01-01', 1_200_000]], '2024-06-30'],
    [
      'fortune to 900,000 yuan (10% under the fortune floor)',
      true,
      8_000,
      [
        ['2024-01-01', 1_200_000],
        ['2024-05-01', 900_000],
      ],
      '2024-06-30',
    ],
    [
      'fortune to 980,000 yuan: within the 5% margin of the floor',
      false,
      0,
      [
        ['2024-01-01', 1_200_000],
        ['2024-05-01', 980_000],
      ],
      '2024-06-30',
    ],
    [
      'fortune to ordinary: two tiers dropped',
      true,
      10_000,
      [
        ['2024-01-01', 1_200_000],
        ['2024-05-01', 150_000],
      ],
      '2024-06-30',
    ],
    [
      'wealth-management to ordinary',
      true,
      6_000,
      [
        ['2024-01-01', 300_000],
        ['2024-05-01', 150_000],
      ],
      '2024-06-30',
    ],
    [
      'ordinary customers have no tier to drop from',
      false,
      0,
      [
        ['2024-01-01', 190_000],
        ['2024-05-01', 20_000],
      ],
      '2024-06-30',
    ],
  ] as const)('%s: fires %s', (_situation, fires, strength, steps, asOf) => {
    const { customer, evidence } = levels(steps).fold();
    const signal = tierDowngrade(customer, evidence, day(asOf), policy);
    expect(signal !== null).toBe(fires);
    if (signal) expect(signal.strengthBasisPoints).toBe(strength);
  });

  it('does not fire for a fortune customer the tide carries across the floor each month', () => {
    const fired: number[] = [];
    const story = monthlyTide(995_000, 30_000);
    eachDay(story.stored, day('2024-03-01'), day('2024-12-31'), ({ customer, evidence }, d) => {
      if (tierDowngrade(customer, evidence, d, policy)) fired.push(d);
    });
    expect(fired).toEqual([]);
  });

  it('explains the drop in tiers and names the transfer', () => {
    const { customer, evidence } = levels([
      ['2024-01-01', 1_200_000],
      ['2024-05-01', 900_000],
    ]).fold();
    const signal = tierDowngrade(customer, evidence, day('2024-06-30'), policy);
    expect(signal?.evidenceEventIds).toEqual(['out-2024-05-01']);
    expect(signal?.explanation).toBe(
      'Dropped from fortune to wealth-management: average AUM 900,000 yuan over the last 30 days ' +
        'against 1,200,000 yuan over the 30 days to 2024-04-01 (fortune from 1,000,000 yuan)',
    );
  });
});
