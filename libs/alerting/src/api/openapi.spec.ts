import { startApiTestApp, type ApiTestApp } from './testing/api-test-app';

const ROUTES: readonly (readonly [string, string])[] = [
  ['get', '/alerts'],
  ['get', '/alerts/{alertId}'],
  ['post', '/alerts/{alertId}/acknowledge'],
  ['post', '/alerts/{alertId}/contacts'],
  ['post', '/alerts/{alertId}/snooze'],
  ['post', '/alerts/{alertId}/reassign'],
  ['post', '/alerts/{alertId}/escalate'],
  ['post', '/alerts/{alertId}/resolve'],
  ['get', '/escalations'],
  ['get', '/teams/{teamId}/sla'],
  ['get', '/auth/me'],
  ['post', '/auth/demo-login'],
];

/** The document a client generator or the bank's API gateway reads. */
describe('the OpenAPI document of the alerting API', () => {
  let api: ApiTestApp;
  let document: {
    paths: Record<string, Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    components: {
      schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    };
  };

  beforeAll(async () => {
    api = await startApiTestApp({ demoLogins: true });
    const response = await fetch(`${api.url}/api/openapi.json`);
    document = (await response.json()) as typeof document;
  });
  afterAll(() => api?.close());

  it.each(ROUTES)('lists %s %s', (method, path) => {
    expect(document.paths[path]?.[method]).toBeDefined();
  });

  it('lists those routes and nothing else', () => {
    expect(Object.keys(document.paths).sort()).toEqual(
      [...new Set(ROUTES.map(([, p]) => p))].sort(),
    );
  });

  it.each([
    ['/alerts/{alertId}/contacts', 'LogContactBody', ['channel', 'summary', 'nextStep']],
    ['/alerts/{alertId}/snooze', 'SnoozeBody', ['until', 'reason']],
    ['/alerts/{alertId}/reassign', 'ReassignBody', ['reason']],
    ['/alerts/{alertId}/escalate', 'EscalateBody', ['reason']],
    ['/alerts/{alertId}/resolve', 'ResolveBody', ['outcome', 'reason']],
    ['/auth/demo-login', 'DemoLoginBody', ['staffId']],
  ])('gives POST %s its request schema %s', (path, schema, required) => {
    const body = document.paths[path]?.['post']?.requestBody;
    expect(body.content['application/json'].schema.$ref).toBe(`#/components/schemas/${schema}`);
    expect(document.components.schemas[schema]?.required).toEqual(expect.arrayContaining(required));
  });

  it('documents the query of the inbox, the enums included, and bearer authentication', () => {
    const list = document.paths['/alerts']?.['get'];
    const parameters = Object.fromEntries(
      (list.parameters as { name: string; schema: unknown }[]).map((p) => [p.name, p.schema]),
    );
    expect(Object.keys(parameters).sort()).toEqual(
      ['cursor', 'level', 'limit', 'severity', 'status', 'teamId', 'tier'].sort(),
    );
    expect(parameters['limit']).toMatchObject({ minimum: 1, maximum: 100, default: 25 });
    expect(parameters['status']).toMatchObject({ enum: ['open', 'resolved', 'all'] });
    expect(list.security).toEqual([{ bearer: [] }]);
    expect(list.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/AlertPageDoc',
    );
  });

  it('serves the UI at /api/docs', async () => {
    const response = await fetch(`${api.url}/api/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger-ui');
  });
});
