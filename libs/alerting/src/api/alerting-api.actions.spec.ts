import { accessStream } from './customer-data-access';
import { startApiTestApp, type ApiTestApp } from './testing/api-test-app';
import { ids, raiseBranchAlerts } from './testing/branch-alerts';

describe('RM-1 working the alert of their fortune-tier customer', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
    await raiseBranchAlerts(api);
  });
  afterAll(() => api?.close());

  it('acknowledges, logs a contact and resolves it, each answer showing the alert as it now is', async () => {
    const acknowledged = await api.call('POST', '/alerts/A-rm1-fortune/acknowledge', {
      as: 'RM-1',
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({
      alertId: 'A-rm1-fortune',
      acknowledgedAt: '2026-12-01T02:00:00.000Z',
      sla: { rule: 'rm/contact' },
    });

    const contacted = await api.call('POST', '/alerts/A-rm1-fortune/contacts', {
      as: 'RM-1',
      body: {
        channel: 'phone',
        summary: 'The customer’s employer moved payroll to another bank.',
        nextStep: 'Offer payroll account transfer at the branch',
        nextStepDueAt: '2026-12-03T10:00:00+08:00',
      },
    });
    expect(contacted.status).toBe(200);
    expect(contacted.body.contactedAt).toBe('2026-12-01T02:00:00.000Z');

    const resolved = await api.call('POST', '/alerts/A-rm1-fortune/resolve', {
      as: 'RM-1',
      body: { outcome: 'retained', reason: 'payroll-moved-by-employer' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', sla: null });
  });

  it('shows the change at once in the inbox (the read model has caught up)', async () => {
    const open = await api.call('GET', '/alerts', { as: 'RM-1' });
    expect(ids(open.body)).not.toContain('A-rm1-fortune');
    const resolved = await api.call('GET', '/alerts?status=resolved', { as: 'RM-1' });
    expect(ids(resolved.body)).toEqual(['A-rm1-fortune']);
  });

  it('keeps the whole story in the alert history, with the contact as told', async () => {
    const { status, body } = await api.call('GET', '/alerts/A-rm1-fortune', { as: 'RM-1' });
    expect(status).toBe(200);
    const types = body.history.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('RetentionAlertRaised');
    expect(types).toEqual(
      expect.arrayContaining([
        'RetentionAlertAcknowledged',
        'RetentionContactLogged',
        'RetentionAlertResolved',
      ]),
    );
    const contact = body.history.find((e: { type: string }) => e.type === 'RetentionContactLogged');
    expect(contact).toMatchObject({
      occurredAt: expect.any(String),
      recordedAt: expect.any(String),
      data: { by: 'RM-1', channel: 'phone', nextStepDueAt: '2026-12-03T02:00:00.000Z' },
    });
    expect(body.resolution).toMatchObject({
      outcome: 'retained',
      reason: 'payroll-moved-by-employer',
      by: 'RM-1',
    });
    expect(body.notifications.length).toBeGreaterThan(0);
    expect(body.notifications[0]).toMatchObject({ recipientId: expect.any(String), attempts: [] });
  });

  it('refuses to resolve it again: 409 with the code', async () => {
    const { status, body } = await api.call('POST', '/alerts/A-rm1-fortune/resolve', {
      as: 'RM-1',
      body: { outcome: 'lost', reason: 'rate' },
    });
    expect(status).toBe(409);
    expect(body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'alert-resolved',
      message: 'alert A-rm1-fortune is resolved',
    });
  });

  it.each([
    [
      'a snooze in the past',
      'snooze',
      { until: '2026-12-01T08:00:00+08:00', reason: 'on leave' },
      'snooze-in-past',
    ],
    [
      'the reason other without words',
      'resolve',
      { outcome: 'lost', reason: 'other' },
      'reason-text-required',
    ],
    [
      'a reassignment to nobody known',
      'reassign',
      { toStaffId: 'RM-404', reason: 'cover' },
      'unknown-recipient',
    ],
  ])('answers 422 to %s', async (_what, action, body, code) => {
    await api.call('POST', '/alerts/A-rm1-private/acknowledge', { as: 'RM-1' }); // 409 after the first
    const response = await api.call('POST', `/alerts/A-rm1-private/${action}`, {
      as: 'RM-1',
      body,
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', code });
  });

  it('snoozes an alert only once acknowledged (409 before), within the policy maximum', async () => {
    const snooze = {
      until: '2026-12-02T10:00:00+08:00',
      reason: 'The customer is abroad until tomorrow',
    };
    const early = await api.call('POST', '/alerts/A-rm2/snooze', { as: 'RM-2', body: snooze });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('not-acknowledged');
    await api.call('POST', '/alerts/A-rm2/acknowledge', { as: 'RM-2' });
    const snoozed = await api.call('POST', '/alerts/A-rm2/snooze', { as: 'RM-2', body: snooze });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.snoozedUntil).toBe('2026-12-02T02:00:00.000Z');
  });

  it('sends an alert up the ladder, after which the RM sees it but may not act on it (403)', async () => {
    const escalated = await api.call('POST', '/alerts/A-rm1-wealth/escalate', {
      as: 'RM-1',
      body: { reason: 'The customer asks for a rate only the supervisor can grant' },
    });
    expect(escalated.body).toMatchObject({
      level: 'supervisor',
      holder: { kind: 'staff', staffId: 'SUP-1' },
    });
    const act = await api.call('POST', '/alerts/A-rm1-wealth/acknowledge', { as: 'RM-1' });
    expect(act.status).toBe(403);
    expect(act.body.code).toBe('not-holder-or-superior');
    const escalations = await api.call('GET', '/escalations', { as: 'SUP-1' });
    expect(ids(escalations.body)).toEqual(['A-rm1-wealth']);
    expect((await api.call('GET', '/escalations', { as: 'SUP-2' })).body.total).toBe(0);
    expect((await api.call('GET', '/escalations', { as: 'RM-1' })).status).toBe(403);
  });

  it('lets the supervisor reassign a team alert to the team queue, where RM-2 can take it', async () => {
    const reassigned = await api.call('POST', '/alerts/A-rm1-private/reassign', {
      as: 'SUP-1',
      body: { toTeamId: 'T-1', reason: 'RM-1 is on a course this week' },
    });
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.holder).toEqual({ kind: 'team-queue', teamId: 'T-1' });
    const taken = await api.call('POST', '/alerts/A-rm1-private/acknowledge', { as: 'RM-2' });
    expect(taken.status).toBe(200);
  });
});

describe('the access log of customer data', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
    await raiseBranchAlerts(api);
  });
  afterAll(() => api?.close());

  it('records one CustomerDataAccessed for an inbox read and one for an alert read', async () => {
    await api.call('GET', '/alerts?limit=2', { as: 'RM-1' });
    await api.call('GET', '/alerts/A-queue', { as: 'RM-1' });
    const logged = await api.store.loadStream(accessStream('RM-1'));
    expect(logged.map((e) => [e.type, e.data])).toEqual([
      [
        'CustomerDataAccessed',
        {
          staffId: 'RM-1',
          role: 'rm',
          route: 'GET /alerts?limit=2',
          customerIds: ['C-A-rm1-private', 'C-A-rm1-fortune'],
          alertIds: ['A-rm1-private', 'A-rm1-fortune'],
          at: '2026-12-01T02:00:00.000Z',
        },
      ],
      [
        'CustomerDataAccessed',
        {
          staffId: 'RM-1',
          role: 'rm',
          route: 'GET /alerts/A-queue',
          customerIds: ['C-A-queue'],
          alertIds: ['A-queue'],
          at: '2026-12-01T02:00:00.000Z',
        },
      ],
    ]);
    expect(new Set(logged.map((e) => e.id)).size).toBe(2);
  });

  it('records nothing for a refused read, nor for an aggregate without customers', async () => {
    await api.call('GET', '/alerts/A-rm3', { as: 'RM-2' });
    await api.call('GET', '/teams/T-1/sla', { as: 'SUP-1' });
    expect(await api.store.loadStream(accessStream('RM-2'))).toEqual([]);
    expect(await api.store.loadStream(accessStream('SUP-1'))).toEqual([]);
  });
});
