import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RISK_POLICY } from '@churn/domain-risk';
import { EventStoreModule, SqliteEventStore } from '@churn/event-store';
import { ObservabilityModule } from '@churn/observability';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { bigTransferStory, inBusinessTimeOrder, salaryStopsStory, storeFacts } from '../testing';
import { RiskEngineRunner } from './risk-engine.runner';
import { RiskModule } from './risk.module';

interface Signal {
  readonly code: string;
  readonly evidenceEventIds: readonly string[];
  readonly explanation: string;
}

/**
 * The risk engine in a Nest application on the embedded store, as `npm start` runs it: facts
 * stored first (as `npm run ingest` would), then the application starts, catches up, and
 * appends the risk it finds; its API explains it.
 */
describe('the risk module started over a store holding two churn stories', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'risk-module-')), 'events.db');
  let app: INestApplication;
  let url: string;
  let lastFact: number;
  const get = async (route: string) => {
    const response = await fetch(`${url}${route}`);
    return { status: response.status, body: (await response.text()) as string };
  };

  beforeAll(async () => {
    const store = SqliteEventStore.open(path);
    lastFact = await storeFacts(
      store,
      inBusinessTimeOrder([...salaryStopsStory(), ...bigTransferStory()]),
    );
    store.close();
    @Module({
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot({ kind: 'embedded', path }),
        RiskModule.forRoot({
          policy: DEFAULT_RISK_POLICY,
          loop: { flushEveryMs: 20 },
          serveCustomerRisk: true,
          // Two stories, a few hundred facts on partition 0 of each topic: too few deliveries
          // for the 15 declared partitions that never deliver to go idle (64 runs), so none are
          // declared; the watermark still runs over the three topics.
          watermark: { expectedSources: [] },
        }),
      ],
    })
    class TestApplication {}
    app = await NestFactory.create(TestApplication, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const { loop } = app.get(RiskEngineRunner);
    await loop.handledUpTo(lastFact);
    await loop.flush();
  }, 30_000);

  afterAll(() => app?.close());

  const raisedFor = async (customerId: string) => {
    const stored = SqliteEventStore.open(path);
    try {
      const events = await stored.loadStream(`customer-${customerId}`);
      const raised = events.find((e) => e.type === 'ChurnRiskRaised');
      return {
        ids: new Set(events.map((e) => e.id)),
        raised: raised?.data as { signals: Signal[] },
      };
    } finally {
      stored.close();
    }
  };

  it.each([
    ['story-salary', 'payroll-stopped'],
    ['story-transfer', 'large-outbound-transfer'],
  ])(
    'appends ChurnRiskRaised for %s naming %s, with evidence that is in the store',
    async (customerId, code) => {
      const { ids, raised } = await raisedFor(customerId);
      expect(raised.signals.map((s) => s.code)).toEqual([code]);
      const evidence = raised.signals.flatMap((s) => s.evidenceEventIds);
      expect(evidence.length).toBeGreaterThan(0);
      for (const id of evidence) expect(ids.has(id)).toBe(true);
    },
  );

  it("explains a customer's risk over HTTP: signals, explanations, evidence, policy version", async () => {
    const { status, body } = await get('/customers/story-salary/risk');
    expect(status).toBe(200);
    expect(JSON.parse(body)).toMatchObject({
      customerId: 'story-salary',
      policyVersion: '2026-11-1',
      risk: { status: 'raised', signalCodes: expect.arrayContaining(['payroll-stopped']) },
      signals: expect.arrayContaining([
        expect.objectContaining({
          code: 'payroll-stopped',
          explanation: expect.stringContaining('E-A'),
        }),
      ]),
    });
  });

  it('answers 404 naming a customer it has never seen', async () => {
    const { status, body } = await get('/customers/C-404/risk');
    expect(status).toBe(404);
    expect(body).toContain('C-404');
  });

  it('reports itself on /health and /metrics', async () => {
    expect(JSON.parse((await get('/health')).body)).toMatchObject({
      checks: { 'risk-engine': { up: true, detail: { policyVersion: '2026-11-1' } } },
    });
    const metrics = (await get('/metrics')).body;
    expect(metrics).toMatch(/risk_events_folded_total \d+/);
    expect(metrics).toContain('risk_events_raised_total{band="watch"}');
    expect(metrics).toContain('risk_fold_duration_seconds_bucket');
    expect(metrics).toMatch(/^risk_engine_lag_events \d+$/m);
  });

  it('saves its checkpoint on a graceful stop', async () => {
    const runner = app.get(RiskEngineRunner);
    await app.close();
    const stored = SqliteEventStore.open(path);
    const checkpoint = await stored.checkpointStore().load('risk-engine');
    stored.close();
    expect(checkpoint).toBe(runner.loop.status.position);
    expect(checkpoint).toBeGreaterThanOrEqual(lastFact);
  });
});
