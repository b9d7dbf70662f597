import { InMemoryEventStore, collect } from '@churn/event-store';
import {
  bigTransferStory,
  branchFeed,
  defaultEngine,
  salaryStopsStory,
  storeFacts,
} from '../testing';

/**
 * Replay is the product (ARCHITECTURE.md principle 4): the stored history of a small branch —
 * twenty generated salaried customers over three years and two churn stories — replayed through
 * the engine twice gives the same risk events, byte for byte.
 */
describe('a stored branch history replayed through the risk engine', () => {
  const replay = async (store: InMemoryEventStore): Promise<string> => {
    const engine = defaultEngine();
    const outputs = (await collect(store.readAll())).flatMap((e) => engine.handle(e));
    return JSON.stringify(outputs);
  };
  let store: InMemoryEventStore;
  let first: string;

  beforeAll(async () => {
    store = new InMemoryEventStore();
    await storeFacts(store, branchFeed(20, 3, [salaryStopsStory(), bigTransferStory()]));
    first = await replay(store);
  });

  it('raises risk for both stories', () => {
    expect(first).toContain('"customerId":"story-salary"');
    expect(first).toContain('"customerId":"story-transfer"');
  });

  it('yields byte-identical risk events the second time', async () =>
    expect(await replay(store)).toBe(first));
});
