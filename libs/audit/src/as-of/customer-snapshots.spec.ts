import { generateCustomerHistory } from '@churn/domain-customer/testing';
import type { BankFact } from '@churn/domain-facts';
import { InMemoryEventStore, type NewEvent } from '@churn/event-store';
import { customerStream } from '@churn/ingestion';
import fc from 'fast-check';
import { ingestedAppends } from '../access/testing/stored-history';
import { foldEvents } from './audit-fold';
import { CustomerSnapshots } from './customer-snapshots';
import { customerStateView } from './customer-state-view';

const CUSTOMER = 'C-SNAP';

const present = <T>(value: T | null | undefined): T => {
  if (value === null || value === undefined) throw new Error('expected a customer history');
  return value;
};
const stream = customerStream(CUSTOMER);

/** Facts that arrive late: copies of card spend re-dated `daysBack` before a later fact's day. */
const lateFacts = (history: readonly BankFact[], every: number, daysBack: number): NewEvent[] =>
  history
    .filter((f, i) => f.type === 'TransactionPosted' && i % every === 0)
    .map((f, i) => ({
      id: `late-${i}`,
      type: f.type,
      data: {
        ...f.data,
        transactionId: `late-${i}`,
        occurredAt: new Date(Date.parse(f.data.occurredAt) - daysBack * 86_400_000).toISOString(),
      },
      metadata: {
        occurredAt: new Date(Date.parse(f.data.occurredAt) - daysBack * 86_400_000).toISOString(),
        schemaVersion: 1,
      },
    }));

describe('month-end snapshots of a four-year customer whose stream holds late facts', () => {
  const store = new InMemoryEventStore();
  const history = generateCustomerHistory({ customerId: CUSTOMER, seed: 9, years: 4 });
  const late = lateFacts(history, 97, 45);
  let first = 0;
  let last = 0;

  beforeAll(async () => {
    const appends = ingestedAppends(history);
    for (let i = 0; i < appends.length; i++) {
      const { stream: s, event } = appends[i] as { stream: string; event: NewEvent };
      await store.append(s, [event], { expectedRevision: 'any' });
      const lateOne = i % 150 === 149 ? late[Math.floor(i / 150)] : undefined;
      if (lateOne !== undefined) await store.append(s, [lateOne], { expectedRevision: 'any' });
    }
    const events = await store.loadStream(stream);
    const times = events.map((e) => Date.parse(e.metadata.occurredAt));
    first = Math.min(...times);
    last = Math.max(...times);
  });

  const freshView = async (atMs: number) => {
    const events = await store.loadStream(stream, { toTime: new Date(atMs + 1).toISOString() });
    return customerStateView(CUSTOMER, foldEvents(events), atMs);
  };

  it('answers every moment exactly as a fresh fold of the events up to it', async () => {
    const snapshots = new CustomerSnapshots(store);
    const customer = await snapshots.history(CUSTOMER);
    expect(customer?.snapshots.length).toBeGreaterThanOrEqual(47);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: first - 86_400_000, max: last + 86_400_000 }),
        async (atMs) => {
          const fold = await snapshots.foldAt(present(customer), atMs);
          expect(customerStateView(CUSTOMER, fold, atMs)).toEqual(await freshView(atMs));
        },
      ),
      { numRuns: 150, seed: 20261123 },
    );
  }, 60_000);

  it('answers month ends and the instants of late facts exactly too', async () => {
    const snapshots = new CustomerSnapshots(store);
    const customer = await snapshots.history(CUSTOMER);
    const moments = [
      ...late.map((e) => Date.parse(e.metadata.occurredAt)),
      ...(customer?.snapshots ?? []).map((s) => s.fold.maxOccurredMs),
    ];
    for (const atMs of moments) {
      const fold = await snapshots.foldAt(present(customer), atMs);
      expect(customerStateView(CUSTOMER, fold, atMs)).toEqual(await freshView(atMs));
    }
  }, 60_000);

  it('keeps up with events appended after it was built, and a rebuilt cache answers the same', async () => {
    const snapshots = new CustomerSnapshots(store);
    const before = await snapshots.history(CUSTOMER);
    const head = before?.head.eventsFolded ?? 0;
    const extra = lateFacts(history, 501, 0).map((e) => ({ ...e, id: `${e.id}-again` }));
    for (const e of extra) await store.append(stream, [e], { expectedRevision: 'any' });
    const after = await snapshots.history(CUSTOMER);
    expect(after?.head.eventsFolded).toBe(head + extra.length);
    const rebuilt = new CustomerSnapshots(store);
    const again = await rebuilt.history(CUSTOMER);
    const atMs = last - 200 * 86_400_000;
    expect(customerStateView(CUSTOMER, await rebuilt.foldAt(present(again), atMs), atMs)).toEqual(
      customerStateView(CUSTOMER, await snapshots.foldAt(present(after), atMs), atMs),
    );
  });

  it('reads an empty stream as no customer', async () => {
    expect(await new CustomerSnapshots(store).history('nobody')).toBeNull();
  });
});
