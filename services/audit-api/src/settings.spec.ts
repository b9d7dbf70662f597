import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaffTokens, tokenKeysOf } from '@churn/alerting';
import { BranchAnalyticsModule, serveAuditOpenApi } from '@churn/audit';
import { NestFactory } from '@nestjs/core';
import { AuditApiServiceModule } from './audit-api-service.module';
import { readSettings } from './settings';

const SECRET = { ALERTING_JWT_SECRET: 'a-test-secret-that-is-at-least-32-bytes-long' };

describe('the audit API service read from its environment', () => {
  it('defaults to the embedded store, port 3004, the shipped staff and policy files, no Kafka', () => {
    const settings = readSettings(SECRET);
    expect(settings).toMatchObject({
      store: { kind: 'embedded', path: 'data/events.db' },
      port: 3004,
      alertingPolicyFile: 'deploy/policy/alerting-policy.yaml',
      directoryFile: 'deploy/directory/branch-staff.yaml',
      riskPolicyDir: 'deploy/policy',
      kafkaBrokers: null,
      demoLogins: false,
      snapshotCustomers: 128,
      branchAnalytics: true,
    });
    expect(settings.auth.secret).toBe(SECRET.ALERTING_JWT_SECRET);
    expect(settings.consoleDir).toMatch(/dist\/console$/);
    expect(readSettings({ ...SECRET, CONSOLE_DIR: '/srv/console' }).consoleDir).toBe(
      '/srv/console',
    );
  });

  it('reads the brokers raw messages are fetched from', () => {
    expect(readSettings({ ...SECRET, KAFKA_BROKERS: 'k1:9092, k2:9092' }).kafkaBrokers).toEqual([
      'k1:9092',
      'k2:9092',
    ]);
  });

  it('makes a secret of its own for demo logins only', () => {
    expect(readSettings({ AUDIT_DEMO_LOGINS: 'true' }).auth.secret).toEqual(expect.any(String));
    expect(() => readSettings({})).toThrow(/ALERTING_JWT_SECRET/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535, got "eighty"'],
    [{ AUDIT_SNAPSHOT_CUSTOMERS: '0' }, /AUDIT_SNAPSHOT_CUSTOMERS must be an integer from 1/],
    [{ AUDIT_DEMO_LOGINS: 'yes' }, 'AUDIT_DEMO_LOGINS must be true or false, got "yes"'],
    [{ AUDIT_BRANCH_ANALYTICS: 'off' }, 'AUDIT_BRANCH_ANALYTICS must be true or false, got "off"'],
    [
      { EVENTSTORE_URL: 'http://x' },
      'EVENTSTORE_URL must be an esdb:// connection string, got "http://x"',
    ],
  ])('refuses %p naming the setting', (env, message) => {
    expect(() => readSettings({ ...SECRET, ...env })).toThrow(message);
  });

  it('stops start-up on a missing policy directory, naming it', () => {
    const settings = { ...readSettings(SECRET), riskPolicyDir: 'deploy/no-such-policies' };
    expect(() => AuditApiServiceModule.with(settings)).toThrow(/deploy\/no-such-policies/);
  });
});

describe('the audit API service started on an empty store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-api-service-'));
  const settings = readSettings({ ...SECRET, DATA_DIR: dir, HOST: '127.0.0.1' });
  let url = '';
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const app = await NestFactory.create(AuditApiServiceModule.with(settings), { logger: false });
    serveAuditOpenApi(app, [BranchAnalyticsModule]);
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    close = () => app.close();
  }, 30_000);
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /health, /metrics and its OpenAPI document', async () => {
    const health = (await (await fetch(`${url}/health`)).json()) as {
      checks: Record<string, { up: boolean }>;
    };
    expect(health.checks['audit']?.up).toBe(true);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
    const document = (await (await fetch(`${url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/audit/customers/{customerId}/events',
        '/audit/customers/{customerId}/state',
        '/audit/customers/{customerId}/diff',
        '/audit/customers/{customerId}/timeline',
        '/audit/customers/{customerId}/risk-decisions',
        '/audit/customers/{customerId}/rerun',
        '/audit/alerts/{alertId}/explanation',
        '/auth/me',
        '/audit/branch/tier-counts',
        '/ops/ingestion',
      ]),
    );
  });

  it("takes the alerting API's tokens and records nothing for a customer it does not know", async () => {
    const tokens = new StaffTokens(tokenKeysOf(settings.auth), { now: () => new Date() });
    const { accessToken } = await tokens.issueStaffToken('AUD-001');
    const response = await fetch(`${url}/audit/customers/C-NONE/state`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(404);
  });
});
