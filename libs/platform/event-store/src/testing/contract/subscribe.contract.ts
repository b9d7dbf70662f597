import { collect } from '../../collect';
import type { EventStore } from '../../event-store.port';
import { InMemoryCheckpointStore } from '../../in-memory/in-memory-checkpoint-store';
import {
  aFact,
  facts,
  ids,
  iterate,
  nextEvents,
  staysQuiet,
  uniquePrefix,
} from '../event-fixtures';
import { SLOW_TEST_MS, type CurrentStore } from './store-under-test';

/** A position just before this test's events, so a shared EventStoreDB need not be read from its start. */
const mark = async (store: EventStore, prefix: string): Promise<number> =>
  (await store.append(`${prefix}marker`, facts(1), { expectedRevision: 'no_stream' })).position;

export const subscribeContract = (current: CurrentStore): void => {
  describe('a catch-up subscription', () => {
    it(
      'delivers the history, then live appends, with no gap and no duplicate',
      async () => {
        const { store } = current();
        const p = uniquePrefix();
        const from = await mark(store, p);
        for (let i = 0; i < 6; i++) {
          await store.append(`${p}customer-${i % 3}`, facts(100), { expectedRevision: 'any' });
        }
        const subscription = store.subscribe({
          fromPosition: from,
          streamPrefixes: [`${p}customer-`],
        });
        const events = iterate(subscription);
        const history = await nextEvents(events, 300);
        // Live appends race the rest of the catch-up on purpose: the hand-over must hold.
        const writes = Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.append(`${p}customer-${i % 4}`, facts(2), { expectedRevision: 'any' }),
          ),
        );
        const rest = await nextEvents(events, 340);
        await writes;
        const expected = await collect(
          store.readAll({ fromPosition: from, streamPrefixes: [`${p}customer-`] }),
        );
        expect(ids([...history, ...rest])).toEqual(ids(expected));
        expect(expected).toHaveLength(640);
        expect(await staysQuiet(events)).toBe(true);
        await subscription.close();
      },
      SLOW_TEST_MS,
    );

    it(
      'resumes from a saved checkpoint with exactly the events not yet handled',
      async () => {
        const { store, checkpoints = new InMemoryCheckpointStore() } = current();
        const p = uniquePrefix();
        const subscriber = `${p}risk-engine`;
        const from = await mark(store, p);
        const before = facts(5);
        await store.append(`${p}customer-1`, before, { expectedRevision: 'no_stream' });

        const first = store.subscribe({ fromPosition: from, streamPrefixes: [`${p}customer-`] });
        const handled = await nextEvents(iterate(first), 3);
        await checkpoints.save(subscriber, handled[2]?.position ?? -1);
        await first.close();

        const after = facts(2);
        await store.append(`${p}customer-1`, after, { expectedRevision: 4 });
        const checkpoint = (await checkpoints.load(subscriber)) ?? 'start';
        const second = store.subscribe({
          fromPosition: checkpoint,
          streamPrefixes: [`${p}customer-`],
        });
        const events = iterate(second);
        expect(ids(await nextEvents(events, 4))).toEqual(ids([...before.slice(3), ...after]));
        expect(await staysQuiet(events)).toBe(true);
        await second.close();
      },
      SLOW_TEST_MS,
    );

    it(
      'delivers only the streams whose names start with a requested prefix',
      async () => {
        const { store } = current();
        const p = uniquePrefix();
        const from = await mark(store, p);
        const [payroll, raised, deposit] = [aFact(), aFact({ type: 'ChurnRiskRaised' }), aFact()];
        await store.append(`${p}customer-1`, [payroll], { expectedRevision: 'no_stream' });
        await store.append(`${p}employer-1`, facts(2), { expectedRevision: 'no_stream' });
        await store.append(`${p}alert-1`, [raised], { expectedRevision: 'no_stream' });
        await store.append(`${p}customer-1`, [deposit], { expectedRevision: 0 });
        const subscription = store.subscribe({
          fromPosition: from,
          streamPrefixes: [`${p}customer-`, `${p}alert-`],
        });
        const events = iterate(subscription);
        expect(ids(await nextEvents(events, 3))).toEqual(ids([payroll, raised, deposit]));
        expect(await staysQuiet(events)).toBe(true);
        await subscription.close();
      },
      SLOW_TEST_MS,
    );

    it(
      'ends the iteration when closed or aborted while waiting for live events',
      async () => {
        const { store } = current();
        const p = uniquePrefix();
        const from = await mark(store, p);
        const abort = new AbortController();
        const subscription = store.subscribe({
          fromPosition: from,
          streamPrefixes: [p],
          signal: abort.signal,
        });
        const drained = collect(subscription);
        setTimeout(() => abort.abort(), 50);
        await expect(drained).resolves.toEqual([]);

        const closing = store.subscribe({ fromPosition: from, streamPrefixes: [p] });
        const pending = iterate(closing).next();
        await closing.close();
        await expect(pending).resolves.toMatchObject({ done: true });
      },
      SLOW_TEST_MS,
    );
  });
};
