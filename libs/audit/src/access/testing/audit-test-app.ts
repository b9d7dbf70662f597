import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  loadAlertingConfig,
  StaffTokens,
  tokenKeysOf,
  type AlertingAuthOptions,
  type AlertingConfig,
  type Clock,
} from '@churn/alerting';
import { EVENT_STORE, SqliteEventStore } from '@churn/event-store';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditApiModule, serveAuditOpenApi } from '../../audit-api.module';
import type { RawMessageReader } from '../../explain/raw-messages';
import { AuditReadModels } from '../../history/audit-read-models';
import { RiskPolicyRegistry } from '../../rerun/risk-policy-registry';

export const TEST_AUTH: AlertingAuthOptions = {
  secret: 'audit-api-test-secret-not-for-any-real-use-0123',
  issuer: 'churn-bank-test',
  audience: 'alerting-api',
  tokenTtlSeconds: 3_600,
};

/** The branch the simulator writes (BR-X, RM-001…) and its staff: the shipped files. */
export const SHIPPED_CONFIG: AlertingConfig = loadAlertingConfig();

export interface ApiResponse {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

export interface AuditTestApp {
  readonly app: INestApplication;
  readonly url: string;
  readonly models: AuditReadModels;
  tokenFor(staffId: string): Promise<string>;
  get(path: string, as?: string): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** A temporary embedded store, as the services open it; `remove` closes and deletes it. */
export const temporaryStore = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const store = SqliteEventStore.open(join(dir, 'events.db'), {
    synchronous: 'NORMAL',
    pollIntervalMs: 5,
  });
  return {
    store,
    remove: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/**
 * The audit API as its service runs it, for HTTP tests: a real Nest application on a free port
 * over a real store, staff tokens signed with a test secret, the shipped staff directory.
 */
export const startAuditTestApp = async (options: {
  readonly store: SqliteEventStore;
  readonly policies?: RiskPolicyRegistry;
  readonly rawMessages?: RawMessageReader;
  readonly clock?: Clock;
  readonly config?: AlertingConfig;
}): Promise<AuditTestApp> => {
  const clock = options.clock ?? { now: () => new Date() };
  const { store } = options;

  @Global()
  @Module({
    providers: [
      { provide: EVENT_STORE, useValue: { store, checkpoints: store.checkpointStore() } },
    ],
    exports: [EVENT_STORE],
  })
  class TestStore {}

  @Module({
    imports: [
      TestStore,
      AuditApiModule.forRoot({
        auth: TEST_AUTH,
        config: options.config ?? SHIPPED_CONFIG,
        authRoutes: true,
        riskPolicies: options.policies ?? RiskPolicyRegistry.fromDirectory('deploy/policy'),
        clock,
        ...(options.rawMessages ? { rawMessages: options.rawMessages } : {}),
      }),
    ],
  })
  class TestApplication {}

  const app = await NestFactory.create(TestApplication, { logger: false });
  serveAuditOpenApi(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  // Tokens keep real time, whatever the audit clock says (as `tokenClock` defaults to here).
  const tokens = new StaffTokens(tokenKeysOf(TEST_AUTH), { now: () => new Date() });
  const tokenFor = async (staffId: string) => (await tokens.issueStaffToken(staffId)).accessToken;
  return {
    app,
    url,
    models: app.get(AuditReadModels),
    tokenFor,
    get: async (path, as = 'AUD-001') => {
      const response = await fetch(`${url}${path}`, {
        headers: { authorization: `Bearer ${await tokenFor(as)}` },
      });
      const text = await response.text();
      const json = (response.headers.get('content-type') ?? '').includes('json');
      return { status: response.status, body: json ? JSON.parse(text) : text };
    },
    close: () => app.close(),
  };
};
