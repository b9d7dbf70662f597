import 'reflect-metadata';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { RiskPolicyFileError } from '@churn/risk';
import { readSettings } from './settings';
import { StandaloneModule } from './standalone.module';

const POLICY = join(__dirname, '../../../deploy/policy/risk-policy.yaml');

describe('npm start with its risk policy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'standalone-'));
  const settings = (env: NodeJS.ProcessEnv) => readSettings({ DATA_DIR: dir, ...env });

  it('reads deploy/policy/risk-policy.yaml unless RISK_POLICY_FILE names another', () => {
    expect(readSettings({}).riskPolicyFile).toBe('deploy/policy/risk-policy.yaml');
    expect(readSettings({ RISK_POLICY_FILE: 'p.yaml' }).riskPolicyFile).toBe('p.yaml');
  });

  it('does not start with a bad policy, and says which file and key', () => {
    const bad = join(dir, 'bad-policy.yaml');
    writeFileSync(bad, readFileSync(POLICY, 'utf8').replace('watch: 35', 'watch: 0'));
    expect(() => StandaloneModule.with(settings({ RISK_POLICY_FILE: bad }))).toThrow(
      new RiskPolicyFileError(bad, 'bands.watch', 'bands.watch must be an integer 1..100, got 0'),
    );
  });

  it('starts with the risk engine and alerting wired; customer data only behind sign-in', async () => {
    const app = await NestFactory.create(
      StandaloneModule.with(settings({ RISK_POLICY_FILE: POLICY, DEMO_CUSTOMERS: '0' })),
      {
        logger: false,
      },
    );
    try {
      await app.listen(0, '127.0.0.1');
      const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
      // Customer data only behind staff sign-in: no unguarded read model routes remain.
      for (const open of ['/customers/C-1', '/customers/C-1/risk', '/branch/overview'])
        expect((await fetch(`${url}${open}`)).status).toBe(404);
      expect((await fetch(`${url}/audit/customers/C-1/state`)).status).toBe(401);
      const health = (await (await fetch(`${url}/health`)).json()) as { checks: object };
      expect(health.checks).toHaveProperty('risk-engine');
      expect(health.checks).toHaveProperty('alerting');
      expect((await fetch(`${url}/alerts`)).status).toBe(401);
      const login = await fetch(`${url}/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ staffId: 'RM-001' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const inbox = await fetch(`${url}/alerts`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(inbox.status).toBe(200);
      expect(await inbox.json()).toMatchObject({ items: [], nextCursor: null });
    } finally {
      await app.close();
    }
  });
});
