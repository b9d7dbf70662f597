import { generateCustomerHistory } from '@churn/domain-customer/testing';
import type { BankFact } from '@churn/domain-facts';
import { accessStream } from '@churn/alerting';
import { customerStream } from '@churn/ingestion';
import {
  startAuditTestApp,
  temporaryStore,
  type AuditTestApp,
} from '../access/testing/audit-test-app';
import { runRiskEngine, storeFacts } from '../access/testing/stored-history';

const byTime = (facts: readonly BankFact[]): BankFact[] =>
  facts
    .map((fact, i) => ({ fact, i, ms: Date.parse(fact.data.occurredAt) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i)
    .map(({ fact }) => fact);

describe('the history of a six-year customer, read page by page by an auditor', () => {
  const { store, remove } = temporaryStore('audit-history');
  const customer = generateCustomerHistory({ customerId: 'C-HIST', seed: 4, years: 6 });
  const neighbour = generateCustomerHistory({ customerId: 'C-NEXT', seed: 5, years: 1 });
  let api: AuditTestApp;

  beforeAll(async () => {
    const last = await storeFacts(store, byTime([...customer, ...neighbour]));
    await runRiskEngine(store, store.checkpointStore(), last);
    api = await startAuditTestApp({ store });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    remove();
  });

  const walk = async (query: string, limit: number) => {
    const items: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const after = cursor === '' ? '' : `&cursor=${cursor}`;
      const { status, body } = await api.get(
        `/audit/customers/C-HIST/events?limit=${limit}${query}${after}`,
      );
      expect(status).toBe(200);
      items.push(...body.items);
      cursor = body.nextCursor;
      pages += 1;
    }
    return { items, pages };
  };

  it('walks every event of the stream once, in revision order', async () => {
    const stored = await store.loadStream(customerStream('C-HIST'));
    const { items, pages } = await walk('', 500);
    expect(items.map((i) => i.eventId)).toEqual(stored.map((e) => e.id));
    expect(items.map((i) => i.revision)).toEqual(stored.map((_, r) => r));
    expect(pages).toBe(Math.ceil(stored.length / 500));
  }, 30_000);

  it('shows where each event sits, when it happened and was recorded, and where it came from', async () => {
    const { body } = await api.get('/audit/customers/C-HIST/events?limit=3&type=PayrollCredited');
    const first = body.items[0];
    const stored = (await store.loadStream(customerStream('C-HIST'))).find(
      (e) => e.id === first.eventId,
    );
    expect(first).toEqual({
      eventId: stored?.id,
      type: 'PayrollCredited',
      stream: 'customer-C-HIST',
      revision: stored?.revision,
      position: stored?.position,
      occurredAt: stored?.metadata.occurredAt,
      recordedAt: stored?.recordedAt,
      source: {
        topic: 'payroll.disbursements.v1',
        partition: expect.any(Number),
        offset: expect.stringMatching(/^\d+$/),
      },
      causationId: null,
      data: stored?.data,
    });
  });

  it('keeps only the asked types, across pages of 37', async () => {
    const stored = await store.loadStream(customerStream('C-HIST'));
    const wanted = stored.filter(
      (e) => e.type === 'PayrollCredited' || e.type === 'ComplaintFiled',
    );
    const { items } = await walk('&type=PayrollCredited,ComplaintFiled', 37);
    expect(items.map((i) => i.eventId)).toEqual(wanted.map((e) => e.id));
  }, 30_000);

  it('keeps a business-time window, a bank date as upper bound taking its whole day in', async () => {
    const from = Date.parse('2016-03-01T00:00:00+08:00');
    const to = Date.parse('2016-04-01T00:00:00+08:00');
    const inWindow = (await store.loadStream(customerStream('C-HIST'))).filter((e) => {
      const ms = Date.parse(e.metadata.occurredAt);
      return ms >= from && ms < to;
    });
    expect(inWindow.length).toBeGreaterThan(20);
    const { items } = await walk('&from=2016-03-01&to=2016-03-31', 11);
    expect(items.map((i) => i.eventId)).toEqual(inWindow.map((e) => e.id));
    const instants = await walk(
      '&from=2016-03-01T00:00:00%2B08:00&to=2016-04-01T00:00:00%2B08:00',
      500,
    );
    expect(instants.items.map((i) => i.eventId)).toEqual(inWindow.map((e) => e.id));
  });

  it.each([
    ['an unknown field', '?colour=red', 'colour'],
    ['a page of 501', '?limit=501', 'limit'],
    ['a cursor it did not give', '?cursor=12', 'cursor'],
    ['a type list that is not one', '?type=Payroll%20Credited', 'type'],
    ['a moment without an offset', '?from=2016-03-01T00:00:00', 'from'],
  ])('refuses %s, naming the field', async (_what, query, field) => {
    const { status, body } = await api.get(`/audit/customers/C-HIST/events${query}`);
    expect(status).toBe(400);
    expect(body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it("records every query in the reader's access stream, with the route and the query", async () => {
    await api.get('/audit/customers/C-HIST/events?limit=5&type=ComplaintFiled', 'AUD-002');
    const log = await store.loadStream(accessStream('AUD-002'));
    expect(log.map((e) => e.type)).toEqual(['CustomerDataAccessed']);
    expect(log[0]?.data).toMatchObject({
      staffId: 'AUD-002',
      role: 'auditor',
      route: 'GET /audit/customers/C-HIST/events?limit=5&type=ComplaintFiled',
      customerIds: ['C-HIST'],
      alertIds: [],
      query: { limit: 5, type: 'ComplaintFiled' },
    });
  });

  it('refuses an operator and a caller without a token, and knows no customer without events', async () => {
    expect((await api.get('/audit/customers/C-HIST/events', 'OPS-001')).status).toBe(403);
    expect((await fetch(`${api.url}/audit/customers/C-HIST/events`)).status).toBe(401);
    const missing = await api.get('/audit/customers/C-NOBODY/events');
    expect(missing).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: 'customer C-NOBODY not found' },
    });
  });
});
