import type { SqliteEventStore } from '@churn/event-store';
import { riskEventsJson, runWatermarked, storedBacklog } from '../testing';

/**
 * The rule "outputs of inputs after the checkpoint" with facts held behind the watermark: a
 * store filled as a backlog (seven partitions, 300 facts of each in turn) holds facts that the
 * engine folds several inputs after their own; a crash and a restart from the checkpoint must
 * still end with the same store. The engine's outputs are a function of the inputs so far, so
 * the held facts are re-held by the rebuild and their decisions come out at the same input.
 */
describe('the risk engine behind its watermark crashing and restarting over a backlog', () => {
  let last = 0;
  let uninterrupted: string[] = [];
  let copy: () => SqliteEventStore;

  beforeAll(async () => {
    ({ last, uninterrupted, copy } = await storedBacklog('risk-watermark-'));
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
