import { startApiTestApp, type ApiTestApp } from './testing/api-test-app';
import { raiseBranchAlerts } from './testing/branch-alerts';

describe("team T-1's SLA performance the day its alerts were raised", () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
    await raiseBranchAlerts(api);
    await api.call('POST', '/alerts/A-rm1-fortune/acknowledge', { as: 'RM-1' });
  });
  afterAll(() => api?.close());

  const path = '/teams/T-1/sla?from=2026-12-01T00:00:00%2B08:00&to=2026-12-02T00:00:00%2B08:00';

  it.each(['SUP-1', 'HEAD-1', 'AUD-1'])('is open to %s', async (staffId) => {
    const { status, body } = await api.call('GET', path, { as: staffId });
    expect(status).toBe(200);
    expect(body).toEqual({
      teamId: 'T-1',
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-01T16:00:00.000Z',
      raised: 5,
      acknowledged: 1,
      acknowledgedWithinSla: 1,
      contacted: 0,
      contactedWithinSla: 0,
      escalated: 0,
      breachesByRule: {},
      businessMinutesToAcknowledge: { median: 60, p90: 60 },
      openNow: 5,
    });
  });

  it.each([
    ['SUP-2', 'the supervisor of another team', 403],
    ['RM-1', 'a relationship manager', 403],
  ])('is refused to %s, %s', async (staffId, _who, status) => {
    expect((await api.call('GET', path, { as: staffId })).status).toBe(status);
  });

  it('answers 404 for a team that does not exist', async () => {
    const { status, body } = await api.call('GET', '/teams/T-404/sla', { as: 'AUD-1' });
    expect(status).toBe(404);
    expect(body.message).toBe('team T-404 not found');
  });
});
