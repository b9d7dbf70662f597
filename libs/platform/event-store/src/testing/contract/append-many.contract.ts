import { collect } from '../../collect';
import type { StreamAppendOutcome } from '../../event-store.port';
import { aFact, facts, ids, uniquePrefix } from '../event-fixtures';
import type { CurrentStore } from './store-under-test';

const okResult = (outcome: StreamAppendOutcome | undefined) => {
  if (!outcome?.ok) throw new Error(`expected a stored item, got ${JSON.stringify(outcome)}`);
  return outcome.result;
};

const refusalCode = (outcome: StreamAppendOutcome | undefined): string | undefined =>
  outcome?.ok === false ? outcome.error.code : undefined;

export const appendManyContract = (current: CurrentStore): void => {
  describe('appending to many streams in one call', () => {
    it('stores each item in its stream and reports each one where it landed', async () => {
      const { store } = current();
      const p = uniquePrefix();
      const [a, b, c] = [facts(1), facts(2), facts(1)];
      const outcomes = await store.appendMany([
        { stream: `${p}customer-1`, events: a, expectedRevision: 'no_stream' },
        { stream: `${p}customer-2`, events: b, expectedRevision: 'any' },
        { stream: `${p}customer-3`, events: c, expectedRevision: 'no_stream' },
      ]);
      expect(outcomes).toHaveLength(3);
      const streams = ['customer-1', 'customer-2', 'customer-3'];
      for (const [i, name] of streams.entries()) {
        const stored = await collect(store.readStream(`${p}${name}`));
        const last = stored[stored.length - 1];
        expect(ids(stored)).toEqual(ids([a, b, c][i] ?? []));
        expect(okResult(outcomes[i])).toEqual({
          nextRevision: last?.revision,
          position: last?.position,
        });
      }
    });

    it('applies items to the same stream in the order given, each seeing the ones before', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const [first, second, third] = [aFact(), aFact(), aFact()];
      const outcomes = await store.appendMany([
        { stream, events: [first], expectedRevision: 'no_stream' },
        { stream, events: [second], expectedRevision: 0 },
        { stream, events: [third], expectedRevision: 'any' },
      ]);
      expect(outcomes.map((o) => okResult(o).nextRevision)).toEqual([0, 1, 2]);
      expect(ids(await collect(store.readStream(stream)))).toEqual(ids([first, second, third]));
    });

    it('refuses an item on its own: the others are stored', async () => {
      const { store } = current();
      const p = uniquePrefix();
      await store.append(`${p}customer-2`, facts(1), { expectedRevision: 'no_stream' });
      const outcomes = await store.appendMany([
        { stream: `${p}customer-1`, events: facts(1), expectedRevision: 'no_stream' },
        { stream: `${p}customer-2`, events: facts(1), expectedRevision: 'no_stream' },
        { stream: `${p}customer-3`, events: [], expectedRevision: 'any' },
        { stream: `${p}customer-4`, events: facts(2), expectedRevision: 'no_stream' },
      ]);
      expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true]);
      expect(refusalCode(outcomes[1])).toBe('EVENT_STORE_WRONG_EXPECTED_REVISION');
      expect(refusalCode(outcomes[2])).toBe('EVENT_STORE_INVALID_EVENT');
      expect(await collect(store.readStream(`${p}customer-1`))).toHaveLength(1);
      expect(await collect(store.readStream(`${p}customer-2`))).toHaveLength(1);
      expect(await collect(store.readStream(`${p}customer-3`))).toEqual([]);
      expect(await collect(store.readStream(`${p}customer-4`))).toHaveLength(2);
    });

    it('refuses an event over the size limit as that item only', async () => {
      const { store } = current();
      const p = uniquePrefix();
      const huge = aFact({ data: { note: 'x'.repeat(1024 * 1024) } });
      const outcomes = await store.appendMany([
        { stream: `${p}customer-1`, events: [huge], expectedRevision: 'any' },
        { stream: `${p}customer-2`, events: facts(1), expectedRevision: 'any' },
      ]);
      expect(refusalCode(outcomes[0])).toBe('EVENT_STORE_EVENT_TOO_LARGE');
      expect(outcomes[1]?.ok).toBe(true);
      expect(await collect(store.readStream(`${p}customer-1`))).toEqual([]);
    });

    it('appends nothing for a redelivered call, even with stale revisions, and returns the originals', async () => {
      const { store } = current();
      const p = uniquePrefix();
      const items = [
        { stream: `${p}customer-1`, events: facts(1), expectedRevision: 'no_stream' as const },
        { stream: `${p}customer-2`, events: facts(2), expectedRevision: 'no_stream' as const },
        { stream: `${p}customer-1`, events: facts(1), expectedRevision: 0 },
      ];
      const original = await store.appendMany(items);
      const again = await store.appendMany(items);
      expect(again).toEqual(original);
      expect(await collect(store.readStream(`${p}customer-1`))).toHaveLength(2);
      expect(await collect(store.readStream(`${p}customer-2`))).toHaveLength(2);
    });

    it('refuses an item mixing a stored id with new ones, as append does', async () => {
      const { store } = current();
      const stream = `${uniquePrefix()}customer-1`;
      const [stored, fresh] = [aFact(), aFact()];
      await store.append(stream, [stored], { expectedRevision: 'no_stream' });
      const outcomes = await store.appendMany([
        { stream, events: [fresh, stored], expectedRevision: 'any' },
      ]);
      expect(refusalCode(outcomes[0])).toBe('EVENT_STORE_DUPLICATE_EVENT_ID');
      expect(ids(await collect(store.readStream(stream)))).toEqual([stored.id]);
    });

    it('answers an empty call with no outcomes', async () => {
      await expect(current().store.appendMany([])).resolves.toEqual([]);
    });
  });
};
