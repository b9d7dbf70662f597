import { collect } from '../../collect';
import { WrongExpectedRevisionError } from '../../event-store.errors';
import { aFact, facts, ids, refusalOf, uniquePrefix } from '../event-fixtures';
import type { CurrentStore } from './store-under-test';

export const appendContract = (current: CurrentStore): void => {
  describe('appending with an expected revision', () => {
    it('creates a stream with no_stream and continues it with the revision the writer read', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const first = await store.append(stream, facts(2), { expectedRevision: 'no_stream' });
      const second = await store.append(stream, facts(1), { expectedRevision: first.nextRevision });
      expect(first.nextRevision).toBe(1);
      expect(second.nextRevision).toBe(2);
      expect(second.position).toBeGreaterThan(first.position);
    });

    it('refuses no_stream on an existing stream, naming the actual revision', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      await store.append(stream, facts(1), { expectedRevision: 'no_stream' });
      const error = await refusalOf(
        store.append(stream, facts(1), { expectedRevision: 'no_stream' }),
      );
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({
        code: 'EVENT_STORE_WRONG_EXPECTED_REVISION',
        stream,
        expected: 'no_stream',
        actual: 0,
      });
    });

    it('refuses a stale exact revision and writes nothing', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      await store.append(stream, facts(3), { expectedRevision: 'no_stream' });
      const error = await refusalOf(store.append(stream, facts(2), { expectedRevision: 1 }));
      expect(error).toMatchObject({
        code: 'EVENT_STORE_WRONG_EXPECTED_REVISION',
        expected: 1,
        actual: 2,
      });
      expect(await collect(store.readStream(stream))).toHaveLength(3);
    });

    it('refuses an exact revision on a stream that does not exist', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const error = await refusalOf(store.append(stream, facts(1), { expectedRevision: 0 }));
      expect(error).toMatchObject({
        code: 'EVENT_STORE_WRONG_EXPECTED_REVISION',
        actual: 'no_stream',
      });
    });

    it('appends with any whatever the stream holds', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      await store.append(stream, facts(1), { expectedRevision: 'any' });
      const result = await store.append(stream, facts(2), { expectedRevision: 'any' });
      expect(result.nextRevision).toBe(2);
    });

    it('lets exactly one of two concurrent writers with the same revision win', async () => {
      const { store } = current();
      const p = uniquePrefix();
      await store.append(`${p}alert-1`, facts(1), { expectedRevision: 'no_stream' });
      const others = Array.from({ length: 8 }, (_, i) =>
        store.append(`${p}customer-${i}`, facts(1), { expectedRevision: 'no_stream' }),
      );
      const racers = [0, 1].map(() =>
        store.append(`${p}alert-1`, facts(1), { expectedRevision: 0 }),
      );
      const settled = await Promise.allSettled([...racers, ...others]);
      const [a, b] = settled;
      expect([a?.status, b?.status].sort()).toEqual(['fulfilled', 'rejected']);
      expect(settled.slice(2).every((s) => s.status === 'fulfilled')).toBe(true);
      expect(await collect(store.readStream(`${p}alert-1`))).toHaveLength(2);
    });
  });

  describe('a redelivered batch (same event ids)', () => {
    it('appends nothing and returns the original revision and position', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const batch = facts(3);
      const original = await store.append(stream, batch, { expectedRevision: 'no_stream' });
      await expect(store.append(stream, batch, { expectedRevision: 'no_stream' })).resolves.toEqual(
        original,
      );
      await expect(store.append(stream, batch, { expectedRevision: 'any' })).resolves.toEqual(
        original,
      );
      expect(ids(await collect(store.readStream(stream)))).toEqual(ids(batch));
    });

    it('succeeds even when its expected revision went stale meanwhile', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const [first, second] = [aFact(), aFact()];
      const original = await store.append(stream, [first, second], {
        expectedRevision: 'no_stream',
      });
      await store.append(stream, facts(2), { expectedRevision: original.nextRevision });
      await expect(
        store.append(stream, [first, second], { expectedRevision: 'no_stream' }),
      ).resolves.toEqual(original);
      const [stored] = await collect(store.readStream(stream, { maxCount: 1 }));
      // A retry of the batch's first part alone is still a retry: it gets that part's originals.
      await expect(store.append(stream, [first], { expectedRevision: 7 })).resolves.toEqual({
        nextRevision: 0,
        position: stored?.position,
      });
      expect(await collect(store.readStream(stream))).toHaveLength(4);
    });

    it('refuses a batch mixing stored and new ids, and writes none of it', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const [stored, fresh] = [aFact(), aFact()];
      await store.append(stream, [stored], { expectedRevision: 'no_stream' });
      for (const batch of [
        [stored, fresh],
        [fresh, stored],
      ]) {
        const error = await refusalOf(store.append(stream, batch, { expectedRevision: 'any' }));
        expect(error).toMatchObject({
          code: 'EVENT_STORE_DUPLICATE_EVENT_ID',
          stream,
          eventId: stored.id,
        });
      }
      expect(ids(await collect(store.readStream(stream)))).toEqual([stored.id]);
    });
  });

  describe('order', () => {
    it('numbers each stream 0..n-1 and orders positions across streams as appended', async () => {
      const { store } = current();
      const p = uniquePrefix();
      await store.append(`${p}customer-1`, facts(3), { expectedRevision: 'no_stream' });
      await store.append(`${p}customer-2`, facts(2), { expectedRevision: 'no_stream' });
      await store.append(`${p}customer-1`, facts(1), { expectedRevision: 2 });
      const one = await collect(store.readStream(`${p}customer-1`));
      const all = await collect(store.readAll({ streamPrefixes: [p] }));
      expect(one.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      expect(all.map((e) => `${e.stream.slice(p.length)}@${e.revision}`)).toEqual([
        'customer-1@0',
        'customer-1@1',
        'customer-1@2',
        'customer-2@0',
        'customer-2@1',
        'customer-1@3',
      ]);
      expect(all.every((e, i) => i === 0 || e.position > (all[i - 1]?.position ?? Infinity))).toBe(
        true,
      );
    });
  });

  describe('events the store cannot keep faithfully', () => {
    it.each([
      ['an empty batch', []],
      ['a batch repeating an id', [aFact({ id: 'dup-1' }), aFact({ id: 'dup-1' })]],
      ['business time without offset', [aFact({ occurredAt: '2024-03-01T09:00:00' })]],
      ['data that is not JSON', [aFact({ data: { amount: BigInt(1) } })]],
    ])('refuses %s', async (_, batch) => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const error = await refusalOf(store.append(stream, batch, { expectedRevision: 'any' }));
      expect(error.code).toBe('EVENT_STORE_INVALID_EVENT');
      expect(await collect(store.readStream(stream))).toEqual([]);
    });
  });
};
