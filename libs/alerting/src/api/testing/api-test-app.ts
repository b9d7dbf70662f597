import 'reflect-metadata';
import type { RaiseAlert, StaffDirectory } from '@churn/domain-alert';
import { raiseCommand, TEST_AT, TEST_DIRECTORY, TEST_POLICY } from '@churn/domain-alert/testing';
import { EVENT_STORE, InMemoryEventStore } from '@churn/event-store';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { tokenKeysOf, type AlertingAuthOptions } from '../../auth/alerting-auth-options';
import { StaffTokens } from '../../auth/staff-tokens';
import {
  ALERT_COMMANDS,
  ALERT_READ_MODEL,
  ALERTING_CONFIG,
  CLOCK,
  type Clock,
} from '../../ports/alerting-ports';
import { AlertBook } from '../../read-model/alert-book';
import { AlertRepository } from '../../store/alert-repository';
import { AlertingApiModule } from '../alerting-api.module';
import { serveAlertingOpenApi } from '../openapi';

/**
 * The alerting API as a process runs it, for HTTP tests: a real Nest application on a free port,
 * the real repository and read model over an in-memory store, a clock the test moves, and tokens
 * signed with a test secret.
 */
export const TEST_AUTH: AlertingAuthOptions = {
  secret: 'alerting-api-test-secret-not-for-any-real-use',
  issuer: 'churn-bank-test',
  audience: 'alerting-api',
  tokenTtlSeconds: 3_600,
};

export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

export interface ApiTestApp {
  readonly app: INestApplication;
  readonly url: string;
  readonly store: InMemoryEventStore;
  readonly repository: AlertRepository;
  readonly book: AlertBook;
  /** Set the clock (ISO instant); it starts at `TEST_AT` + 1 hour. */
  setNow(iso: string): void;
  tokenFor(staffId: string): Promise<string>;
  /** `as`: a staff id (a token is issued for them), or `{ token }`, or nothing (no header). */
  call(
    method: string,
    path: string,
    options?: { readonly as?: string; readonly token?: string; readonly body?: unknown },
  ): Promise<ApiResponse>;
  raise(overrides: Partial<RaiseAlert['data']>): Promise<void>;
  close(): Promise<void>;
}

export const startApiTestApp = async (
  options: { readonly demoLogins?: boolean; readonly directory?: StaffDirectory } = {},
): Promise<ApiTestApp> => {
  const directory = options.directory ?? TEST_DIRECTORY;
  let now = new Date(Date.parse(TEST_AT) + 3_600_000);
  const clock: Clock = { now: () => new Date(now) };
  const store = new InMemoryEventStore();
  const repository = new AlertRepository(store);
  const book = new AlertBook(store);
  await book.start();

  @Global()
  @Module({
    providers: [
      { provide: CLOCK, useValue: clock },
      { provide: ALERTING_CONFIG, useValue: { policy: TEST_POLICY, directory } },
      { provide: ALERT_COMMANDS, useValue: repository },
      { provide: ALERT_READ_MODEL, useValue: book },
      { provide: EVENT_STORE, useValue: { store } },
    ],
    exports: [CLOCK, ALERTING_CONFIG, ALERT_COMMANDS, ALERT_READ_MODEL, EVENT_STORE],
  })
  class TestPorts {}

  @Module({
    imports: [
      TestPorts,
      AlertingApiModule.forRoot({ auth: TEST_AUTH, demoLogins: options.demoLogins ?? false }),
    ],
  })
  class TestApplication {}

  const app = await NestFactory.create(TestApplication, { logger: false });
  serveAlertingOpenApi(app);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const tokens = new StaffTokens(tokenKeysOf(TEST_AUTH), clock);
  const tokenFor = async (staffId: string) => (await tokens.issueStaffToken(staffId)).accessToken;

  return {
    app,
    url,
    store,
    repository,
    book,
    setNow: (iso) => (now = new Date(iso)),
    tokenFor,
    call: async (method, path, { as, token, body } = {}) => {
      const bearer = token ?? (as === undefined ? undefined : await tokenFor(as));
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      const json = (response.headers.get('content-type') ?? '').includes('json');
      return {
        status: response.status,
        headers: response.headers,
        body: json ? JSON.parse(text) : text,
      };
    },
    raise: async (overrides) => {
      const { appended } = await repository.execute(
        overrides.alertId ?? 'A-1',
        raiseCommand({ directory, ...overrides }),
      );
      const last = appended[appended.length - 1];
      if (last === undefined) throw new Error(`alert ${overrides.alertId} was not raised`);
      await book.caughtUpTo(last.position);
    },
    close: async () => {
      await app.close();
      await book.stop();
    },
  };
};
