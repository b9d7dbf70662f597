import { startApiTestApp, type ApiTestApp } from './testing/api-test-app';
import { raiseBranchAlerts } from './testing/branch-alerts';

/** Every refused request is a 400 whose `fields` name each field with its problems. */
describe('requests the alerting API refuses before any rule is asked', () => {
  let api: ApiTestApp;

  beforeAll(async () => {
    api = await startApiTestApp();
    await raiseBranchAlerts(api);
  });
  afterAll(() => api?.close());

  const contact = { channel: 'phone', summary: 'Talked', nextStep: 'Call back' };

  it.each<[string, string, string, unknown, string, string]>([
    [
      'a page larger than 100',
      'GET',
      '/alerts?limit=101',
      undefined,
      'limit',
      'limit must not be greater than 100',
    ],
    [
      'a page of none',
      'GET',
      '/alerts?limit=0',
      undefined,
      'limit',
      'limit must not be less than 1',
    ],
    [
      'a page size that is no number',
      'GET',
      '/alerts?limit=ten',
      undefined,
      'limit',
      'limit must be an integer number',
    ],
    [
      'an unknown query field',
      'GET',
      '/alerts?sort=score',
      undefined,
      'sort',
      'property sort should not exist',
    ],
    [
      'a status outside the vocabulary',
      'GET',
      '/alerts?status=closed',
      undefined,
      'status',
      'status must be one of the following values: open, resolved, all',
    ],
    [
      'a cursor it never issued',
      'GET',
      '/alerts?cursor=bm90LWEtY3Vyc29y',
      undefined,
      'cursor',
      'cursor is not one this API issued',
    ],
    [
      'an unknown body field',
      'POST',
      '/alerts/A-rm1-fortune/contacts',
      { ...contact, mood: 'happy' },
      'mood',
      'property mood should not exist',
    ],
    [
      'a contact channel outside the vocabulary',
      'POST',
      '/alerts/A-rm1-fortune/contacts',
      { ...contact, channel: 'fax' },
      'channel',
      'channel must be one of the following values: phone, visit, branch-meeting, wechat, sms, email',
    ],
    [
      'a summary longer than 2,000 characters',
      'POST',
      '/alerts/A-rm1-fortune/contacts',
      { ...contact, summary: '话'.repeat(2001) },
      'summary',
      'summary must be a string of 1 to 2000 characters',
    ],
    [
      'a snooze without an offset',
      'POST',
      '/alerts/A-rm1-fortune/snooze',
      { until: '2026-12-02 10:00', reason: 'abroad' },
      'until',
      'until must be an ISO-8601 date string with a time and an offset, such as 2024-06-03T10:00:00+08:00',
    ],
    [
      'an outcome outside the vocabulary',
      'POST',
      '/alerts/A-rm1-fortune/resolve',
      { outcome: 'won', reason: 'rate' },
      'outcome',
      'outcome must be one of the following values: retained, lost, exited-deliberately, false-alarm',
    ],
    [
      'a reassignment to nobody',
      'POST',
      '/alerts/A-rm1-fortune/reassign',
      { reason: 'cover' },
      'toStaffId',
      'toStaffId or toTeamId is required',
    ],
    [
      'a reassignment to two',
      'POST',
      '/alerts/A-rm1-fortune/reassign',
      { toStaffId: 'RM-2', toTeamId: 'T-1', reason: 'cover' },
      'toTeamId',
      'toTeamId must not be given together with toStaffId',
    ],
    [
      'an SLA window that ends before it starts',
      'GET',
      '/teams/T-1/sla?from=2026-12-08T00:00:00Z&to=2026-12-01T00:00:00Z',
      undefined,
      'from',
      'from must be before to',
    ],
  ])('answers 400 to %s, naming the field', async (_what, method, path, body, field, problem) => {
    const response = await api.call(method, path, { as: 'SUP-1', body });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.fields).toContainEqual({
      field,
      problems: expect.arrayContaining([problem]),
    });
    expect(response.body.message).toContain(problem);
  });

  it('names every field that is wrong, not only the first', async () => {
    const { body } = await api.call('POST', '/alerts/A-rm1-fortune/resolve', {
      as: 'RM-1',
      body: { outcome: 'won', reasonText: 7 },
    });
    expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'outcome',
      'reason',
      'reasonText',
    ]);
  });

  it('refuses a body that is not an object', async () => {
    const response = await fetch(`${api.url}/alerts/A-rm1-fortune/escalate`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await api.tokenFor('RM-1')}`,
        'content-type': 'application/json',
      },
      body: '"escalate"',
    });
    expect(response.status).toBe(400);
  });
});
