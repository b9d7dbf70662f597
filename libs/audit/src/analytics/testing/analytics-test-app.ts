import 'reflect-metadata';
import {
  CLOCK,
  StaffAuthModule,
  StaffTokens,
  tokenKeysOf,
  type AlertingAuthOptions,
  type Clock,
} from '@churn/alerting';
import { TEST_DIRECTORY, TEST_POLICY } from '@churn/domain-alert/testing';
import { EVENT_STORE, InMemoryEventStore } from '@churn/event-store';
import { HealthChecks, Metrics } from '@churn/observability';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BranchAnalyticsModule, BranchAnalyticsRunner } from '../branch-analytics.module';
import type { BranchAnalyticsOptions } from '../branch-analytics.options';

const TEST_AUTH: AlertingAuthOptions = {
  secret: 'branch-analytics-test-secret-not-for-any-real-use',
  issuer: 'churn-bank-test',
  audience: 'audit-api',
  tokenTtlSeconds: 3_600,
};

export interface AnalyticsTestApp {
  readonly app: INestApplication;
  readonly store: InMemoryEventStore;
  readonly metrics: Metrics;
  readonly health: HealthChecks;
  /** GET as `staffId` (a token is issued for them) or with no token at all. */
  get(path: string, staffId?: string): Promise<{ readonly status: number; readonly body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
  close(): Promise<void>;
}

/**
 * The branch analytics as a process runs them, for HTTP tests: a real Nest application on a free
 * port, staff sign-in over the test directory (branch BR-T), the given store, a fixed clock in
 * December 2026 (the month the test alerts are worked in).
 */
export const startAnalyticsTestApp = async (
  store: InMemoryEventStore,
  options: Omit<BranchAnalyticsOptions, 'imports'> = {},
): Promise<AnalyticsTestApp> => {
  const clock: Clock = { now: () => new Date('2026-12-20T02:00:00.000Z') };
  const metrics = new Metrics({ processMetrics: false });
  const health = new HealthChecks();

  @Global()
  @Module({
    providers: [
      { provide: EVENT_STORE, useValue: { store } },
      { provide: Metrics, useValue: metrics },
      { provide: HealthChecks, useValue: health },
      { provide: CLOCK, useValue: clock },
    ],
    exports: [EVENT_STORE, Metrics, HealthChecks, CLOCK],
  })
  class TestPorts {}

  const staffAuth = StaffAuthModule.forRoot({
    auth: TEST_AUTH,
    config: { policy: TEST_POLICY, directory: TEST_DIRECTORY },
    tokenClock: clock,
  });

  @Module({
    imports: [TestPorts, BranchAnalyticsModule.forRoot({ ...options, imports: [staffAuth] })],
  })
  class TestApplication {}

  const app = await NestFactory.create(TestApplication, { logger: false });
  await app.listen(0, '127.0.0.1');
  await app.get(BranchAnalyticsRunner).whenStarted();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const tokens = new StaffTokens(tokenKeysOf(TEST_AUTH), clock);
  return {
    app,
    store,
    metrics,
    health,
    get: async (path, staffId) => {
      const token =
        staffId === undefined ? undefined : (await tokens.issueStaffToken(staffId)).accessToken;
      const response = await fetch(`${url}${path}`, {
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: await response.json() };
    },
    close: () => app.close(),
  };
};
