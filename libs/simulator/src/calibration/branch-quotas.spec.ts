import { snapshotQuotas } from './branch-quotas';
import {
  SNAPSHOT_TIER_COUNTS,
  THESIS_CHURN_RATE,
  THESIS_CUSTOMERS,
  tierEntrantShare,
  tierLossRate,
} from './thesis-figures';

describe('the snapshot places of a branch', () => {
  it('are the thesis counts at full size (Table 3.1, May 2023; §3.2.1 bands)', () => {
    const quotas = snapshotQuotas(THESIS_CUSTOMERS);
    expect(quotas).toMatchObject(SNAPSHOT_TIER_COUNTS);
    expect(quotas.zero / THESIS_CUSTOMERS).toBeCloseTo(0.4005, 2);
    expect(quotas['under-100'] / THESIS_CUSTOMERS).toBeCloseTo(0.3122, 2);
    expect(quotas['50k-to-200k'] / THESIS_CUSTOMERS).toBeCloseTo(0.0243, 3);
  });

  it.each([200, 2_000, 20_000, 100_000, 213_500, 1_000_000])(
    'add up to the %d customers, scaled in proportion',
    (customers) => {
      const quotas = snapshotQuotas(customers);
      expect(Object.values(quotas).reduce((a, b) => a + b, 0)).toBe(customers);
      const scale = customers / THESIS_CUSTOMERS;
      for (const [tier, count] of Object.entries(SNAPSHOT_TIER_COUNTS)) {
        const quota = quotas[tier as keyof typeof SNAPSHOT_TIER_COUNTS];
        expect(quota).toBeGreaterThanOrEqual(3);
        if (count * scale >= 3)
          expect(Math.abs(quota - count * scale)).toBeLessThanOrEqual(
            Math.max(1, count * scale * 0.02),
          );
      }
    },
  );

  it('has no tier places in a branch of a handful of customers', () => {
    expect(snapshotQuotas(10)).toMatchObject({
      'private-banking': 0,
      fortune: 0,
      'wealth-management': 0,
      zero: 4,
    });
  });
});

describe('the thesis figures behind the journeys', () => {
  it.each([
    ['private-banking', 0.21, 0.1],
    ['fortune', 0.307, 0.399],
    ['wealth-management', 0.271, 0.452],
  ] as const)(
    '%s loses %s of its customers a year; %s of its snapshot customers are new',
    (tier, loss, entrants) => {
      expect(tierLossRate(tier)).toBeCloseTo(loss, 2);
      expect(tierEntrantShare(tier)).toBeCloseTo(entrants, 2);
    },
  );

  it('loses 1,530 of 5,534 mid/high-end customers a year in all', () =>
    expect(THESIS_CHURN_RATE).toBeCloseTo(1_530 / 5_534, 10));
});
