import { collect } from '../../collect';
import type { EventStore } from '../../event-store.port';
import { aFact, facts, ids, uniquePrefix } from '../event-fixtures';
import { SLOW_TEST_MS, type CurrentStore } from './store-under-test';

const revisions = (events: readonly { readonly revision: number }[]): number[] =>
  events.map((e) => e.revision);

const tenEvents = async (store: EventStore): Promise<string> => {
  const stream = `${uniquePrefix()}customer-1`;
  await store.append(stream, facts(10), { expectedRevision: 'no_stream' });
  return stream;
};

export const readContract = (current: CurrentStore): void => {
  describe('reading one stream', () => {
    it('reads a stream that does not exist as empty, in both directions', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-404`;
      expect(await collect(store.readStream(stream))).toEqual([]);
      expect(await collect(store.readStream(stream, { direction: 'backwards' }))).toEqual([]);
      expect(await store.loadStream(stream)).toEqual([]);
    });

    it('returns what was appended: id, type, data, metadata, and when it was recorded', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const fact = aFact({
        metadata: {
          correlationId: 'corr-1',
          causationId: 'cause-1',
          source: { topic: 'payroll.disbursements.v1', partition: 3, offset: '9007199254740993' },
        },
      });
      const { position } = await store.append(stream, [fact], { expectedRevision: 'no_stream' });
      const [read] = await collect(store.readStream(stream));
      expect(read).toMatchObject({ ...fact, stream, revision: 0, position });
      expect(new Date(read?.recordedAt ?? '').toISOString()).toBe(read?.recordedAt);
    });

    it('reads backwards from the last event', async () => {
      const { store } = current();
      const stream = await tenEvents(store);
      expect(
        revisions(await collect(store.readStream(stream, { direction: 'backwards', maxCount: 3 }))),
      ).toEqual([9, 8, 7]);
    });

    it.each([
      [{ fromRevision: 2, toRevision: 5 }, [2, 3, 4, 5]],
      [{ fromRevision: 8, maxCount: 5 }, [8, 9]],
      [{ direction: 'backwards', fromRevision: 7, toRevision: 4 }, [7, 6, 5, 4]],
      [{ direction: 'backwards', toRevision: 8 }, [9, 8]],
      [{ fromRevision: 12 }, []],
    ] as const)('bounds a read by revision: %j', async (options, expected) => {
      const { store } = current();
      const stream = await tenEvents(store);
      expect(revisions(await collect(store.readStream(stream, options)))).toEqual(expected);
      expect(revisions(await store.loadStream(stream, options))).toEqual(expected);
    });

    it('bounds a read by business time as instants, from inclusive to exclusive, in revision order', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const at = (occurredAt: string) => aFact({ occurredAt });
      // 00:00+08:00 on 1 March is 16:00Z on 29 February: a string comparison would let it in.
      const events = [
        at('2024-03-01T00:00:00+08:00'),
        at('2024-03-02T00:00:00Z'),
        at('2024-03-01T12:00:00Z'),
        at('2024-03-03T00:00:00Z'),
      ];
      await store.append(stream, events, { expectedRevision: 'no_stream' });
      const window = { fromTime: '2024-03-01T00:00:00Z', toTime: '2024-03-03T00:00:00Z' };
      expect(revisions(await collect(store.readStream(stream, window)))).toEqual([1, 2]);
      expect(revisions(await store.loadStream(stream, window))).toEqual([1, 2]);
      expect(
        revisions(await collect(store.readStream(stream, { ...window, direction: 'backwards' }))),
      ).toEqual([2, 1]);
      expect(
        revisions(
          await collect(store.readStream(stream, { toTime: '2024-03-01T00:00:00Z', maxCount: 1 })),
        ),
      ).toEqual([0]);
    });

    it(
      'reads a long stream whole, across pages',
      async () => {
        const { store } = current();
        const stream = `${uniquePrefix()}customer-1`;
        for (let i = 0; i < 25; i++) {
          await store.append(stream, facts(100), {
            expectedRevision: i === 0 ? 'no_stream' : i * 100 - 1,
          });
        }
        const all = await collect(store.readStream(stream));
        expect(revisions(all)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
        expect(await store.loadStream(stream)).toEqual(all);
        expect(
          revisions(
            await collect(store.readStream(stream, { direction: 'backwards', maxCount: 1500 })),
          )[1499],
        ).toBe(1000);
      },
      SLOW_TEST_MS,
    );
  });

  describe('reading all streams in global order', () => {
    it('continues after an exclusive position, filtered by stream prefix, up to maxCount', async () => {
      const { store } = current();
      const p = uniquePrefix();
      const [a, b, c, d] = [aFact(), aFact(), aFact(), aFact()];
      const first = await store.append(`${p}customer-1`, [a], { expectedRevision: 'no_stream' });
      await store.append(`${p}alert-1`, [b], { expectedRevision: 'no_stream' });
      await store.append(`${p}customer-2`, [c, d], { expectedRevision: 'no_stream' });
      const after = (options: object) =>
        collect(store.readAll({ fromPosition: first.position, ...options }));
      expect(ids(await after({ streamPrefixes: [p] }))).toEqual(ids([b, c, d]));
      expect(ids(await after({ streamPrefixes: [`${p}customer-`] }))).toEqual(ids([c, d]));
      expect(
        ids(await after({ streamPrefixes: [`${p}customer-`, `${p}alert-`], maxCount: 2 })),
      ).toEqual(ids([b, c]));
      expect(
        ids(await collect(store.readAll({ fromPosition: 'start', streamPrefixes: [p] }))),
      ).toHaveLength(4);
    });
  });
};
