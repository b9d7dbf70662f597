import { SqliteEventStore } from '@churn/event-store';
import {
  bigTransferStory,
  branchFeed,
  countingCheckpoints,
  defaultEngine,
  riskEventsJson,
  runLoop,
  salaryStopsStory,
  storeCopies,
  storeFacts,
  TEST_LOOP,
} from '../testing';
import { RiskEngineLoop } from './risk-engine-loop';

/**
 * "Restart at any point changes nothing": the risk engine over a stored branch history on the
 * embedded store, uninterrupted, against runs that crash after k inputs — before appending the
 * last outputs, or after appending them but before saving the checkpoint — and restart from the
 * stored checkpoint with a fresh engine.
 */
describe('the risk engine crashing and restarting over a stored branch', () => {
  const { template, copy } = storeCopies('risk-loop-');
  let lastFact = 0;
  let uninterrupted: string[] = [];

  beforeAll(async () => {
    const store = SqliteEventStore.open(template, { synchronous: 'NORMAL' });
    lastFact = await storeFacts(store, branchFeed(20, 3, [salaryStopsStory(), bigTransferStory()]));
    store.close();
    const run = copy();
    const checkpoints = countingCheckpoints(run.checkpointStore());
    await runLoop(run, checkpoints, lastFact);
    uninterrupted = await riskEventsJson(run);
    expect(checkpoints.saves).toBeGreaterThan(1);
    expect(checkpoints.saves).toBeLessThan(lastFact / 100);
    run.close();
  }, 60_000);

  it('writes risk events for the branch', () => expect(uninterrupted.length).toBeGreaterThan(20));

  it.each([
    [0.05, false],
    [0.37, true],
    [0.61, false],
    [0.93, true],
  ])(
    'ends with the same store after a crash at %p of the inputs (last outputs appended: %p)',
    async (fraction, appended) => {
      const store = copy();
      const checkpoints = store.checkpointStore();
      const afterInputs = Math.floor(lastFact * fraction);
      const crashed = await runLoop(store, checkpoints, lastFact, {
        crash: { afterInputs, appended },
      });
      expect(crashed.status.crashed).toBe(true);
      const stored = (await checkpoints.load('risk-engine')) ?? 0;
      expect(stored).toBeLessThan(afterInputs);
      const restarted = await runLoop(store, checkpoints, lastFact);
      expect(restarted.status.resumedAfter).toBe(stored);
      const events = await riskEventsJson(store);
      expect(events).toEqual(uninterrupted);
      const ids = events.map((e) => (JSON.parse(e) as { id: string }).id);
      expect(new Set(ids).size).toBe(ids.length);
      store.close();
    },
    30_000,
  );

  it('appends risk events soon after their inputs, long before the checkpoint that covers them', async () => {
    const store = copy();
    const checkpoints = store.checkpointStore();
    let reported = 0;
    const loop = new RiskEngineLoop(
      store,
      checkpoints,
      defaultEngine(),
      {
        ...TEST_LOOP,
        flushEveryInputs: Number.MAX_SAFE_INTEGER,
        flushEveryMs: 600_000,
        appendOutputsWithinMs: 10,
      },
      { onFlushed: (outputs) => (reported += outputs.length) },
    );
    try {
      await loop.start();
      await loop.handledUpTo(lastFact, 60_000);
      const deadline = Date.now() + 5_000;
      while ((await riskEventsJson(store)).length < uninterrupted.length && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await riskEventsJson(store)).toEqual(uninterrupted);
      expect((await checkpoints.load('risk-engine')) ?? null).toBeNull();
      expect(reported).toBe(uninterrupted.length);
      await loop.stop();
      expect(await checkpoints.load('risk-engine')).toBeGreaterThanOrEqual(lastFact);
      expect(await riskEventsJson(store)).toEqual(uninterrupted);
    } finally {
      await loop.stop();
      store.close();
    }
  }, 30_000);
});
