import { SqliteEventStore } from '@churn/event-store';
import { bigTransferStory, branchFeed, salaryStopsStory } from './branch-history';
import { recordedFacts } from './engine-run';
import { runWatermarked } from './loop-run';
import { partitioned, roundRobin } from './partitioned-feed';
import { storeCopies } from './store-copies';
import { riskEventsJson, storeRecorded } from './stored-feed';

/**
 * A branch (20 customers and two stories over two years) stored as a backlog of seven
 * partitions, 300 facts of each in turn (`backlog`), once in a template file; and the risk
 * events one uninterrupted run behind the test watermark appends to a copy of it
 * (`uninterrupted`).
 */
export const storedBacklog = async (prefix: string) => {
  const copies = storeCopies(prefix);
  const feed = recordedFacts(branchFeed(20, 2, [salaryStopsStory(), bigTransferStory()]));
  const backlog = roundRobin(partitioned(feed, '2017-06-15T10:00:00+08:00'), () => 300);
  const store = SqliteEventStore.open(copies.template, { synchronous: 'NORMAL' });
  const last = await storeRecorded(store, backlog);
  store.close();
  const once = copies.copy();
  await runWatermarked(once, last);
  const uninterrupted = await riskEventsJson(once);
  once.close();
  return { ...copies, backlog, last, uninterrupted };
};
