import 'reflect-metadata';
import { raiseCommand, TEST_AT, TEST_DIRECTORY, TEST_POLICY } from '@churn/domain-alert/testing';
import { EVENT_STORE, InMemoryCheckpointStore, InMemoryEventStore } from '@churn/event-store';
import { ObservabilityModule } from '@churn/observability';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AlertingEngine, AlertingModule } from '../alerting.module';
import { tokenKeysOf } from '../auth/alerting-auth-options';
import { StaffTokens } from '../auth/staff-tokens';
import { AlertingApiModule } from './alerting-api.module';
import { TEST_AUTH } from './testing/api-test-app';

/**
 * The API composed as a service composes it: the engine module provides the ports, the API module
 * imports that same module instance, the store comes from the process.
 */
describe('the alerting API next to the alerting engine', () => {
  const store = new InMemoryEventStore();
  const now = new Date(Date.parse(TEST_AT) + 3_600_000);
  const clock = { now: () => new Date(now) };
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    @Global()
    @Module({
      providers: [
        {
          provide: EVENT_STORE,
          useValue: { store, checkpoints: new InMemoryCheckpointStore(), description: 'test' },
        },
      ],
      exports: [EVENT_STORE],
    })
    class TestStore {}

    const engine = AlertingModule.forRoot({
      config: { policy: TEST_POLICY, directory: TEST_DIRECTORY },
      clock,
      bridge: false,
    });
    @Module({
      imports: [
        ObservabilityModule,
        TestStore,
        engine,
        AlertingApiModule.forRoot({ auth: TEST_AUTH, imports: [engine] }),
      ],
    })
    class Service {}

    app = await NestFactory.create(Service, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app?.close());

  it('shares one engine between the two modules', () => {
    expect(app.get(AlertingEngine, { each: true, strict: false })).toHaveLength(1);
  });

  it("serves the engine's alerts and runs commands through its repository", async () => {
    const { repository, book } = app.get(AlertingEngine);
    const { appended } = await repository.execute('A-1', raiseCommand());
    await book.caughtUpTo(appended[appended.length - 1]?.position ?? 0);
    const token = (await new StaffTokens(tokenKeysOf(TEST_AUTH), clock).issueStaffToken('RM-1'))
      .accessToken;
    const headers = { authorization: `Bearer ${token}` };
    const inbox = await fetch(`${url}/alerts`, { headers });
    expect(((await inbox.json()) as { total: number }).total).toBe(1);
    const acknowledged = await fetch(`${url}/alerts/A-1/acknowledge`, { method: 'POST', headers });
    expect(acknowledged.status).toBe(200);
    expect(book.get('A-1')?.state.acknowledgedAt).toBe(now.toISOString());
  });
});
