import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextDeadline } from '@churn/domain-alert';
import { TEST_AT } from '@churn/domain-alert/testing';
import { EventStoreModule, SqliteEventStore } from '@churn/event-store';
import { ObservabilityModule } from '@churn/observability';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AlertingEngine, AlertingModule } from './alerting.module';
import {
  ALERT_COMMANDS,
  ALERT_READ_MODEL,
  CLOCK,
  type AlertCommandPort,
  type AlertReadModel,
} from './ports/alerting-ports';
import { appendRiskEvents, ManualClock, RecordingSender, TEST_CONFIG } from './testing';

/**
 * The engine in a Nest application on the embedded store, as a service runs it: a risk event is
 * in the store before start; the engine raises its alert, notifies, escalates on the injected
 * clock, shows it all on /metrics and /health, and saves its checkpoint on shutdown.
 */
describe('the alerting module started over a store holding a raised risk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alerting-module-'));
  const path = join(dir, 'events.db');
  const clock = new ManualClock(TEST_AT);
  const inbox = new RecordingSender('inbox');
  let app: INestApplication;
  let url: string;
  let riskPosition: number;

  const metrics = async (): Promise<string> => (await fetch(`${url}/metrics`)).text();

  beforeAll(async () => {
    const store = SqliteEventStore.open(path);
    riskPosition = await appendRiskEvents(store, [{ customerId: 'C-1' }]);
    store.close();
    @Module({
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot({ kind: 'embedded', path }),
        AlertingModule.forRoot({
          config: TEST_CONFIG,
          clock,
          senders: [inbox],
          timers: { intervalMs: 0 },
          dispatcher: { intervalMs: 0 },
        }),
      ],
    })
    class TestApplication {}
    app = await NestFactory.create(TestApplication, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const engine = app.get(AlertingEngine);
    await engine.bridge?.settled(riskPosition);
    await engine.dispatcher.tick();
  }, 30_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('provides the ports the API uses, over the same book and repository', async () => {
    const book = app.get<AlertReadModel>(ALERT_READ_MODEL);
    const commands = app.get<AlertCommandPort>(ALERT_COMMANDS);
    const view = book.latestForCustomer('C-1');
    expect(view?.state.status).toBe('open');
    expect((await commands.load(view?.alertId ?? '')).revision).toBe(view?.revision);
    expect(app.get(CLOCK)).toBe(clock);
  });

  it('delivers to the inbox after e-mail and webhook, which are not configured, and counts each attempt', async () => {
    expect(inbox.sent.map((n) => n.recipient.staffId).sort()).toEqual(['RM-1', 'SUP-1']);
    const text = await metrics();
    expect(text).toContain('churn_alerts_open{level="rm",tier="fortune"} 1');
    expect(text).toContain(
      'churn_notification_attempts_total{channel="inbox",outcome="delivered"} 2',
    );
    expect(text).toContain('churn_notification_failures_total{channel="email"} 2');
    expect(text).toContain('churn_alerting_risk_events_total{outcome="raise"} 1');
  });

  it('escalates on the injected clock and counts the escalation and the SLA breach', async () => {
    const engine = app.get(AlertingEngine);
    const view = engine.book.latestForCustomer('C-1');
    const due = view ? nextDeadline(view.state) : null;
    clock.set(new Date(Date.parse(due?.dueAt ?? TEST_AT) + 60_000).toISOString());
    expect(await engine.timers.tick()).toMatchObject({ fired: 1 });
    const text = await metrics();
    expect(text).toContain(
      'churn_alert_escalations_total{from_level="rm",to_level="supervisor",trigger="sla"} 1',
    );
    expect(text).toContain('churn_alert_sla_breaches_total{level="rm",kind="acknowledge"} 1');
    expect(text).toContain('churn_alert_escalation_backlog 0');
  });

  it('reports itself on /health', async () => {
    const health = (await (await fetch(`${url}/health`)).json()) as {
      checks: Record<string, { up: boolean; detail: Record<string, unknown> }>;
    };
    expect(health.checks['alerting']).toMatchObject({ up: true, detail: { alerts: 1 } });
  });

  it('saves the risk bridge checkpoint when the application shuts down', async () => {
    await app.close();
    const store = SqliteEventStore.open(path);
    try {
      expect(await store.checkpointStore().load('alerting-risk-bridge')).toBeGreaterThanOrEqual(
        riskPosition,
      );
    } finally {
      store.close();
    }
  });
});
