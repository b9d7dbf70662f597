import { generateCustomerHistory } from '@churn/domain-customer/testing';
import { bankDate, bankDayOfMs } from '@churn/domain-kernel';
import { customerStream } from '@churn/ingestion';
import {
  startAuditTestApp,
  temporaryStore,
  type AuditTestApp,
} from '../access/testing/audit-test-app';
import { runRiskEngine, storeFacts } from '../access/testing/stored-history';
import { foldEvents } from './audit-fold';
import { customerStateView } from './customer-state-view';

describe('a five-year customer as the bank knew them on any day', () => {
  const { store, remove } = temporaryStore('audit-as-of');
  const history = generateCustomerHistory({ customerId: 'C-ASOF', seed: 11, years: 5 });
  let api: AuditTestApp;

  beforeAll(async () => {
    const last = await storeFacts(store, history);
    await runRiskEngine(store, store.checkpointStore(), last);
    api = await startAuditTestApp({ store });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    remove();
  });

  const fresh = async (atMs: number) => {
    const events = await store.loadStream(customerStream('C-ASOF'), {
      toTime: new Date(atMs + 1).toISOString(),
    });
    return JSON.parse(JSON.stringify(customerStateView('C-ASOF', foldEvents(events), atMs)));
  };
  const first = Date.parse(history[0]?.data.occurredAt ?? '');
  const last = Date.parse(history[history.length - 1]?.data.occurredAt ?? '');
  const moments = Array.from({ length: 40 }, (_, i) =>
    Math.round(first - 86_400_000 + ((last - first + 2 * 86_400_000) * i) / 39),
  );

  it('answers 40 moments over five years exactly as a fresh fold of the stream up to each', async () => {
    for (const atMs of moments) {
      const at = encodeURIComponent(new Date(atMs).toISOString());
      const { status, body } = await api.get(`/audit/customers/C-ASOF/state?at=${at}`);
      expect(status).toBe(200);
      expect(body).toEqual(await fresh(atMs));
    }
  }, 60_000);

  it('reports AUM, tier, segment, RM, payroll per employer, holdings and lifecycle', async () => {
    const { body } = await api.get('/audit/customers/C-ASOF/state?at=2017-06-30');
    expect(body).toMatchObject({
      customerId: 'C-ASOF',
      at: '2017-06-30T15:59:59.999Z',
      tier: expect.any(String),
      relationshipManager: { rmId: expect.any(String), teamId: 'team-1' },
      payroll: [
        {
          employerId: 'employer-1',
          lastCredit: { date: expect.stringMatching(/^2017-06-/) },
          cadence: { established: true, medianIntervalDays: expect.any(Number) },
          months: expect.any(Number),
        },
      ],
      lifecycleStage: expect.any(String),
    });
    expect(body.payroll[0].credits).toBeGreaterThanOrEqual(40);
    expect(body.eventsFolded).toBeGreaterThan(1_000);
  });

  it('without a moment, answers after the last event', async () => {
    const { body } = await api.get('/audit/customers/C-ASOF/state');
    const all = await store.loadStream(customerStream('C-ASOF'));
    expect(body.eventsFolded).toBe(all.length);
    expect(body.lastPosition).toBe(all[all.length - 1]?.position);
  });

  it('lists what changed between two moments, path by path, with both values', async () => {
    const { status, body } = await api.get(
      '/audit/customers/C-ASOF/diff?from=2016-01-31&to=2016-07-31',
    );
    expect(status).toBe(200);
    const [before, after] = await Promise.all([
      api.get('/audit/customers/C-ASOF/state?at=2016-01-31'),
      api.get('/audit/customers/C-ASOF/state?at=2016-07-31'),
    ]);
    expect(body.from).toEqual({
      at: before.body.at,
      eventsFolded: before.body.eventsFolded,
      lastPosition: before.body.lastPosition,
    });
    const aum = body.changes.find((c: { path: string }) => c.path === 'aumMinor');
    expect(aum).toEqual({ path: 'aumMinor', from: before.body.aumMinor, to: after.body.aumMinor });
    expect(body.changes).toContainEqual({
      path: 'payroll[employer-1].lastCredit.date',
      from: before.body.payroll[0].lastCredit.date,
      to: after.body.payroll[0].lastCredit.date,
    });
    const same = await api.get('/audit/customers/C-ASOF/diff?from=2016-01-31&to=2016-01-31');
    expect(same.body.changes).toEqual([]);
    expect(
      (await api.get('/audit/customers/C-ASOF/diff?from=2016-07-31&to=2016-01-31')).status,
    ).toBe(400);
  });

  it('charts end-of-day AUM for each day, each close the state at the end of that day', async () => {
    const { status, body } = await api.get(
      '/audit/customers/C-ASOF/timeline?from=2016-02-01&to=2016-04-30',
    );
    expect(status).toBe(200);
    expect(body.aum).toHaveLength(29 + 31 + 30);
    expect(body.aum[0].date).toBe('2016-02-01');
    for (const point of body.aum.filter((_: unknown, i: number) => i % 9 === 0)) {
      const state = await api.get(`/audit/customers/C-ASOF/state?at=${point.date}`);
      expect(point.aumMinor).toBe(state.body.aumMinor);
    }
    const kinds = new Set(body.markers.map((m: { kind: string }) => m.kind));
    expect(kinds.has('payroll')).toBe(true);
    for (const marker of body.markers) {
      expect(marker.date >= '2016-02-01' && marker.date <= '2016-04-30').toBe(true);
      expect(marker).toEqual({
        date: marker.date,
        kind: marker.kind,
        label: expect.any(String),
        eventId: expect.any(String),
      });
    }
  }, 30_000);

  it('charts the whole relationship by default', async () => {
    const { body } = await api.get('/audit/customers/C-ASOF/timeline');
    expect(body.from).toBe(bankDate(bankDayOfMs(first)));
    expect(body.to).toBe(bankDate(bankDayOfMs(last)));
    expect(body.aum.length).toBeGreaterThan(1_800);
  });

  it('gives the same answers after its read models are rebuilt from the store', async () => {
    const ask = () =>
      Promise.all([
        api.get('/audit/customers/C-ASOF/state?at=2017-03-15T12:00:00%2B08:00'),
        api.get('/audit/customers/C-ASOF/diff?from=2015-05-31&to=2018-05-31'),
        api.get('/audit/customers/C-ASOF/timeline?from=2018-01-01&to=2018-03-31'),
        api.get('/audit/customers/C-ASOF/events?limit=50&type=PayrollCredited'),
      ]);
    const before = await ask();
    const report = await api.models.rebuild();
    expect(report.customerEvents).toBe((await store.loadStream(customerStream('C-ASOF'))).length);
    expect(api.models.snapshots.size).toBe(0);
    expect(await ask()).toEqual(before);
  }, 30_000);
});
