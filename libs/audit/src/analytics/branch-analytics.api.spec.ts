import { ACCESS_STREAM_PREFIX } from '@churn/alerting';
import { InMemoryEventStore } from '@churn/event-store';
import { simulateBranch } from '@churn/simulator';
import { READ_MODEL_POSITION } from './branch-analytics.module';
import { startAnalyticsTestApp, type AnalyticsTestApp } from './testing/analytics-test-app';
import { recordBranchAlerts } from './testing/branch-alerts';
import { appendFacts } from './testing/branch-store';

const ROUTES = [
  '/audit/branch/tier-counts?from=2022-06&to=2023-05',
  '/audit/branch/tier-migration?from=2022-06&to=2023-05',
  '/audit/branch/employer-retention?from=2022-06&to=2023-05',
  '/audit/branch/churn-outcomes?from=2026-12&to=2026-12',
  '/audit/branch/alert-funnel?from=2026-12&to=2026-12',
  '/audit/branch/team-sla?from=2026-12&to=2026-12',
];

const accessRecords = async (app: AnalyticsTestApp, staffId: string) =>
  (await app.store.loadStream(`${ACCESS_STREAM_PREFIX}${staffId}`)).map((e) => ({
    type: e.type,
    data: e.data as { route: string; customerIds: string[]; query: object; role: string },
  }));

describe('the branch analytics API over a small branch and its alerts', () => {
  let api: AnalyticsTestApp;

  beforeAll(async () => {
    const store = new InMemoryEventStore();
    await appendFacts(store, simulateBranch({ seed: 3, customers: 300, years: 1 }).facts);
    await recordBranchAlerts(store);
    api = await startAnalyticsTestApp(store, { employerNames: { 'E-A': 'Employer A' } });
  }, 60_000);
  afterAll(() => api?.close());

  it.each(ROUTES)('answers %s to an auditor', async (route) => {
    const { status, body } = await api.get(route, 'AUD-1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ position: expect.any(Number) });
  });

  it.each(['RM-1', 'OPS-1'])('refuses %s with 403 on every branch route', async (staffId) => {
    for (const route of ROUTES) expect((await api.get(route, staffId)).status).toBe(403);
  });

  it('refuses a request without a token with 401', async () => {
    expect((await api.get(ROUTES[0] as string)).status).toBe(401);
  });

  it('records the query itself in the reader’s access stream, with no customer named', async () => {
    const before = (await accessRecords(api, 'HEAD-1')).length;
    const { status, body } = await api.get(ROUTES[0] as string, 'HEAD-1');
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(12);
    const records = await accessRecords(api, 'HEAD-1');
    expect(records).toHaveLength(before + 1);
    expect(records[records.length - 1]).toEqual({
      type: 'CustomerDataAccessed',
      data: expect.objectContaining({
        staffId: 'HEAD-1',
        role: 'branch-head',
        route: `GET ${ROUTES[0]}`,
        customerIds: [],
        alertIds: [],
        query: { from: '2022-06', to: '2023-05' },
      }),
    });
  });

  it('leaves no access record for a refused request', async () => {
    await api.get(ROUTES[0] as string, 'RM-1');
    expect(await accessRecords(api, 'RM-1')).toEqual([]);
  });

  it("gives a supervisor the branch totals and only their own team's SLA row", async () => {
    const funnel = await api.get('/audit/branch/alert-funnel', 'SUP-1');
    expect(funnel.body).toMatchObject({ from: '2026-01', to: '2026-12', raised: 6 });
    const sla = await api.get(ROUTES[5] as string, 'SUP-1');
    expect(sla.body.teams.map((t: { teamId: string }) => t.teamId)).toEqual(['T-1']);
  });

  it('names an employer where it was told the name, and defaults to the year of the last facts', async () => {
    const { body } = await api.get('/audit/branch/employer-retention?limit=3', 'AUD-1');
    expect(body).toMatchObject({ from: '2022-06', to: '2023-05' });
    expect(body.employers).toHaveLength(3);
    expect(body.employers[0]).toMatchObject({ employerId: 'E-A', name: 'Employer A' });
    expect(body.employers[0].trend).toHaveLength(12);
  });

  it.each([
    ['from=2023-13', 'from'],
    ['from=2023-06&to=2023-05', 'from'],
    ['from=2013-01&to=2023-05', 'from'],
    ['to=May', 'to'],
    ['since=2023-01', 'since'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const { status, body } = await api.get(`/audit/branch/tier-counts?${query}`, 'AUD-1');
    expect(status).toBe(400);
    expect(body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
  });

  it('reports its position on /health and in the metrics, with nothing left to read', async () => {
    const { checks } = await api.health.run();
    expect(checks['branch-analytics']).toMatchObject({
      up: true,
      detail: { lag: 0, ready: true, live: true, customers: 300, alerts: 6 },
    });
    const position = (checks['branch-analytics']?.detail as { position: number }).position;
    expect(await api.metrics.exposition()).toContain(
      `${READ_MODEL_POSITION}{model="branch-analytics"} ${position}`,
    );
  });
});
