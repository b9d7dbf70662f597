import { collect } from '../../collect';
import { aFact, facts, uniquePrefix } from '../event-fixtures';
import type { CurrentStore } from './store-under-test';

export const headContract = (current: CurrentStore): void => {
  describe("the store's head position", () => {
    it('is 0 while there is nothing to read', async () => {
      const { store } = current();
      // A shared EventStoreDB holds other runs' events: the claim is about a store with none.
      if ((await collect(store.readAll({ maxCount: 1 }))).length > 0) return;
      expect(await store.headPosition()).toBe(0);
    });

    it('follows the last append in any stream, and an idempotent retry leaves it', async () => {
      const { store } = current();
      const p = uniquePrefix();
      const first = [aFact()];
      const one = await store.append(`${p}customer-1`, first, { expectedRevision: 'no_stream' });
      expect(await store.headPosition()).toBe(one.position);
      const three = await store.append(`${p}alert-1`, facts(3), { expectedRevision: 'no_stream' });
      expect(three.position).toBeGreaterThan(one.position);
      expect(await store.headPosition()).toBe(three.position);
      await store.append(`${p}customer-1`, first, { expectedRevision: 'no_stream' });
      expect(await store.headPosition()).toBe(three.position);
    });

    it('is the position of the last event a read of all streams returns', async () => {
      const { store } = current();
      const p = uniquePrefix();
      const { position: from } = await store.append(`${p}customer-1`, facts(2), {
        expectedRevision: 'no_stream',
      });
      await store.append(`${p}customer-2`, facts(5), { expectedRevision: 'no_stream' });
      const after = await collect(store.readAll({ fromPosition: from }));
      expect(await store.headPosition()).toBe(after[after.length - 1]?.position);
    });
  });
};
