import { principalOf } from '@churn/alerting';
import { TEST_DIRECTORY } from '@churn/domain-alert/testing';
import { InMemoryEventStore } from '@churn/event-store';
import { simulateBranch } from '@churn/simulator';
import { alertFunnelView, churnOutcomesView, teamSlaView } from './alert-views';
import type { BranchAnalyticsModel } from './branch-analytics.model';
import { BranchAnalyticsProjection } from './branch-analytics.projection';
import { employerRetentionView } from './employer-views';
import { monthIndexOf } from './months';
import { recordBranchAlerts } from './testing/branch-alerts';
import { appendFacts } from './testing/branch-store';
import { tierCountsView, tierMigrationView } from './tier-views';

const auditor = principalOf(TEST_DIRECTORY, 'AUD-1');

/** Every answer the branch analytics give, over the branch's year and the alerts' month. */
const everything = (model: BranchAnalyticsModel) => {
  const year = { from: monthIndexOf('2022-06'), to: monthIndexOf('2023-05') };
  const alerts = { from: monthIndexOf('2026-11'), to: monthIndexOf('2026-12') };
  return {
    tierCounts: tierCountsView(model, year),
    migration: tierMigrationView(model, year),
    retention: employerRetentionView(model, year, new Map(), 1_000),
    funnel: alertFunnelView(model, alerts),
    outcomes: churnOutcomesView(model, alerts),
    teamSla: auditor && teamSlaView(model, alerts, TEST_DIRECTORY, auditor),
    counts: model.counts,
  };
};

describe('the branch analytics following a store while facts and alerts arrive', () => {
  const facts = [...simulateBranch({ seed: 5, customers: 400, years: 1 }).facts];
  const store = new InMemoryEventStore();
  const projection = new BranchAnalyticsProjection(store);

  beforeAll(async () => {
    await appendFacts(store, facts.slice(0, facts.length / 2));
    await projection.start();
    await appendFacts(store, facts.slice(facts.length / 2), facts.length);
    await recordBranchAlerts(store);
    await projection.caughtUpTo(await store.headPosition());
  }, 60_000);
  afterAll(() => projection.stop());

  it('has folded every fact and alert event, half of them live', () => {
    expect(projection.status).toMatchObject({
      live: true,
      position: facts.length + projection.model.counts.alertEvents + 0,
      customers: 400,
      alerts: 6,
      error: null,
    });
    expect(projection.model.counts.facts).toBe(facts.length);
    expect(projection.model.counts.unknownAlertEvents).toBe(0);
  });

  it('gives exactly the same answers after a rebuild from the store', async () => {
    const live = everything(projection.model);
    const rebuilt = await projection.rebuild();
    expect(rebuilt.events).toBe(live.counts.events);
    expect(everything(projection.model)).toEqual(live);
    expect(projection.status).toMatchObject({ rebuilds: 1, live: true });
  });

  it('gives exactly the same answers from a second process started on the same store', async () => {
    const other = new BranchAnalyticsProjection(store);
    await other.start();
    try {
      expect(everything(other.model)).toEqual(everything(projection.model));
    } finally {
      await other.stop();
    }
  });

  it('goes on following after a rebuild', async () => {
    const before = projection.model.counts.facts;
    await appendFacts(store, facts.slice(0, 10), 10 * facts.length);
    await projection.caughtUpTo(await store.headPosition());
    expect(projection.model.counts.facts).toBe(before + 10);
  });
});
