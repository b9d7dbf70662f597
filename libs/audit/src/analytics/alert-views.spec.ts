import { principalOf } from '@churn/alerting';
import { TEST_DIRECTORY } from '@churn/domain-alert/testing';
import { InMemoryEventStore } from '@churn/event-store';
import { alertFunnelView, churnOutcomesView, teamSlaView } from './alert-views';
import { BranchAnalyticsProjection } from './branch-analytics.projection';
import { monthIndexOf } from './months';
import { recordBranchAlerts } from './testing/branch-alerts';

const DECEMBER = { from: monthIndexOf('2026-12'), to: monthIndexOf('2026-12') };
const staff = (staffId: string) => {
  const principal = principalOf(TEST_DIRECTORY, staffId);
  if (principal === null) throw new Error(`${staffId} is not in the test directory`);
  return principal;
};

describe('the alerts of branch BR-T, worked in December 2026 (testing/branch-alerts)', () => {
  const store = new InMemoryEventStore();
  const projection = new BranchAnalyticsProjection(store);

  beforeAll(async () => {
    await recordBranchAlerts(store);
    await projection.start();
  });
  afterAll(() => projection.stop());

  it('follows the five raised in December down the funnel', () => {
    const funnel = alertFunnelView(projection.model, DECEMBER);
    expect(funnel).toMatchObject({
      from: '2026-12',
      to: '2026-12',
      raised: 5,
      acknowledged: 3,
      contacted: 1,
      escalated: 1,
      resolved: 4,
      retained: 1,
      lost: 1,
      exitedDeliberately: 1,
      falseAlarm: 1,
      stillOpen: 1,
    });
    expect(
      alertFunnelView(projection.model, { ...DECEMBER, from: DECEMBER.from - 1 }),
    ).toMatchObject({ raised: 6, retained: 2 });
  });

  it("counts December's five resolutions by outcome, reason and the value tier at stake", () => {
    const outcomes = churnOutcomesView(projection.model, DECEMBER);
    expect(outcomes.resolved).toBe(5);
    expect(outcomes.totals).toEqual({ retained: 2, lost: 1, exitedDeliberately: 1, falseAlarm: 1 });
    expect(outcomes.byReason.filter((r) => r.count > 0)).toEqual([
      { outcome: 'retained', reason: 'rate', count: 2 },
      { outcome: 'lost', reason: 'service', count: 1 },
      { outcome: 'exited-deliberately', reason: 'other', count: 1 },
      { outcome: 'false-alarm', reason: 'other', count: 1 },
    ]);
    expect(outcomes.byReason).toHaveLength(4 * 7);
    expect(outcomes.byTier).toEqual([
      { tier: 'ordinary', resolved: 0, retained: 0, lost: 0, exitedDeliberately: 0, falseAlarm: 0 },
      {
        tier: 'wealthManagement',
        resolved: 2,
        retained: 1,
        lost: 1,
        exitedDeliberately: 0,
        falseAlarm: 0,
      },
      { tier: 'fortune', resolved: 2, retained: 1, lost: 0, exitedDeliberately: 0, falseAlarm: 1 },
      {
        tier: 'privateBanking',
        resolved: 1,
        retained: 0,
        lost: 0,
        exitedDeliberately: 1,
        falseAlarm: 0,
      },
    ]);
  });

  it("reports every team's SLA to an auditor with the alerting API's own computation", () => {
    const { teams } = teamSlaView(projection.model, DECEMBER, TEST_DIRECTORY, staff('AUD-1'));
    expect(
      teams.map((t) => [t.teamId, t.raised, t.acknowledged, t.contacted, t.escalated]),
    ).toEqual([
      ['T-1', 3, 2, 1, 0],
      ['T-2', 2, 1, 0, 1],
      ['T-Q', 0, 0, 0, 0],
    ]);
    expect(teams[0]).toMatchObject({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
      acknowledgedWithinSla: 2,
      businessMinutesToAcknowledge: { median: 30, p90: 60 },
      openNow: 0,
    });
    expect(teams[1]?.breachesByRule).toEqual({ 'rm/acknowledge': 1 });
  });

  it("shows a supervisor only their team's row", () => {
    const { teams } = teamSlaView(projection.model, DECEMBER, TEST_DIRECTORY, staff('SUP-2'));
    expect(teams.map((t) => t.teamId)).toEqual(['T-2']);
  });
});
