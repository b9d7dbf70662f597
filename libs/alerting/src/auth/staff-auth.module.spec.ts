import 'reflect-metadata';
import { generateKeyPairSync } from 'node:crypto';
import { TEST_DIRECTORY, TEST_POLICY } from '@churn/domain-alert/testing';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { StaffEndpoint } from '../api/staff-endpoint.decorator';
import { TEST_AUTH } from '../api/testing/api-test-app';
import { AlertingAuthConfigError, tokenKeysOf } from './alerting-auth-options';
import { CurrentStaff } from './current-staff.decorator';
import { StaffAuthModule } from './staff-auth.module';
import type { StaffPrincipal } from './staff-principal';
import { StaffTokens } from './staff-tokens';

@StaffEndpoint('auditor', 'branch-head')
@Controller('audit-like')
class AuditLikeController {
  @Get()
  who(@CurrentStaff() staff: StaffPrincipal) {
    return { staffId: staff.staffId, role: staff.role };
  }
}

/** Another API (the audit API) on the same sign-in, in a process without the alerting engine. */
describe('staff sign-in given its own staff directory, with no alerting engine in the process', () => {
  let app: INestApplication;
  let url: string;
  const tokens = new StaffTokens(tokenKeysOf(TEST_AUTH), { now: () => new Date() });
  const get = async (staffId?: string) =>
    fetch(`${url}/audit-like`, {
      headers:
        staffId === undefined
          ? {}
          : { authorization: `Bearer ${(await tokens.issueStaffToken(staffId)).accessToken}` },
    });

  beforeAll(async () => {
    const staffAuth = StaffAuthModule.forRoot({
      auth: TEST_AUTH,
      config: { policy: TEST_POLICY, directory: TEST_DIRECTORY },
    });
    @Module({ imports: [staffAuth], controllers: [AuditLikeController] })
    class AuditLikeApplication {}
    app = await NestFactory.create(AuditLikeApplication, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app?.close());

  it('admits the roles of the route, as the directory knows them, on real time', async () => {
    const response = await get('AUD-1');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ staffId: 'AUD-1', role: 'auditor' });
  });

  it('refuses other roles (403), no token (401) and staff the directory does not know (401)', async () => {
    expect((await get('RM-1')).status).toBe(403);
    expect((await get()).status).toBe(401);
    expect((await get('NOBODY')).status).toBe(401);
  });

  it('refuses to start demo logins with a public key alone', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() =>
      StaffAuthModule.forRoot({
        auth: { ...TEST_AUTH, secret: undefined, publicKeyPem },
        demoLogins: true,
        config: { policy: TEST_POLICY, directory: TEST_DIRECTORY },
      }),
    ).toThrow(AlertingAuthConfigError);
  });
});
