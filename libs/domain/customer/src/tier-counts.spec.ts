import { fold } from '@churn/domain-kernel';
import { evolveCustomer } from './evolve-customer';
import { initialCustomer } from './customer-state';
import { tierOf, type Tier } from './tier';
import { generateTierPopulation } from './testing';

/** Thesis Table 3.1 (中高端客户变化情况): mid/high-end customers per month, June 2022 – May 2023. */
const TABLE_3_1: readonly [string, number, number, number][] = [
  ['2022-06-30', 4594, 883, 57],
  ['2022-07-31', 4647, 885, 57],
  ['2022-08-31', 4659, 888, 57],
  ['2022-09-30', 4691, 889, 56],
  ['2022-10-31', 4714, 891, 56],
  ['2022-11-30', 4736, 894, 56],
  ['2022-12-31', 4920, 917, 55],
  ['2023-01-31', 5045, 930, 52],
  ['2023-02-28', 5118, 947, 52],
  ['2023-03-31', 5109, 974, 52],
  ['2023-04-30', 5210, 998, 51],
  ['2023-05-31', 5373, 1010, 50],
];

describe('a branch folded customer by customer (thesis Table 3.1)', () => {
  it.each(TABLE_3_1)(
    'on %s counts %d wealth-management, %d fortune and %d private-banking customers',
    (date, wm, fortune, pb) => {
      const counts: Record<Tier, number> = {
        ordinary: 0,
        'wealth-management': 0,
        fortune: 0,
        'private-banking': 0,
      };
      const population = generateTierPopulation(
        { ordinary: 300, 'wealth-management': wm, fortune, 'private-banking': pb },
        2023,
        date,
      );
      let disagreements = 0;
      for (const history of population) {
        const state = fold(evolveCustomer, initialCustomer(), history);
        if (state.tier !== tierOf(state.aumMinor)) disagreements += 1;
        counts[state.tier] += 1;
      }
      expect(disagreements).toBe(0);
      expect(counts).toEqual({
        ordinary: 300,
        'wealth-management': wm,
        fortune,
        'private-banking': pb,
      });
    },
  );
});
