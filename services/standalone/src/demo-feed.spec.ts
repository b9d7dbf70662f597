import { InMemoryCheckpointStore, InMemoryEventStore } from '@churn/event-store';
import { DEMO_FEED_CHECKPOINT, DemoBranchFeed, type DemoFeedOptions } from './demo-feed';

const OPTIONS: DemoFeedOptions = {
  customers: 12,
  years: 1,
  seed: 7,
  liveDays: 3,
  liveDaysPerSecond: 200,
};

const countEvents = async (store: InMemoryEventStore): Promise<number> => {
  let n = 0;
  for await (const _ of store.readAll()) n++;
  return n;
};

describe('the demo branch feed', () => {
  it('loads the history at once, then feeds the last days live, through ingestion', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = new InMemoryCheckpointStore();
    const feed = new DemoBranchFeed(store, checkpoints, OPTIONS);
    const history: number[] = [];
    await feed.run(new AbortController().signal, (p) => history.push(p.daysFed));
    expect(history).toEqual([feed.status.totalDays - OPTIONS.liveDays]);
    expect(feed.status).toMatchObject({ daysFed: feed.status.totalDays, deadLettered: 0 });
    expect(feed.status.stored).toBe(feed.status.messages);
    expect(await countEvents(store)).toBeGreaterThanOrEqual(feed.status.stored);
  });

  it('resumes after the last day fed, storing nothing twice', async () => {
    const store = new InMemoryEventStore();
    const checkpoints = new InMemoryCheckpointStore();
    const stop = new AbortController();
    const first = new DemoBranchFeed(store, checkpoints, { ...OPTIONS, liveDays: 60 });
    await first.run(stop.signal, () => stop.abort());
    const paused = await checkpoints.load(DEMO_FEED_CHECKPOINT);
    const storedBefore = await countEvents(store);
    expect(first.status.daysFed).toBeLessThan(first.status.totalDays);

    const second = new DemoBranchFeed(store, checkpoints, { ...OPTIONS, liveDaysPerSecond: 0 });
    await second.run(new AbortController().signal, () => undefined);
    expect(await checkpoints.load(DEMO_FEED_CHECKPOINT)).toBeGreaterThan(paused ?? 0);

    const fresh = new InMemoryEventStore();
    await new DemoBranchFeed(fresh, new InMemoryCheckpointStore(), {
      ...OPTIONS,
      liveDaysPerSecond: 0,
    }).run(new AbortController().signal, () => undefined);
    expect(await countEvents(store)).toBe(await countEvents(fresh));
    expect(storedBefore).toBeLessThan(await countEvents(fresh));
  });
});
