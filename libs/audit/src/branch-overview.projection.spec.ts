import { generateCustomerHistory } from '@churn/domain-customer/testing';
import { BranchOverviewProjection } from './branch-overview.projection';

describe('a branch of three salaried customers', () => {
  const histories = [1, 2, 3].map((seed) =>
    generateCustomerHistory({ customerId: `C${seed}`, seed, years: 2 }),
  );

  it('counts every customer once, in the tier their AUM puts them', () => {
    const projection = new BranchOverviewProjection();
    for (const history of histories) for (const fact of history) projection.evolve(fact);
    const overview = projection.overview();
    expect(overview.customers).toBe(3);
    expect(overview.facts).toBe(histories.reduce((n, h) => n + h.length, 0));
    const tiered = Object.values(overview.byTier).reduce((n, t) => n + t.customers, 0);
    expect(tiered).toBe(3);
    expect(overview.totalAumMinor).toBe(
      [1, 2, 3].reduce((sum, seed) => sum + (projection.customer(`C${seed}`)?.aumMinor ?? 0), 0),
    );
  });

  it('gives the same answer when rebuilt from the same facts', () => {
    const build = () => {
      const p = new BranchOverviewProjection();
      for (const history of histories) for (const fact of history) p.evolve(fact);
      return p.overview();
    };
    expect(build()).toEqual(build());
  });

  it('counts an event that is not a bank fact instead of dropping it silently', () => {
    const projection = new BranchOverviewProjection();
    projection.evolve({ type: 'LoyaltyPointsEarned', data: { customerId: 'C1' } });
    expect(projection.otherEvents).toBe(1);
    expect(projection.overview().customers).toBe(0);
  });
});
