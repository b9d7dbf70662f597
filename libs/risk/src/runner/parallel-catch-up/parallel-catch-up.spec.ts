import type { SqliteEventStore } from '@churn/event-store';
import {
  riskEventsJson,
  runWatermarked as run,
  storedBacklog,
  TEST_LOOP,
  WATERMARKED,
} from '../../testing';
import { RiskEngine } from '../../engine/risk-engine';
import { RiskEngineLoop, type RiskLoopOptions } from '../risk-engine-loop';

/**
 * A restart after a crash half-way through a backlog (seven partitions, facts held behind the
 * watermark): the catch-up up to the checkpoint spread over shard threads, this one reading the
 * file on its own connection, must leave the store as one thread leaves it.
 */
describe('a restart whose catch-up is spread over threads', () => {
  let last = 0;
  let uninterrupted: string[] = [];
  let copy: () => { readonly file: string; readonly store: SqliteEventStore };

  beforeAll(async () => {
    const stored = await storedBacklog('risk-parallel-catch-up-');
    ({ last, uninterrupted, copyWithFile: copy } = stored);
  }, 120_000);

  it('writes risk events for the branch', () => expect(uninterrupted.length).toBeGreaterThan(20));

  it.each([2, 3])(
    'ends with the same store, on %p threads, as without a crash',
    async (threads) => {
      const { file, store } = copy();
      const crashed = await run(store, last, {
        crash: { afterInputs: Math.floor(last * 0.6), appended: false },
      });
      expect(crashed.status.checkpoint).toBeGreaterThan(last / 3);
      const restarted = await run(store, last, {
        storeFile: file,
        catchUpThreads: threads,
        catchUpThreadsFrom: 0,
      });
      expect(restarted.status.catchUpThreads).toBe(threads);
      expect(await riskEventsJson(store)).toEqual(uninterrupted);
      store.close();
    },
    120_000,
  );

  const threaded = (file: string): Partial<RiskLoopOptions> => ({
    storeFile: file,
    catchUpThreads: 2,
    catchUpThreadsFrom: 0,
  });

  it('stops cleanly in the middle of a re-fold on threads; the next start finishes it', async () => {
    const { file, store } = copy();
    await run(store, last, { crash: { afterInputs: Math.floor(last * 0.6), appended: false } });
    const options = { ...TEST_LOOP, ...threaded(file) };
    const loop = new RiskEngineLoop(
      store,
      store.checkpointStore(),
      new RiskEngine(WATERMARKED),
      options,
    );
    await loop.start();
    expect(loop.status.catchUpThreads).toBe(2);
    await loop.stop();
    expect(loop.status.failed).toBe(false);
    expect(loop.status.position).toBeLessThan(loop.status.resumedAfter);
    await run(store, last, threaded(file));
    expect(await riskEventsJson(store)).toEqual(uninterrupted);
    store.close();
  }, 120_000);

  it('crashes in the middle of a re-fold on threads; the next start finishes it', async () => {
    const { file, store } = copy();
    await run(store, last, { crash: { afterInputs: Math.floor(last * 0.6), appended: false } });
    const crashed = await run(store, last, {
      ...threaded(file),
      crash: { afterInputs: 300, appended: true },
    });
    expect(crashed.status.crashed).toBe(true);
    await run(store, last, threaded(file));
    expect(await riskEventsJson(store)).toEqual(uninterrupted);
    store.close();
  }, 120_000);

  it('folds on one thread when the checkpoint is nearer than catchUpThreadsFrom', async () => {
    const { file, store } = copy();
    await run(store, last, { crash: { afterInputs: Math.floor(last * 0.6), appended: false } });
    const restarted = await run(store, last, {
      storeFile: file,
      catchUpThreads: 2,
      catchUpThreadsFrom: last,
    });
    expect(restarted.status.catchUpThreads).toBe(1);
    expect(await riskEventsJson(store)).toEqual(uninterrupted);
    store.close();
  }, 120_000);
});
