import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent, Subscription } from '../event-store.port';

/**
 * A prefix unique to one test, so the contract also runs against a shared, long-lived
 * EventStoreDB: every stream a test touches starts with it, and subscriptions filter on it.
 */
export const uniquePrefix = (): string => `t${randomUUID().replace(/-/g, '').slice(0, 12)}-`;

export interface FactOptions {
  readonly id?: string;
  readonly type?: string;
  readonly data?: unknown;
  readonly occurredAt?: string;
  readonly metadata?: Partial<EventMetadata>;
}

/** A payroll-like fact with a fresh id (uuid, so it is also a valid EventStoreDB id). */
export const aFact = (options: FactOptions = {}): NewEvent => ({
  id: options.id ?? randomUUID(),
  type: options.type ?? 'PayrollCredited',
  data: 'data' in options ? options.data : { employerId: 'E-1', amountFen: '1200000' },
  metadata: {
    occurredAt: options.occurredAt ?? '2024-03-01T09:00:00+08:00',
    schemaVersion: 1,
    ...options.metadata,
  },
});

export const facts = (count: number, options: FactOptions = {}): NewEvent[] =>
  Array.from({ length: count }, () => aFact(options));

export const ids = (events: readonly { readonly id: string }[]): string[] =>
  events.map((e) => e.id);

const timeout = (ms: number): Promise<'timeout'> =>
  new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());

/** The next `count` events of a live iteration; fewer if it stays quiet for `quietMs`. */
export const nextEvents = async (
  iterator: AsyncIterator<RecordedEvent>,
  count: number,
  quietMs = 5000,
): Promise<RecordedEvent[]> => {
  const got: RecordedEvent[] = [];
  while (got.length < count) {
    const next = await Promise.race([iterator.next(), timeout(quietMs)]);
    if (next === 'timeout' || next.done) break;
    got.push(next.value);
  }
  return got;
};

/** True when nothing more arrives within `quietMs`: the "no duplicate" half of a live check. */
export const staysQuiet = async (
  iterator: AsyncIterator<RecordedEvent>,
  quietMs = 200,
): Promise<boolean> => {
  const next = await Promise.race([iterator.next(), timeout(quietMs)]);
  return next === 'timeout' || next.done === true;
};

export const iterate = (subscription: Subscription): AsyncIterator<RecordedEvent> =>
  subscription[Symbol.asyncIterator]();

/** The error a promise rejects with; fails the test if it resolves. */
export const refusalOf = async (
  promise: Promise<unknown>,
): Promise<Error & { readonly code?: string }> => {
  try {
    await promise;
  } catch (error) {
    return error as Error & { readonly code?: string };
  }
  throw new Error('expected the store to refuse, but it accepted');
};
