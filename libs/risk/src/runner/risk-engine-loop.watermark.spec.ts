import { DEFAULT_RISK_POLICY } from '@churn/domain-risk';
import { SqliteEventStore, type EventStore } from '@churn/event-store';
import { RiskEngine } from '../engine/risk-engine';
import { DEFAULT_REVIEW_SCHEDULE } from '../engine/review-schedule';
import type { RecordedInput } from '../engine/engine-input';
import {
  appendInChunks,
  bigTransferStory,
  branchFeed,
  partitioned,
  recordedFacts,
  riskEventsJson,
  roundRobin,
  runLoop,
  salaryStopsStory,
  storeCopies,
} from '../testing';
import type { RiskLoopOptions } from './risk-engine-loop';

/** Appends in the given order, 500 a tick; returns the position of the last. */
const storeInOrder = (store: EventStore, inputs: readonly RecordedInput[]): Promise<number> =>
  appendInChunks(
    store,
    inputs.map(({ stream, id, type, data, metadata }) => ({
      stream,
      event: { id, type, data, metadata: metadata as never },
    })),
  );

const runWatermarked = (
  store: SqliteEventStore,
  last: number,
  options: Partial<RiskLoopOptions> = {},
) =>
  runLoop(
    store,
    store.checkpointStore(),
    last,
    options,
    new RiskEngine({
      policy: DEFAULT_RISK_POLICY,
      reviews: DEFAULT_REVIEW_SCHEDULE,
      watermark: { idleAfterRuns: 4, idleAfterInputs: 50_000, maxHeldFacts: 50_000 },
    }),
  );

/**
 * The rule "outputs of inputs after the checkpoint" with facts held behind the watermark: a
 * store filled as a backlog (seven partitions, 300 facts of each in turn) holds facts that the
 * engine folds several inputs after their own; a crash and a restart from the checkpoint must
 * still end with the same store. The engine's outputs are a function of the inputs so far, so
 * the held facts are re-held by the rebuild and their decisions come out at the same input.
 */
describe('the risk engine behind its watermark crashing and restarting over a backlog', () => {
  const { template, copy } = storeCopies('risk-watermark-');
  let last = 0;
  let uninterrupted: string[] = [];

  beforeAll(async () => {
    const feed = recordedFacts(branchFeed(20, 2, [salaryStopsStory(), bigTransferStory()]));
    const backlog = roundRobin(partitioned(feed, '2017-06-15T10:00:00+08:00'), () => 300);
    const store = SqliteEventStore.open(template, { synchronous: 'NORMAL' });
    last = await storeInOrder(store, backlog);
    store.close();
    const run = copy();
    await runWatermarked(run, last);
    uninterrupted = await riskEventsJson(run);
    run.close();
  }, 120_000);

  it('writes risk events for the branch', () => expect(uninterrupted.length).toBeGreaterThan(20));

  it.each([
    [0.29, false],
    [0.71, true],
  ])(
    'ends with the same store after a crash at %p of the inputs (last outputs appended: %p)',
    async (fraction, appended) => {
      const store = copy();
      const afterInputs = Math.floor(last * fraction);
      const crashed = await runWatermarked(store, last, {
        crash: { afterInputs, appended },
      });
      expect(crashed.status.crashed).toBe(true);
      await runWatermarked(store, last);
      const events = await riskEventsJson(store);
      expect(events).toEqual(uninterrupted);
      store.close();
    },
    60_000,
  );
});
