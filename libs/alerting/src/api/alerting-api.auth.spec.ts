import { JwtService } from '@nestjs/jwt';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AlertingApiModule } from './alerting-api.module';
import { startApiTestApp, TEST_AUTH, type ApiTestApp } from './testing/api-test-app';

describe('a request to the alerting API without a usable token', () => {
  let api: ApiTestApp;

  beforeAll(async () => (api = await startApiTestApp()));
  afterAll(() => api?.close());

  const sign = (claims: object, options: object = {}) =>
    new JwtService({ secret: TEST_AUTH.secret }).sign(
      { iat: Math.floor(Date.parse('2026-12-01T02:00:00.000Z') / 1000), ...claims },
      { issuer: TEST_AUTH.issuer, audience: TEST_AUTH.audience, expiresIn: 600, ...options },
    );

  it('is refused with 401 and says what is needed when there is no token', async () => {
    const { status, body, headers } = await api.call('GET', '/alerts');
    expect(status).toBe(401);
    expect(body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'a bearer token is required: send Authorization: Bearer <token>',
    });
    expect(headers.get('www-authenticate')).toMatch(/^Bearer realm="alerting"/);
  });

  it('is refused with 401 once the token has expired', async () => {
    const token = await api.tokenFor('RM-1');
    expect((await api.call('GET', '/alerts', { token })).status).toBe(200);
    api.setNow('2026-12-01T03:00:00.000Z');
    try {
      const { status, body } = await api.call('GET', '/alerts', { token });
      expect(status).toBe(401);
      expect(body.message).toBe('the bearer token expired at 2026-12-01T03:00:00.000Z');
    } finally {
      api.setNow('2026-12-01T02:00:00.000Z');
    }
  });

  it.each([
    [
      'a token signed with another key',
      () => new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: 'RM-1' }),
    ],
    ['a token for another audience', () => sign({ sub: 'RM-1' }, { audience: 'risk-api' })],
    ['no token at all, just words', () => 'let-me-in'],
  ])('is refused with 401 for %s', async (_what, token) => {
    const { status, body } = await api.call('GET', '/alerts', { token: token() });
    expect(status).toBe(401);
    expect(body.message).toMatch(/^the bearer token is not valid: /);
  });

  it('is refused with 401 when the staff member is not in the directory', async () => {
    const { status, body } = await api.call('GET', '/auth/me', { token: sign({ sub: 'RM-GONE' }) });
    expect(status).toBe(401);
    expect(body.message).toBe('staff member RM-GONE is not in the staff directory');
  });

  it('takes the role from the directory, whatever the token claims', async () => {
    const token = sign({ sub: 'RM-3', role: 'auditor', teamId: 'T-1' });
    const me = await api.call('GET', '/auth/me', { token });
    expect(me.body).toEqual({
      staffId: 'RM-3',
      name: 'rm RM-3',
      role: 'rm',
      teamId: 'T-2',
      branchId: 'BR-T',
      supervisedTeamIds: [],
      headedBranchIds: [],
    });
  });

  it('has no demo login unless the module is told to', async () => {
    const { status } = await api.call('POST', '/auth/demo-login', { body: { staffId: 'RM-1' } });
    expect(status).toBe(404);
  });
});

describe('the demo branch with demo logins on', () => {
  let api: ApiTestApp;

  beforeAll(async () => (api = await startApiTestApp({ demoLogins: true })));
  afterAll(() => api?.close());

  it('gives a token for a member of the staff directory, which the API then takes', async () => {
    const login = await api.call('POST', '/auth/demo-login', { body: { staffId: 'SUP-1' } });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 3600,
      staff: { role: 'supervisor' },
    });
    const me = await api.call('GET', '/auth/me', { token: login.body.accessToken });
    expect(me.body.supervisedTeamIds).toEqual(['T-1']);
  });

  it('refuses a staff id the directory does not know, naming the field', async () => {
    const { status, body } = await api.call('POST', '/auth/demo-login', {
      body: { staffId: 'NOBODY' },
    });
    expect(status).toBe(400);
    expect(body.fields).toEqual([
      { field: 'staffId', problems: ['staffId NOBODY is not in the staff directory'] },
    ]);
  });
});

describe('the alerting API module', () => {
  it('refuses to start without a token key', () => {
    const { secret: _secret, ...keyless } = TEST_AUTH;
    expect(() => AlertingApiModule.forRoot({ auth: keyless })).toThrow(/needs a token key/);
  });

  it('refuses demo logins when it can only verify tokens', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const publicKeyPem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const { secret: _secret, ...rest } = TEST_AUTH;
    expect(() =>
      AlertingApiModule.forRoot({ auth: { ...rest, publicKeyPem }, demoLogins: true }),
    ).toThrow(/demo logins issue tokens/);
  });

  it('cannot start without the alerting ports in the process', async () => {
    @Module({ imports: [AlertingApiModule.forRoot({ auth: TEST_AUTH })] })
    class Incomplete {}
    await expect(
      NestFactory.create(Incomplete, { logger: false, abortOnError: false }),
    ).rejects.toThrow();
  });
});
