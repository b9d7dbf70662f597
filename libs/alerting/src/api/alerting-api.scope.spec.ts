import { ACCESS_STREAM_PREFIX } from './customer-data-access';
import { startApiTestApp, type ApiTestApp } from './testing/api-test-app';
import { ids, raiseBranchAlerts } from './testing/branch-alerts';

/** Who sees what of branch BR-T's six alerts, over HTTP, with tokens and the staff directory. */
describe('the alerting API of branch BR-T, an hour after six alerts were raised', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
    await raiseBranchAlerts(api);
  });
  afterAll(() => api?.close());

  it.each([
    ['RM-1', ['A-rm1-private', 'A-rm1-fortune', 'A-rm1-wealth', 'A-queue']],
    ['RM-2', ['A-rm2', 'A-queue']],
    ['RM-3', ['A-rm3']],
    ['SUP-1', ['A-rm1-private', 'A-rm1-fortune', 'A-rm2', 'A-rm1-wealth', 'A-queue']],
    ['SUP-2', ['A-rm3']],
    ['HEAD-1', ['A-rm1-private', 'A-rm3', 'A-rm1-fortune', 'A-rm2', 'A-rm1-wealth', 'A-queue']],
    ['AUD-1', ['A-rm1-private', 'A-rm3', 'A-rm1-fortune', 'A-rm2', 'A-rm1-wealth', 'A-queue']],
  ])('shows %s their scope, highest risk × value first', async (staffId, expected) => {
    const { status, body } = await api.call('GET', '/alerts', { as: staffId });
    expect(status).toBe(200);
    expect(ids(body)).toEqual(expected);
    expect(body.total).toBe(expected.length);
  });

  it("answers 404 for a colleague's alert and for one that does not exist, alike", async () => {
    const colleagues = await api.call('GET', '/alerts/A-rm2', { as: 'RM-1' });
    const missing = await api.call('GET', '/alerts/A-nowhere', { as: 'RM-1' });
    expect(colleagues.status).toBe(404);
    expect(colleagues.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      code: 'alert-not-found',
      message: 'alert A-rm2 not found',
    });
    expect(missing.body.code).toBe('alert-not-found');
    const act = await api.call('POST', '/alerts/A-rm2/acknowledge', { as: 'RM-1' });
    expect(act.status).toBe(404);
  });

  it('gives each inbox item its customer, signals, suggested actions and SLA countdown', async () => {
    const { body } = await api.call('GET', '/alerts?limit=1', { as: 'RM-1' });
    expect(body.items[0]).toMatchObject({
      alertId: 'A-rm1-private',
      customer: { customerId: 'C-A-rm1-private', relationshipManagerId: 'RM-1' },
      tier: 'private-banking',
      severity: 'critical',
      score: 70,
      priority: 560,
      level: 'rm',
      holder: { kind: 'staff', staffId: 'RM-1' },
      status: 'open',
      raisedAt: '2026-12-01T01:00:00.000Z',
      signals: [{ code: 'payroll-stopped', explanation: expect.any(String) }],
      suggestedActions: expect.arrayContaining([{ item: 5, name: 'branch-head visit' }]),
      // private banking, critical: 240 business minutes to acknowledge; 60 have passed
      sla: {
        rule: 'rm/acknowledge',
        dueAt: '2026-12-01T05:00:00.000Z',
        businessMinutesLeft: 180,
        overdue: false,
      },
    });
  });

  it('counts the SLA down below zero once the clock has run out', async () => {
    api.setNow('2026-12-01T06:30:00.000Z');
    try {
      const { body } = await api.call('GET', '/alerts?limit=1', { as: 'RM-1' });
      expect(body.items[0].sla).toEqual({
        rule: 'rm/acknowledge',
        dueAt: '2026-12-01T05:00:00.000Z',
        businessMinutesLeft: -90,
        overdue: true,
      });
    } finally {
      api.setNow('2026-12-01T02:00:00.000Z');
    }
  });

  it('lets the auditor read but not act, naming the roles that may', async () => {
    expect((await api.call('GET', '/alerts/A-rm3', { as: 'AUD-1' })).status).toBe(200);
    const { status, body } = await api.call('POST', '/alerts/A-rm3/acknowledge', { as: 'AUD-1' });
    expect(status).toBe(403);
    expect(body.message).toBe(
      'this route needs the role rm, supervisor or branch-head; AUD-1 is auditor',
    );
  });

  it('gives the operator no customer data, but tells them who they are', async () => {
    for (const path of ['/alerts', '/alerts/A-rm1-fortune', '/escalations', '/teams/T-1/sla'])
      expect((await api.call('GET', path, { as: 'OPS-1' })).status).toBe(403);
    const me = await api.call('GET', '/auth/me', { as: 'OPS-1' });
    expect(me.body).toMatchObject({ staffId: 'OPS-1', role: 'operator' });
    const logged = await api.store.loadStream(`${ACCESS_STREAM_PREFIX}OPS-1`);
    expect(logged).toEqual([]);
  });

  it('filters by level, severity, tier and team', async () => {
    const byTier = await api.call('GET', '/alerts?tier=fortune', { as: 'HEAD-1' });
    expect(ids(byTier.body)).toEqual(['A-rm3', 'A-rm1-fortune', 'A-rm2']);
    const byTeam = await api.call('GET', '/alerts?teamId=T-2&severity=critical&level=rm', {
      as: 'HEAD-1',
    });
    expect(ids(byTeam.body)).toEqual(['A-rm3']);
    const resolved = await api.call('GET', '/alerts?status=resolved', { as: 'HEAD-1' });
    expect(resolved.body).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('walks the whole inbox page by page with the cursor, each alert once', async () => {
    const seen: string[] = [];
    let path = '/alerts?limit=2';
    for (let pages = 0; pages < 10; pages++) {
      const { status, body } = await api.call('GET', path, { as: 'HEAD-1' });
      expect(status).toBe(200);
      expect(body.total).toBe(6);
      seen.push(...ids(body));
      if (body.nextCursor === null) break;
      path = `/alerts?limit=2&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    expect(seen).toEqual([
      'A-rm1-private',
      'A-rm3',
      'A-rm1-fortune',
      'A-rm2',
      'A-rm1-wealth',
      'A-queue',
    ]);
  });
});
